// NET-1, generated: the CONNECT-CONC-1 programs again, with the clients' requests going through
// the lost-response proxy, which lets the target apply each request and drops every n-th answer.
// A client whose answer was lost keeps the version it had, so its next 'own' update of that value
// is a retry on a replaced version. Lost updates are unknown outcomes: the checker must find an
// order in which each applied at most once. Setup, prefix and final reads go direct.
//
// Before blaming lost answers, a failing (shrunk) program is replayed with every client direct:
// if it fails there too, the defect does not need a lost answer (CONNECT-CONC-1 and the sequential
// checks judge it) and the NET-1 verdict is n/a saying so.
import { lossyApiFor } from '../harness/parallel/lossy-route.js';
import { everyNth, recordLossyVerdict, runLossyPrograms, type LossyProgramsOutcome } from '../harness/parallel/lossy-programs.js';
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

export type LossyOutcome = LossyProgramsOutcome<ConcurrencyOutcome>;

export function lossyCheckName(level: LockLevel, dropEvery: number): string {
  return `parallel conditional updates with ${everyNth(dropEvery)} answer lost, lock level ${level}`;
}

export function runLossyConcurrency(t: NetTarget, o: LossyOptions): Promise<LossyOutcome> {
  return runLossyPrograms(t.url, o.dropEvery, {
    lossy: (proxyUrl) =>
      runConcurrency({
        level: o.level,
        seed: o.seed,
        runs: o.runs,
        apiFor: lossyApiFor(t.direct, t.via(proxyUrl)),
        ...(o.path !== undefined ? { path: o.path } : {}),
        ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
      }),
    control: (seed, path) => runConcurrency({ level: o.level, seed, path, runs: 1, apiFor: t.direct }),
  });
}

export async function checkLossyConcurrency(t: NetTarget, rec: VerdictRecorder, o: LossyOptions): Promise<void> {
  const r = await runLossyConcurrency(t, o);
  recordLossyVerdict(rec, r, {
    operation: 'BatchUpdateDataTableValue',
    check: lossyCheckName(o.level, o.dropEvery),
    judgedBy: 'CONNECT-CONC-1 and the sequential checks',
    passed: `${r.numRuns} parallel programs, every history linearizable with lost updates applied at most once (seed ${r.seed})`,
    failed: 'history not linearizable',
  });
}
