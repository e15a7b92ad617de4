// The Connect checks against the correct reference: nothing fails, nothing is skipped, and every
// requirement of the coverage listing receives verdicts (every profile, several seeds).
import { describe, expect, test } from 'vitest';
import { CONNECT_COVERAGE } from '../../suites/connect/coverage.js';
import { CONNECT_SIZES } from '../../suites/connect/profiles.js';
import { runChecksOnReference } from './run-checks.js';

// Every profile, several seeds: the deep profile once (about 40 s), the others more often.
const RUNS: Array<{ profile: keyof typeof CONNECT_SIZES; seed: number }> = [
  { profile: 'quick', seed: 1 },
  { profile: 'quick', seed: 20261122 },
  { profile: 'standard', seed: 5 },
  { profile: 'deep', seed: 77 },
];

describe('Connect suites against the reference', () => {
  for (const { profile, seed } of RUNS) {
    test(`${profile} profile, seed ${seed}: every verdict passes`, { timeout: 300_000 }, async () => {
      const run = await runChecksOnReference([], seed, CONNECT_SIZES[profile]);
      const bad = run.verdicts.filter((v) => v.status !== 'pass' && v.status !== 'info');
      expect(bad.map((v) => `${v.requirement} ${v.check}: ${v.message}`)).toEqual([]);
      expect(run.internalErrors).toBe(0);
      const seen = new Set(run.verdicts.map((v) => v.requirement));
      const listed = [...new Set(CONNECT_COVERAGE.flatMap((c) => c.requirements))];
      expect(listed.filter((id) => !seen.has(id))).toEqual([]);
    });
  }
});
