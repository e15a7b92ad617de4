// What the NET-1 checks need from the run: the target they put the lost-response proxy in front
// of, and two ways to make clients (straight to the target, or through a given base URL).
import type { Profile } from '../harness/config.js';
import type { LossyTarget } from '../harness/parallel/lossy-route.js';
import type { ConnectApi } from './api.js';

export type NetTarget = LossyTarget<ConnectApi>;

/** Lossy parallel programs per conditional lock level, and which answers get lost. */
export interface NetSizes {
  lossyRuns: number;
  /** Every n-th request through the proxy loses its answer. */
  dropEvery: number;
}

// Fewer programs than CONNECT-CONC-1 (each program still runs twice): a lost answer does not wait
// for a rare interleaving (every third request through the proxy loses it), and the retry on a
// replaced version is checked head-on, deterministically, by net-retry.ts.
export const NET_SIZES: Record<Profile, NetSizes> = {
  quick: { lossyRuns: 4, dropEvery: 3 },
  standard: { lossyRuns: 15, dropEvery: 3 },
  deep: { lossyRuns: 60, dropEvery: 3 },
};
