// Test helper: the Cloud Directory checks against a reference server (optionally with faults), each
// logical client on its own connection pool, verdicts kept in memory.
import { startReferenceServer } from '../../fixtures/reference/server.js';
import { ApiClient } from '../../suites/harness/client.js';
import type { Verdict } from '../../suites/harness/verdict.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { DirApi } from '../../suites/clouddirectory/api.js';
import { runDirSteps, type DirChecksOptions, type DirStep } from '../../suites/clouddirectory/all-checks.js';
import type { DirSizes } from '../../suites/clouddirectory/profiles.js';

export interface ChecksRun {
  verdicts: Verdict[];
  internalErrors: number;
}

export async function runOnReference(
  faults: string[],
  seed: number,
  sizes: DirSizes,
  steps: (o: DirChecksOptions) => DirStep[],
  stopOn?: (v: Verdict) => boolean,
  /** Runs after the steps (and their clean-up), before the server stops. */
  after?: (apiFor: (client: string) => DirApi) => Promise<void>,
): Promise<ChecksRun> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const url = server.url.replace(/\/+$/, '');
  const rec = new VerdictRecorder('clouddirectory', 'clouddirectory/test', undefined, seed);
  const clients = new Map<string, ApiClient<'clouddirectory'>>();
  const apiFor = (name: string): DirApi => {
    let c = clients.get(name);
    if (!c) {
      c = new ApiClient('clouddirectory', url, { name, region: 'us-east-1', timeoutMs: 10_000, signed: false, observe: rec.observe });
      clients.set(name, c);
    }
    return new DirApi(c);
  };
  const o: DirChecksOptions = { apiFor, rec, seed, sizes, ...(stopOn ? { stop: (r) => r.verdicts.some(stopOn) } : {}) };
  try {
    await runDirSteps(o, steps(o), 'test');
    if (after) await after(apiFor);
    return { verdicts: rec.verdicts, internalErrors: server.internalErrors() };
  } finally {
    for (const c of clients.values()) await c.close();
    await server.close();
  }
}
