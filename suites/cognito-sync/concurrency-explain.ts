// A failing concurrency run put into words and pictures: the program and its history as sent (the
// verdict's counterexample), the checker's account, and the HTML timeline.
import { checkHistory } from '../harness/linearizability/checker.js';
import { explainResult, writeTimeline } from '../harness/linearizability/explain.js';
import type { Operation } from '../harness/linearizability/history.js';
import { describeOp } from '../harness/linearizability/model.js';
import type { StoreOutput } from '../harness/linearizability/models/versioned-store.js';
import { describeProgram } from '../harness/parallel/program.js';
import type { ProgramFailure } from './concurrency-minimize.js';
import { describeCmd, syncModel, type SyncCmd } from './concurrency-model.js';

export interface FailureContext {
  seed: number;
  path?: string;
  timelinePath?: string;
  checkTimeoutMs: number;
}

export function describeFailure(failure: ProgramFailure<SyncCmd, StoreOutput>, c: FailureContext) {
  const { program, history, violations } = failure;
  // Invariant failures skip the search: run it here too, for the timeline's found order and red bars.
  const check = failure.check ?? checkHistory(syncModel, history, { timeoutMs: c.checkTimeoutMs });
  const illegalOps = [...new Set([...violations.flatMap((v) => v.ops), ...check.partitions.flatMap((p) => p.stuck)])].sort((a, b) => a - b);
  let timeline: string | undefined;
  if (c.timelinePath) {
    try {
      writeTimeline(c.timelinePath, syncModel, check, { title: `concurrency counterexample (seed ${c.seed}${c.path ? `, path ${c.path}` : ''})` });
      timeline = c.timelinePath;
    } catch {
      // the verdict stands without its picture
    }
  }
  const who = (op: Operation<SyncCmd, StoreOutput>) => (typeof op.clientId === 'number' ? `client ${op.clientId}` : op.clientId);
  const when = (t: number) => (Number.isFinite(t) ? t.toFixed(3) : '∞');
  const counterexample = [
    ...describeProgram(program, describeCmd).split('\n'),
    'history (as sent):',
    ...history.map((op) => `#${op.id} ${who(op)}: ${describeOp(syncModel, op)}`),
    ...violations.map((v) => `${v.rule}: ${v.message}`),
  ];
  const explanation = [
    `parallel program (seed ${c.seed}${c.path ? `, fast-check path "${c.path}"` : ''}; reduced further by dropping single operations while it still fails):`,
    describeProgram(program, describeCmd),
    'history (times in ms):',
    ...history.map((op) => `  #${op.id} ${who(op)} [${when(op.call)}, ${when(op.ret)}] ${describeOp(syncModel, op)}`),
    ...violations.map((v) => `invariant ${v.rule}: ${v.message}`),
    explainResult(syncModel, check),
    ...(timeline ? [`timeline: ${timeline}`] : []),
  ].join('\n');
  return { explanation, program, history, violations, check, counterexample, illegalOps, ...(timeline ? { timeline } : {}) };
}
