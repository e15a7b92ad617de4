// Concurrency: parallel programs of conditional updates at each lock level, checked for
// linearizability and lost updates (CONNECT-CONC-1). Every client has its own connection pool.
// NET-1: a conditional update whose answer is lost, retried with the same LockVersion, and the same
// parallel programs with every third answer lost (net-checks.ts); n/a when the lost-response proxy
// cannot be placed in front of the target.
import path from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { ApiClient, clientFor } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import { ConnectApi } from './api.js';
import { checkNet } from './net-checks.js';
import { NET_SIZES } from './net-target.js';
import { checkConcurrency } from './suite-checks.js';
import { suiteTarget } from './target.js';
import { LOCK_LEVELS } from './types.js';

const t = suiteTarget('concurrency');
const ctx = runContext();
const instanceId = ctx.resources.connectInstanceId;
const clients = new Map<string, ApiClient<'connect'>>();
function apiFor(name: string): ConnectApi {
  let c = clients.get(name);
  if (!c) {
    c = clientFor('connect', { name: `connect-concurrency-${name}`, observe: t.rec.observe });
    clients.set(name, c);
  }
  return new ConnectApi(c, instanceId);
}
/** Clients through another base URL (the lost-response proxy), one per name. */
function via(baseUrl: string): (name: string) => ConnectApi {
  return (name) => {
    const key = `${baseUrl} ${name}`;
    let c = clients.get(key);
    if (!c) {
      c = new ApiClient('connect', baseUrl, { name: `connect-lossy-${name}`, observe: t.rec.observe, region: ctx.resources.region, timeoutMs: ctx.timeoutMs, origin: ctx.origin });
      clients.set(key, c);
    }
    return new ConnectApi(c, instanceId);
  };
}
afterAll(async () => {
  for (const c of clients.values()) await c.close();
  await t.client.close();
});

describe('connect concurrency', () => {
  for (const level of LOCK_LEVELS) {
    test(`lock level ${level}`, () => checkConcurrency(apiFor, t.rec, level, t.seed, t.sizes));
  }
  test('answers lost after the update applied: applied once or not at all, retries refused (NET-1)', () =>
    checkNet({ url: ctx.urls.connect ?? '', signed: ctx.signed, direct: apiFor, via }, t.rec, {
      seed: t.seed,
      sizes: NET_SIZES[ctx.profile],
      ...(ctx.outDir ? { timelineDir: path.join(ctx.outDir, 'lockstep-timelines') } : {}),
    }));
});
