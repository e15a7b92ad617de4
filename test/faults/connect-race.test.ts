// CONNECT-CONC-1 through the real server: two clients on separate connections update the same value
// presenting the same lock version at the same moment. The reference lets exactly one succeed every
// time; the connect-lock-check-race fault lets both succeed (bounded number of tries).
import { afterEach, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { CONNECT_FAULT } from '../../fixtures/faults/connect.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';

const INSTANCE = 'race-instance';
const TRIES = 20;
const REQUEST_TIMEOUT_MS = 10_000;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

let server: ReferenceServer | undefined;
const pools: Pool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  await server?.close();
  server = undefined;
});

async function call(pool: Pool, method: 'PUT' | 'POST', path: string, body: unknown): Promise<{ status: number; json: Json }> {
  const res = await pool.request({
    method,
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  return { status: res.statusCode, json: await res.body.json() };
}

/** Runs TRIES rounds of two concurrent same-version updates; returns how many updates succeeded per round. */
async function race(faults: string[]): Promise<number[]> {
  server = await startReferenceServer({ port: 0, faults });
  const a = new Pool(server.url, { connections: 1 });
  const b = new Pool(server.url, { connections: 1 });
  pools.push(a, b);
  const table = await call(a, 'PUT', `/data-tables/${INSTANCE}`, { Name: 'race', TimeZone: 'UTC', ValueLockLevel: 'VALUE', Status: 'PUBLISHED' });
  expect(table.status).toBe(200);
  const base = `/data-tables/${INSTANCE}/${encodeURIComponent(table.json.Id)}`;
  expect((await call(a, 'PUT', `${base}/attributes`, { Name: 'n', ValueType: 'NUMBER' })).status).toBe(200);
  const created = await call(a, 'POST', `${base}/values/create`, { Values: [{ AttributeName: 'n', Value: '0' }] });
  let lock = created.json.Successful[0].LockVersion;

  const successes: number[] = [];
  for (let round = 0; round < TRIES; round++) {
    const update = (pool: Pool, value: string) =>
      call(pool, 'POST', `${base}/values/update`, { Values: [{ AttributeName: 'n', Value: value, LockVersion: lock }] });
    const [ra, rb] = await Promise.all([update(a, String(round * 10 + 1)), update(b, String(round * 10 + 2))]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const winners = [ra, rb].filter((r) => r.json.Successful.length === 1);
    successes.push(winners.length);
    const read = await call(a, 'POST', `${base}/values/describe`, { Values: [{ AttributeName: 'n' }] });
    lock = read.json.Successful[0].LockVersion;
    if (winners.length === 2) break; // the defect has shown; no need for more rounds
  }
  return successes;
}

describe('Connect concurrent updates on one lock version (CONNECT-CONC-1)', () => {
  it('the reference lets exactly one of two concurrent updates succeed, every round', async () => {
    const rounds = await race([]);
    expect(rounds).toHaveLength(TRIES);
    expect(rounds.every((n) => n === 1)).toBe(true);
    expect(server!.internalErrors()).toBe(0);
  });

  it(`${CONNECT_FAULT.lockCheckRace}: both succeed in some round`, async () => {
    const rounds = await race([CONNECT_FAULT.lockCheckRace]);
    expect(rounds).toContain(2);
  });
});
