// Cognito Sync concurrency: generated parallel programs (up to 8 clients, each with its own
// connection pool, reading with ListRecords and writing with UpdateRecords on the SyncCount it last
// read, on 2 shared keys) over real HTTP; every history is checked by the version invariants and
// the linearizability search (SYNC-CONC-1). NET-1: up to 4 clients on keys of their own (no races,
// so only lost answers can break it) with every third answer lost after the target applied the
// request (a lost-response proxy in front of plain-http targets); a client whose answer was lost
// goes on with the SyncCount it had, so its next write on that key is a retry that must be refused.
//
// Per profile (concurrency-sizes.ts): quick 10 programs x 2 repeats, at most 6 operations per
// client, 4 lossy programs; standard 40 x 2, up to 10 operations, 15 lossy; deep 200 x 3, up to 10
// operations, 60 lossy. A failure records the seed, the fast-check replay path, the shrunk program
// and history, and the path of an HTML timeline of it (written under the system temp folder).
// Before blaming concurrency (or lost answers), the shrunk program is run again one request at a
// time (or with no answer lost): if it fails there too, a sequential rule is broken, which other
// checks judge, and this verdict is n/a with that explanation.
// NET-1 is also checked head-on (net-retry.ts): one UpdateRecords whose answer is lost, retried
// with the same SyncCount; n/a when the proxy cannot be placed or the setup is refused.
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { ApiClient, clientFor } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import { guarded } from '../harness/property.js';
import { VerdictRecorder } from '../harness/verdicts.js';
import { SyncApi } from './api.js';
import { lossyApiFor, lossyNotApplicable, startLossyRoute } from './concurrency-lossy.js';
import { recordConcurrency } from './concurrency-record.js';
import { SYNC_CONCURRENCY_SIZES } from './concurrency-sizes.js';
import { runSyncConcurrency } from './concurrency.js';
import { checkLostRetry, RETRY_CHECK } from './net-retry.js';

const ctx = runContext();
const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/concurrency', undefined, ctx.seed);
const sizes = SYNC_CONCURRENCY_SIZES[ctx.profile];
const identity = { IdentityPoolId: ctx.resources.identityPoolId, IdentityId: ctx.resources.identityId };
const clients = new Map<string, ApiClient<'cognito-sync'>>();

function direct(name: string): SyncApi {
  let c = clients.get(name);
  if (!c) clients.set(name, (c = clientFor('cognito-sync', { name: `sync-concurrency-${name}`, observe: rec.observe })));
  return new SyncApi(c, identity);
}

function via(baseUrl: string): (name: string) => SyncApi {
  return (name) => {
    const key = `${baseUrl} ${name}`;
    let c = clients.get(key);
    if (!c) {
      c = new ApiClient('cognito-sync', baseUrl, { name: `sync-lossy-${name}`, observe: rec.observe, region: ctx.resources.region, timeoutMs: ctx.timeoutMs, origin: ctx.origin });
      clients.set(key, c);
    }
    return new SyncApi(c, identity);
  };
}

const timelineFile = (requirement: string) =>
  path.join(ctx.outDir ?? os.tmpdir(), 'lockstep-timelines', `cognito-sync-${requirement}-seed${ctx.seed}-${Date.now().toString(36)}.html`);

afterAll(async () => {
  for (const c of clients.values()) await c.close();
});

describe('cognito-sync concurrency', () => {
  test('parallel conditional UpdateRecords on shared keys are linearizable', async () => {
    const o = await runSyncConcurrency({
      apiFor: direct,
      seed: ctx.seed,
      runs: sizes.runs,
      repeats: sizes.repeats,
      maxOpsPerClient: sizes.maxOpsPerClient,
      opTimeoutMs: ctx.timeoutMs + 5_000,
      timelinePath: timelineFile('SYNC-CONC-1'),
      control: { serial: true },
    });
    recordConcurrency(rec, 'SYNC-CONC-1', 'parallel conditional UpdateRecords on shared keys', o, undefined, 'with one request at a time');
  });

  test('one answer lost, the identical UpdateRecords retried: exactly one takes effect (NET-1)', () =>
    // A step that throws (the proxy could not start, say) becomes an n/a verdict, not a stopped suite.
    guarded(rec, 'UpdateRecords', ['NET-1'], RETRY_CHECK, () =>
      checkLostRetry({ url: ctx.urls['cognito-sync'] ?? '', signed: ctx.signed, direct, via }, rec, ctx.seed),
    ));

  test('answers lost after the write applied: applied once or not at all, retries refused', async () => {
    const check = 'UpdateRecords with every third answer lost, then retried on the same SyncCount';
    const target = ctx.urls['cognito-sync'] ?? '';
    const why = lossyNotApplicable(target, ctx.signed);
    if (why) return void rec.notApplicable('NET-1', 'UpdateRecords', check, why);
    const route = await startLossyRoute(target, sizes.dropEvery);
    try {
      const o = await runSyncConcurrency({
        apiFor: lossyApiFor(direct, via(route.url)),
        tokenApiFor: direct,
        seed: ctx.seed,
        runs: sizes.lossyRuns,
        repeats: 1,
        maxClients: 4,
        maxOpsPerClient: 6,
        privateKeys: true,
        opTimeoutMs: ctx.timeoutMs + 5_000,
        timelinePath: timelineFile('NET-1'),
        control: { apiFor: direct },
      });
      if (o.ok && route.dropped() === 0) return void rec.notApplicable('NET-1', 'UpdateRecords', check, 'no answer was lost during the runs');
      recordConcurrency(rec, 'NET-1', check, o, `${route.dropped()} answers lost`, 'with no answer lost');
    } finally {
      await route.close();
    }
  });
});
