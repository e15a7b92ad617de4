// NET-1, targeted: a conditional update whose answer the lost-response proxy drops, then the
// identical request again. On the reference the first applied and the retry is refused in Failed;
// with connect-value-version-not-bumped the retry presents a token that was never replaced, so it
// applies a second time and the check must fail.
import { afterEach, describe, expect, test } from 'vitest';
import { CONNECT_FAULT } from '../../fixtures/faults/connect.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { checkLostRetry, judgeRetry, runLostRetry, RETRY_CHECK, type RetryObservation } from '../../suites/connect/net-retry.js';
import { netKit, type NetKit } from './net-kit.js';

let kit: NetKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('lost answer, retried with the same LockVersion', () => {
  test('reference: the lost write applied once, the retry is refused in Failed, the value holds the first write', async () => {
    kit = await netKit();
    const r = await runLostRetry(kit.target);
    expect(r.status, r.message).toBe('pass');
    expect(r.firstApplied).toBe(true);
    expect(r.retryApplied).toBe(false);
    expect(r.message).toMatch(/in Failed \(stale lock\)/);
    // create, read, lost update, read, retry, read back
    expect(r.evidence.map((e) => e.operation)).toEqual([
      'BatchCreateDataTableValue',
      'BatchDescribeDataTableValue',
      'BatchUpdateDataTableValue',
      'BatchDescribeDataTableValue',
      'BatchUpdateDataTableValue',
      'BatchDescribeDataTableValue',
    ]);
    // The lost attempt has no response; the retry has one.
    expect(r.evidence[2]!.response).toBeUndefined();
    expect(r.evidence[4]!.response?.status).toBe(200);
    expect(kit.server.internalErrors()).toBe(0);
  });

  test(`${CONNECT_FAULT.valueVersionNotBumped}: the retry applies a second time and NET-1 fails`, async () => {
    kit = await netKit([CONNECT_FAULT.valueVersionNotBumped]);
    const rec = new VerdictRecorder('connect', 'connect/test', undefined, 1);
    await checkLostRetry(kit.target, rec);
    expect(rec.verdicts).toHaveLength(1);
    const v = rec.verdicts[0]!;
    expect(v).toMatchObject({ requirement: 'NET-1', service: 'connect', status: 'fail', operation: 'BatchUpdateDataTableValue', check: RETRY_CHECK });
    expect(v.message).toMatch(/applied twice/);
    expect(v.message).toMatch(/without replacing LockVersion\.Value/);
    const steps = v.counterexample as string[];
    expect(steps).toHaveLength(5);
    expect(steps[3]).toMatch(/Successful/);
    expect(v.evidence.length).toBe(6);
  });

  test('the verdict is pass and recorded for connect on the reference', async () => {
    kit = await netKit();
    const rec = new VerdictRecorder('connect', 'connect/test', undefined, 1);
    await checkLostRetry(kit.target, rec);
    expect(rec.verdicts.map((v) => [v.requirement, v.service, v.status])).toEqual([['NET-1', 'connect', 'pass']]);
  });
});

describe('judging the two attempts (NET-1: exactly one takes effect)', () => {
  const start = { value: 'before', version: 'v1' };
  const obs = (o: Partial<RetryObservation>): RetryObservation => ({
    firstApplied: true,
    retry: { status: 200, inSuccessful: false, inFailed: true, answer: '200' },
    start,
    mid: { value: 'new', version: 'v2' },
    end: { value: 'new', version: 'v2' },
    written: 'new',
    ...o,
  });

  test('applied, retry in Failed, nothing changed: pass', () => {
    expect(judgeRetry(obs({})).status).toBe('pass');
  });
  test('applied, retry refused as a whole request: still applied once (pass, noted)', () => {
    const j = judgeRetry(obs({ retry: { status: 409, inSuccessful: false, inFailed: false, answer: '409 ConflictException' } }));
    expect(j.status).toBe('pass');
    expect(j.message).toMatch(/as a whole \(409/);
  });
  test('applied and the retry in Successful: applied twice', () => {
    expect(judgeRetry(obs({ retry: { status: 200, inSuccessful: true, inFailed: false, answer: '200' } })).message).toMatch(/applied twice/);
  });
  test('applied, retry "failed" but the version moved again: fail', () => {
    expect(judgeRetry(obs({ end: { value: 'new', version: 'v3' } })).status).toBe('fail');
  });
  test('applied, retry answered 200 without the item in either list: fail', () => {
    expect(judgeRetry(obs({ retry: { status: 200, inSuccessful: false, inFailed: false, answer: '200' } })).status).toBe('fail');
  });
  test('not applied, retry applies and reads back: pass', () => {
    const j = judgeRetry(obs({ firstApplied: false, mid: start, retry: { status: 200, inSuccessful: true, inFailed: false, answer: '200' } }));
    expect(j).toEqual({ status: 'pass', message: 'the lost write did not apply; its retry applied once' });
  });
  test('not applied and the retry refused: neither took effect, fail', () => {
    expect(judgeRetry(obs({ firstApplied: false, mid: start, end: start })).message).toMatch(/neither attempt took effect/);
  });
  test('not applied, retry reported applied but the old value reads back: fail', () => {
    expect(judgeRetry(obs({ firstApplied: false, mid: start, end: start, retry: { status: 200, inSuccessful: true, inFailed: false, answer: '200' } })).status).toBe('fail');
  });
});
