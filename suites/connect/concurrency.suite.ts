// Concurrency: parallel programs of conditional updates at each lock level, checked for
// linearizability and lost updates (CONNECT-CONC-1). Every client has its own connection pool.
import { afterAll, describe, test } from 'vitest';
import { clientFor, type ApiClient } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import { ConnectApi } from './api.js';
import { checkConcurrency } from './suite-checks.js';
import { suiteTarget } from './target.js';
import { LOCK_LEVELS } from './types.js';

const t = suiteTarget('concurrency');
const instanceId = runContext().resources.connectInstanceId;
const clients = new Map<string, ApiClient<'connect'>>();
function apiFor(name: string): ConnectApi {
  let c = clients.get(name);
  if (!c) {
    c = clientFor('connect', { name: `connect-concurrency-${name}`, observe: t.rec.observe });
    clients.set(name, c);
  }
  return new ConnectApi(c, instanceId);
}
afterAll(async () => {
  for (const c of clients.values()) await c.close();
  await t.client.close();
});

describe('connect concurrency', () => {
  for (const level of LOCK_LEVELS) {
    test(`lock level ${level}`, () => checkConcurrency(apiFor, t.rec, level, t.seed, t.sizes));
  }
});
