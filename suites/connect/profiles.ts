// Sizes of the Connect properties per profile (documented in README.md). The harness's PROFILE_RUNS
// is the common scale; these are the Connect numbers derived from measuring the reference.
import type { Profile } from '../harness/config.js';

export interface ConnectSizes {
  /** fc runs of the sequential property, per lock level. */
  sequentialRuns: number;
  /** Most commands in one sequential run. */
  maxCommands: number;
  /** fc runs of the partial-failure property, per lock level. */
  partialRuns: number;
  /** Parallel programs per lock level in the concurrency suite. */
  concurrencyRuns: number;
}

export const CONNECT_SIZES: Record<Profile, ConnectSizes> = {
  quick: { sequentialRuns: 25, maxCommands: 8, partialRuns: 20, concurrencyRuns: 8 },
  standard: { sequentialRuns: 100, maxCommands: 12, partialRuns: 40, concurrencyRuns: 30 },
  deep: { sequentialRuns: 500, maxCommands: 20, partialRuns: 200, concurrencyRuns: 150 },
};
