// How much the Cognito Sync concurrency suite runs per profile (see concurrency.suite.ts).
import type { Profile } from '../harness/config.js';

export interface SyncConcurrencySizes {
  /** Generated programs for SYNC-CONC-1 (each run `repeats` times). */
  runs: number;
  repeats: number;
  /** Up to 8 clients; operations per client at most this. */
  maxOpsPerClient: number;
  /** Generated programs for NET-1 (answers lost on the way back). */
  lossyRuns: number;
  /** NET-1: the proxy drops every n-th answer. */
  dropEvery: number;
}

// Measured on the embedded reference (shared 2-core machine, `lockstep run --api cognito-sync`):
// the concurrency suite took 1.2 s (quick), 3.8 s (standard), 14 s (deep), i.e. about 40 ms per
// program execution with its own dataset and tokens. Against a remote target each operation is a
// round trip (a client's 10 operations run one after another), so expect well under a second per
// execution at 50 ms round trips: standard stays inside its 180 s per-test budget.
export const SYNC_CONCURRENCY_SIZES: Record<Profile, SyncConcurrencySizes> = {
  quick: { runs: 10, repeats: 2, maxOpsPerClient: 6, lossyRuns: 4, dropEvery: 3 },
  standard: { runs: 40, repeats: 2, maxOpsPerClient: 10, lossyRuns: 15, dropEvery: 3 },
  deep: { runs: 200, repeats: 3, maxOpsPerClient: 10, lossyRuns: 60, dropEvery: 3 },
};
