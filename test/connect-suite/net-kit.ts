// Test helper for the NET-1 checks: a reference server (optionally with faults) and a NetTarget on
// it, each named client on its own connection pool, direct or through a given base URL.
import type { ReferenceServer } from '../../fixtures/reference/server.js';
import { referenceRoutes } from '../helpers/reference-routes.js';
import { ConnectApi } from '../../suites/connect/api.js';
import type { NetTarget } from '../../suites/connect/net-target.js';
import { INSTANCE_ID } from './reference-target.js';

export interface NetKit {
  server: ReferenceServer;
  target: NetTarget;
  close(): Promise<void>;
}

export async function netKit(faults: string[] = []): Promise<NetKit> {
  const r = await referenceRoutes('connect', (c) => new ConnectApi(c, INSTANCE_ID), faults);
  return { server: r.server, target: r.target, close: r.close };
}
