// NET-1, generated: the Connect concurrency programs with every third answer lost on the way back.
// The correct reference passes at every conditional level with answers actually lost; a defect that
// also breaks CONNECT-CONC-1 without any lost answer (connect-value-version-not-bumped) is left to
// that check (n/a after the direct replay fails too); a gateway in front of the clients that
// resends a request whose answer was lost and hands back the resend's answer (so an applied write is
// reported failed) is caught as a NET-1 failure, since the direct replay passes.
import { afterEach, describe, expect, test } from 'vitest';
import { CONNECT_FAULT } from '../../fixtures/faults/connect.js';
import { ConnectApi, type ConnectCaller } from '../../suites/connect/api.js';
import { checkNet } from '../../suites/connect/net-checks.js';
import { checkLossyConcurrency, LOSSY_LEVELS, runLossyConcurrency } from '../../suites/connect/net-lossy.js';
import { RETRY_CHECK } from '../../suites/connect/net-retry.js';
import type { NetTarget } from '../../suites/connect/net-target.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { netKit, type NetKit } from './net-kit.js';
import { INSTANCE_ID } from './reference-target.js';

const SEED = 11;
const SIZES = { lossyRuns: 4, dropEvery: 3 };

let kit: NetKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

/** A planted client-side defect: a lost update is sent again direct and the resend's answer returned. */
function resendingGateway(t: NetTarget): NetTarget {
  const wrap = (lossy: ConnectCaller, direct: ConnectCaller): ConnectCaller => ({
    raw: async (operation, input, opts) => {
      const r = await lossy.raw(operation, input, opts);
      return r.kind !== 'response' && operation === 'BatchUpdateDataTableValue' ? direct.raw(operation, input, opts) : r;
    },
  });
  return { ...t, via: (url) => (name) => new ConnectApi(wrap(t.via(url)(name).caller, t.direct(`${name}-resend`).caller), INSTANCE_ID) };
}

describe('Connect concurrency programs with lost answers', () => {
  test('reference: every conditional level passes with answers lost, all NET-1 verdicts pass for connect', async () => {
    kit = await netKit();
    const rec = new VerdictRecorder('connect', 'connect/test', undefined, SEED);
    await checkNet(kit.target, rec, { seed: SEED, sizes: SIZES });
    expect(rec.verdicts.map((v) => [v.requirement, v.service, v.status])).toEqual(Array.from({ length: 1 + LOSSY_LEVELS.length }, () => ['NET-1', 'connect', 'pass']));
    for (const v of rec.verdicts.slice(1)) {
      const lost = /(\d+) answers lost/.exec(v.message);
      expect(Number(lost?.[1]), v.message).toBeGreaterThan(0);
    }
    expect(kit.server.internalErrors()).toBe(0);
  });

  test('reference: every second answer lost at PRIMARY_VALUE level, still linearizable', async () => {
    kit = await netKit();
    const o = await runLossyConcurrency(kit.target, { level: 'PRIMARY_VALUE', seed: SEED, runs: 3, dropEvery: 2 });
    expect(o.error).toBeUndefined();
    expect(o.ok).toBe(true);
    expect(o.dropped).toBeGreaterThan(0);
    expect(o.controlFailed).toBeUndefined();
  });

  test(`${CONNECT_FAULT.valueVersionNotBumped}: the lossy run fails, so does the direct replay, and NET-1 is left n/a`, async () => {
    kit = await netKit([CONNECT_FAULT.valueVersionNotBumped]);
    const o = await runLossyConcurrency(kit.target, { level: 'VALUE', seed: SEED, runs: 4, dropEvery: 3 });
    expect(o.ok).toBe(false);
    expect(o.controlFailed).toBe(true);
    const rec = new VerdictRecorder('connect', 'connect/test', undefined, SEED);
    await checkLossyConcurrency(kit.target, rec, { level: 'VALUE', seed: SEED, runs: 4, dropEvery: 3 });
    expect(rec.verdicts).toHaveLength(1);
    expect(rec.verdicts[0]!.status).toBe('n/a');
    expect(rec.verdicts[0]!.message).toMatch(/fails with no answer lost too/);
  });

  test('a gateway that resends lost updates and reports the resend: NET-1 fails with a counterexample', async () => {
    kit = await netKit();
    const rec = new VerdictRecorder('connect', 'connect/test', undefined, SEED);
    await checkLossyConcurrency(resendingGateway(kit.target), rec, { level: 'DATA_TABLE', seed: SEED, runs: 4, dropEvery: 3 });
    expect(rec.verdicts).toHaveLength(1);
    const v = rec.verdicts[0]!;
    expect(v).toMatchObject({ requirement: 'NET-1', service: 'connect', status: 'fail' });
    expect(v.path).toBeTypeOf('string');
    expect((v.counterexample as string[]).some((l) => l.startsWith('client 0:'))).toBe(true);
    expect(kit.server.internalErrors()).toBe(0);
  });

  test('n/a with the reason when the proxy cannot be placed; nothing is sent', async () => {
    const untouchable: NetTarget = {
      url: '',
      signed: false,
      direct: () => {
        throw new Error('no request may be sent');
      },
      via: () => () => {
        throw new Error('no request may be sent');
      },
    };
    const cases: Array<[Partial<NetTarget>, RegExp]> = [
      [{ url: 'https://connect.us-east-1.amazonaws.com' }, /plain http only/],
      [{ url: 'http://127.0.0.1:9/base' }, /without a base path/],
      [{ url: 'http://127.0.0.1:9', signed: true }, /signatures would not match/],
      [{ url: 'not a url' }, /does not parse/],
    ];
    for (const [t, why] of cases) {
      const rec = new VerdictRecorder('connect', 'connect/test', undefined, SEED);
      await checkNet({ ...untouchable, ...t }, rec, { seed: SEED, sizes: SIZES });
      expect(rec.verdicts).toHaveLength(1 + LOSSY_LEVELS.length);
      expect(rec.verdicts.every((v) => v.requirement === 'NET-1' && v.status === 'n/a' && why.test(v.message))).toBe(true);
      expect(rec.verdicts[0]!.check).toBe(RETRY_CHECK);
    }
  });
});
