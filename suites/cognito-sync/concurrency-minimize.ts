// A last shrinking pass after fast-check's: fast-check's shrinker for nested arrays stops at a local
// minimum (a client's harmless read often survives), so the failing program is reduced further by
// dropping one operation at a time, keeping a candidate only when it still fails within `repeats`
// runs. Bounded by `maxAttempts` candidate programs.
import { checkHistory, type CheckResult } from '../harness/linearizability/checker.js';
import type { Operation } from '../harness/linearizability/history.js';
import type { Violation } from '../harness/linearizability/invariants.js';
import type { Model } from '../harness/linearizability/model.js';
import { programSize, type ParallelProgram } from '../harness/parallel/program.js';
import { runProgram, type Executor } from '../harness/parallel/run-program.js';

export interface ProgramFailure<Cmd, Out> {
  program: ParallelProgram<Cmd>;
  history: Operation<Cmd, Out>[];
  violations: Violation[];
  check?: CheckResult<Cmd, Out>;
}

export interface MinimizeOptions<S, Cmd, Out> {
  model: Model<S, Cmd, Out>;
  setup: () => Promise<Executor<Cmd, Out>>;
  finalReads: (program: ParallelProgram<Cmd>) => Cmd[];
  invariants: (history: Operation<Cmd, Out>[]) => Violation[];
  repeats: number;
  opTimeoutMs: number;
  checkTimeoutMs: number;
  maxAttempts: number;
}

/** Runs a program up to `repeats` times; the first failing run, or undefined when all pass. */
export async function failingRun<S, Cmd, Out>(program: ParallelProgram<Cmd>, o: MinimizeOptions<S, Cmd, Out>): Promise<ProgramFailure<Cmd, Out> | undefined> {
  for (let i = 0; i < o.repeats; i++) {
    const history = await runProgram(program, await o.setup(), { opTimeoutMs: o.opTimeoutMs, finalReads: o.finalReads(program) });
    const violations = o.invariants(history);
    if (violations.length > 0) return { program, history, violations };
    const check = checkHistory(o.model, history, { timeoutMs: o.checkTimeoutMs });
    if (check.verdict === 'illegal') return { program, history, violations, check };
  }
  return undefined;
}

/** Every program with exactly one operation fewer (a client left empty goes, while two remain). */
export function oneFewer<Cmd>(p: ParallelProgram<Cmd>): ParallelProgram<Cmd>[] {
  const out: ParallelProgram<Cmd>[] = [];
  p.prefix.forEach((_, i) => out.push({ prefix: p.prefix.filter((__, j) => j !== i), clients: p.clients }));
  p.clients.forEach((ops, c) => {
    ops.forEach((_, i) => {
      const rest = ops.filter((__, j) => j !== i);
      if (rest.length > 0) out.push({ prefix: p.prefix, clients: p.clients.map((o2, k) => (k === c ? rest : o2)) });
      else if (p.clients.length > 2) out.push({ prefix: p.prefix, clients: p.clients.filter((__, k) => k !== c) });
    });
  });
  return out;
}

export async function minimizeFailure<S, Cmd, Out>(start: ProgramFailure<Cmd, Out>, o: MinimizeOptions<S, Cmd, Out>): Promise<{ failure: ProgramFailure<Cmd, Out>; attempts: number }> {
  let best = start;
  let attempts = 0;
  let progress = true;
  while (progress && attempts < o.maxAttempts) {
    progress = false;
    for (const candidate of oneFewer(best.program)) {
      if (attempts >= o.maxAttempts) break;
      attempts++;
      const failure = await failingRun(candidate, o);
      if (failure && programSize(candidate) < programSize(best.program)) {
        best = failure;
        progress = true;
        break;
      }
    }
  }
  return { failure: best, attempts };
}
