// NET-1 plumbing shared by the API suites: a 'lost-response' proxy (fixtures/hostile) in front of
// the target, which forwards each request, lets the target answer, and then resets the client's
// connection for every n-th one. The suites route only their program clients through it; setup,
// prefix and final reads go direct, so the state after a run is always observed.
import { startHostileServer, type HostileServer } from '../../../fixtures/hostile/index.js';

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

/** Starts the proxy; every `dropEvery`-th request it receives loses its answer (1 = all). */
export async function startLossyRoute(targetUrl: string, dropEvery: number): Promise<LossyRoute> {
  const proxy: HostileServer = await startHostileServer({ mode: 'lost-response', upstream: new URL(targetUrl).origin, dropEvery, upstreamTimeoutMs: 15_000 });
  return { url: proxy.url, dropped: () => proxy.stats.dropped, close: () => proxy.close() };
}

/** Program clients ('client-<n>') through the lossy route; everyone else (setup, prefix, final) direct. */
export function lossyApiFor<Api>(direct: (name: string) => Api, lossy: (name: string) => Api): (name: string) => Api {
  return (name) => (name.startsWith('client-') ? lossy(name) : direct(name));
}
