// NET-1, targeted and sequential: on a fresh home, read everything back, send the five-operation
// batch of net-batch.ts through the lost-response proxy set to drop its answer, read back (direct)
// to learn whether it applied, send the identical batch again direct, and read back once more.
// BatchWrite has no idempotency token, so the retry may apply again; what NET-1 asks is that each
// application is whole: every read-back must be the one before it unchanged, or it with the batch
// applied exactly once. An answer must agree with what its attempt did (200: applied; an error:
// nothing changed).
import { lossyNotApplicable, recordLostAnswer, startLossyRoute, type LostAnswerOutcome } from '../harness/parallel/lossy-route.js';
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { DirApi, type DirResult } from './api.js';
import { makeHome, homeStarts, type Home } from './home.js';
import { describe as describeAnswer } from './judge.js';
import { classify, netBatch, type Application, type NetBatch } from './net-batch.js';
import type { DirNetTarget } from './net-target.js';
import { showOps } from './ops.js';
import type { Directory } from './provision.js';
import { readBack, type Snapshot } from './readback.js';

export const LOST_BATCH_CHECK = 'BatchWrite of five operations whose answer was lost, then the identical batch again';
const OPERATION = 'BatchWrite';

export interface LostBatchOutcome extends LostAnswerOutcome {
  /** What the lost attempt did, and what the retry did on top of it. */
  first?: Application;
  second?: Application;
  /** Answers the proxy dropped (1 when the answer of the first attempt was lost). */
  dropped?: number;
}

/** The retry's answer as the judge needs it. */
export interface RetryAnswer {
  /** HTTP status; 0 when no answer came. */
  status: number;
  text: string;
}

/** NET-1 on the two attempts: each read-back is none or one whole application; answers agree with it. */
export function judgeLostBatch(first: Application, retry: RetryAnswer, second: Application): { status: 'pass' | 'fail' | 'n/a'; message: string } {
  if (first.kind === 'part') return { status: 'fail', message: `the batch whose answer was lost is applied in part: ${partText(first)}` };
  if (second.kind === 'part') {
    const after = first.kind === 'whole' ? 'after the lost batch had applied whole' : 'after the lost batch had not applied';
    return { status: 'fail', message: `the retry (answered ${retry.text}) is applied in part ${after}: ${partText(second)}` };
  }
  if (retry.status >= 200 && retry.status < 300 && second.kind === 'none') {
    return { status: 'fail', message: `the retry was answered ${retry.text} but nothing of it is visible` };
  }
  if (retry.status >= 300 && second.kind === 'whole') {
    return { status: 'fail', message: `the retry was refused (${retry.text}) yet it is applied` };
  }
  if (first.kind === 'none' && second.kind === 'none') {
    const why = retry.status === 0 ? 'no answer' : `refused (${retry.text})`;
    return { status: 'n/a', message: `the batch did not apply through the proxy, and its retry direct was ${why} and did not apply either: nothing to judge about a lost answer` };
  }
  const lost = first.kind === 'whole' ? 'the lost batch applied whole' : 'the lost batch did not apply';
  const again = second.kind === 'whole' ? `its retry (${retry.text}) applied whole once more` : `its retry was refused whole (${retry.text}) and changed nothing`;
  return { status: 'pass', message: `${lost}; ${again}` };
}

function partText(a: Extract<Application, { kind: 'part' }>): string {
  const seen = a.seen.length ? `effects seen: ${a.seen.join('; ')}` : 'none of its effects, other changes';
  return `${seen}. Changes: ${a.diff.slice(0, 8).join('; ')}${a.diff.length > 8 ? `; ... (${a.diff.length} in all)` : ''}`;
}

/** A DirApi whose every exchange also lands in `evidence`. */
function recording(api: DirApi, evidence: Exchange[]): DirApi {
  return new DirApi({
    raw: async (operation, input, opts) => {
      const r = await api.caller.raw(operation, input, opts);
      evidence.push(r.exchange);
      return r;
    },
  });
}

export async function runLostBatch(t: DirNetTarget, dir: Directory, clientName = 'net-batch'): Promise<LostBatchOutcome> {
  const evidence: Exchange[] = [];
  const steps: string[] = [];
  const why = lossyNotApplicable(t.url, t.signed);
  if (why) return { status: 'n/a', message: why, evidence, steps };
  const na = (message: string): LostBatchOutcome => ({ status: 'n/a', message, evidence, steps });
  let h: Home;
  try {
    h = await makeHome(t.direct(`${clientName}-setup`), dir);
  } catch (e) {
    return na(`could not build the home: ${e instanceof Error ? e.message : String(e)}`);
  }
  const api = recording(t.direct(clientName), evidence);
  const read = async (what: string): Promise<Snapshot> => {
    const s = await readBack(api, dir.arn, homeStarts(h));
    steps.push(`${what}: ${Object.keys(s).length} objects read back`);
    return s;
  };
  const b: NetBatch = netBatch(h, `t${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`);
  try {
    const before = await read('read back before');
    const lost = await sendLost(t, dir, b, `${clientName}-lossy`);
    evidence.push(lost.result.exchange);
    if (lost.result.status !== 0) return na(`the proxy did not lose the answer: it came back ${describeAnswer(lost.result)}`);
    if (lost.dropped !== 1) return na(`the request failed before the target answered (${lost.result.failure ?? 'no answer'}), so no answer was lost after a write`);
    steps.push(`the batch through the proxy: answer lost (${lost.result.failure ?? 'reset'})`);
    const mid = await read('read back after the lost answer');
    const first = classify(h, b, before, mid);
    steps.push(`  -> ${showApplication(first)}`);
    const retry = await api.batchWrite(dir.arn, b.ops);
    steps.push(`the identical batch again, direct: ${describeAnswer(retry)}`);
    const end = await read('read back after the retry');
    const second = classify(h, b, mid, end);
    steps.push(`  -> ${showApplication(second)}`);
    const verdict = judgeLostBatch(first, { status: retry.status, text: describeAnswer(retry) }, second);
    return { ...verdict, evidence, first, second, dropped: lost.dropped, steps: [...steps, 'the batch:', ...showOps(b.ops)] };
  } catch (e) {
    return na(`could not read the home back: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function showApplication(a: Application): string {
  if (a.kind === 'none') return 'unchanged';
  if (a.kind === 'whole') return `applied whole (new object ${a.made})`;
  return `applied in part: ${a.diff.join('; ')}`;
}

/** Sends the batch through a proxy that drops every answer; reports how many answers it dropped. */
async function sendLost(t: DirNetTarget, dir: Directory, b: NetBatch, name: string): Promise<{ result: DirResult; dropped: number }> {
  const route = await startLossyRoute(t.url, 1);
  try {
    const result = await t.via(route.url)(name).batchWrite(dir.arn, b.ops);
    return { result, dropped: route.dropped() };
  } finally {
    await route.close();
  }
}

export async function checkLostBatch(t: DirNetTarget, rec: VerdictRecorder, dir: Directory): Promise<LostBatchOutcome> {
  const r = await runLostBatch(t, dir);
  recordLostAnswer(rec, OPERATION, LOST_BATCH_CHECK, r);
  return r;
}
