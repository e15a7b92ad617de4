// SYNC-TOKEN-1 / SYNC-TOKEN-2: ListRecords issues a SyncSessionToken; UpdateRecords without one, with
// one never issued, or with one issued for another dataset is a 400 InvalidParameterException that
// changes nothing; the issued token works for several UpdateRecords in a row. (The ten minutes of
// validity are not waited for.) SYNC-ERR-1 is judged on the refusals and on a conflict.
import { expectClientError, expectSuccess } from '../harness/common.js';
import { checkError } from '../harness/checks.js';
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { SentResult, SyncApi } from './api.js';
import { uniqueDataset } from './names.js';
import { listAllPages } from './readback.js';

/** SYNC-ERR-1 on an error answer (a success or no answer is judged by the check that expected the error). */
function errVerdict(rec: VerdictRecorder, r: SentResult<unknown>, what: string, shape: string): void {
  if (r.status < 400) return;
  const e = checkError('cognito-sync', 'UpdateRecords', r.raw, { shapes: [shape] });
  rec.check('SYNC-ERR-1', { operation: 'UpdateRecords', check: `${what}: ${shape} with its status and a lowercase message`, ok: e.ok, message: e.message, evidence: [r.exchange] });
}

export async function checkTokens(api: SyncApi, rec: VerdictRecorder, seed: number): Promise<void> {
  const dataset = uniqueDataset('token', seed);
  const other = uniqueDataset('token-other', seed);
  try {
    const l = await api.listPage(dataset);
    expectSuccess(rec, 'cognito-sync', 'ListRecords', l.raw, 'ListRecords of a new dataset', { timestamps: true });
    const token = l.body?.SyncSessionToken;
    const issued = typeof token === 'string' && token !== '';
    rec.check('SYNC-TOKEN-1', { operation: 'ListRecords', check: 'ListRecords returns a SyncSessionToken', ok: issued, message: issued ? 'token issued' : `no SyncSessionToken (${l.status})`, evidence: [l.exchange] });
    if (!issued) return void rec.notApplicable('SYNC-TOKEN-2', 'UpdateRecords', 'session token checks', 'ListRecords issued no SyncSessionToken', [l.exchange]);
    const foreign = (await api.listPage(other)).body?.SyncSessionToken;
    const patch = (key: string, count = 0) => [{ Op: 'replace', Key: key, Value: 'v', SyncCount: count }];
    const refusals: Array<{ id: string; what: string; token: string | undefined; key: string }> = [
      { id: 'SYNC-TOKEN-1', what: 'UpdateRecords without SyncSessionToken', token: undefined, key: 'no-token' },
      { id: 'SYNC-TOKEN-2', what: 'UpdateRecords with a SyncSessionToken never issued', token: `lockstep-never-issued-${seed}`, key: 'bogus-token' },
      ...(typeof foreign === 'string' ? [{ id: 'SYNC-TOKEN-2', what: 'UpdateRecords with the SyncSessionToken of another dataset', token: foreign, key: 'foreign-token' }] : []),
    ];
    for (const c of refusals) {
      const r = await api.update(dataset, c.token, patch(c.key));
      const after = await listAllPages(api, dataset);
      const applied = after.records.some((x) => x.Key === c.key);
      const ok = r.status === 400 && r.errorType === 'InvalidParameterException' && !applied;
      const evidence: Exchange[] = [r.exchange, ...after.exchanges];
      const message = ok ? '400 InvalidParameterException, nothing applied' : `answered ${r.status} ${r.errorType ?? r.failure ?? ''}${applied ? '; the patch was applied' : ''}`;
      rec.check(c.id, { operation: 'UpdateRecords', check: `${c.what}: 400 InvalidParameterException, no effect`, ok, message, evidence, ...(ok ? {} : { counterexample: [`ListRecords ${dataset}`, `${c.what}: replace ${c.key} @0`] }) });
      if (r.status >= 400) expectClientError(rec, 'cognito-sync', 'UpdateRecords', r.raw, c.what);
      errVerdict(rec, r, c.what, 'InvalidParameterException');
    }
    // One issued token, several writes in a row (new keys at 0, so that no count can be in the way).
    const uses: Exchange[] = [];
    let okUses = true;
    let why = '';
    for (let i = 0; i < 3 && okUses; i++) {
      const r = await api.update(dataset, token, patch(`reused-${i}`));
      uses.push(r.exchange);
      okUses = r.status === 200;
      if (!okUses) why = `use ${i + 1} answered ${r.status} ${r.errorType ?? ''} ${r.message ?? ''}`;
    }
    rec.check('SYNC-TOKEN-2', { operation: 'UpdateRecords', check: 'one issued SyncSessionToken serves three UpdateRecords in a row', ok: okUses, message: okUses ? 'three writes accepted' : why, evidence: uses });
    // A conflict: SYNC-ERR-1 (409 with a lowercase message).
    const stale = await api.update(dataset, token, patch('reused-0', 0));
    errVerdict(rec, stale, 'UpdateRecords with a stale SyncCount', 'ResourceConflictException');
  } finally {
    await api.drop(dataset);
    await api.drop(other);
  }
}
