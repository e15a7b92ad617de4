// NET-1 plumbing shared by the API suites: a 'lost-response' proxy (fixtures/hostile) in front of
// the target, which forwards each request, lets the target answer, and then resets the client's
// connection for every n-th one. The suites route only their program clients through it; setup,
// prefix and final reads go direct, so the state after a run is always observed.
import { startHostileServer, type HostileServer } from '../../../fixtures/hostile/index.js';
import type { Exchange } from '../verdict.js';
import type { VerdictRecorder } from '../verdicts.js';

/** What a suite's NET-1 checks need from a run: the target the proxy goes in front of, and clients `A`. */
export interface LossyTarget<A> {
  /** The target's base URL, where the proxy forwards. */
  url: string;
  /** Requests are signed (the proxy cannot be placed then). */
  signed: boolean;
  /** One client (own connection pool) per name, straight to the target. */
  direct: (name: string) => A;
  /** One client per name through `baseUrl` (the proxy). */
  via: (baseUrl: string) => (name: string) => A;
}

/** What a targeted lost-answer check (answer dropped, then the request again) found. */
export interface LostAnswerOutcome {
  status: 'pass' | 'fail' | 'n/a';
  message: string;
  evidence: Exchange[];
  /** The steps as they happened, the verdict's counterexample when it fails. */
  steps: string[];
}

/** The NET-1 verdict of a targeted lost-answer check. */
export function recordLostAnswer(rec: VerdictRecorder, operation: string, check: string, r: LostAnswerOutcome): void {
  if (r.status === 'n/a') return void rec.notApplicable('NET-1', operation, check, r.message, r.evidence);
  rec.check('NET-1', { operation, check, ok: r.status === 'pass', message: r.message, evidence: r.evidence, ...(r.status === 'fail' ? { counterexample: r.steps } : {}) });
}

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
