// Test helper for the Cloud Directory NET-1 checks: a reference server (optionally with faults), a
// DirNetTarget on it (each named client on its own connection pool, direct or through a given base
// URL) and a fresh directory.
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { ApiClient } from '../../suites/harness/client.js';
import { DirApi } from '../../suites/clouddirectory/api.js';
import type { DirNetTarget } from '../../suites/clouddirectory/net-target.js';
import { provisionDirectory, type Directory } from '../../suites/clouddirectory/provision.js';

export interface DirNetKit {
  server: ReferenceServer;
  target: DirNetTarget;
  dir: Directory;
  close(): Promise<void>;
}

export async function dirNetKit(faults: string[] = []): Promise<DirNetKit> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const url = server.url.replace(/\/+$/, '');
  const clients = new Map<string, ApiClient<'clouddirectory'>>();
  const via = (baseUrl: string) => (name: string) => {
    const key = `${baseUrl} ${name}`;
    let c = clients.get(key);
    if (!c) clients.set(key, (c = new ApiClient('clouddirectory', baseUrl, { name, region: 'us-east-1', timeoutMs: 10_000, signed: false })));
    return new DirApi(c);
  };
  const close = async () => {
    for (const c of clients.values()) await c.close();
    await server.close();
  };
  try {
    const dir = await provisionDirectory(via(url)('provision'), 'net');
    return { server, target: { url, signed: false, direct: via(url), via }, dir, close };
  } catch (e) {
    await close();
    throw e;
  }
}
