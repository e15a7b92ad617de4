// Rules the profile leaves open or levels SHOULD, each a single request or two: SYNC-INFO-1 (several
// patches of one key, replace without Value, remove of a key never written, ListRecords after
// DeleteDataset), SYNC-INFO-2 (Client-Context header and DeviceId), SYNC-PATCH-3 (a call with only a
// session token changes nothing), SYNC-REMOVE-1's second half (recreating a removed key), and the
// stale count a recreate at 0 presents against a tombstone (SYNC-COUNT-2).
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { SyncApi } from './api.js';
import { uniqueDataset } from './names.js';
import { listAllPages } from './readback.js';

function short(x: unknown): string {
  return JSON.stringify(x)?.slice(0, 300) ?? 'nothing';
}

async function tokenOf(api: SyncApi, dataset: string): Promise<string> {
  const t = (await api.listPage(dataset)).body?.SyncSessionToken;
  if (typeof t !== 'string') throw new Error('ListRecords issued no SyncSessionToken');
  return t;
}

export async function checkInfoRules(api: SyncApi, rec: VerdictRecorder, seed: number): Promise<void> {
  const dataset = uniqueDataset('info', seed);
  try {
    const token = await tokenOf(api, dataset);
    const info = (check: string, message: string, evidence: Parameters<VerdictRecorder['check']>[1]['evidence']) =>
      rec.check('SYNC-INFO-1', { operation: 'UpdateRecords', check, ok: true, message, evidence: evidence ?? [] });

    const twice = await api.update(dataset, token, [
      { Op: 'replace', Key: 'twice', Value: 'first', SyncCount: 0 },
      { Op: 'replace', Key: 'twice', Value: 'second', SyncCount: 0 },
    ]);
    let l = await listAllPages(api, dataset);
    info('two patches of one key in one request', `answered ${twice.status} ${twice.errorType ?? ''}; Records ${short(twice.body?.Records)}; listed ${short(l.records.filter((r) => r.Key === 'twice'))}`, [twice.exchange, ...l.exchanges]);

    const noValue = await api.update(dataset, token, [{ Op: 'replace', Key: 'novalue', SyncCount: 0 }]);
    l = await listAllPages(api, dataset);
    info('replace without a Value', `answered ${noValue.status} ${noValue.errorType ?? ''}; listed ${short(l.records.filter((r) => r.Key === 'novalue'))}`, [noValue.exchange, ...l.exchanges]);

    const ghost = await api.update(dataset, token, [{ Op: 'remove', Key: 'never-written', SyncCount: 0 }]);
    l = await listAllPages(api, dataset);
    info('remove of a key never written', `answered ${ghost.status} ${ghost.errorType ?? ''}; listed ${short(l.records.filter((r) => r.Key === 'never-written'))}`, [ghost.exchange, ...l.exchanges]);

    await checkRecreate(api, rec, dataset, token);

    // SYNC-PATCH-3: only a token, no RecordPatches: accepted, nothing changes.
    const before = await listAllPages(api, dataset);
    const bare = await api.update(dataset, token, undefined);
    const afterBare = await listAllPages(api, dataset);
    const same = JSON.stringify(before.records) === JSON.stringify(afterBare.records);
    rec.check('SYNC-PATCH-3', {
      operation: 'UpdateRecords',
      check: 'UpdateRecords with a session token and no RecordPatches: 200, nothing changes',
      ok: bare.status === 200 && same,
      message: `answered ${bare.status} ${bare.errorType ?? ''}${same ? '' : '; the records changed'}`,
      evidence: [bare.exchange, ...afterBare.exchanges],
    });

    // SYNC-INFO-2: what DeviceId and the (unimplemented) Client-Context header turn into.
    const dev = await api.send<{ Records?: Array<Record<string, unknown>> }>(
      'UpdateRecords',
      { path: api.address(dataset), header: { 'x-amz-Client-Context': Buffer.from('{"client":{"installation_id":"lockstep"}}').toString('base64') }, body: { SyncSessionToken: token, DeviceId: 'lockstep-device-7', RecordPatches: [{ Op: 'replace', Key: 'device', Value: 'v', SyncCount: 0, DeviceLastModifiedDate: 1_700_000_000 }] } },
    );
    const got = dev.body?.Records?.[0];
    rec.check('SYNC-INFO-2', {
      operation: 'UpdateRecords',
      check: 'DeviceId lockstep-device-7, DeviceLastModifiedDate 1700000000 and a Client-Context header',
      ok: true,
      message: `answered ${dev.status}; LastModifiedBy ${JSON.stringify(got?.LastModifiedBy)}, DeviceLastModifiedDate ${JSON.stringify(got?.DeviceLastModifiedDate)}`,
      evidence: [dev.exchange],
    });

    // ListRecords after DeleteDataset (our reading: DatasetExists false, no records).
    const del = await api.drop(dataset);
    const gone = await listAllPages(api, dataset);
    rec.check('SYNC-INFO-1', {
      operation: 'DeleteDataset',
      check: 'ListRecords after DeleteDataset',
      ok: true,
      message: `DeleteDataset ${del.status}; then DatasetExists ${JSON.stringify(gone.datasetExists)}, ${gone.records.length} records listed`,
      evidence: [del.exchange, ...gone.exchanges],
    });
  } finally {
    await api.drop(dataset);
  }
}

/** Counts as ListRecords shows them (the answers' counts are SYNC-COUNT-1's business). */
async function listedCount(api: SyncApi, dataset: string, key: string): Promise<{ count?: number; tombstone: boolean; listed: boolean }> {
  const r = (await listAllPages(api, dataset)).records.find((x) => x.Key === key);
  return { ...(typeof r?.SyncCount === 'number' ? { count: r.SyncCount } : {}), tombstone: r !== undefined && r.Value === undefined, listed: r !== undefined };
}

/**
 * SYNC-REMOVE-1's second half: a removed key is recreated with its tombstone's SyncCount. Presenting
 * 0 instead is a stale count (SYNC-COUNT-2), judged only when the tombstone is listed.
 */
async function checkRecreate(api: SyncApi, rec: VerdictRecorder, dataset: string, token: string): Promise<void> {
  const made = await api.update(dataset, token, [{ Op: 'replace', Key: 'phoenix', Value: 'one', SyncCount: 0 }]);
  const c1 = (await listedCount(api, dataset, 'phoenix')).count;
  if (made.status !== 200 || c1 === undefined) return;
  const removed = await api.update(dataset, token, [{ Op: 'remove', Key: 'phoenix', SyncCount: c1 }]);
  const tomb = await listedCount(api, dataset, 'phoenix');
  if (removed.status !== 200) return;
  if (tomb.tombstone && tomb.count !== undefined) {
    const fromZero = await api.update(dataset, token, [{ Op: 'replace', Key: 'phoenix', Value: 'two', SyncCount: 0 }]);
    const ok0 = fromZero.status === 409;
    rec.check('SYNC-COUNT-2', {
      operation: 'UpdateRecords',
      check: 'recreating a removed key with SyncCount 0 (stale against its tombstone) is a 409',
      ok: ok0,
      message: `answered ${fromZero.status} ${fromZero.errorType ?? ''}`,
      evidence: [removed.exchange, fromZero.exchange],
      ...(ok0 ? {} : { counterexample: ['UpdateRecords[replace phoenix=one @0]', `UpdateRecords[remove phoenix @${c1}]`, 'UpdateRecords[replace phoenix=two @0]'] }),
    });
  }
  const at = tomb.count ?? c1;
  const again = await api.update(dataset, token, [{ Op: 'replace', Key: 'phoenix', Value: 'three', SyncCount: at }]);
  const ok = tomb.tombstone && again.status === 200;
  rec.check('SYNC-REMOVE-1', {
    operation: 'UpdateRecords',
    check: 'a removed key stays listed as a tombstone and is recreated with the tombstone SyncCount',
    ok,
    message: `after remove: ${tomb.listed ? (tomb.tombstone ? `tombstone at SyncCount ${tomb.count}` : 'still listed with a Value') : 'not listed'}; recreate @${at} answered ${again.status} ${again.errorType ?? ''}`,
    evidence: [made.exchange, removed.exchange, again.exchange],
    ...(ok ? {} : { counterexample: ['UpdateRecords[replace phoenix=one @0]', `UpdateRecords[remove phoenix @${c1}]`, 'ListRecords', `UpdateRecords[replace phoenix=three @${at}]`] }),
  });
}
