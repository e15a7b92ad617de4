// Test helper: every Cognito Sync check against a reference server (optionally with faults),
// verdicts kept in memory.
import { ApiClient } from '../../suites/harness/client.js';
import { DEFAULT_RESOURCES } from '../../suites/harness/config.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import type { Verdict } from '../../suites/harness/verdict.js';
import { SyncApi } from '../../suites/cognito-sync/api.js';
import { runAllSyncChecks } from '../../suites/cognito-sync/all-checks.js';
import type { SyncSizes } from '../../suites/cognito-sync/profiles.js';
import { startReferenceServer } from '../../fixtures/reference/server.js';

export interface ChecksRun {
  verdicts: Verdict[];
  internalErrors: number;
}

export const IDENTITY = { IdentityPoolId: DEFAULT_RESOURCES.identityPoolId, IdentityId: DEFAULT_RESOURCES.identityId };

export async function runSyncChecksOnReference(faults: string[], seed: number, sizes: SyncSizes, stopOn?: (v: Verdict) => boolean): Promise<ChecksRun> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/test', undefined, seed);
  const client = new ApiClient('cognito-sync', server.url.replace(/\/+$/, ''), { name: 'sync-test', region: 'us-east-1', timeoutMs: 10_000, signed: false, observe: rec.observe });
  try {
    await runAllSyncChecks({ api: new SyncApi(client, IDENTITY), rec, seed, sizes, ...(stopOn ? { stop: (r) => r.verdicts.some(stopOn) } : {}) });
    return { verdicts: rec.verdicts, internalErrors: server.internalErrors() };
  } finally {
    await client.close();
    await server.close();
  }
}
