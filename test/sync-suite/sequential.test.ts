// The sequential property on its own against the faults it is meant to catch: the divergence names
// the fault's requirement, the counterexample is the failing run's transcript (<= 4 commands), and
// replaying the verdict's seed and path reproduces the same divergence.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { ApiClient } from '../../suites/harness/client.js';
import { SyncApi } from '../../suites/cognito-sync/api.js';
import { SYNC_SIZES } from '../../suites/cognito-sync/profiles.js';
import { runSequential } from '../../suites/cognito-sync/sequential.js';
import { IDENTITY } from './run-checks.js';

const SEED = 3;
const CASES: Array<[string, string, RegExp]> = [
  ['sync-stale-count-accepted', 'SYNC-COUNT-2', /stale SyncCount/],
  ['sync-count-not-incremented', 'SYNC-COUNT-1', /must be greater/],
  ['sync-non-atomic-patches', 'SYNC-ATOMIC-1', /after a rejected UpdateRecords/],
  ['sync-tombstone-dropped', 'SYNC-REMOVE-1', /tombstone/],
  ['sync-page-skips-record', 'SYNC-LIST-1', /missing from the \d+ pages/],
];

describe('the sequential property against single faults', () => {
  for (const [fault, requirement, text] of CASES) {
    describe(fault, () => {
      let server: ReferenceServer;
      let client: ApiClient<'cognito-sync'>;
      let api: SyncApi;
      beforeAll(async () => {
        server = await startReferenceServer({ port: 0, faults: [fault], log: () => {} });
        client = new ApiClient('cognito-sync', server.url.replace(/\/+$/, ''), { region: 'us-east-1', timeoutMs: 10_000, signed: false });
        api = new SyncApi(client, IDENTITY);
      });
      afterAll(async () => {
        await client.close();
        await server.close();
      });

      test(`fails on ${requirement} with a short transcript, and the path replays it`, async () => {
        const sizes = SYNC_SIZES.quick;
        const o = await runSequential(api, { seed: SEED, numRuns: sizes.sequentialRuns, maxCommands: sizes.maxCommands });
        expect(o.error).toBeUndefined();
        expect(o.ok).toBe(false);
        expect(o.requirement).toBe(requirement);
        expect(o.message).toMatch(text);
        expect(o.counterexample!.length).toBeGreaterThan(0);
        expect(o.counterexample!.length).toBeLessThanOrEqual(4);
        expect(o.evidence.length).toBeGreaterThan(0);
        const again = await runSequential(api, { seed: SEED, numRuns: sizes.sequentialRuns, maxCommands: sizes.maxCommands, path: o.path! });
        expect(again.requirement).toBe(requirement);
        expect(again.counterexample).toEqual(o.counterexample);
      });
    });
  }

  test('future SyncCounts: a 500 instead of the 409 we read is reported at the SHOULD level', async () => {
    const server = await startReferenceServer({ port: 0, faults: ['sync-conflict-500'], log: () => {} });
    const client = new ApiClient('cognito-sync', server.url.replace(/\/+$/, ''), { region: 'us-east-1', timeoutMs: 10_000, signed: false });
    try {
      const o = await runSequential(new SyncApi(client, IDENTITY), { seed: 42, numRuns: 15, maxCommands: 8, withFuture: true });
      expect(o.requirement).toBe('SYNC-COUNT-2');
      // Shrinking reaches the single-command case: a future count on a new record.
      expect(o.counterexample).toEqual(['UpdateRecords[replace alpha=v0 @7 (future)]']);
      expect(o.level).toBe('SHOULD');
    } finally {
      await client.close();
      await server.close();
    }
  });
});
