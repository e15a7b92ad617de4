// Property: every generated parallel program, run against the system, yields a linearizable history.
// fast-check finds a failing program and shrinks it; since outcomes depend on timing, each candidate
// runs `repeats` times and fails if any run fails.
import fc from 'fast-check';
import { checkHistory, type CheckResult } from '../linearizability/checker.js';
import { explainResult, writeTimeline } from '../linearizability/explain.js';
import type { Operation } from '../linearizability/history.js';
import type { Violation } from '../linearizability/invariants.js';
import { describeOp, type Model } from '../linearizability/model.js';
import { describeProgram, type ParallelProgram } from './program.js';
import { runProgram, type Executor } from './run-program.js';

export interface CheckParallelOptions<S, Cmd, Out> {
  arbitrary: fc.Arbitrary<ParallelProgram<Cmd>>;
  model: Model<S, Cmd, Out>;
  /** The executor, shared by all runs... */
  executor?: Executor<Cmd, Out>;
  /** ...or a fresh system (new keys, emptied store) for every run; takes precedence over `executor`. */
  setup?: () => Executor<Cmd, Out> | Promise<Executor<Cmd, Out>>;
  /** Reads for the quiescent phase after the clients finish. */
  finalReads?: (program: ParallelProgram<Cmd>) => Cmd[];
  /** Tier-1 checks run before the search; any violation fails the run. */
  invariants?: (history: Operation<Cmd, Out>[]) => Violation[];
  runs?: number;
  seed?: number;
  /** fast-check replay path (with the seed of the failing run). */
  path?: string;
  /** Runs per program; one failing run makes the program fail (default 3). */
  repeats?: number;
  opTimeoutMs?: number;
  /** Search budget per history (default 10 s); a history left 'unknown' does not fail the property. */
  checkTimeoutMs?: number;
  /** Where to write the HTML timeline of the final counterexample. */
  timelinePath?: string;
  describeCommand?: (cmd: Cmd) => string;
}

export interface ParallelFailure<Cmd, Out> {
  program: ParallelProgram<Cmd>;
  history: Operation<Cmd, Out>[];
  check?: CheckResult<Cmd, Out>;
  violations: Violation[];
}

export interface ParallelCheckResult<Cmd, Out> {
  ok: boolean;
  numRuns: number;
  seed: number;
  /** Replay path of the shrunk counterexample. */
  path?: string;
  /** The shrunk failing program, its failing history and why it fails. */
  program?: ParallelProgram<Cmd>;
  history?: Operation<Cmd, Out>[];
  check?: CheckResult<Cmd, Out>;
  violations?: Violation[];
  explanation?: string;
  /** Histories the search could not decide within its budget (they did not fail the property). */
  inconclusive: number;
  /** An error thrown by setup or the property itself, not a linearizability failure. */
  error?: string;
  /** Where the HTML timeline of the counterexample was written, when one was asked for. */
  timelinePath?: string;
}

export async function checkParallel<S, Cmd, Out>(options: CheckParallelOptions<S, Cmd, Out>): Promise<ParallelCheckResult<Cmd, Out>> {
  const repeats = Math.max(1, options.repeats ?? 3);
  const seed = options.seed ?? Date.now() ^ (Math.random() * 0x100000000);
  const failures = new WeakMap<object, ParallelFailure<Cmd, Out>>();
  let lastFailure: ParallelFailure<Cmd, Out> | undefined;
  let inconclusive = 0;

  const runOnce = async (program: ParallelProgram<Cmd>): Promise<ParallelFailure<Cmd, Out> | undefined> => {
    const executor = options.setup ? await options.setup() : options.executor;
    if (!executor) throw new Error('checkParallel needs an executor or a setup function');
    const history = await runProgram(program, executor, {
      opTimeoutMs: options.opTimeoutMs,
      finalReads: options.finalReads?.(program),
    });
    const violations = options.invariants ? options.invariants(history) : [];
    if (violations.length > 0) return { program, history, violations };
    const check = checkHistory(options.model, history, { timeoutMs: options.checkTimeoutMs ?? 10_000 });
    if (check.verdict === 'unknown') inconclusive++;
    return check.verdict === 'illegal' ? { program, history, check, violations } : undefined;
  };

  const property = fc.asyncProperty(options.arbitrary, async (program) => {
    for (let i = 0; i < repeats; i++) {
      const failure = await runOnce(program);
      if (failure) {
        failures.set(program, failure);
        lastFailure = failure;
        return false;
      }
    }
    return true;
  });

  const details = await fc.check(property, { numRuns: options.runs ?? 20, seed, path: options.path });
  const base = { numRuns: details.numRuns, seed: details.seed, inconclusive };
  if (!details.failed) return { ok: true, ...base };
  if (details.errorInstance !== undefined && details.errorInstance !== null && !lastFailure) {
    const err = details.errorInstance;
    return { ok: false, ...base, path: details.counterexamplePath ?? undefined, error: err instanceof Error ? err.message : String(err) };
  }
  const program = details.counterexample?.[0];
  const failure = (program && failures.get(program)) || lastFailure;
  const explanation = failure ? explainFailure(options, failure, details.seed, details.counterexamplePath ?? undefined) : undefined;
  let timelinePath: string | undefined;
  if (failure && options.timelinePath) {
    try {
      // Invariant failures skip the search; run it here so the picture shows the found order and red bars.
      const check = failure.check ?? checkHistory(options.model, failure.history, { timeoutMs: options.checkTimeoutMs ?? 10_000 });
      writeTimeline(options.timelinePath, options.model, check, { title: `parallel program counterexample (seed ${details.seed})` });
      timelinePath = options.timelinePath;
    } catch {
      // the verdict stands without its picture
    }
  }
  return {
    ok: false,
    ...base,
    path: details.counterexamplePath ?? undefined,
    program: failure?.program ?? program,
    history: failure?.history,
    check: failure?.check,
    violations: failure?.violations,
    explanation,
    ...(timelinePath ? { timelinePath } : {}),
  };
}

function explainFailure<S, Cmd, Out>(
  options: CheckParallelOptions<S, Cmd, Out>,
  failure: ParallelFailure<Cmd, Out>,
  seed: number,
  path: string | undefined,
): string {
  const lines = [`parallel program (seed ${seed}${path ? `, path "${path}"` : ''}):`, describeProgram(failure.program, options.describeCommand)];
  lines.push('history (as sent, times in ms):');
  for (const op of failure.history) {
    const ret = Number.isFinite(op.ret) ? op.ret.toFixed(3) : '∞';
    lines.push(`  #${op.id} client ${String(op.clientId)} [${op.call.toFixed(3)}, ${ret}] ${describeOp(options.model, op)}`);
  }
  for (const v of failure.violations) lines.push(`invariant ${v.rule}: ${v.message}`);
  if (failure.check) lines.push(explainResult(options.model, failure.check));
  return lines.join('\n');
}
