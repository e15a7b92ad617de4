// Against each Cognito Sync fault of the reference, the Cognito Sync checks (quick profile, fixed
// seed) report the fault's requirement as failing ('non-strict' for a SHOULD) with a counterexample;
// property counterexamples are shrunk to at most 4 commands. The run stops at that verdict.
// sync-race-check-then-act needs concurrent requests: the concurrency suite and its own tests
// (test/parallel/reference-sync-cli.test.ts) cover it, so it is left out here.
import { describe, expect, test } from 'vitest';
import { FAULTS } from '../../fixtures/faults/cognito-sync.js';
import { requirementById } from '../../spec/requirements/catalog.js';
import { SYNC_SIZES } from '../../suites/cognito-sync/profiles.js';
import { runSyncChecksOnReference } from './run-checks.js';

const SEED = 42;

describe('Cognito Sync suites catch every sequential Cognito Sync fault', () => {
  for (const fault of FAULTS.filter((f) => !f.concurrencyOnly)) {
    test(`${fault.name} -> ${fault.requirement}`, async () => {
      const wanted = requirementById(fault.requirement)?.level === 'SHOULD' ? 'non-strict' : 'fail';
      const hits = (v: { requirement: string; status: string }) => v.requirement === fault.requirement && v.status === wanted;
      const run = await runSyncChecksOnReference([fault.name], SEED, SYNC_SIZES.quick, hits);
      const hit = run.verdicts.find(hits);
      const failures = run.verdicts.filter((v) => v.status === 'fail' || v.status === 'non-strict').map((v) => v.requirement);
      expect(hit, `no ${wanted} verdict for ${fault.requirement}; failures: ${failures.join(', ')}`).toBeDefined();
      const cx = hit!.counterexample as unknown[];
      expect(Array.isArray(cx) && cx.length > 0).toBe(true);
      expect(cx.length).toBeLessThanOrEqual(4);
      if (hit!.check.startsWith('sequential')) {
        expect(hit!.seed).toBe(SEED);
        expect(typeof hit!.path).toBe('string');
      }
      expect(run.internalErrors).toBe(0);
    });
  }
});
