// What the Cloud Directory NET-1 checks need from a run: the target the lost-response proxy goes in
// front of, and two ways to make clients (straight to the target, or through a given base URL).
import type { Profile } from '../harness/config.js';
import type { LossyTarget } from '../harness/parallel/lossy-route.js';
import type { DirApi } from './api.js';

export type DirNetTarget = LossyTarget<DirApi>;

/** The lossy DIR-CONC-1 programs: how many, runs per program, and which answers get lost. */
export interface DirNetSizes {
  lossyRuns: number;
  repeats: number;
  /** Every n-th request through the proxy loses its answer. */
  dropEvery: number;
}

// Half the DIR-CONC-1 programs: a lost answer does not wait for a rare interleaving (every third
// request through the proxy loses it), and the lost batch itself is checked head-on by net-retry.ts.
export const DIR_NET_SIZES: Record<Profile, DirNetSizes> = {
  quick: { lossyRuns: 4, repeats: 2, dropEvery: 3 },
  standard: { lossyRuns: 15, repeats: 2, dropEvery: 3 },
  deep: { lossyRuns: 60, repeats: 3, dropEvery: 3 },
};
