// The Cloud Directory checks against the correct reference: every verdict passes (or is info),
// nothing is skipped, every requirement a step covers receives verdicts (quick profile, two seeds).
import { describe, expect, test } from 'vitest';
import { concurrencyStep, propertyStep, singleShotSteps } from '../../suites/clouddirectory/all-checks.js';
import { DIR_SIZES } from '../../suites/clouddirectory/profiles.js';
import { runOnReference } from './run-checks.js';

describe('Cloud Directory suites against the reference', () => {
  for (const seed of [1, 20261122]) {
    test(`quick profile, seed ${seed}: every verdict passes`, async () => {
      let covered: string[] = [];
      const run = await runOnReference([], seed, DIR_SIZES.quick, (o) => {
        const steps = [...singleShotSteps(o), propertyStep(o), concurrencyStep(o)];
        covered = steps.flatMap((s) => s.covers);
        return steps;
      });
      const bad = run.verdicts.filter((v) => v.status !== 'pass' && v.status !== 'info');
      expect(bad.map((v) => `${v.requirement} ${v.check}: ${v.message}`)).toEqual([]);
      expect(run.internalErrors).toBe(0);
      const seen = new Set(run.verdicts.map((v) => v.requirement));
      expect(covered.filter((id) => !seen.has(id))).toEqual([]);
      // The listed profile requirements are all among them.
      for (const id of ['DIR-ATOMIC-1', 'DIR-ORDER-1', 'DIR-EXC-1', 'DIR-EXC-2', 'DIR-REF-1', 'DIR-LIMIT-1', 'DIR-HDR-1', 'DIR-CONC-1', 'COMMON-VAL-1']) expect(seen.has(id)).toBe(true);
    }, 60_000);
  }
});
