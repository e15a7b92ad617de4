// The table model on hand-written scenarios, each checked against the profile's wording (tokens
// are made up here: the model treats them as opaque strings).
import { describe, expect, test } from 'vitest';
import { checkBatch } from '../../suites/connect/check-batch.js';
import { TableModel } from '../../suites/connect/model.js';
import type { AttributeDef, LockLevel, PrimaryValue } from '../../suites/connect/types.js';

const ATTRS: AttributeDef[] = [
  { name: 'pk', valueType: 'TEXT', primary: true },
  { name: 'a', valueType: 'TEXT', primary: false },
  { name: 'b', valueType: 'NUMBER', primary: false },
];
const R1: PrimaryValue[] = [{ AttributeName: 'pk', Value: 'one' }];
const R2: PrimaryValue[] = [{ AttributeName: 'pk', Value: 'two' }];

let n = 0;
const lv = () => ({ DataTable: `t${++n}`, Attribute: `at${++n}`, PrimaryValues: `r${++n}`, Value: `v${++n}` });

/** A model with values created at (R1,a), (R1,b), (R2,a); returns it and their lock versions. */
function seeded(level: LockLevel) {
  const m = new TableModel(level, ATTRS);
  const l1 = lv();
  m.applySuccess('create', { PrimaryValues: R1, AttributeName: 'a', Value: 'x' }, l1);
  const l2 = { ...lv(), DataTable: level === 'DATA_TABLE' ? `t${++n}` : l1.DataTable, Attribute: level === 'ATTRIBUTE' ? `at${++n}` : `atb` };
  m.applySuccess('create', { PrimaryValues: R1, AttributeName: 'b', Value: '1' }, l2);
  const l3 = { ...lv(), DataTable: level === 'DATA_TABLE' ? `t${++n}` : l1.DataTable, Attribute: level === 'ATTRIBUTE' ? `at${++n}` : l1.Attribute };
  m.applySuccess('create', { PrimaryValues: R2, AttributeName: 'a', Value: 'y' }, l3);
  return { m, l1, l2, l3 };
}

describe('lock rule (CONNECT-LOCK-1)', () => {
  test('VALUE: the current Value token passes, a missing or replaced one fails, other components are ignored', () => {
    const m = new TableModel('VALUE', ATTRS);
    const first = lv();
    m.applySuccess('create', { PrimaryValues: R1, AttributeName: 'a', Value: 'x' }, first);
    const item = (LockVersion: Record<string, string>) => ({ PrimaryValues: R1, AttributeName: 'a', Value: 'z', LockVersion });
    expect(m.predict('update', item({ Value: first.Value, DataTable: 'nonsense' })).outcome).toBe('ok');
    expect(m.predict('update', item({ DataTable: first.DataTable })).outcome).toBe('fail');
    const second = { ...first, PrimaryValues: 'r-next', Value: 'v-next' };
    expect(m.applySuccess('update', item({ Value: first.Value }), second)).toEqual([]);
    const stale = m.predict('update', item({ Value: first.Value }));
    expect(stale).toMatchObject({ outcome: 'fail', rule: 'CONNECT-LOCK-1' });
    expect(m.predict('update', item({ Value: 'v-next' })).outcome).toBe('ok');
  });

  test('PRIMARY_VALUE: a write to one value of a record makes the record token of its siblings stale', () => {
    const { m, l2, l3 } = seeded('PRIMARY_VALUE');
    // (R1,b) was written after (R1,a): l2.PrimaryValues is the record's current token.
    expect(m.predict('update', { PrimaryValues: R1, AttributeName: 'a', Value: 'q', LockVersion: { PrimaryValues: l2.PrimaryValues } }).outcome).toBe('ok');
    m.applySuccess('update', { PrimaryValues: R1, AttributeName: 'a', Value: 'q', LockVersion: { PrimaryValues: l2.PrimaryValues } }, { ...l2, PrimaryValues: 'r-new', Value: 'v-new' });
    expect(m.predict('update', { PrimaryValues: R1, AttributeName: 'b', Value: '2', LockVersion: { PrimaryValues: l2.PrimaryValues } }).outcome).toBe('fail');
    // Another record is not affected.
    expect(m.predict('update', { PrimaryValues: R2, AttributeName: 'a', Value: 'w', LockVersion: { PrimaryValues: l3.PrimaryValues } }).outcome).toBe('ok');
  });

  test('ATTRIBUTE: the Attribute token moves with every value of the attribute; at VALUE level it does not', () => {
    const at = new TableModel('ATTRIBUTE', ATTRS);
    expect(at.changedBy('["one"]', 'a')).toContain('A\u0000a');
    const val = new TableModel('VALUE', ATTRS);
    expect(val.changedBy('["one"]', 'a')).not.toContain('A\u0000a');
    expect(val.changedBy('["one"]', 'a')).not.toContain('T');
    expect(new TableModel('DATA_TABLE', ATTRS).changedBy('["one"]', 'a')).toContain('T');
  });

  test('NONE: no lock is checked at all', () => {
    const { m } = seeded('NONE');
    expect(m.predict('update', { PrimaryValues: R1, AttributeName: 'a', Value: 'q' }).outcome).toBe('ok');
    expect(m.predict('delete', { PrimaryValues: R1, AttributeName: 'a', LockVersion: {} }).outcome).toBe('ok');
  });
});

describe('create, delete, primary values', () => {
  test('CONNECT-CREATE-1: creating an existing value fails; create ignores lock versions', () => {
    const { m } = seeded('VALUE');
    expect(m.predict('create', { PrimaryValues: R1, AttributeName: 'a', Value: 'x' })).toMatchObject({ outcome: 'fail', rule: 'CONNECT-CREATE-1' });
    expect(m.predict('create', { PrimaryValues: R2, AttributeName: 'b', Value: '3', LockVersion: { Value: 'whatever' } }).outcome).toBe('ok');
  });

  test('CONNECT-DELETE-1: deleting needs the lock like an update; absent values fail; deleted ones are gone', () => {
    const { m, l1 } = seeded('VALUE');
    expect(m.predict('delete', { PrimaryValues: R1, AttributeName: 'a', LockVersion: { Value: 'old' } }).outcome).toBe('fail');
    expect(m.predict('delete', { PrimaryValues: R2, AttributeName: 'b', LockVersion: { Value: 'x' } })).toMatchObject({ outcome: 'fail', rule: 'CONNECT-DELETE-1' });
    const del = { PrimaryValues: R1, AttributeName: 'a', LockVersion: { Value: l1.Value } };
    expect(m.predict('delete', del).outcome).toBe('ok');
    m.applySuccess('delete', del);
    expect(m.hasValue('["one"]', 'a')).toBe(false);
    expect(m.predict('update', { PrimaryValues: R1, AttributeName: 'a', Value: 'z', LockVersion: { Value: l1.Value } }).outcome).toBe('fail');
  });

  test('CONNECT-PK-1: empty is the default record; exactly the primary attributes, in any order; anything else fails', () => {
    const m = new TableModel('NONE', [...ATTRS, { name: 'pk2', valueType: 'TEXT', primary: true }]);
    expect(m.recordKey([])).toEqual({ key: '' });
    expect(m.recordKey(undefined)).toEqual({ key: '' });
    const ab = m.recordKey([{ AttributeName: 'pk', Value: '1' }, { AttributeName: 'pk2', Value: '2' }]);
    const ba = m.recordKey([{ AttributeName: 'pk2', Value: '2' }, { AttributeName: 'pk', Value: '1' }]);
    expect(ab).toEqual(ba);
    expect('error' in m.recordKey([{ AttributeName: 'pk', Value: '1' }])).toBe(true);
    expect('error' in m.recordKey([{ AttributeName: 'pk', Value: '1' }, { AttributeName: 'pk', Value: '1' }])).toBe(true);
    expect('error' in m.recordKey([{ AttributeName: 'pk', Value: '1' }, { AttributeName: 'pk2', Value: '2' }, { AttributeName: 'a', Value: '3' }])).toBe(true);
    expect(m.predict('create', { PrimaryValues: [], AttributeName: 'pk', Value: 'k' })).toMatchObject({ outcome: 'fail', rule: 'CONNECT-PK-1' });
  });

  test('CONNECT-VAL-1 decides invalid values; unknown attributes fail the item (CONNECT-BATCH-2)', () => {
    const { m } = seeded('NONE');
    expect(m.predict('create', { PrimaryValues: R2, AttributeName: 'b', Value: 'ten' })).toMatchObject({ outcome: 'fail', rule: 'CONNECT-VAL-1' });
    expect(m.predict('create', { PrimaryValues: R2, AttributeName: 'nope', Value: '1' })).toMatchObject({ outcome: 'fail', rule: 'CONNECT-BATCH-2' });
  });
});

describe('lock version changes (CONNECT-LOCK-2/3/4)', () => {
  test('a Value token issued before for the value is an ABA reuse (LOCK-2)', () => {
    const { m, l1 } = seeded('VALUE');
    const upd = { PrimaryValues: R1, AttributeName: 'a', Value: 'z', LockVersion: { Value: l1.Value } };
    const issues = m.applySuccess('update', upd, { ...l1, PrimaryValues: 'r-fresh', Value: l1.Value });
    expect(issues.map((i) => i.requirement)).toContain('CONNECT-LOCK-2');
  });

  test('a record token that does not move after a write of the record breaks LOCK-3', () => {
    const { m, l3 } = seeded('VALUE');
    const upd = { PrimaryValues: R2, AttributeName: 'a', Value: 'z', LockVersion: { Value: l3.Value } };
    const issues = m.applySuccess('update', upd, { ...l3, Value: 'v-fresh' });
    expect(issues).toEqual([expect.objectContaining({ requirement: 'CONNECT-LOCK-3', component: 'PrimaryValues' })]);
  });

  test('a success without all four components breaks LOCK-4', () => {
    const { m, l3 } = seeded('VALUE');
    const issues = m.applySuccess('update', { PrimaryValues: R2, AttributeName: 'a', Value: 'z' }, { Value: 'v-x', PrimaryValues: 'r-x', Attribute: l3.Attribute });
    expect(issues.map((i) => i.requirement)).toEqual(['CONNECT-LOCK-4']);
  });
});

describe('batch responses (CONNECT-BATCH-1..4)', () => {
  const ok = (pv: PrimaryValue[], a: string, l: Record<string, string>) => ({ PrimaryValues: pv, AttributeName: a, LockVersion: l });

  test('an item in neither list, or an entry matching no item as sent, breaks BATCH-1', () => {
    const { m, l1 } = seeded('VALUE');
    const items = [{ PrimaryValues: R1, AttributeName: 'a', Value: 'z', LockVersion: { Value: l1.Value } }];
    expect(checkBatch(m, 'update', items, 200, { Successful: [], Failed: [] })[0]?.requirement).toBe('CONNECT-BATCH-1');
    const reordered = [{ AttributeName: 'pk', Value: 'one' }];
    expect(checkBatch(m, 'update', items, 200, { Successful: [ok([...reordered, { AttributeName: 'x', Value: 'y' }], 'a', lv())], Failed: [] })[0]?.requirement).toBe('CONNECT-BATCH-1');
    expect(checkBatch(m, 'update', items, 200, { Successful: [ok(R1, 'a', lv())] })[0]?.requirement).toBe('CONNECT-BATCH-1');
  });

  test('a whole-request error for item problems, or a Failed entry without Message, breaks BATCH-2', () => {
    const { m } = seeded('VALUE');
    const items = [{ PrimaryValues: R1, AttributeName: 'a', Value: 'z', LockVersion: { Value: 'stale' } }];
    expect(checkBatch(m, 'update', items, 409, {})[0]?.requirement).toBe('CONNECT-BATCH-2');
    expect(checkBatch(m, 'update', items, 200, { Successful: [], Failed: [{ PrimaryValues: R1, AttributeName: 'a' }] })[0]?.requirement).toBe('CONNECT-BATCH-2');
    expect(checkBatch(m, 'update', items, 200, { Successful: [], Failed: [{ PrimaryValues: R1, AttributeName: 'a', Message: 'stale lock' }] })).toEqual([]);
  });

  test('two updates of one value with the same token: the second is stale (BATCH-4), except under NONE', () => {
    const { m, l1 } = seeded('VALUE');
    const twice = [1, 2].map((i) => ({ PrimaryValues: R1, AttributeName: 'a', Value: `v${i}`, LockVersion: { Value: l1.Value } }));
    const bothOk = { Successful: [ok(R1, 'a', { ...l1, PrimaryValues: 'r-1', Value: 'v-1' }), ok(R1, 'a', { ...l1, PrimaryValues: 'r-2', Value: 'v-2' })], Failed: [] };
    expect(checkBatch(m, 'update', twice, 200, bothOk)[0]?.requirement).toBe('CONNECT-BATCH-4');

    const none = seeded('NONE');
    const noLock = [1, 2].map((i) => ({ PrimaryValues: R1, AttributeName: 'a', Value: `w${i}` }));
    const res = { Successful: [ok(R1, 'a', { ...none.l1, PrimaryValues: 'rn-1', Value: 'vn-1' }), ok(R1, 'a', { ...none.l1, PrimaryValues: 'rn-2', Value: 'vn-2' })], Failed: [] };
    expect(checkBatch(none.m, 'update', noLock, 200, res)).toEqual([]);
    expect(none.m.getValue('["one"]', 'a')).toBe('w2'); // the last one wins
  });

  test('a second create of the same value in one batch fails by CREATE-1', () => {
    const m = new TableModel('VALUE', ATTRS);
    const two = [{ PrimaryValues: R1, AttributeName: 'a', Value: 'p' }, { PrimaryValues: R1, AttributeName: 'a', Value: 'q' }];
    const res = { Successful: [{ ...ok(R1, 'a', lv()), RecordId: 'rec-1' }, { ...ok(R1, 'a', lv()), RecordId: 'rec-1' }], Failed: [] };
    expect(checkBatch(m, 'create', two, 200, res)[0]?.requirement).toBe('CONNECT-CREATE-1');
  });

  test('RecordIds: one per record, distinct across records (CREATE-1)', () => {
    const m = new TableModel('VALUE', ATTRS);
    const items = [{ PrimaryValues: R1, AttributeName: 'a', Value: 'p' }, { PrimaryValues: R2, AttributeName: 'a', Value: 'q' }];
    const shared = { Successful: [{ ...ok(R1, 'a', lv()), RecordId: 'same' }, { ...ok(R2, 'a', lv()), RecordId: 'same' }], Failed: [] };
    expect(checkBatch(m, 'create', items, 200, shared).map((d) => d.requirement)).toContain('CONNECT-CREATE-1');
  });

  test('items of one batch sharing the lock scope must run in request order (BATCH-4)', () => {
    const { m, l3 } = seeded('DATA_TABLE');
    // Both present the current table token; in order, the first succeeds and the second is stale.
    const items = [
      { PrimaryValues: R1, AttributeName: 'a', Value: 'p', LockVersion: { DataTable: l3.DataTable } },
      { PrimaryValues: R2, AttributeName: 'a', Value: 'q', LockVersion: { DataTable: l3.DataTable } },
    ];
    const reversed = { Successful: [ok(R2, 'a', { ...l3, DataTable: 't-new', PrimaryValues: 'r-new', Value: 'v-new' })], Failed: [{ PrimaryValues: R1, AttributeName: 'a', Message: 'stale' }] };
    expect(checkBatch(m, 'update', items, 200, reversed)[0]?.requirement).toBe('CONNECT-BATCH-4');
  });
});

describe('hostile batch answers do not crash the check', () => {
  test('non-list members, null entries and a missing body are BATCH-1 divergences', () => {
    const m = new TableModel('NONE', ATTRS);
    const items = [{ PrimaryValues: R1, AttributeName: 'a', Value: 'p' }];
    for (const body of [undefined, null, 'text', { Successful: 'x', Failed: [] }, { Successful: [null], Failed: [] }, { Successful: [], Failed: [7] }])
      expect(checkBatch(m, 'create', items, 200, body)[0]?.requirement).toBe('CONNECT-BATCH-1');
  });
});

describe('items sent twice in one batch', () => {
  const R: PrimaryValue[] = [{ AttributeName: 'pk', Value: 'one' }];
  const entry = (l: Record<string, string>) => ({ PrimaryValues: R, AttributeName: 'a', LockVersion: l });

  test('an answer that fits the request order passes (invalid copy failed, valid copy applied)', () => {
    const { m, l1 } = seeded('VALUE');
    const items = [
      { PrimaryValues: R, AttributeName: 'a', Value: 'x', LockVersion: { Value: 'stale-token' } },
      { PrimaryValues: R, AttributeName: 'a', Value: 'z', LockVersion: { Value: l1.Value } },
    ];
    const res = { Successful: [entry({ ...l1, PrimaryValues: 'r-9', Value: 'v-9' })], Failed: [{ PrimaryValues: R, AttributeName: 'a', Message: 'stale' }] };
    expect(checkBatch(m, 'update', items, 200, res)).toEqual([]);
    expect(m.getValue('["one"]', 'a')).toBe('z');
  });

  test('when no reading fits, the first copy decided wrongly is named (a stale lock let through: LOCK-1)', () => {
    const { m, l2 } = seeded('PRIMARY_VALUE');
    // 'r-before' was never the record's token: the first copy must fail, the second has no lock at all.
    const items = [
      { PrimaryValues: R, AttributeName: 'a', Value: 'x', LockVersion: { PrimaryValues: 'r-before' } },
      { PrimaryValues: R, AttributeName: 'a', Value: 'y' },
    ];
    const res = { Successful: [entry({ ...l2, PrimaryValues: 'r-10', Value: 'v-10' })], Failed: [{ PrimaryValues: R, AttributeName: 'a', Message: 'no lock' }] };
    const d = checkBatch(m, 'update', items, 200, res);
    expect(d[0]).toMatchObject({ requirement: 'CONNECT-LOCK-1', item: 0 });
  });
});
