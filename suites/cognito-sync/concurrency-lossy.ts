// NET-1 for Cognito Sync: the program's clients reach the target through the hostile 'lost-response'
// proxy (fixtures/hostile), which forwards each request, lets the target answer, and then resets
// the client's connection for every n-th one. Setup, prefix and final reads go direct, so the
// state after the run is always observed.
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/index.js';
import type { SyncApi } from './api.js';

/** Why lost answers cannot be staged in front of this target, or undefined when they can. */
export function lossyNotApplicable(targetUrl: string, signed: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return `target URL ${JSON.stringify(targetUrl)} does not parse`;
  }
  if (url.protocol !== 'http:') return 'the lost-response proxy forwards plain http only';
  if (url.pathname !== '/' && url.pathname !== '') return 'the lost-response proxy forwards to a target without a base path only';
  if (signed) return 'signed requests name the target host; through the proxy their signatures would not match';
  return undefined;
}

export interface LossyRoute {
  url: string;
  /** Answers the proxy dropped after the target had answered. */
  dropped(): number;
  close(): Promise<void>;
}

export async function startLossyRoute(targetUrl: string, dropEvery: number): Promise<LossyRoute> {
  const proxy: HostileServer = await startHostileServer({ mode: 'lost-response', upstream: new URL(targetUrl).origin, dropEvery, upstreamTimeoutMs: 15_000 });
  return { url: proxy.url, dropped: () => proxy.stats.dropped, close: () => proxy.close() };
}

/** Program clients ('client-<n>') through the lossy route; everyone else direct. */
export function lossyApiFor(direct: (name: string) => SyncApi, lossy: (name: string) => SyncApi): (name: string) => SyncApi {
  return (name) => (name.startsWith('client-') ? lossy(name) : direct(name));
}
