// What the NET-1 checks need from the run: the target they put the lost-response proxy in front
// of, and two ways to make clients (straight to the target, or through a given base URL).
import type { Profile } from '../harness/config.js';
import type { ConnectApi } from './api.js';

export interface NetTarget {
  /** The target's base URL, where the proxy forwards. */
  url: string;
  /** Requests are signed (the proxy cannot be placed then). */
  signed: boolean;
  /** One client (own connection pool) per name, straight to the target. */
  direct: (name: string) => ConnectApi;
  /** One client per name through `baseUrl` (the proxy). */
  via: (baseUrl: string) => (name: string) => ConnectApi;
}

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
