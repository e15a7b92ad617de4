// NET-1 on Cognito Sync, end to end: the hostile lost-response proxy in front of the correct
// reference drops answers after the write applied; histories then hold unknown outcomes, and the
// checker still finds them linearizable (applied once or not at all, retries on the same SyncCount
// refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { checkHistory } from '../../suites/harness/linearizability/checker.js';
import { runProgram } from '../../suites/harness/parallel/run-program.js';
import { lossyApiFor, lossyNotApplicable, startLossyRoute, type LossyRoute } from '../../suites/cognito-sync/concurrency-lossy.js';
import { syncInvariants, syncModel } from '../../suites/cognito-sync/concurrency-model.js';
import { finalReadsFor, fixedSyncProgram } from '../../suites/cognito-sync/concurrency-program.js';
import { syncSystem } from '../../suites/cognito-sync/concurrency-system.js';
import { runSyncConcurrency } from '../../suites/cognito-sync/concurrency.js';
import { syncClients, type SyncClients } from './reference-sync-kit.js';

let server: ReferenceServer;
let direct: SyncClients;
beforeAll(async () => {
  server = await startReferenceServer({ port: 0, log: () => undefined });
  direct = syncClients(server.url);
});
afterAll(async () => {
  await direct.close();
  await server.close();
});

async function withRoute<T>(dropEvery: number, body: (route: LossyRoute, lossy: SyncClients) => Promise<T>): Promise<T> {
  const route = await startLossyRoute(server.url, dropEvery);
  const lossy = syncClients(route.url);
  try {
    return await body(route, lossy);
  } finally {
    await lossy.close();
    await route.close();
  }
}

describe('lost answers on Cognito Sync', () => {
  it('a write whose answer was lost applied once; repeating it on the same SyncCount is a 409', async () => {
    await withRoute(1, async (route, lossy) => {
      const api = direct.apiFor('writer');
      const token = (await api.listRecords('lost-once')).body!.SyncSessionToken!;
      const lost = await lossy.apiFor('client-0').updateRecords('lost-once', token, [{ Op: 'replace', Key: 'k', Value: 'first', SyncCount: 0 }]);
      expect(lost.status).toBe(0);
      expect(lost.failure).toMatch(/^reset/);
      expect(route.dropped()).toBe(1);
      const after = await api.listAll('lost-once');
      const rec = after.body!.records.find((r) => r.Key === 'k');
      expect(rec?.Value).toBe('first');
      expect(rec?.SyncCount).toBeGreaterThan(0);
      const retry = await api.updateRecords('lost-once', token, [{ Op: 'replace', Key: 'k', Value: 'again', SyncCount: 0 }]);
      expect(retry.status).toBe(409);
      expect(retry.errorType).toBe('ResourceConflictException');
      expect((await api.listAll('lost-once')).body!.records.find((r) => r.Key === 'k')).toEqual(rec);
    });
  });

  it('a 4 x 8 program with every third answer lost: unknown outcomes, still linearizable', async () => {
    await withRoute(3, async (route, lossy) => {
      const program = fixedSyncProgram(21, 4, 8);
      const system = syncSystem({ apiFor: lossyApiFor(direct.apiFor, lossy.apiFor), tokenApiFor: direct.apiFor, datasetPrefix: 'lossy-fixed', maxClients: 4 });
      try {
        const history = await runProgram(program, await system.setup(), { finalReads: finalReadsFor(program), opTimeoutMs: 15_000 });
        expect(route.dropped()).toBeGreaterThan(0);
        expect(system.lost.count).toBe(route.dropped());
        expect(history.filter((op) => op.outcome === 'unknown')).toHaveLength(route.dropped());
        // The final reads go direct: the state after the run is always seen.
        expect(history.filter((op) => op.clientId === 'final').every((op) => op.outcome === 'ok')).toBe(true);
        expect(system.unexpected).toEqual([]);
        expect(syncInvariants(history)).toEqual([]);
        expect(checkHistory(syncModel, history, { timeoutMs: 10_000 }).verdict).toBe('ok');
      } finally {
        await system.cleanup();
      }
    });
  });

  it('the NET-1 property (client-private keys, lossy clients) holds on the reference', async () => {
    await withRoute(3, async (route, lossy) => {
      const res = await runSyncConcurrency({
        apiFor: lossyApiFor(direct.apiFor, lossy.apiFor),
        tokenApiFor: direct.apiFor,
        seed: 31,
        runs: 6,
        repeats: 1,
        maxClients: 4,
        maxOpsPerClient: 6,
        privateKeys: true,
        control: { apiFor: direct.apiFor },
        datasetPrefix: 'lossy-gen',
      });
      expect(res.error).toBeUndefined();
      expect(res.ok).toBe(true);
      expect(res.lost).toBeGreaterThan(0);
      expect(res.lost).toBe(route.dropped());
      expect(res.unexpected).toEqual([]);
    });
    expect(server.internalErrors()).toBe(0);
  });

  it('lost answers are staged only in front of plain-http, unsigned targets without a base path', () => {
    expect(lossyNotApplicable('http://127.0.0.1:8080', false)).toBeUndefined();
    expect(lossyNotApplicable('https://cognito-sync.us-east-1.amazonaws.com', false)).toMatch(/http only/);
    expect(lossyNotApplicable('http://127.0.0.1:8080/prefix', false)).toMatch(/base path/);
    expect(lossyNotApplicable('http://127.0.0.1:8080', true)).toMatch(/signatures/);
    expect(lossyNotApplicable('not a url', false)).toMatch(/does not parse/);
  });
});
