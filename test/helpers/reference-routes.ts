// Test helper for the NET-1 checks of every API: a reference server (optionally with faults) and
// named API clients on it, each on its own connection pool, direct or through another base URL (the
// lost-response proxy's). One kit per test; close() ends every client and the server.
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import type { ServiceName } from '../../spec/services.js';
import { ApiClient } from '../../suites/harness/client.js';
import type { LossyTarget } from '../../suites/harness/parallel/lossy-route.js';

export interface ReferenceRoutes<A> {
  server: ReferenceServer;
  /** The server's base URL, without a trailing slash. */
  url: string;
  /** Named clients through `baseUrl`; the same name and URL give the same client. */
  via(baseUrl: string): (name: string) => A;
  /** The server as NET-1's checks see a target (unsigned, clients direct or through a proxy). */
  target: LossyTarget<A>;
  close(): Promise<void>;
}

export async function referenceRoutes<S extends ServiceName, A>(service: S, wrap: (client: ApiClient<S>) => A, faults: string[] = []): Promise<ReferenceRoutes<A>> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const url = server.url.replace(/\/+$/, '');
  const clients = new Map<string, ApiClient<S>>();
  const via = (baseUrl: string) => (name: string) => {
    const key = `${baseUrl} ${name}`;
    let c = clients.get(key);
    if (!c) clients.set(key, (c = new ApiClient(service, baseUrl, { name, region: 'us-east-1', timeoutMs: 10_000, signed: false })));
    return wrap(c);
  };
  return {
    server,
    url,
    via,
    target: { url, signed: false, direct: via(url), via },
    close: async () => {
      for (const c of clients.values()) await c.close();
      await server.close();
    },
  };
}
