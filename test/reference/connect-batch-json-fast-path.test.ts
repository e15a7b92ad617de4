// The serializer's shortcut for entries with plain strings and all four lock tokens must give the
// same text as JSON.stringify, and entries just outside it (one awkward string in any position, a
// lock token missing, a Message, primary values) must too.
import { describe, expect, it } from 'vitest';
import { batchResultJson, newBatchResult, type BatchEntry } from '../../fixtures/reference/connect/batch-json.js';

const full = (): BatchEntry => ({ PrimaryValues: [], AttributeName: 'attr_1', LockVersion: { DataTable: 'ab12-1', Attribute: 'ab12-2', PrimaryValues: 'ab12-3', Value: 'ab12-4' } });
const withRecord = (): BatchEntry => ({ PrimaryValues: [], AttributeName: 'attr_1', RecordId: 'rec-1', LockVersion: { DataTable: 'd', Attribute: 'a', PrimaryValues: 'p', Value: 'v' } });

function json(...entries: BatchEntry[]): string | undefined {
  const r = newBatchResult();
  for (const e of entries) r.Successful.push(e);
  return batchResultJson(r);
}

describe('batchResultJson shortcut for plain full-lock entries', () => {
  it('matches JSON.stringify with and without RecordId, for one and several entries', () => {
    expect(json(full())).toBe(JSON.stringify({ Successful: [full()], Failed: [] }));
    expect(json(withRecord(), full())).toBe(JSON.stringify({ Successful: [withRecord(), full()], Failed: [] }));
    expect(json(full())).toBe('{"Successful":[{"PrimaryValues":[],"AttributeName":"attr_1","LockVersion":{"DataTable":"ab12-1","Attribute":"ab12-2","PrimaryValues":"ab12-3","Value":"ab12-4"}}],"Failed":[]}');
  });

  it('escapes an awkward string in any position exactly as JSON.stringify does', () => {
    for (const bad of ['q"', 'b\\', 'c\u0001', '\ud800', '😀', 'é']) {
      const variants: BatchEntry[] = [
        { ...full(), AttributeName: bad },
        { ...withRecord(), RecordId: bad },
        { ...full(), LockVersion: { ...full().LockVersion, DataTable: bad } },
        { ...full(), LockVersion: { ...full().LockVersion, Attribute: bad } },
        { ...full(), LockVersion: { ...full().LockVersion, PrimaryValues: bad } },
        { ...full(), LockVersion: { ...full().LockVersion, Value: bad } },
      ];
      for (const e of variants) expect(json(e)).toBe(JSON.stringify({ Successful: [e], Failed: [] }));
    }
  });

  it('entries outside the shortcut still match JSON.stringify', () => {
    const noValue: BatchEntry = { PrimaryValues: [], AttributeName: 'x', LockVersion: { DataTable: 'd', Attribute: 'a', PrimaryValues: 'p' } };
    const keyed: BatchEntry = { ...full(), PrimaryValues: [{ AttributeName: 'pk', Value: 'k"1' }] };
    const failed: BatchEntry = { PrimaryValues: [], AttributeName: 'x', Message: 'No value exists.' };
    const noLock: BatchEntry = { PrimaryValues: [], AttributeName: 'x' };
    for (const e of [noValue, keyed, failed, noLock]) expect(json(e)).toBe(JSON.stringify({ Successful: [e], Failed: [] }));
  });
});
