// Each Cognito Sync fault makes the reference misbehave exactly as its catalog entry says: the
// same scenario run against the correct reference and the faulty one gives the documented difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../fixtures/faults/cognito-sync.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { del, failure, put, syncKit } from '../reference/cognito-sync-sdk-kit.js';
import { checkSyncHistory, raceUpdateRecords } from '../reference/cognito-sync-race-kit.js';

let identitySeq = 0;
const freshKit = (url: string) => syncKit(url, `us-east-1:f${(identitySeq++).toString(16).padStart(4, '0')}`);

/** A scenario returns what it observed; tests compare correct vs faulty observations. */
type Scenario = (url: string) => Promise<unknown>;

const staleWrite: Scenario = async (url) => {
  const k = freshKit(url);
  const c1 = (await k.update('d', [put('k', 'one', 0)])).Records![0]!.SyncCount!;
  await k.update('d', [put('k', 'two', c1)]);
  const stale = await failure(k.update('d', [put('k', 'stale', c1)]));
  const value = (await k.all('d'))[0]!.Value;
  return { stale: { name: stale.name, status: stale.status }, value };
};

const SCENARIOS: Record<string, { run: Scenario; correct: unknown; faulty: unknown }> = {
  'sync-stale-count-accepted': {
    run: staleWrite,
    correct: { stale: { name: 'ResourceConflictException', status: 409 }, value: 'two' },
    faulty: { stale: { name: 'ok', status: undefined }, value: 'stale' },
  },
  'sync-conflict-500': {
    run: staleWrite,
    correct: { stale: { name: 'ResourceConflictException', status: 409 }, value: 'two' },
    faulty: { stale: { name: 'InternalErrorException', status: 500 }, value: 'two' },
  },
  'sync-count-not-incremented': {
    run: async (url) => {
      const k = freshKit(url);
      const answered = (await k.update('d', [put('k', 'v', 0)])).Records![0]!.SyncCount;
      const next = await failure(k.update('d', [put('k', 'w', answered!)]));
      return { answeredAboveZero: answered! > 0, nextWithAnsweredCount: next.name };
    },
    correct: { answeredAboveZero: true, nextWithAnsweredCount: 'ok' },
    faulty: { answeredAboveZero: false, nextWithAnsweredCount: 'ResourceConflictException' },
  },
  'sync-non-atomic-patches': {
    run: async (url) => {
      const k = freshKit(url);
      const c = (await k.update('d', [put('held', 'v', 0)])).Records![0]!.SyncCount!;
      await k.update('d', [put('held', 'w', c)]);
      const r = await failure(k.update('d', [put('fresh', 'new', 0), put('held', 'stale', c)]));
      return { result: r.name, keys: (await k.all('d')).map((x) => x.Key) };
    },
    correct: { result: 'ResourceConflictException', keys: ['held'] },
    faulty: { result: 'ResourceConflictException', keys: ['fresh', 'held'] },
  },
  'sync-tombstone-dropped': {
    run: async (url) => {
      const k = freshKit(url);
      const c = (await k.update('d', [put('k', 'v', 0)])).Records![0]!.SyncCount!;
      await k.update('d', [del('k', c)]);
      const listed = (await k.all('d')).map((r) => ({ key: r.Key, hasValue: r.Value !== undefined }));
      const recreateAtZero = (await failure(k.update('d', [put('k', 'again', 0)]))).name;
      return { listed, recreateAtZero };
    },
    correct: { listed: [{ key: 'k', hasValue: false }], recreateAtZero: 'ResourceConflictException' },
    faulty: { listed: [], recreateAtZero: 'ok' },
  },
  'sync-token-not-verified': {
    run: async (url) => {
      const k = freshKit(url);
      const foreign = (await k.list('other')).SyncSessionToken!;
      return {
        foreign: (await failure(k.update('d', [put('k', 'v', 0)], foreign))).name,
        forged: (await failure(k.update('d', [put('j', 'v', 0)], 'made-up-token'))).name,
      };
    },
    correct: { foreign: 'InvalidParameterException', forged: 'InvalidParameterException' },
    faulty: { foreign: 'ok', forged: 'ok' },
  },
  'sync-page-skips-record': {
    run: async (url) => {
      const k = freshKit(url);
      await k.update('d', Array.from({ length: 10 }, (_, i) => put(`r${i}`, 'v', 0)));
      return (await k.all('d', 3)).map((r) => r.Key);
    },
    correct: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'],
    faulty: ['r0', 'r1', 'r2', 'r4', 'r5', 'r6', 'r8', 'r9'],
  },
  'sync-limit-not-enforced': {
    run: async (url) => {
      const k = freshKit(url);
      for (let i = 0; i < 20; i++) await k.update(`s${i}`, [put('k', 'v', 0)]);
      const tooMany = (await failure(k.update('s20', [put('k', 'v', 0)]))).name;
      const tooBig = (await failure(k.update('s0', [put('big1', 'x'.repeat(600_000), 0), put('big2', 'y'.repeat(600_000), 0)]))).name;
      return { tooMany, tooBig };
    },
    correct: { tooMany: 'LimitExceededException', tooBig: 'LimitExceededException' },
    faulty: { tooMany: 'ok', tooBig: 'ok' },
  },
};

const servers = new Map<string, ReferenceServer>();
let correct: ReferenceServer;
beforeAll(async () => {
  correct = await startReferenceServer({ log: () => undefined });
  for (const f of FAULTS) servers.set(f.name, await startReferenceServer({ faults: [f.name], log: () => undefined }));
});
afterAll(async () => {
  await correct.close();
  await Promise.all([...servers.values()].map((s) => s.close()));
});

it('every Cognito Sync fault has a scenario here', () => {
  const covered = new Set([...Object.keys(SCENARIOS), 'sync-race-check-then-act']);
  expect(FAULTS.map((f) => f.name).filter((n) => !covered.has(n))).toEqual([]);
  for (const f of FAULTS) expect(f.service).toBe('cognito-sync');
});

describe('sequential faults', () => {
  for (const [name, s] of Object.entries(SCENARIOS)) {
    it(`${name}: differs from the reference as described`, async () => {
      expect(await s.run(correct.url)).toEqual(s.correct);
      expect(await s.run(servers.get(name)!.url)).toEqual(s.faulty);
    });
  }
});

describe('sync-race-check-then-act (concurrency only)', () => {
  it('behaves like the reference when requests do not overlap', async () => {
    expect(await staleWrite(servers.get('sync-race-check-then-act')!.url)).toEqual(SCENARIOS['sync-stale-count-accepted']!.correct);
  });

  it('accepts several writes on one SyncCount under concurrency; the reference does not', async () => {
    const opts = { clients: 32, iterations: 0, keys: 2, burstRounds: 4 };
    const good = await raceUpdateRecords(correct.url, { ...opts, identity: 'us-east-1:aaaa' });
    expect(checkSyncHistory(good)).toEqual([]);
    const bad = await raceUpdateRecords(servers.get('sync-race-check-then-act')!.url, { ...opts, identity: 'us-east-1:bbbb' });
    expect(bad.unexpected).toEqual([]);
    const problems = checkSyncHistory(bad);
    expect(problems.some((p) => /writes accepted on SyncCount/.test(p))).toBe(true);
  });
});
