// Sizes of the Cognito Sync properties per profile (documented in README.md).
import type { Profile } from '../harness/config.js';

export interface SyncSizes {
  /** fc runs of the sequential property. */
  sequentialRuns: number;
  /** fc runs of the second sequential property, which presents future SyncCounts too. */
  futureRuns: number;
  /** Most commands in one sequential run. */
  maxCommands: number;
}

export const SYNC_SIZES: Record<Profile, SyncSizes> = {
  quick: { sequentialRuns: 40, futureRuns: 15, maxCommands: 8 },
  standard: { sequentialRuns: 150, futureRuns: 50, maxCommands: 12 },
  deep: { sequentialRuns: 600, futureRuns: 200, maxCommands: 20 },
};
