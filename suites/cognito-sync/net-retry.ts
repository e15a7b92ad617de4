// NET-1, targeted and sequential, for Cognito Sync: on a dataset of its own, write a record at
// SyncCount 0 and read its SyncCount N; send a replace presenting N through the lost-response proxy
// set to drop its answer; read (direct) to learn whether it applied; send the identical request
// again, direct; read back. Exactly one of the two attempts may take effect: a retry after an
// applied write presents a stale SyncCount and must be refused without effect; a retry after a
// write that did not apply presents the current count and applies once.
//
// Session tokens: ListRecords issues one; SYNC-TOKEN-2 says it serves any number of UpdateRecords
// calls for ten minutes, so the retry is byte-for-byte the lost request, token included (the
// sequential property reuses one token per run the same way).
import { lossyNotApplicable, recordLostAnswer, startLossyRoute, type LossyTarget, type LostAnswerOutcome } from '../harness/parallel/lossy-route.js';
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ListedRecord, PatchIn, SentResult, SyncApi } from './api.js';
import { uniqueDataset } from './names.js';

export const RETRY_CHECK = 'conditional UpdateRecords whose answer was lost, retried with the same SyncCount';
const OPERATION = 'UpdateRecords';
const KEY = 'net-retry';
const BEFORE = 'before';

/** UpdateRecords' error shapes in the botocore model: the refusals a client can be told about. */
export const MODELLED_ERRORS: readonly string[] = [
  'InvalidParameterException',
  'LimitExceededException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'ResourceConflictException',
  'InvalidLambdaFunctionOutputException',
  'LambdaThrottledException',
  'TooManyRequestsException',
  'InternalErrorException',
];

/** Where the check sends: the target, and clients straight to it or through a given base URL. */
export type SyncNetTarget = LossyTarget<SyncApi>;

/** What a read of the record showed (undefined members: the record is not listed, or lacks them). */
export interface Seen {
  value?: string;
  syncCount?: number;
}

export interface RetryOutcome extends LostAnswerOutcome {
  /** The lost write had applied (seen by the read between the attempts). */
  firstApplied?: boolean;
  /** The retry was answered 200. */
  retryApplied?: boolean;
  /** How many answers the proxy dropped (1 when the answer was really lost). */
  dropped?: number;
}

export async function runLostRetry(t: SyncNetTarget, seed: number, clientName = 'net-retry'): Promise<RetryOutcome> {
  const evidence: Exchange[] = [];
  const steps: string[] = [];
  const na = (message: string): RetryOutcome => ({ status: 'n/a', message, evidence, steps });
  const why = lossyNotApplicable(t.url, t.signed);
  if (why) return na(why);
  const api = t.direct(clientName);
  const dataset = uniqueDataset('net-retry', seed);
  try {
    const opened = await list(api, dataset, evidence);
    if (!opened.token) return na(`ListRecords on a fresh dataset gave no SyncSessionToken (${opened.answer})`);
    const created = await api.update(dataset, opened.token, [{ Op: 'replace', Key: KEY, Value: BEFORE, SyncCount: 0 }]);
    evidence.push(created.exchange);
    if (created.status !== 200) return na(`writing the starting record at SyncCount 0 answered ${showAnswer(created)}`);
    const start = await list(api, dataset, evidence);
    const n = start.seen?.syncCount;
    if (!start.token || start.seen?.value !== BEFORE || typeof n !== 'number') {
      return na(`could not read the starting record, its SyncCount and a fresh SyncSessionToken (${start.answer})`);
    }
    steps.push(`wrote ${JSON.stringify(BEFORE)} at SyncCount 0; read: SyncCount ${n}`);

    const written = `after-${Date.now().toString(36)}`;
    const patches: PatchIn[] = [{ Op: 'replace', Key: KEY, Value: written, SyncCount: n }];
    const first = await sendLost(t, dataset, start.token, patches, `${clientName}-lossy`);
    evidence.push(first.result.exchange);
    if (first.result.status !== 0) return na(`the proxy did not lose the answer: it came back ${showAnswer(first.result)}`);
    if (first.dropped !== 1) return na(`the request failed before the target answered (${first.result.failure ?? 'no answer'}), so no answer was lost after a write`);
    steps.push(`replace with ${JSON.stringify(written)} at SyncCount ${n} through the proxy: answer lost (${first.result.failure ?? 'reset'})`);

    const mid = await list(api, dataset, evidence);
    if (!mid.seen) return na(`could not read the record after the lost answer (${mid.answer})`);
    steps.push(`read: ${showSeen(mid.seen)}`);

    const retry = await api.update(dataset, start.token, patches);
    evidence.push(retry.exchange);
    if (retry.status === 0) return na(`the retry got no answer (${retry.failure ?? 'transport failure'})`);
    steps.push(`the identical request again, direct: ${showAnswer(retry)}`);

    const end = await list(api, dataset, evidence);
    if (!end.seen) return na(`could not read the record back after the retry (${end.answer})`);
    steps.push(`read back: ${showSeen(end.seen)}`);
    const firstApplied = mid.seen.value === written;
    const base = { evidence, steps, firstApplied, retryApplied: retry.status === 200, dropped: first.dropped };
    return { ...base, ...judgeRetry({ presented: n, start: start.seen, mid: mid.seen, end: end.seen, written, retry: { status: retry.status, ...(retry.errorType ? { errorType: retry.errorType } : {}), answer: showAnswer(retry) } }) };
  } finally {
    // Best effort: a dataset left behind has a unique name and harms no later run.
    await api.drop(dataset).catch(() => undefined);
  }
}

/** What the two attempts and the three reads showed. */
export interface RetryObservation {
  /** The SyncCount both attempts presented (the record's count before the lost write). */
  presented: number;
  start: Seen;
  /** Read between the lost attempt and the retry. */
  mid: Seen;
  end: Seen;
  /** The value both attempts write. */
  written: string;
  retry: { status: number; errorType?: string; answer: string };
}

/** NET-1 on the observation: exactly one attempt took effect, and the record holds it. */
export function judgeRetry(o: RetryObservation): { status: 'pass' | 'fail'; message: string } {
  const { presented: n, start, mid, end, written, retry } = o;
  if (mid.value !== written && mid.value !== start.value) {
    return { status: 'fail', message: `after the lost write the record holds ${showSeen(mid)}: neither the value before it nor the one it wrote` };
  }
  const firstApplied = mid.value === written;
  const retryApplied = retry.status === 200;
  if (firstApplied) {
    if (retryApplied) {
      const why = (mid.syncCount ?? n) <= n ? ` (the lost write left SyncCount at ${mid.syncCount ?? 'nothing'} instead of raising it)` : '';
      return { status: 'fail', message: `applied twice: the lost write had applied (SyncCount ${n} -> ${mid.syncCount ?? '?'}), and its retry presenting the stale SyncCount ${n} was accepted too, leaving ${showSeen(end)}${why}` };
    }
    if (typeof mid.syncCount !== 'number' || mid.syncCount <= n) {
      return { status: 'fail', message: `the lost write applied without raising the SyncCount above ${n} (${showSeen(mid)})` };
    }
    if (end.value !== mid.value || end.syncCount !== mid.syncCount) {
      return { status: 'fail', message: `the refused retry changed the record: ${showSeen(mid)} after the lost write, ${showSeen(end)} after the retry` };
    }
    return { status: 'pass', message: `the lost write applied once (SyncCount ${n} -> ${mid.syncCount}); its retry presenting SyncCount ${n} was refused ${refusal(retry)}; the record still holds the first write` };
  }
  if (mid.syncCount !== start.syncCount) {
    return { status: 'fail', message: `the lost write did not change the value but moved the SyncCount: ${showSeen(start)} before, ${showSeen(mid)} after` };
  }
  if (!retryApplied) {
    return { status: 'fail', message: `neither attempt took effect: the lost write did not apply, and the retry presenting the current SyncCount ${n} was answered ${retry.answer}` };
  }
  if (end.value !== written || typeof end.syncCount !== 'number' || end.syncCount <= n) {
    return { status: 'fail', message: `the retry was answered 200 but the record reads back as ${showSeen(end)}, not ${JSON.stringify(written)} above SyncCount ${n}` };
  }
  return { status: 'pass', message: `the lost write did not apply; its retry applied once (SyncCount ${n} -> ${end.syncCount})` };
}

/** Names the refusal: the modelled 409, another modelled error, or an answer the model lacks. */
function refusal(retry: RetryObservation['retry']): string {
  if (retry.status === 409 && retry.errorType === 'ResourceConflictException') return 'with 409 ResourceConflictException, the modelled answer to a stale SyncCount';
  if (retry.errorType && MODELLED_ERRORS.includes(retry.errorType)) {
    return `with ${retry.answer}, a modelled error though not the 409 ResourceConflictException a stale SyncCount gets (SYNC-COUNT-2 judges that)`;
  }
  return `with ${retry.answer}, which is not one of UpdateRecords' modelled errors (other checks judge the answer)`;
}

/** Sends the update through a proxy that drops every answer; reports how many answers it dropped. */
async function sendLost(t: SyncNetTarget, dataset: string, token: string, patches: PatchIn[], name: string): Promise<{ result: SentResult<unknown>; dropped: number }> {
  const route = await startLossyRoute(t.url, 1);
  try {
    const result = await t.via(route.url)(name).update(dataset, token, patches);
    return { result, dropped: route.dropped() };
  } finally {
    await route.close();
  }
}

/** One ListRecords page (the dataset holds one record): the record as seen, and the token issued. */
async function list(api: SyncApi, dataset: string, evidence: Exchange[]): Promise<{ seen?: Seen; token?: string; answer: string }> {
  const r = await api.listPage(dataset, { maxResults: 16 });
  evidence.push(r.exchange);
  if (r.status !== 200 || !r.body || typeof r.body !== 'object') return { answer: showAnswer(r) };
  const token = typeof r.body.SyncSessionToken === 'string' ? r.body.SyncSessionToken : undefined;
  const records: ListedRecord[] = Array.isArray(r.body.Records) ? r.body.Records : [];
  const hit = records.find((x) => x?.Key === KEY);
  const seen: Seen | undefined = hit
    ? { ...(typeof hit.Value === 'string' ? { value: hit.Value } : {}), ...(typeof hit.SyncCount === 'number' ? { syncCount: hit.SyncCount } : {}) }
    : records.length === 0 ? {} : undefined;
  return { ...(seen ? { seen } : {}), ...(token ? { token } : {}), answer: hit ? '200' : `200 without record ${JSON.stringify(KEY)}` };
}

function showSeen(s: Seen): string {
  if (s.value === undefined && s.syncCount === undefined) return 'no record';
  return `Value ${JSON.stringify(s.value)}, SyncCount ${s.syncCount ?? 'missing'}`;
}

function showAnswer(r: { status: number; errorType?: string; message?: string; failure?: string }): string {
  if (r.status === 0) return `no answer (${r.failure ?? 'transport failure'})`;
  return `${r.status}${r.errorType ? ` ${r.errorType}` : ''}${r.message ? `: ${r.message}` : ''}`;
}

export async function checkLostRetry(t: SyncNetTarget, rec: VerdictRecorder, seed: number): Promise<void> {
  recordLostAnswer(rec, OPERATION, RETRY_CHECK, await runLostRetry(t, seed));
}
