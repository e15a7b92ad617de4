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

// Measured on the embedded reference (2-core machine): a program of up to 8 x 10 operations takes
// about 0.1 s including its own dataset, so standard stays near 10 s; a remote target with 50 ms
// round trips is about 10x slower, still inside the 180 s per-test budget of standard.
export const SYNC_CONCURRENCY_SIZES: Record<Profile, SyncConcurrencySizes> = {
  quick: { runs: 10, repeats: 2, maxOpsPerClient: 6, lossyRuns: 4, dropEvery: 3 },
  standard: { runs: 40, repeats: 2, maxOpsPerClient: 10, lossyRuns: 15, dropEvery: 3 },
  deep: { runs: 200, repeats: 3, maxOpsPerClient: 10, lossyRuns: 60, dropEvery: 3 },
};
