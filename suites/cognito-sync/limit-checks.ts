// SYNC-LIMIT-1: past 1 MB of keys and values in a dataset, or past 20 datasets for one identity,
// UpdateRecords fails with LimitExceededException and changes nothing. The dataset count is tried
// on a made-up identity of its own (other suites' datasets on the configured identity would
// count too); a target that refuses made-up identities gets n/a.
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { SyncApi } from './api.js';
import { freshIdentityId, uniqueDataset } from './names.js';
import { listAllPages } from './readback.js';

const BIG = 600_000;
const DATASETS_PER_IDENTITY = 20;

async function writeOne(api: SyncApi, dataset: string, key: string, value: string) {
  const l = await api.listPage(dataset);
  const token = l.body?.SyncSessionToken ?? 'lockstep-no-token';
  return api.update(dataset, token, [{ Op: 'replace', Key: key, Value: value, SyncCount: 0 }]);
}

export async function checkByteLimit(api: SyncApi, rec: VerdictRecorder, seed: number): Promise<void> {
  const check = 'a second 600,000-character value would take the dataset past 1 MB';
  const dataset = uniqueDataset('limit-bytes', seed);
  try {
    const first = await writeOne(api, dataset, 'big-1', 'a'.repeat(BIG));
    if (first.status !== 200) return void rec.notApplicable('SYNC-LIMIT-1', 'UpdateRecords', check, `the first 600,000-character value was refused: ${first.status} ${first.errorType ?? first.failure ?? ''}`, [first.exchange]);
    const second = await writeOne(api, dataset, 'big-2', 'b'.repeat(BIG));
    const after = await listAllPages(api, dataset);
    const keys = after.records.map((r) => r.Key);
    const ok = second.status === 400 && second.errorType === 'LimitExceededException' && after.ok && !keys.includes('big-2') && keys.includes('big-1');
    rec.check('SYNC-LIMIT-1', {
      operation: 'UpdateRecords',
      check: `${check}: LimitExceededException, no effect`,
      ok,
      message: ok ? '400 LimitExceededException, dataset unchanged' : `answered ${second.status} ${second.errorType ?? second.failure ?? ''}; listed keys ${JSON.stringify(keys)}`,
      evidence: [first.exchange, second.exchange, ...after.exchanges],
      ...(ok ? {} : { counterexample: ['UpdateRecords[replace big-1 = 600,000 characters @0]', 'UpdateRecords[replace big-2 = 600,000 characters @0]'] }),
    });
  } finally {
    await api.drop(dataset);
  }
}

export async function checkDatasetLimit(api: SyncApi, rec: VerdictRecorder, seed: number): Promise<void> {
  const check = `a ${DATASETS_PER_IDENTITY + 1}st dataset for one identity`;
  const mine = new SyncApi(api.caller, { IdentityPoolId: api.identity.IdentityPoolId, IdentityId: freshIdentityId(api.identity.IdentityId) });
  const made: string[] = [];
  const evidence: Exchange[] = [];
  try {
    for (let i = 0; i < DATASETS_PER_IDENTITY; i++) {
      const name = uniqueDataset(`limit-ds${i}`, seed);
      const r = await writeOne(mine, name, 'k', 'v');
      if (r.status !== 200)
        return void rec.notApplicable('SYNC-LIMIT-1', 'UpdateRecords', check, `dataset ${i + 1} of a made-up identity could not be made: ${r.status} ${r.errorType ?? r.failure ?? ''}`, [r.exchange]);
      made.push(name);
    }
    const extra = uniqueDataset('limit-ds-extra', seed);
    const r = await writeOne(mine, extra, 'k', 'v');
    evidence.push(r.exchange);
    if (r.status === 200) made.push(extra);
    const after = await listAllPages(mine, extra);
    evidence.push(...after.exchanges);
    const ok = r.status === 400 && r.errorType === 'LimitExceededException' && after.ok && after.records.length === 0;
    rec.check('SYNC-LIMIT-1', {
      operation: 'UpdateRecords',
      check: `${check}: LimitExceededException, no effect`,
      ok,
      message: ok ? '400 LimitExceededException, the dataset holds nothing' : `answered ${r.status} ${r.errorType ?? r.failure ?? ''}; the extra dataset lists ${after.records.length} records`,
      evidence,
      ...(ok ? {} : { counterexample: [`UpdateRecords on ${DATASETS_PER_IDENTITY} new datasets of one identity (each 200)`, 'UpdateRecords on one more new dataset'] }),
    });
  } finally {
    for (const name of made) await mine.drop(name);
  }
}
