// Every SYNC-* requirement of the catalog is covered by some check of the Cognito Sync suites
// (SYNC-CONC-1 by the concurrency suite), and the coverage listing names only catalog ids.
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS as CATALOG } from '../../spec/requirements/catalog.js';
import { SYNC_COVERAGE } from '../../suites/cognito-sync/coverage.js';

describe('Cognito Sync coverage', () => {
  const covered = new Set(SYNC_COVERAGE.flatMap((c) => c.requirements));
  test('every SYNC-* id but SYNC-CONC-1 is covered', () => {
    const ids = CATALOG.filter((r) => r.id.startsWith('SYNC-') && r.id !== 'SYNC-CONC-1').map((r) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
  });
  test('the listing names only catalog ids', () => {
    const known = new Set(CATALOG.map((r) => r.id));
    expect([...covered].filter((id) => !known.has(id))).toEqual([]);
  });
});
