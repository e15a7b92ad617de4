// The probes follow the constraints the Connect model states (checked against the model's numbers:
// InstanceId 1-100, DataTableId 1-256, DataTableName 1-127 with its pattern, Values min 1,
// maxResults 1-1000) and are applied without breaking the rest of the request.
import { describe, expect, test } from 'vitest';
import { applyProbe, fullMatch, matchesSomewhere, probesFor } from '../../suites/connect/constraint-probes.js';

const find = (op: string, constraint: string, inside: boolean) => probesFor(op).find((p) => p.constraint === constraint && p.inside === inside);

describe('constraint probes', () => {
  test('length bounds sit exactly at and one past the model bounds', () => {
    expect((find('BatchUpdateDataTableValue', 'InstanceId maxLength 100 (at the bound)', true)?.value as string).length).toBe(100);
    expect((find('BatchUpdateDataTableValue', 'InstanceId maxLength 100 (one over)', false)?.value as string).length).toBe(101);
    expect((find('BatchUpdateDataTableValue', 'DataTableId maxLength 256 (one over)', false)?.value as string).length).toBe(257);
    const over = probesFor('BatchCreateDataTableValue').find((p) => p.at.join('.') === 'Values.0.AttributeName' && p.constraint === 'AttributeName maxLength 127 (one over)');
    expect((over?.value as string).length).toBe(128);
    expect(find('BatchCreateDataTableValue', 'Values minItems 1', false)?.value).toEqual([]);
    expect(find('ListDataTableValues', 'maxResults maximum 1000 (over)', false)?.value).toBe(1001);
    expect(find('ListDataTableValues', 'maxResults minimum 1 (under)', false)?.value).toBe(0);
  });

  test('pattern probes: inside matches in full, outside matches nowhere', () => {
    const pattern = "^[\\p{L}\\p{Z}\\p{N}\\-_.:=@'|]+$";
    const inside = probesFor('BatchUpdateDataTableValue').filter((p) => p.constraint === 'AttributeName pattern (full match)');
    const outside = probesFor('BatchUpdateDataTableValue').filter((p) => p.constraint === 'AttributeName pattern (matches nowhere)');
    expect(inside.length).toBeGreaterThan(0);
    for (const p of inside) expect(fullMatch(pattern, p.value as string)).toBe(true);
    for (const p of outside) expect(matchesSomewhere(pattern, p.value as string)).toBe(false);
  });

  test('a delete item without LockVersion is probed (required by the model)', () => {
    expect(probesFor('BatchDeleteDataTableValue').some((p) => p.remove && p.at.join('.') === 'Values.0.LockVersion')).toBe(true);
  });

  test('applying a probe edits one member and builds a whole element where none is sent', () => {
    const base = { Values: [{ AttributeName: 'txt', Value: 'a' }] };
    const p = probesFor('BatchCreateDataTableValue').find((x) => x.at.join('.') === 'Values.0.PrimaryValues.0.AttributeName' && x.inside)!;
    const out = applyProbe(base, p) as { Values: Array<{ AttributeName: string; Value: string; PrimaryValues: Array<{ AttributeName: string; Value: string }> }> };
    expect(out.Values[0]!.Value).toBe('a');
    expect(out.Values[0]!.PrimaryValues[0]!.AttributeName).toBe(p.value);
    expect(typeof out.Values[0]!.PrimaryValues[0]!.Value).toBe('string'); // the required sibling is there
    expect(base.Values[0]).toEqual({ AttributeName: 'txt', Value: 'a' }); // the base is untouched
  });
});
