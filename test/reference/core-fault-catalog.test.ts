// The fault catalog the core and `lockstep serve` rely on: unique names, the right service prefix,
// a requirement id that exists in the catalog, lookups by name.
import { describe, expect, it } from 'vitest';
import { allFaults, faultByName } from '../../fixtures/faults/index.js';
import { requirementById } from '../../spec/requirements/catalog.js';

const PREFIX = { connect: 'connect-', 'cognito-sync': 'sync-', clouddirectory: 'dir-' } as const;

describe('fault catalog', () => {
  const faults = allFaults();

  it('holds every service and unique kebab-case names with the service prefix', () => {
    const names = faults.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of faults) {
      expect(f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(f.name.startsWith(PREFIX[f.service])).toBe(true);
      expect(f.description.length).toBeGreaterThan(20);
    }
    expect(faults.filter((f) => f.service === 'cognito-sync').length).toBeGreaterThanOrEqual(6);
  });

  it('names a requirement of the catalog, for the same service', () => {
    for (const f of faults) {
      const req = requirementById(f.requirement);
      expect(req, `${f.name} -> ${f.requirement}`).toBeDefined();
      expect(req!.services).toContain(f.service);
    }
  });

  it('looks faults up by exact name only', () => {
    expect(faultByName('sync-tombstone-dropped')?.requirement).toBe('SYNC-REMOVE-1');
    expect(faultByName('SYNC-TOMBSTONE-DROPPED')).toBeUndefined();
    expect(faultByName('')).toBeUndefined();
  });
});
