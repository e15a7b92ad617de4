// Against each Connect fault of the reference, the Connect checks (quick profile, fixed seed) report
// the fault's requirement as failing (non-strict for a SHOULD), with a counterexample; sequential
// counterexamples are shrunk to at most 4 commands. The run stops at that verdict.
import { describe, expect, test } from 'vitest';
import { FAULTS } from '../../fixtures/faults/connect.js';
import { requirementById } from '../../spec/requirements/catalog.js';
import { CONNECT_SIZES } from '../../suites/connect/profiles.js';
import { runChecksOnReference } from './run-checks.js';

const SEED = 42;

describe('Connect suites catch every Connect fault', () => {
  for (const fault of FAULTS) {
    test(`${fault.name} -> ${fault.requirement}`, async () => {
      const wanted = requirementById(fault.requirement)?.level === 'SHOULD' ? 'non-strict' : 'fail';
      const run = await runChecksOnReference([fault.name], SEED, CONNECT_SIZES.quick, (v) => v.requirement === fault.requirement && v.status === wanted);
      const hit = run.verdicts.find((v) => v.requirement === fault.requirement && v.status === wanted);
      expect(hit, `no ${wanted} verdict for ${fault.requirement}; failures: ${run.verdicts.filter((v) => v.status === 'fail' || v.status === 'non-strict').map((v) => v.requirement).join(', ')}`).toBeDefined();
      expect(Array.isArray(hit!.counterexample) && (hit!.counterexample as unknown[]).length > 0).toBe(true);
      if (hit!.check.startsWith('sequential')) expect((hit!.counterexample as unknown[]).length).toBeLessThanOrEqual(4);
      expect(run.internalErrors).toBe(0);
    });
  }
});
