// Against each Cloud Directory fault of the reference, the checks (quick profile, fixed seed)
// report the fault's requirement failing ('fail' for MUST, 'non-strict' for SHOULD) with a
// counterexample and the seed. The run stops at that verdict; the concurrency-only fault runs the
// concurrency step alone.
import { describe, expect, test } from 'vitest';
import { FAULTS } from '../../fixtures/faults/clouddirectory.js';
import { requirementById } from '../../spec/requirements/catalog.js';
import { concurrencyStep, propertyStep, singleShotSteps } from '../../suites/clouddirectory/all-checks.js';
import { DIR_SIZES } from '../../suites/clouddirectory/profiles.js';
import { runOnReference } from './run-checks.js';

const SEED = 42;

describe('Cloud Directory suites catch every Cloud Directory fault', () => {
  for (const fault of FAULTS) {
    test(`${fault.name} -> ${fault.requirement}`, async () => {
      const wanted = requirementById(fault.requirement)?.level === 'SHOULD' ? 'non-strict' : 'fail';
      const hitOf = (v: { requirement: string; status: string }) => v.requirement === fault.requirement && v.status === wanted;
      const run = await runOnReference([fault.name], SEED, DIR_SIZES.quick, (o) => (fault.concurrencyOnly ? [concurrencyStep(o)] : [...singleShotSteps(o), propertyStep(o)]), hitOf);
      const hit = run.verdicts.find(hitOf);
      const failures = run.verdicts.filter((v) => v.status === 'fail' || v.status === 'non-strict').map((v) => v.requirement);
      expect(hit, `no ${wanted} verdict for ${fault.requirement}; failures: ${failures.join(', ')}`).toBeDefined();
      expect(Array.isArray(hit!.counterexample) && (hit!.counterexample as unknown[]).length > 0).toBe(true);
      expect(hit!.seed).toBe(SEED);
      expect(run.internalErrors).toBe(0);
    }, 60_000);
  }

  test('the property alone names each non-concurrency fault it can reach, with seed, path and a shrunk case', async () => {
    // dir-response-casing and dir-index-off-by-one through the property only: the verdict carries the replay path.
    for (const name of ['dir-response-casing', 'dir-index-off-by-one', 'dir-partial-batch']) {
      const fault = FAULTS.find((f) => f.name === name)!;
      const run = await runOnReference([name], SEED, DIR_SIZES.quick, (o) => [propertyStep(o)]);
      const hit = run.verdicts.find((v) => v.requirement === fault.requirement && v.status === 'fail');
      expect(hit, name).toBeDefined();
      expect(typeof hit!.path).toBe('string');
      // The shrunk case: a header line plus at most a few operations.
      expect((hit!.counterexample as string[]).length).toBeLessThanOrEqual(4);
    }
  }, 60_000);
});
