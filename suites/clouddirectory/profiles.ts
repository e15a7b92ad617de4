// Sizes of the Cloud Directory properties per profile (documented in README.md).
import type { Profile } from '../harness/config.js';

export interface DirSizes {
  /** fc runs of the batch property (each: a fresh home, a failing batch, the valid batch). */
  batchRuns: number;
  /** Parallel programs of the concurrency check, each run `repeats` times. */
  concurrencyRuns: number;
  repeats: number;
  maxOpsPerClient: number;
}

export const DIR_SIZES: Record<Profile, DirSizes> = {
  quick: { batchRuns: 15, concurrencyRuns: 8, repeats: 2, maxOpsPerClient: 3 },
  standard: { batchRuns: 60, concurrencyRuns: 30, repeats: 2, maxOpsPerClient: 4 },
  deep: { batchRuns: 300, concurrencyRuns: 120, repeats: 3, maxOpsPerClient: 5 },
};
