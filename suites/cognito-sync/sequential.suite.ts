// Sequential model-based conformance of UpdateRecords / ListRecords / DeleteDataset: once on the
// profile's MUST rules, once with future SyncCounts too (our SHOULD reading of SYNC-COUNT-2).
import { afterAll, describe, test } from 'vitest';
import { checkSequential } from './all-checks.js';
import { guarded } from '../harness/property.js';
import { suiteTarget } from './target.js';

const t = suiteTarget('sequential');
afterAll(() => t.client.close());

describe('cognito-sync sequential', () => {
  test('current and stale SyncCounts', () => guarded(t.rec, 'UpdateRecords', [], 'sequential', () => checkSequential(t.api, t.rec, t.seed, t.sizes)));
  test('current, stale and future SyncCounts', () => guarded(t.rec, 'UpdateRecords', [], 'sequential with future counts', () => checkSequential(t.api, t.rec, t.seed, t.sizes, true)));
});
