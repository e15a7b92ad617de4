// The serializer's shortcut for entries with plain strings and all four lock tokens must give the
// same text as JSON.stringify, and entries just outside it (an awkward name or record id, a lock
// token missing, a Message, primary values) must too. Lock tokens are written unchecked, so the
// alphabet the store mints them from is pinned here as well.
import { describe, expect, it } from 'vitest';
import { batchResultJson, newBatchResult, type BatchEntry } from '../../fixtures/reference/connect/batch-json.js';
import type { LockToken, LockVersion } from '../../fixtures/reference/connect/model.js';
import { ConnectStore } from '../../fixtures/reference/connect/store.js';

const t = (s: string) => s as LockToken;
const lock = (d: string, a: string, p: string, v?: string): LockVersion => {
  const l: LockVersion = { DataTable: t(d), Attribute: t(a), PrimaryValues: t(p) };
  if (v !== undefined) l.Value = t(v);
  return l;
};
const full = (): BatchEntry => ({ PrimaryValues: [], AttributeName: 'attr_1', LockVersion: lock('ab12-1', 'ab12-2', 'ab12-3', 'ab12-4') });
const withRecord = (): BatchEntry => ({ PrimaryValues: [], AttributeName: 'attr_1', RecordId: 'rec-1', LockVersion: lock('d', 'a', 'p', 'v') });

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

  it('escapes an awkward name or record id exactly as JSON.stringify does', () => {
    for (const bad of ['q"', 'b\\', 'c\u0001', '\ud800', '😀', 'é']) {
      const variants: BatchEntry[] = [
        { ...full(), AttributeName: bad },
        { ...withRecord(), RecordId: bad },
        { PrimaryValues: [{ AttributeName: bad, Value: bad }], AttributeName: bad, Message: bad },
      ];
      for (const e of variants) expect(json(e)).toBe(JSON.stringify({ Successful: [e], Failed: [] }));
    }
  });

  it('relies on lock tokens that need no escaping: the store mints them from [0-9a-z-] only', () => {
    const store = new ConnectStore();
    const tokens = Array.from({ length: 2000 }, () => store.nextToken());
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]+-[0-9a-z]+$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    // A token that did need escaping would come out wrong: this is what the unchecked path costs.
    const awkward: BatchEntry = { ...full(), LockVersion: lock('q"', 'a', 'p', 'v') };
    expect(json(awkward)).not.toBe(JSON.stringify({ Successful: [awkward], Failed: [] }));
  });

  it('reuses the text it keeps per attribute name only while that name keeps the same DataTable and Attribute tokens', () => {
    const entry = (d: string, a: string, p: string, v: string): BatchEntry => ({ PrimaryValues: [], AttributeName: 'kept_name', LockVersion: lock(d, a, p, v) });
    const sequence = [entry('d1', 'a1', 'p1', 'v1'), entry('d1', 'a1', 'p2', 'v2'), entry('d2', 'a1', 'p3', 'v3'), entry('d2', 'a2', 'p4', 'v4'), entry('d1', 'a1', 'p5', 'v5')];
    for (const e of sequence) expect(json(e)).toBe(JSON.stringify({ Successful: [e], Failed: [] }));
    // many names: the kept texts are bounded and still right after the store is cleared
    const many = Array.from({ length: 3000 }, (_, i): BatchEntry => ({ PrimaryValues: [], AttributeName: `n${i}`, LockVersion: lock('d', 'a', `p${i}`, 'v') }));
    expect(json(...many)).toBe(JSON.stringify({ Successful: many, Failed: [] }));
    expect(json(...many.slice(0, 10))).toBe(JSON.stringify({ Successful: many.slice(0, 10), Failed: [] }));
  });

  it('entries outside the shortcut still match JSON.stringify', () => {
    const noValue: BatchEntry = { PrimaryValues: [], AttributeName: 'x', LockVersion: lock('d', 'a', 'p') };
    const keyed: BatchEntry = { ...full(), PrimaryValues: [{ AttributeName: 'pk', Value: 'k"1' }] };
    const failed: BatchEntry = { PrimaryValues: [], AttributeName: 'x', Message: 'No value exists.' };
    const noLock: BatchEntry = { PrimaryValues: [], AttributeName: 'x' };
    for (const e of [noValue, keyed, failed, noLock]) expect(json(e)).toBe(JSON.stringify({ Successful: [e], Failed: [] }));
  });
});
