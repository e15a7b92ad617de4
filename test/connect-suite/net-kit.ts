// Test helper for the NET-1 checks: a reference server (optionally with faults) and a NetTarget on
// it, each named client on its own connection pool, direct or through a given base URL.
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { ApiClient } from '../../suites/harness/client.js';
import { ConnectApi } from '../../suites/connect/api.js';
import type { NetTarget } from '../../suites/connect/net-target.js';
import { INSTANCE_ID } from './reference-target.js';

export interface NetKit {
  server: ReferenceServer;
  target: NetTarget;
  close(): Promise<void>;
}

export async function netKit(faults: string[] = []): Promise<NetKit> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const url = server.url.replace(/\/+$/, '');
  const clients = new Map<string, ApiClient<'connect'>>();
  const via = (baseUrl: string) => (name: string) => {
    const key = `${baseUrl} ${name}`;
    let c = clients.get(key);
    if (!c) clients.set(key, (c = new ApiClient('connect', baseUrl, { name, region: 'us-east-1', timeoutMs: 10_000, signed: false })));
    return new ConnectApi(c, INSTANCE_ID);
  };
  return {
    server,
    target: { url, signed: false, direct: via(url), via },
    close: async () => {
      for (const c of clients.values()) await c.close();
      await server.close();
    },
  };
}
