// The Cognito Sync checks against the correct reference: nothing fails, nothing is n/a, and every
// requirement the suites cover receives verdicts (quick profile, two fixed seeds).
import { describe, expect, test } from 'vitest';
import { SYNC_COVERAGE } from '../../suites/cognito-sync/coverage.js';
import { SYNC_SIZES } from '../../suites/cognito-sync/profiles.js';
import { runSyncChecksOnReference } from './run-checks.js';

describe('Cognito Sync suites against the reference', () => {
  for (const seed of [1, 20261122]) {
    test(`quick profile, seed ${seed}: every verdict passes`, async () => {
      const run = await runSyncChecksOnReference([], seed, SYNC_SIZES.quick);
      const bad = run.verdicts.filter((v) => v.status !== 'pass' && v.status !== 'info');
      expect(bad.map((v) => `${v.requirement} ${v.check}: ${v.message}`)).toEqual([]);
      expect(run.internalErrors).toBe(0);
      const seen = new Set(run.verdicts.map((v) => v.requirement));
      const listed = [...new Set(SYNC_COVERAGE.flatMap((c) => c.requirements))];
      expect(listed.filter((id) => !seen.has(id))).toEqual([]);
      // INFO rules are reported, never judged.
      expect(run.verdicts.filter((v) => v.requirement.startsWith('SYNC-INFO')).every((v) => v.status === 'info')).toBe(true);
    });
  }
});
