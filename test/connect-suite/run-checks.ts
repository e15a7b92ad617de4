// Test helper: every Connect check against a reference server (optionally with faults), each
// logical client on its own connection pool, verdicts kept in memory.
import { ApiClient } from '../../suites/harness/client.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import type { Verdict } from '../../suites/harness/verdict.js';
import { ConnectApi } from '../../suites/connect/api.js';
import { runAllConnectChecks } from '../../suites/connect/all-checks.js';
import type { ConnectSizes } from '../../suites/connect/profiles.js';
import { startReferenceServer } from '../../fixtures/reference/server.js';
import { INSTANCE_ID } from './reference-target.js';

export interface ChecksRun {
  verdicts: Verdict[];
  internalErrors: number;
}

export async function runChecksOnReference(faults: string[], seed: number, sizes: ConnectSizes, stopOn?: (v: Verdict) => boolean): Promise<ChecksRun> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const url = server.url.replace(/\/+$/, '');
  const rec = new VerdictRecorder('connect', 'connect/test', undefined, seed);
  const clients = new Map<string, ApiClient<'connect'>>();
  const apiFor = (name: string): ConnectApi => {
    let c = clients.get(name);
    if (!c) {
      c = new ApiClient('connect', url, { name, region: 'us-east-1', timeoutMs: 10_000, signed: false, observe: rec.observe });
      clients.set(name, c);
    }
    return new ConnectApi(c, INSTANCE_ID);
  };
  try {
    await runAllConnectChecks({ apiFor, rec, seed, sizes, ...(stopOn ? { stop: (r) => r.verdicts.some(stopOn) } : {}) });
    return { verdicts: rec.verdicts, internalErrors: server.internalErrors() };
  } finally {
    for (const c of clients.values()) await c.close();
    await server.close();
  }
}
