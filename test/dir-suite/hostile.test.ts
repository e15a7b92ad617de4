// Against a misbehaving endpoint the Cloud Directory checks finish (no crash, no hang: every call has
// a timeout) and pass nothing: every step that cannot set up records n/a.
import { describe, expect, test } from 'vitest';
import { startHostileServer } from '../../fixtures/hostile/index.js';
import { ApiClient } from '../../suites/harness/client.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { DirApi } from '../../suites/clouddirectory/api.js';
import { concurrencyStep, propertyStep, runDirSteps, singleShotSteps, type DirChecksOptions } from '../../suites/clouddirectory/all-checks.js';
import { DIR_SIZES } from '../../suites/clouddirectory/profiles.js';

describe('Cloud Directory checks against a hostile endpoint', () => {
  for (const mode of ['garbage', 'invalid-json', '500-everything', 'empty-200', 'reset', 'hang'] as const) {
    test(`${mode}: the run ends and no DIR check passes`, async () => {
      const server = await startHostileServer({ mode });
      const rec = new VerdictRecorder('clouddirectory', 'clouddirectory/hostile', undefined, 1);
      const clients: ApiClient<'clouddirectory'>[] = [];
      const apiFor = () => {
        const c = new ApiClient('clouddirectory', server.url, { region: 'us-east-1', timeoutMs: 300, signed: false });
        clients.push(c);
        return new DirApi(c);
      };
      const o: DirChecksOptions = { apiFor, rec, seed: 1, sizes: { ...DIR_SIZES.quick, batchRuns: 2, concurrencyRuns: 1 }, opTimeoutMs: 1_000 };
      try {
        await runDirSteps(o, [...singleShotSteps(o), propertyStep(o), concurrencyStep(o)], 'hostile');
      } finally {
        for (const c of clients) await c.close();
        await server.close();
      }
      expect(rec.verdicts.filter((v) => v.status === 'pass').map((v) => `${v.requirement} ${v.check}`)).toEqual([]);
      expect(rec.verdicts.length).toBeGreaterThan(0);
    }, 30_000);
  }
});
