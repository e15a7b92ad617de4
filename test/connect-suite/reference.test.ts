// The Connect checks against the correct reference: nothing fails, nothing is skipped, and every
// requirement of the coverage listing receives verdicts (quick profile, a few seeds).
import { describe, expect, test } from 'vitest';
import { CONNECT_COVERAGE } from '../../suites/connect/coverage.js';
import { CONNECT_SIZES } from '../../suites/connect/profiles.js';
import { runChecksOnReference } from './run-checks.js';

describe('Connect suites against the reference', () => {
  for (const seed of [1, 20261122]) {
    test(`quick profile, seed ${seed}: every verdict passes`, async () => {
      const run = await runChecksOnReference([], seed, CONNECT_SIZES.quick);
      const bad = run.verdicts.filter((v) => v.status !== 'pass' && v.status !== 'info');
      expect(bad.map((v) => `${v.requirement} ${v.check}: ${v.message}`)).toEqual([]);
      expect(run.internalErrors).toBe(0);
      const seen = new Set(run.verdicts.map((v) => v.requirement));
      const listed = [...new Set(CONNECT_COVERAGE.flatMap((c) => c.requirements))];
      expect(listed.filter((id) => !seen.has(id))).toEqual([]);
    });
  }
});
