// Single-shot Cognito Sync checks: constraint probes (COMMON-VAL-1, SYNC-REQ-*, SYNC-PATCH-*), session
// tokens (SYNC-TOKEN-1/2, SYNC-ERR-1), quotas (SYNC-LIMIT-1), and the open or SHOULD rules
// (SYNC-INFO-1/2, SYNC-PATCH-3, SYNC-REMOVE-1's recreate half).
import { afterAll, describe, test } from 'vitest';
import { syncSteps } from './all-checks.js';
import { guarded } from '../harness/property.js';
import { suiteTarget } from './target.js';

const t = suiteTarget('validation');
afterAll(() => t.client.close());

describe('cognito-sync validation', () => {
  // The same steps the project's tests run, minus the properties (sequential.suite.ts has those).
  for (const step of syncSteps({ api: t.api, rec: t.rec, seed: t.seed, sizes: t.sizes }).filter((s) => !s.name.startsWith('sequential'))) {
    test(step.name, () => guarded(t.rec, 'UpdateRecords', step.covers, step.name, step.run));
  }
});
