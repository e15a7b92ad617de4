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
import { lossyApiFor } from '../harness/parallel/lossy-route.js';
import { everyNth, recordLossyVerdict, runLossyPrograms, type LossyProgramsOutcome } from '../harness/parallel/lossy-programs.js';
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

export type DirLossyOutcome = LossyProgramsOutcome<DirConcurrencyOutcome>;

export function lossyCheckName(dropEvery: number): string {
  return `parallel BatchWrites and BatchReads on shared nodes with ${everyNth(dropEvery)} answer lost`;
}

export function runDirLossy(t: DirNetTarget, o: DirLossyOptions): Promise<DirLossyOutcome> {
  const base = { dir: o.dir, repeats: o.repeats, maxOpsPerClient: o.maxOpsPerClient, opTimeoutMs: o.opTimeoutMs };
  return runLossyPrograms(t.url, o.dropEvery, {
    lossy: (proxyUrl) =>
      runDirConcurrency({
        ...base,
        apiFor: lossyApiFor(t.direct, t.via(proxyUrl)),
        seed: o.seed,
        runs: o.runs,
        ...(o.path !== undefined ? { path: o.path } : {}),
        ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
      }),
    control: (seed, path) => runDirConcurrency({ ...base, apiFor: t.direct, seed, path, runs: 1 }),
  });
}

export async function checkDirLossy(t: DirNetTarget, rec: VerdictRecorder, o: DirLossyOptions): Promise<DirLossyOutcome> {
  const r = await runDirLossy(t, o);
  recordLossyVerdict(rec, r, {
    operation: 'BatchWrite',
    check: lossyCheckName(o.dropEvery),
    judgedBy: 'DIR-CONC-1',
    passed: `${r.numRuns} parallel programs, no partial batch seen, every history serializable with each lost batch applied whole or not at all (seed ${r.seed})`,
    failed: 'history not serializable',
  });
  return r;
}
