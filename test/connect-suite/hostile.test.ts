// Against a misbehaving endpoint the Connect checks finish (no crash, no hang: every call has a
// timeout) and never report a pass for a property they could not exercise.
import { describe, expect, test } from 'vitest';
import { startHostileServer } from '../../fixtures/hostile/index.js';
import { ApiClient } from '../../suites/harness/client.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { ConnectApi } from '../../suites/connect/api.js';
import { runAllConnectChecks } from '../../suites/connect/all-checks.js';
import { CONNECT_SIZES } from '../../suites/connect/profiles.js';
import { INSTANCE_ID } from './reference-target.js';

describe('Connect checks against a hostile endpoint', () => {
  for (const mode of ['garbage', 'invalid-json', '500-everything', 'empty-200', 'reset', 'hang'] as const) {
    test(`${mode}: the run ends and no CONNECT property passes`, async () => {
      const server = await startHostileServer({ mode });
      const rec = new VerdictRecorder('connect', 'connect/hostile', undefined, 1);
      const clients: ApiClient<'connect'>[] = [];
      const apiFor = () => {
        const c = new ApiClient('connect', server.url, { region: 'us-east-1', timeoutMs: 300, signed: false });
        clients.push(c);
        return new ConnectApi(c, INSTANCE_ID);
      };
      try {
        await runAllConnectChecks({ apiFor, rec, seed: 1, sizes: { ...CONNECT_SIZES.quick, sequentialRuns: 2, partialRuns: 2, concurrencyRuns: 1 } });
      } finally {
        for (const c of clients) await c.close();
        await server.close();
      }
      const passedProperties = rec.verdicts.filter((v) => v.status === 'pass' && /model-based|bad items|parallel/.test(v.check));
      expect(passedProperties.map((v) => `${v.requirement} ${v.check}`)).toEqual([]);
      expect(rec.verdicts.length).toBeGreaterThan(0);
    });
  }
});
