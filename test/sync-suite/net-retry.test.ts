// NET-1, targeted, for Cognito Sync: an UpdateRecords whose answer the lost-response proxy drops,
// then the identical request again. On the reference the first applied and the retry is refused
// with 409; with sync-stale-count-accepted the retry's stale SyncCount is taken, so the write
// applies a second time and the check must fail. sync-count-not-incremented only falsifies the
// counts in UpdateRecords' answer (the stored count still moves, and the check reads counts with
// ListRecords), so the retry is still refused there.
import { afterEach, describe, expect, test } from 'vitest';
import type { ReferenceServer } from '../../fixtures/reference/server.js';
import { referenceRoutes } from '../helpers/reference-routes.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { SyncApi } from '../../suites/cognito-sync/api.js';
import { checkLostRetry, judgeRetry, runLostRetry, RETRY_CHECK, type RetryObservation, type SyncNetTarget } from '../../suites/cognito-sync/net-retry.js';
import { IDENTITY } from './run-checks.js';

interface Kit {
  server: ReferenceServer;
  target: SyncNetTarget;
  close(): Promise<void>;
}

async function kitFor(faults: string[] = []): Promise<Kit> {
  const r = await referenceRoutes('cognito-sync', (c) => new SyncApi(c, IDENTITY), faults);
  return { server: r.server, target: r.target, close: r.close };
}

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('lost UpdateRecords answer, retried with the same SyncCount', () => {
  test('reference: the answer is really lost, the write applied once, the retry is refused with 409', async () => {
    kit = await kitFor();
    const r = await runLostRetry(kit.target, 1);
    expect(r.status, r.message).toBe('pass');
    expect(r.dropped).toBe(1);
    expect(r.firstApplied).toBe(true);
    expect(r.retryApplied).toBe(false);
    expect(r.message).toMatch(/409 ResourceConflictException, the modelled answer/);
    // The record was written at 0 and read at 1 on a fresh dataset; the lost write moved it to 2.
    expect(r.message).toMatch(/SyncCount 1 -> 2/);
    // list, create, list, lost update, list, retry, list
    expect(r.evidence.map((e) => e.operation)).toEqual(['ListRecords', 'UpdateRecords', 'ListRecords', 'UpdateRecords', 'ListRecords', 'UpdateRecords', 'ListRecords']);
    expect(r.evidence[3]!.response).toBeUndefined();
    expect(r.evidence[5]!.response?.status).toBe(409);
    expect(kit.server.internalErrors()).toBe(0);
  });

  test('the verdict is a pass recorded for cognito-sync UpdateRecords on the reference', async () => {
    kit = await kitFor();
    const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/test', undefined, 1);
    await checkLostRetry(kit.target, rec, 1);
    expect(rec.verdicts.map((v) => [v.requirement, v.service, v.operation, v.check, v.status])).toEqual([['NET-1', 'cognito-sync', 'UpdateRecords', RETRY_CHECK, 'pass']]);
  });

  test('sync-stale-count-accepted: the retry applies a second time and NET-1 fails', async () => {
    kit = await kitFor(['sync-stale-count-accepted']);
    const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/test', undefined, 1);
    await checkLostRetry(kit.target, rec, 1);
    expect(rec.verdicts).toHaveLength(1);
    const v = rec.verdicts[0]!;
    expect(v).toMatchObject({ requirement: 'NET-1', service: 'cognito-sync', status: 'fail', operation: 'UpdateRecords', check: RETRY_CHECK });
    expect(v.message).toMatch(/applied twice/);
    expect(v.message).toMatch(/stale SyncCount 1 was accepted/);
    const steps = v.counterexample as string[];
    expect(steps).toHaveLength(5);
    expect(steps[3]).toMatch(/^the identical request again, direct: 200/);
    // The second application moved the count once more.
    expect(steps[4]).toMatch(/SyncCount 3$/);
    expect(v.evidence).toHaveLength(7);
  });

  test('sync-count-not-incremented: only the answer lies, the stored count moves, the retry is still refused', async () => {
    kit = await kitFor(['sync-count-not-incremented']);
    const r = await runLostRetry(kit.target, 1);
    expect(r.status, r.message).toBe('pass');
    expect(r.retryApplied).toBe(false);
  });
});

describe('n/a without sending when the proxy cannot be placed', () => {
  const unusable: SyncNetTarget = {
    url: '',
    signed: false,
    direct: () => {
      throw new Error('sent a request');
    },
    via: () => () => {
      throw new Error('sent a request');
    },
  };
  const cases: Array<[string, Partial<SyncNetTarget>, RegExp]> = [
    ['https', { url: 'https://sync.example.com' }, /plain http only/],
    ['a base path', { url: 'http://127.0.0.1:9/base' }, /base path/],
    ['signed requests', { url: 'http://127.0.0.1:9', signed: true }, /signatures would not match/],
    ['an unparsable URL', { url: 'not a url' }, /does not parse/],
  ];
  for (const [what, over, reason] of cases) {
    test(what, async () => {
      const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/test', undefined, 1);
      await checkLostRetry({ ...unusable, ...over }, rec, 1);
      expect(rec.verdicts).toHaveLength(1);
      expect(rec.verdicts[0]).toMatchObject({ requirement: 'NET-1', status: 'n/a', operation: 'UpdateRecords', evidence: [] });
      expect(rec.verdicts[0]!.message).toMatch(reason);
    });
  }

  test('setup refused: n/a naming the refusal', async () => {
    kit = await kitFor();
    // An identity id outside the pattern: ListRecords refuses it, so no token, no check.
    const bad = { ...kit.target, direct: (name: string) => new SyncApi((kit!.target.direct(name) as SyncApi).caller, { ...IDENTITY, IdentityId: 'no-such-form' }) };
    const r = await runLostRetry(bad, 1);
    expect(r.status).toBe('n/a');
    expect(r.message).toMatch(/gave no SyncSessionToken \(400/);
  });
});

describe('judging the two attempts (NET-1: exactly one takes effect)', () => {
  const refused409 = { status: 409, errorType: 'ResourceConflictException', answer: '409 ResourceConflictException' };
  const ok200 = { status: 200, answer: '200' };
  const obs = (o: Partial<RetryObservation>): RetryObservation => ({
    presented: 1,
    start: { value: 'before', syncCount: 1 },
    mid: { value: 'new', syncCount: 2 },
    end: { value: 'new', syncCount: 2 },
    written: 'new',
    retry: refused409,
    ...o,
  });

  test('applied, retry refused with 409, nothing changed: pass naming the modelled answer', () => {
    const j = judgeRetry(obs({}));
    expect(j.status).toBe('pass');
    expect(j.message).toMatch(/409 ResourceConflictException, the modelled answer/);
  });
  test('applied, retry refused with another modelled error: pass, saying so', () => {
    const j = judgeRetry(obs({ retry: { status: 500, errorType: 'InternalErrorException', answer: '500 InternalErrorException' } }));
    expect(j.status).toBe('pass');
    expect(j.message).toMatch(/a modelled error though not the 409/);
  });
  test('applied, retry refused with an error the model lacks: pass, flagged', () => {
    const j = judgeRetry(obs({ retry: { status: 400, errorType: 'ValidationException', answer: '400 ValidationException' } }));
    expect(j.status).toBe('pass');
    expect(j.message).toMatch(/not one of UpdateRecords' modelled errors/);
  });
  test('applied, and the retry answered 200: applied twice', () => {
    const j = judgeRetry(obs({ retry: ok200, end: { value: 'new', syncCount: 3 } }));
    expect(j.status).toBe('fail');
    expect(j.message).toMatch(/applied twice/);
  });
  test('applied without raising the count, retry accepted: applied twice, count named', () => {
    const j = judgeRetry(obs({ mid: { value: 'new', syncCount: 1 }, retry: ok200 }));
    expect(j.status).toBe('fail');
    expect(j.message).toMatch(/left SyncCount at 1 instead of raising it/);
  });
  test('applied without raising the count, retry refused: fail', () => {
    expect(judgeRetry(obs({ mid: { value: 'new', syncCount: 1 }, end: { value: 'new', syncCount: 1 } })).message).toMatch(/without raising the SyncCount/);
  });
  test('applied, retry "refused" but the count moved again: fail', () => {
    expect(judgeRetry(obs({ end: { value: 'new', syncCount: 3 } })).message).toMatch(/refused retry changed the record/);
  });
  test('the lost write left neither value: fail', () => {
    expect(judgeRetry(obs({ mid: {} })).message).toMatch(/neither the value before it nor the one it wrote/);
  });
  test('not applied, retry applies and reads back above the count: pass', () => {
    const j = judgeRetry(obs({ mid: { value: 'before', syncCount: 1 }, retry: ok200 }));
    expect(j).toEqual({ status: 'pass', message: 'the lost write did not apply; its retry applied once (SyncCount 1 -> 2)' });
  });
  test('not applied and the retry refused: neither took effect, fail', () => {
    const j = judgeRetry(obs({ mid: { value: 'before', syncCount: 1 }, end: { value: 'before', syncCount: 1 } }));
    expect(j.status).toBe('fail');
    expect(j.message).toMatch(/neither attempt took effect/);
  });
  test('not applied but the count moved: fail', () => {
    expect(judgeRetry(obs({ mid: { value: 'before', syncCount: 2 }, retry: ok200 })).message).toMatch(/moved the SyncCount/);
  });
  test('not applied, retry answered 200 but the old value reads back: fail', () => {
    const j = judgeRetry(obs({ mid: { value: 'before', syncCount: 1 }, end: { value: 'before', syncCount: 1 }, retry: ok200 }));
    expect(j.status).toBe('fail');
    expect(j.message).toMatch(/answered 200 but the record reads back/);
  });
});
