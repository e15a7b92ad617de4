// NET-1, generated: the DIR-CONC-1 programs with every third answer through the lost-response proxy
// dropped. The reference passes with answers actually lost; a planted gateway that applies only the
// first operation of a batch before losing the answer fails (the direct replay passes, so the lost
// answer is to blame); dir-batch-steps-visible fails direct too, so NET-1 is n/a saying so. The
// whole step (targeted batch + lossy programs) records two NET-1 verdicts, both n/a when the proxy
// cannot be placed.
import { afterEach, describe, expect, test } from 'vitest';
import type { CallResult } from '../../suites/harness/client.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import { runDirSteps } from '../../suites/clouddirectory/all-checks.js';
import { DirApi, isObject } from '../../suites/clouddirectory/api.js';
import { netStep } from '../../suites/clouddirectory/net-checks.js';
import { checkDirLossy, lossyCheckName, type DirLossyOptions } from '../../suites/clouddirectory/net-lossy.js';
import { LOST_BATCH_CHECK } from '../../suites/clouddirectory/net-retry.js';
import { DIR_NET_SIZES, type DirNetTarget } from '../../suites/clouddirectory/net-target.js';
import { DIR_SIZES } from '../../suites/clouddirectory/profiles.js';
import { dirNetKit, type DirNetKit } from './net-kit.js';

const SEED = 7;
let kit: DirNetKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

const recorder = () => new VerdictRecorder('clouddirectory', 'clouddirectory/test', undefined, SEED);
const options = (k: DirNetKit): DirLossyOptions => ({ dir: k.dir, seed: SEED, runs: 4, repeats: 2, maxOpsPerClient: 3, dropEvery: 3, opTimeoutMs: 10_000 });

/** A gateway that forwards only the first operation of a multi-operation BatchWrite and then loses the answer. */
function halfApplying(t: DirNetTarget): DirNetTarget {
  return {
    ...t,
    via: (baseUrl) => (name) => {
      const real = t.via(baseUrl)(name);
      return new DirApi({
        raw: async (operation, input, opts): Promise<CallResult<unknown>> => {
          const ops = isObject(input.body) && Array.isArray(input.body.Operations) ? input.body.Operations : [];
          if (operation !== 'BatchWrite' || ops.length < 2) return real.caller.raw(operation, input, opts);
          const r = await real.caller.raw(operation, { ...input, body: { Operations: ops.slice(0, 1) } }, opts);
          return { kind: 'reset', message: 'planted: answer lost after the first operation', exchange: r.exchange };
        },
      });
    },
  };
}

describe('DIR-CONC-1 programs with answers lost', () => {
  test('reference: every lossy program serializable, answers actually lost', async () => {
    kit = await dirNetKit();
    const rec = recorder();
    const r = await checkDirLossy(kit.target, rec, options(kit));
    expect(r.dropped).toBeGreaterThan(0);
    expect(rec.verdicts.map((v) => [v.requirement, v.status, v.check])).toEqual([['NET-1', 'pass', lossyCheckName(3)]]);
    expect(rec.verdicts[0]!.message).toMatch(/answers lost/);
    expect(kit.server.internalErrors()).toBe(0);
  }, 20_000);

  test('a gateway applying part of a batch before losing the answer fails NET-1 (the direct replay passes)', async () => {
    kit = await dirNetKit();
    const rec = recorder();
    const r = await checkDirLossy(halfApplying(kit.target), rec, options(kit));
    expect(r.ok).toBe(false);
    expect(r.controlFailed).toBe(false);
    const v = rec.verdicts[0]!;
    expect([v.requirement, v.status]).toEqual(['NET-1', 'fail']);
    expect(typeof v.path).toBe('string');
    expect((v.counterexample as string[]).length).toBeGreaterThan(0);
  }, 20_000);

  test('dir-batch-steps-visible fails with no answer lost too: NET-1 n/a, naming DIR-CONC-1', async () => {
    kit = await dirNetKit(['dir-batch-steps-visible']);
    const rec = recorder();
    const r = await checkDirLossy(kit.target, rec, options(kit));
    expect(r.controlFailed).toBe(true);
    expect(rec.verdicts.map((v) => [v.requirement, v.status])).toEqual([['NET-1', 'n/a']]);
    expect(rec.verdicts[0]!.message).toMatch(/fails with no answer lost too.*DIR-CONC-1/);
  }, 20_000);
});

describe('the NET-1 step of the suite', () => {
  test('reference: the targeted batch and the lossy programs both pass', async () => {
    kit = await dirNetKit();
    const rec = recorder();
    const o = { apiFor: kit.target.direct, rec, seed: SEED, sizes: DIR_SIZES.quick };
    await runDirSteps(o, [netStep(o, kit.target, { sizes: DIR_NET_SIZES.quick })], 'test');
    expect(rec.verdicts.map((v) => [v.requirement, v.service, v.status, v.check])).toEqual([
      ['NET-1', 'clouddirectory', 'pass', LOST_BATCH_CHECK],
      ['NET-1', 'clouddirectory', 'pass', lossyCheckName(DIR_NET_SIZES.quick.dropEvery)],
    ]);
  }, 20_000);

  test('both checks n/a with the reason when the requests are signed', async () => {
    kit = await dirNetKit();
    const rec = recorder();
    const o = { apiFor: kit.target.direct, rec, seed: SEED, sizes: DIR_SIZES.quick };
    await runDirSteps(o, [netStep(o, { ...kit.target, signed: true }, { sizes: DIR_NET_SIZES.quick })], 'test');
    expect(rec.verdicts.map((v) => [v.requirement, v.status])).toEqual([
      ['NET-1', 'n/a'],
      ['NET-1', 'n/a'],
    ]);
    for (const v of rec.verdicts) expect(v.message).toMatch(/signatures would not match/);
  });
});
