// Against a misbehaving endpoint the Cognito Sync checks finish (no crash, no hang: every call has a
// timeout) and never report a pass for a property or a rule they could not exercise.
import { describe, expect, test } from 'vitest';
import { startHostileServer } from '../../fixtures/hostile/index.js';
import { ApiClient } from '../../suites/harness/client.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { SyncApi } from '../../suites/cognito-sync/api.js';
import { runAllSyncChecks } from '../../suites/cognito-sync/all-checks.js';
import { IDENTITY } from './run-checks.js';

describe('Cognito Sync checks against a hostile endpoint', () => {
  for (const mode of ['garbage', 'invalid-json', '500-everything', 'empty-200', 'reset', 'hang'] as const) {
    test(`${mode}: the run ends and no SYNC rule passes`, async () => {
      const server = await startHostileServer({ mode });
      const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/hostile', undefined, 1);
      const client = new ApiClient('cognito-sync', server.url, { region: 'us-east-1', timeoutMs: 300, signed: false });
      try {
        await runAllSyncChecks({ api: new SyncApi(client, IDENTITY), rec, seed: 1, sizes: { sequentialRuns: 2, futureRuns: 2, maxCommands: 4 } });
      } finally {
        await client.close();
        await server.close();
      }
      // An inside probe that is not refused rightly passes (that is all it asks); nothing else may.
      const passed = rec.verdicts.filter((v) => v.status === 'pass' && v.requirement.startsWith('SYNC-') && !v.check.includes('just inside'));
      expect(passed.map((v) => `${v.requirement} ${v.check}: ${v.message}`)).toEqual([]);
      expect(rec.verdicts.length).toBeGreaterThan(0);
    }, 60_000);
  }
});
