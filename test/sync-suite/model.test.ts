// The dataset model on hand-written scenarios, each checked against the profile's wording (counts
// below stand for what a target would answer; the model takes them as given).
import { describe, expect, test } from 'vitest';
import { compareListing, DatasetModel, type Patch } from '../../suites/cognito-sync/model.js';
import { resolvePatch, resolveSince } from '../../suites/cognito-sync/commands.js';

const put = (Key: string, SyncCount: number, Value = 'v'): Patch => ({ Op: 'replace', Key, Value, SyncCount });
const del = (Key: string, SyncCount: number): Patch => ({ Op: 'remove', Key, SyncCount });
const answer = (...rs: Array<[string, number]>) => rs.map(([Key, SyncCount]) => ({ Key, SyncCount, LastModifiedDate: 1_700_000_000 }));

describe('SYNC-COUNT-1 / SYNC-COUNT-2: the count rule', () => {
  test('a record that does not exist is patched with 0; any other count conflicts', () => {
    const m = new DatasetModel();
    expect(m.predict([put('highScore', 0)])).toEqual({ outcome: 'ok' });
    expect(m.predict([put('highScore', 3)])).toMatchObject({ outcome: 'conflict', kind: 'future', current: 0 });
  });

  test("the page's example: server at 5, a patch presenting 4 is rejected, 5 is accepted", () => {
    const m = new DatasetModel();
    m.set('highScore', { value: '100', count: 5 });
    expect(m.predict([put('highScore', 4)])).toEqual({ outcome: 'conflict', kind: 'stale', key: 'highScore', presented: 4, current: 5 });
    expect(m.predict([put('highScore', 5)])).toEqual({ outcome: 'ok' });
  });

  test('one stale patch makes the whole request a conflict, wherever it stands', () => {
    const m = new DatasetModel();
    m.set('a', { value: 'x', count: 2 });
    expect(m.predict([put('b', 0), put('a', 1)])).toMatchObject({ outcome: 'conflict', kind: 'stale', key: 'a' });
    // A stale patch outranks a future one (the MUST part is named).
    expect(m.predict([put('b', 9), put('a', 1)])).toMatchObject({ kind: 'stale' });
  });

  test('a success must answer every patched key with a count above the presented one', () => {
    const m = new DatasetModel();
    expect(m.applySuccess([put('a', 0)], answer(['a', 0]))).toEqual([expect.objectContaining({ requirement: 'SYNC-COUNT-1' })]);
    expect(m.applySuccess([put('a', 0), put('b', 0)], answer(['a', 1]))).toEqual([expect.objectContaining({ requirement: 'SYNC-COUNT-1' })]);
    const n = new DatasetModel();
    expect(n.applySuccess([put('a', 0, 'x')], answer(['a', 12]))).toEqual([]);
    // Counts are the target's: 12 need not be 0 + 1, and it is what the next patch presents.
    expect(n.current('a')).toBe(12);
    expect(n.predict([put('a', 12)])).toEqual({ outcome: 'ok' });
  });

  test('a success without LastModifiedDate is a SYNC-RESP-1 (SHOULD) divergence, not COUNT-1', () => {
    const m = new DatasetModel();
    expect(m.applySuccess([put('a', 0)], [{ Key: 'a', SyncCount: 1 }])).toEqual([expect.objectContaining({ requirement: 'SYNC-RESP-1' })]);
  });
});

describe('SYNC-REMOVE-1: tombstones', () => {
  test('a removed record stays, without Value, at its new count; recreating presents that count', () => {
    const m = new DatasetModel();
    m.applySuccess([put('k', 0, 'x')], answer(['k', 1]));
    m.applySuccess([del('k', 1)], answer(['k', 2]));
    expect(m.records.get('k')).toEqual({ count: 2 });
    expect(m.predict([put('k', 0)])).toMatchObject({ outcome: 'conflict', kind: 'stale' });
    expect(m.predict([put('k', 2)])).toEqual({ outcome: 'ok' });
    // A listing without the tombstone, or with a Value for it, differs.
    expect(compareListing(m, [])).toEqual([{ key: 'k', kind: 'missing-tombstone' }]);
    expect(compareListing(m, [{ Key: 'k', SyncCount: 2, Value: 'x' }])).toEqual([{ key: 'k', kind: 'value', got: 'x' }]);
    expect(compareListing(m, [{ Key: 'k', SyncCount: 2 }])).toEqual([]);
  });
});

describe('SYNC-LIST-1: what a listing must show', () => {
  test('every record once, with its value and count', () => {
    const m = new DatasetModel();
    m.set('a', { value: '1', count: 1 });
    m.set('b', { value: '2', count: 3 });
    expect(compareListing(m, [{ Key: 'a', Value: '1', SyncCount: 1 }])).toEqual([{ key: 'b', kind: 'missing-live' }]);
    expect(compareListing(m, [{ Key: 'a', Value: '1', SyncCount: 1 }, { Key: 'a', Value: '1', SyncCount: 1 }, { Key: 'b', Value: '2', SyncCount: 3 }])).toEqual([{ key: 'a', kind: 'duplicate' }]);
    expect(compareListing(m, [{ Key: 'a', Value: '1', SyncCount: 1 }, { Key: 'b', Value: '2', SyncCount: 4 }])).toEqual([{ key: 'b', kind: 'count', expected: 3, got: 4 }]);
    expect(compareListing(m, [{ Key: 'a', Value: '1', SyncCount: 1 }, { Key: 'b', Value: '2', SyncCount: 3 }, { Key: 'c', Value: '3', SyncCount: 5 }])).toEqual([{ key: 'c', kind: 'unexpected' }]);
  });

  test('lastSyncCount keeps only records changed after that count', () => {
    const m = new DatasetModel();
    m.set('a', { value: '1', count: 1 });
    m.set('b', { value: '2', count: 3 });
    m.set('c', { count: 4 });
    expect(m.changedAfter(0)).toEqual(['a', 'b', 'c']);
    expect(m.changedAfter(1)).toEqual(['b', 'c']);
    expect(m.changedAfter(3)).toEqual(['c']);
    expect(m.changedAfter(4)).toEqual([]);
    // The since values the property uses are counts the dataset holds (or 0).
    expect([0, 1, 2, 3, 4].map((i) => resolveSince(m, i))).toEqual([0, 1, 3, 4, 0]);
  });
});

describe('patches as the property sends them', () => {
  test('stale picks a count the record really had; with no history a stale count cannot exist', () => {
    const m = new DatasetModel();
    m.set('alpha', { value: 'x', count: 2 });
    m.set('alpha', { value: 'y', count: 6 });
    expect(resolvePatch(m, { key: 0, op: 'replace', count: 'stale', value: 1 })).toEqual({ patch: put('alpha', 2, 'v1'), count: 'stale' });
    expect(resolvePatch(m, { key: 0, op: 'replace', count: 'future', value: 1 }).patch.SyncCount).toBeGreaterThan(6);
    expect(resolvePatch(m, { key: 1, op: 'replace', count: 'stale', value: 1 }, false)).toEqual({ patch: put('beta', 0, 'v1'), count: 'current' });
    expect(resolvePatch(m, { key: 1, op: 'replace', count: 'stale', value: 1 }, true).count).toBe('future');
  });

  test('a remove of a key never written becomes a replace (that case is SYNC-INFO-1)', () => {
    const m = new DatasetModel();
    expect(resolvePatch(m, { key: 2, op: 'remove', count: 'current', value: 3 }).patch).toEqual(put('gamma', 0, 'v3'));
    m.set('gamma', { value: 'x', count: 1 });
    expect(resolvePatch(m, { key: 2, op: 'remove', count: 'current', value: 3 }).patch).toEqual(del('gamma', 1));
  });

  test('after DeleteDataset the model takes what the target lists', () => {
    const m = new DatasetModel();
    m.set('a', { value: '1', count: 1 });
    m.adopt([]);
    expect(m.records.size).toBe(0);
    expect(m.predict([put('a', 0)])).toEqual({ outcome: 'ok' });
    m.adopt([{ Key: 'b', SyncCount: 9 }]);
    expect(m.records.get('b')).toEqual({ count: 9 });
  });
});
