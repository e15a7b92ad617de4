// Test helper for the Cloud Directory NET-1 checks: a reference server (optionally with faults), a
// DirNetTarget on it (each named client on its own connection pool, direct or through a given base
// URL) and a fresh directory.
import type { ReferenceServer } from '../../fixtures/reference/server.js';
import { referenceRoutes } from '../helpers/reference-routes.js';
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
  const r = await referenceRoutes('clouddirectory', (c) => new DirApi(c), faults);
  try {
    const dir = await provisionDirectory(r.target.direct('provision'), 'net');
    return { server: r.server, target: r.target, dir, close: r.close };
  } catch (e) {
    await r.close();
    throw e;
  }
}
