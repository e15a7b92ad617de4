// NET-1, targeted and sequential: at ValueLockLevel VALUE, read a value's LockVersion, send a
// conditional BatchUpdateDataTableValue through the lost-response proxy set to drop its answer,
// read the value (direct) to learn whether that write applied, retry the identical request (same
// LockVersion) direct, and read back. Exactly one of the two attempts may take effect: a retry
// after an applied write presents a replaced version and must come back in Failed; a retry after a
// write that did not apply presents the current version and applies once.
import { recordLostAnswer, startLossyRoute, type LostAnswerOutcome } from '../harness/parallel/lossy-route.js';
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi, Result } from './api.js';
import { PRIMARY_ATTRIBUTES, RECORDS } from './layout.js';
import type { NetTarget } from './net-target.js';
import { dropTable, provisionTable, type Table } from './provision.js';
import type { AttributeDef, BatchResult, PrimaryValue, ValueItem } from './types.js';

export const RETRY_CHECK = 'conditional update whose answer was lost, retried with the same LockVersion (lock level VALUE)';
const OPERATION = 'BatchUpdateDataTableValue';
const ATTRIBUTES: AttributeDef[] = [...PRIMARY_ATTRIBUTES, { name: 'note', valueType: 'TEXT', primary: false }];
const SLOT = { PrimaryValues: RECORDS[1]!, AttributeName: 'note' };

export interface RetryOutcome extends LostAnswerOutcome {
  /** The lost write had applied (seen by the read between the attempts). */
  firstApplied?: boolean;
  /** The retry came back in Successful. */
  retryApplied?: boolean;
}

/** What a read of the value showed. */
export interface Seen {
  value?: string;
  version?: string;
}

export async function runLostRetry(t: NetTarget, clientName = 'net-retry'): Promise<RetryOutcome> {
  const api = t.direct(clientName);
  const evidence: Exchange[] = [];
  const steps: string[] = [];
  const na = (message: string): RetryOutcome => ({ status: 'n/a', message, evidence, steps });
  let table: Table | undefined;
  try {
    try {
      table = await provisionTable(api, 'VALUE', ATTRIBUTES);
    } catch (e) {
      return na(`could not provision a VALUE-level table: ${e instanceof Error ? e.message : String(e)}`);
    }
    const created = await api.batchCreate(table.id, [{ ...SLOT, Value: 'before' }]);
    evidence.push(created.exchange);
    if (created.status !== 200 || !created.body?.Successful?.[0]) return na(`BatchCreateDataTableValue of the starting value answered ${showAnswer(created)}`);
    const start = await read(api, table.id, evidence);
    if (typeof start?.version !== 'string') return na('could not read the starting value and its LockVersion.Value');
    steps.push(`read: Value ${JSON.stringify(start.value)}, LockVersion.Value ${JSON.stringify(start.version)}`);

    const written = `after-${Date.now().toString(36)}`;
    const request: ValueItem = { ...SLOT, Value: written, LockVersion: { Value: start.version } };
    const first = await sendLost(t, table.id, request, `${clientName}-lossy`);
    evidence.push(first.result.exchange);
    if (first.result.status !== 0) return na(`the proxy did not lose the answer: it came back ${showAnswer(first.result)}`);
    if (first.dropped !== 1) return na(`the request failed before the target answered (${first.result.failure ?? 'no answer'}), so no answer was lost after a write`);
    steps.push(`update through the proxy to ${JSON.stringify(written)} with LockVersion.Value ${JSON.stringify(start.version)}: answer lost (${first.result.failure ?? 'reset'})`);

    const mid = await read(api, table.id, evidence);
    if (!mid) return na('could not read the value after the lost answer');
    steps.push(`read: Value ${JSON.stringify(mid.value)}, LockVersion.Value ${JSON.stringify(mid.version)}`);
    if (mid.value !== written && mid.value !== 'before') return { status: 'fail', message: `after the lost write the value is ${JSON.stringify(mid.value)}: neither the value before it nor the one it wrote`, evidence, steps };
    const firstApplied = mid.value === written;

    const retry = await api.batchUpdate(table.id, [request]);
    evidence.push(retry.exchange);
    if (retry.status === 0) return na(`the retry got no answer (${retry.failure ?? 'transport failure'})`);
    const inSuccessful = retry.status === 200 && (retry.body?.Successful ?? []).some((s) => s?.AttributeName === SLOT.AttributeName);
    const inFailed = retry.status === 200 && (retry.body?.Failed ?? []).some((f) => f?.AttributeName === SLOT.AttributeName);
    steps.push(`the identical update again, direct: ${inSuccessful ? 'Successful' : inFailed ? 'Failed' : showAnswer(retry)}`);

    const end = await read(api, table.id, evidence);
    if (!end) return na('could not read the value back after the retry');
    steps.push(`read back: Value ${JSON.stringify(end.value)}, LockVersion.Value ${JSON.stringify(end.version)}`);
    const base = { evidence, steps, firstApplied, retryApplied: inSuccessful };
    return { ...base, ...judgeRetry({ firstApplied, retry: { status: retry.status, inSuccessful, inFailed, answer: showAnswer(retry) }, start, mid, end, written }) };
  } finally {
    await dropTable(api, table);
  }
}

/** What the two attempts and the three reads showed. */
export interface RetryObservation {
  /** The read between the attempts holds the lost write's value. */
  firstApplied: boolean;
  /** The retry's answer: HTTP status, and whether its item is in Successful or in Failed. */
  retry: { status: number; inSuccessful: boolean; inFailed: boolean; answer: string };
  start: Seen;
  mid: Seen;
  end: Seen;
  /** The value both attempts write. */
  written: string;
}

/** NET-1 on the observation: exactly one attempt took effect, and the value holds it. */
export function judgeRetry(o: RetryObservation): { status: 'pass' | 'fail'; message: string } {
  const { firstApplied, retry, start, mid, end, written } = o;
  if (firstApplied && retry.inSuccessful) {
    const why = mid.version === start.version ? ' (the lost write applied without replacing LockVersion.Value)' : '';
    return { status: 'fail', message: `applied twice: the lost write had applied, and its retry presenting the replaced LockVersion.Value ${JSON.stringify(start.version)} was accepted too${why}` };
  }
  if (firstApplied) {
    if (retry.status === 200 && !retry.inFailed) return { status: 'fail', message: 'the retry after the applied write is in neither Successful nor Failed of its answer' };
    if (end.value !== written || end.version !== mid.version) {
      return { status: 'fail', message: `the refused retry changed the value: ${JSON.stringify(mid)} after the lost write, ${JSON.stringify(end)} after the retry` };
    }
    const how = retry.status === 200 ? 'in Failed (stale lock)' : `as a whole (${retry.answer}; where a stale lock belongs is for the CONNECT-BATCH checks)`;
    return { status: 'pass', message: `the lost write applied once; its retry with the replaced LockVersion was refused ${how} and the value still holds the first write` };
  }
  if (!retry.inSuccessful) return { status: 'fail', message: `neither attempt took effect: the lost write did not apply, and the retry presenting the current LockVersion.Value came back ${retry.inFailed ? 'in Failed' : retry.answer}` };
  if (end.value !== written) return { status: 'fail', message: `the retry was reported applied but the value reads back as ${JSON.stringify(end.value)}` };
  return { status: 'pass', message: 'the lost write did not apply; its retry applied once' };
}

/** Sends the update through a proxy that drops every answer; reports how many answers it dropped. */
async function sendLost(t: NetTarget, tableId: string, item: ValueItem, name: string): Promise<{ result: Result<BatchResult>; dropped: number }> {
  const route = await startLossyRoute(t.url, 1);
  try {
    const result = await t.via(route.url)(name).batchUpdate(tableId, [item]);
    return { result, dropped: route.dropped() };
  } finally {
    await route.close();
  }
}

async function read(api: ConnectApi, tableId: string, evidence: Exchange[]): Promise<Seen | undefined> {
  const r = await api.batchDescribe(tableId, [SLOT]);
  evidence.push(r.exchange);
  if (r.status !== 200 || !r.body) return undefined;
  const hit = (Array.isArray(r.body.Successful) ? r.body.Successful : []).find((x) => x?.AttributeName === SLOT.AttributeName && sameRecord(x.PrimaryValues, SLOT.PrimaryValues));
  if (!hit) return undefined;
  return { ...(typeof hit.Value === 'string' ? { value: hit.Value } : {}), ...(typeof hit.LockVersion?.Value === 'string' ? { version: hit.LockVersion.Value } : {}) };
}

function sameRecord(a: Array<{ AttributeName?: string; Value?: string }> | undefined, b: PrimaryValue[]): boolean {
  const norm = (x: Array<{ AttributeName?: string; Value?: string }>) => JSON.stringify(x.map((p) => [p.AttributeName, p.Value]).sort());
  return Array.isArray(a) && norm(a) === norm(b);
}

function showAnswer(r: Result<unknown>): string {
  if (r.status === 0) return `no answer (${r.failure ?? 'transport failure'})`;
  return `${r.status}${r.errorType ? ` ${r.errorType}` : ''}${r.message ? `: ${r.message}` : ''}`;
}

export async function checkLostRetry(t: NetTarget, rec: VerdictRecorder): Promise<void> {
  recordLostAnswer(rec, OPERATION, RETRY_CHECK, await runLostRetry(t));
}
