// Every CONNECT-* requirement of the catalog is covered by at least one Connect check, and the
// listing names only catalog ids.
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../../spec/requirements/catalog.js';
import { CONNECT_COVERAGE, coverageByRequirement } from '../../suites/connect/coverage.js';

const connectIds = REQUIREMENTS.filter((r) => r.id.startsWith('CONNECT-')).map((r) => r.id);

describe('Connect coverage listing', () => {
  test('the catalog has Connect requirements to cover', () => {
    expect(connectIds.length).toBeGreaterThanOrEqual(15);
  });

  test('no CONNECT-* requirement is uncovered', () => {
    const covered = coverageByRequirement();
    const uncovered = connectIds.filter((id) => (covered.get(id) ?? []).length === 0);
    expect(uncovered).toEqual([]);
  });

  test('the listing names only requirements the catalog has', () => {
    const unknown = CONNECT_COVERAGE.flatMap((c) => c.requirements).filter((id) => !connectIds.includes(id));
    expect(unknown).toEqual([]);
  });
});
