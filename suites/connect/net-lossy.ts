// NET-1, generated: the CONNECT-CONC-1 programs again, with the clients' requests going through
// the lost-response proxy, which lets the target apply each request and drops every n-th answer.
// A client whose answer was lost keeps the version it had, so its next 'own' update of that value
// is a retry on a replaced version. Lost updates are unknown outcomes: the checker must find an
// order in which each applied at most once. Setup, prefix and final reads go direct.
//
// Before blaming lost answers, a failing (shrunk) program is replayed with every client direct:
// if it fails there too, the defect does not need a lost answer (CONNECT-CONC-1 and the sequential
// checks judge it) and the NET-1 verdict is n/a saying so.
import { lossyApiFor, startLossyRoute } from '../harness/parallel/lossy-route.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { runConcurrency, type ConcurrencyOutcome } from './concurrency.js';
import type { NetTarget } from './net-target.js';
import type { LockLevel } from './types.js';

/** Levels with conditional writes; at NONE a repeated write is meant to apply again. */
export const LOSSY_LEVELS = ['VALUE', 'ATTRIBUTE', 'PRIMARY_VALUE', 'DATA_TABLE'] as const satisfies readonly LockLevel[];

export interface LossyOptions {
  level: LockLevel;
  seed: number;
  runs: number;
  dropEvery: number;
  path?: string;
  timelinePath?: string;
}

export interface LossyOutcome extends ConcurrencyOutcome {
  /** Answers the proxy dropped after the target had answered. */
  dropped: number;
  /** The shrunk program failed with every client direct too (undefined: no failure to replay). */
  controlFailed?: boolean;
  /** The control replay could not run. */
  controlError?: string;
}

export function lossyCheckName(level: LockLevel, dropEvery: number): string {
  return `parallel conditional updates with ${everyNth(dropEvery)} answer lost, lock level ${level}`;
}

export async function runLossyConcurrency(t: NetTarget, o: LossyOptions): Promise<LossyOutcome> {
  const route = await startLossyRoute(t.url, o.dropEvery);
  let out: ConcurrencyOutcome;
  try {
    out = await runConcurrency({
      level: o.level,
      seed: o.seed,
      runs: o.runs,
      apiFor: lossyApiFor(t.direct, t.via(route.url)),
      ...(o.path !== undefined ? { path: o.path } : {}),
      ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
    });
  } finally {
    await route.close();
  }
  const dropped = route.dropped();
  if (out.ok || out.error !== undefined || out.path === undefined) return { ...out, dropped };
  // The control: the shrunk program replayed from its path, every client direct.
  const control = await runConcurrency({ level: o.level, seed: out.seed, path: out.path, runs: 1, apiFor: t.direct });
  if (control.error !== undefined) return { ...out, dropped, controlError: control.error };
  return { ...out, dropped, controlFailed: !control.ok };
}

export async function checkLossyConcurrency(t: NetTarget, rec: VerdictRecorder, o: LossyOptions): Promise<void> {
  const check = lossyCheckName(o.level, o.dropEvery);
  const op = 'BatchUpdateDataTableValue';
  const r = await runLossyConcurrency(t, o);
  if (r.error !== undefined) return void rec.notApplicable('NET-1', op, check, `property could not run: ${r.error}`);
  if (r.ok && r.dropped === 0) return void rec.notApplicable('NET-1', op, check, 'no answer was lost during the runs');
  if (r.controlFailed) {
    const why = 'not judged: the shrunk counterexample fails with no answer lost too, so the defect does not need a lost answer (see CONNECT-CONC-1 and the sequential checks)';
    return void rec.notApplicable('NET-1', op, check, [why, r.explanation ?? ''].join('\n'));
  }
  const notes = [`${r.dropped} answers lost`, r.controlError ? `the replay with no answer lost could not run: ${r.controlError}` : undefined].filter((s): s is string => s !== undefined);
  rec.check('NET-1', {
    operation: op,
    check,
    ok: r.ok,
    message: r.ok
      ? `${r.numRuns} parallel programs, every history linearizable with lost updates applied at most once (seed ${r.seed}); ${notes.join('; ')}`
      : [r.explanation ?? 'history not linearizable', ...notes].join('\n'),
    ...(r.path !== undefined ? { path: r.path } : {}),
    ...(r.counterexample ? { counterexample: r.counterexample } : {}),
  });
}

function everyNth(n: number): string {
  if (n <= 1) return 'every';
  const words: Record<number, string> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth' };
  return `every ${words[n] ?? `${n}th`}`;
}
