// The Cognito Sync concurrency check against targets that misbehave: it reports, it never crashes
// or hangs, and it never blames SYNC-CONC-1 for answers it could not read.
import { afterEach, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileMode } from '../../fixtures/hostile/index.js';
import { SyncApi, type SyncCaller } from '../../suites/cognito-sync/api.js';
import { runSyncConcurrency } from '../../suites/cognito-sync/concurrency.js';
import type { CallResult } from '../../suites/harness/client.js';
import { IDENTITY, syncClients } from './reference-sync-kit.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** A caller answering every operation with the given status and JSON text, through no network. */
function fakeCaller(answer: (operation: string) => { status: number; body: string }): SyncCaller {
  return {
    raw: async (operation) => {
      const { status, body } = answer(operation);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const exchange = { client: 'fake', operation, request: { method: 'POST', url: 'http://fake/', headers: {} }, callTime: 0, returnTime: 0 };
      const r = { kind: 'response', status, headers: {}, body, json, exchange } as CallResult<unknown>;
      return status === 200 ? { ...r, data: json } : { ...r, error: { code: 'Broken', from: 'header', message: 'broken' } };
    },
  };
}

describe('misbehaving Cognito Sync targets', () => {
  it.each<HostileMode>(['500-everything', 'empty-200', 'invalid-json', 'garbage', 'reset'])('%s: the property cannot run, and says so', async (mode) => {
    const hostile = await startHostileServer({ mode });
    cleanups.push(() => hostile.close());
    const clients = syncClients(hostile.url, 2_000);
    cleanups.push(() => clients.close());
    const res = await runSyncConcurrency({ apiFor: clients.apiFor, seed: 1, runs: 2, repeats: 1, opTimeoutMs: 3_000 });
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/SyncSessionToken/);
    expect(res.counterexample).toBeUndefined();
  });

  it('junk where records belong: outcomes become unknown and are noted, nothing is blamed', async () => {
    const caller = fakeCaller((op) =>
      op === 'ListRecords'
        ? { status: 200, body: '{"SyncSessionToken":"t","Records":[null,7,{"Key":"k0","SyncCount":"many"}],"NextToken":5}' }
        : { status: 200, body: '{"Records":"not a list"}' },
    );
    const res = await runSyncConcurrency({ apiFor: () => new SyncApi(caller, IDENTITY), seed: 3, runs: 3, repeats: 1, opTimeoutMs: 1_000 });
    expect(res.error).toBeUndefined();
    expect(res.ok).toBe(true);
    expect(res.unexpected.length).toBeGreaterThan(0);
    expect(res.unexpected.join('\n')).toMatch(/without (a numeric SyncCount|the record's new SyncCount)/);
  });
});
