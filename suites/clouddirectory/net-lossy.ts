// NET-1, generated: the DIR-CONC-1 programs again, with the clients' requests going through the
// lost-response proxy, which lets the target apply each request and drops every n-th answer. A
// BatchWrite whose answer was lost is an unknown outcome (the executor gets no answer and throws):
// the search must find a serial order in which each such batch applied whole or not at all, and the
// version invariants still reject any read seeing part of a batch. The programs never resend, so
// "applied again" does not arise here (net-retry.ts checks the resent batch head-on). Setup, prefix
// and final reads go direct, so the state after a run is always observed.
//
// Before blaming lost answers, a failing (shrunk) program is replayed with every client direct: if
// it fails there too, the defect does not need a lost answer (DIR-CONC-1 judges it) and the NET-1
// verdict is n/a saying so.
import { lossyApiFor, startLossyRoute } from '../harness/parallel/lossy-route.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { runDirConcurrency, type DirConcurrencyOutcome } from './concurrency.js';
import type { DirNetTarget } from './net-target.js';
import type { Directory } from './provision.js';

export interface DirLossyOptions {
  dir: Directory;
  seed: number;
  runs: number;
  repeats: number;
  maxOpsPerClient: number;
  dropEvery: number;
  opTimeoutMs: number;
  path?: string;
  timelinePath?: string;
}

export interface DirLossyOutcome extends DirConcurrencyOutcome {
  /** Answers the proxy dropped after the target had answered. */
  dropped: number;
  /** The shrunk program failed with every client direct too (undefined: no failure to replay). */
  controlFailed?: boolean;
  /** The control replay could not run. */
  controlError?: string;
}

export function lossyCheckName(dropEvery: number): string {
  return `parallel BatchWrites and BatchReads on shared nodes with ${everyNth(dropEvery)} answer lost`;
}

export async function runDirLossy(t: DirNetTarget, o: DirLossyOptions): Promise<DirLossyOutcome> {
  const base = { dir: o.dir, repeats: o.repeats, maxOpsPerClient: o.maxOpsPerClient, opTimeoutMs: o.opTimeoutMs };
  const route = await startLossyRoute(t.url, o.dropEvery);
  let out: DirConcurrencyOutcome;
  try {
    out = await runDirConcurrency({
      ...base,
      apiFor: lossyApiFor(t.direct, t.via(route.url)),
      seed: o.seed,
      runs: o.runs,
      ...(o.path !== undefined ? { path: o.path } : {}),
      ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
    });
  } finally {
    await route.close();
  }
  const dropped = route.dropped();
  if (out.ok || out.error !== undefined || out.path === undefined) return { ...out, dropped };
  // The control: the shrunk program replayed from its path, every client direct.
  const control = await runDirConcurrency({ ...base, apiFor: t.direct, seed: out.seed, path: out.path, runs: 1 });
  if (control.error !== undefined) return { ...out, dropped, controlError: control.error };
  return { ...out, dropped, controlFailed: !control.ok };
}

export async function checkDirLossy(t: DirNetTarget, rec: VerdictRecorder, o: DirLossyOptions): Promise<DirLossyOutcome> {
  const check = lossyCheckName(o.dropEvery);
  const op = 'BatchWrite';
  const r = await runDirLossy(t, o);
  if (r.error !== undefined) rec.notApplicable('NET-1', op, check, `property could not run: ${r.error}`);
  else if (r.ok && r.dropped === 0) rec.notApplicable('NET-1', op, check, 'no answer was lost during the runs');
  else if (r.controlFailed) {
    const why = 'not judged: the shrunk counterexample fails with no answer lost too, so the defect does not need a lost answer (see DIR-CONC-1)';
    rec.notApplicable('NET-1', op, check, [why, r.explanation ?? ''].join('\n'));
  } else {
    const notes = [`${r.dropped} answers lost`, r.controlError ? `the replay with no answer lost could not run: ${r.controlError}` : undefined].filter((s): s is string => s !== undefined);
    rec.check('NET-1', {
      operation: op,
      check,
      ok: r.ok,
      message: r.ok
        ? `${r.numRuns} parallel programs, no partial batch seen, every history serializable with each lost batch applied whole or not at all (seed ${r.seed}); ${notes.join('; ')}`
        : [r.explanation ?? 'history not serializable', ...notes].join('\n'),
      ...(r.path !== undefined ? { path: r.path } : {}),
      ...(r.counterexample ? { counterexample: r.counterexample } : {}),
    });
  }
  return r;
}

function everyNth(n: number): string {
  if (n <= 1) return 'every';
  const words: Record<number, string> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth' };
  return `every ${words[n] ?? `${n}th`}`;
}
