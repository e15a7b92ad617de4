// The lock rule and the version bumps: CONNECT-LOCK-1..4, at every ValueLockLevel.
import { describe, expect, it } from 'vitest';
import { Kit, type Json, type LockVersion } from './connect-kit.js';

const LEVELS = ['DATA_TABLE', 'PRIMARY_VALUE', 'ATTRIBUTE', 'VALUE'] as const;
const SELECTED: Record<(typeof LEVELS)[number], keyof LockVersion> = {
  DATA_TABLE: 'DataTable',
  PRIMARY_VALUE: 'PrimaryValues',
  ATTRIBUTE: 'Attribute',
  VALUE: 'Value',
};
const pk = (v: string) => [{ AttributeName: 'id', Value: v }];

/** A keyed table with values (r1,name), (r1,qty), (r2,name). */
async function world(level: string) {
  const k = new Kit();
  const t = await k.table(level);
  await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
  await k.attribute(t.Id, 'name');
  await k.attribute(t.Id, 'qty', 'NUMBER');
  await k.createOne(t.Id, 'name', 'n1', pk('r1'));
  await k.createOne(t.Id, 'qty', '1', pk('r1'));
  await k.createOne(t.Id, 'name', 'n2', pk('r2'));
  const lockOf = async (attr: string, rec: string): Promise<LockVersion> => (await k.read(t.Id, attr, pk(rec))).LockVersion;
  const tryUpdate = async (attr: string, rec: string, value: string, lock: LockVersion | undefined) =>
    (await k.updateOne(t.Id, attr, value, lock, pk(rec))) as Json;
  return { k, t, lockOf, tryUpdate };
}

describe('Connect reference: the lock rule (CONNECT-LOCK-1)', () => {
  for (const level of LEVELS) {
    const component = SELECTED[level];
    it(`${level}: only ${component} is checked; missing or unequal fails the item`, async () => {
      const { lockOf, tryUpdate, k, t } = await world(level);
      const current = await lockOf('name', 'r1');
      expect(Object.keys(current).sort()).toEqual(['Attribute', 'DataTable', 'PrimaryValues', 'Value']);

      const missing = { ...current };
      delete missing[component];
      expect((await tryUpdate('name', 'r1', 'x', missing)).Failed).toHaveLength(1);
      expect((await tryUpdate('name', 'r1', 'x', undefined)).Failed).toHaveLength(1);
      expect((await tryUpdate('name', 'r1', 'x', { ...current, [component]: 'not-a-token' })).Failed).toHaveLength(1);
      expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('n1');

      // every other component wrong, the selected one right: applies
      const othersWrong: LockVersion = { DataTable: 'w1', Attribute: 'w2', PrimaryValues: 'w3', Value: 'w4', [component]: current[component] };
      const ok = await tryUpdate('name', 'r1', 'x', othersWrong);
      expect(ok.Failed).toEqual([]);
      expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('x');
    });
  }

  it('NONE: no lock version is needed and any is ignored (last writer wins)', async () => {
    const { tryUpdate, k, t } = await world('NONE');
    expect((await tryUpdate('name', 'r1', 'a', undefined)).Successful).toHaveLength(1);
    expect((await tryUpdate('name', 'r1', 'b', { DataTable: 'x', Attribute: 'x', PrimaryValues: 'x', Value: 'x' })).Successful).toHaveLength(1);
    expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('b');
    const del = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: { Value: 'stale' } }]);
    expect(del.Successful).toHaveLength(1);
  });

  it('the level in force is the current one: UpdateDataTableMetadata can change it', async () => {
    const { lockOf, tryUpdate, k, t } = await world('NONE');
    await k.call('UpdateDataTableMetadata', { DataTableId: t.Id, Name: 'renamed', TimeZone: 'UTC', ValueLockLevel: 'VALUE' });
    expect((await tryUpdate('name', 'r1', 'a', undefined)).Failed).toHaveLength(1);
    expect((await tryUpdate('name', 'r1', 'a', { Value: (await lockOf('name', 'r1')).Value })).Successful).toHaveLength(1);
  });

  for (const level of LEVELS) {
    it(`${level}: BatchDelete checks the lock exactly like an update`, async () => {
      const { lockOf, k, t } = await world(level);
      const current = await lockOf('name', 'r1');
      const stale = { ...current, [SELECTED[level]]: 'old' };
      const bad = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: stale }]);
      expect(bad.Failed).toHaveLength(1);
      expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('n1');
      const good = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: current }]);
      expect(good.Successful).toHaveLength(1);
      expect(await k.read(t.Id, 'name', pk('r1'))).toBeUndefined();
    });
  }
});

describe('Connect reference: version bumps (CONNECT-LOCK-2/3)', () => {
  for (const level of [...LEVELS, 'NONE'] as const) {
    it(`${level}: updating (r1,name) moves exactly the tokens the rules say`, async () => {
      const { lockOf, tryUpdate, k, t } = await world(level);
      const before = { r1name: await lockOf('name', 'r1'), r1qty: await lockOf('qty', 'r1'), r2name: await lockOf('name', 'r2') };
      const out = await tryUpdate('name', 'r1', 'changed', before.r1name);
      expect(out.Successful).toHaveLength(1);
      const after = { r1name: await lockOf('name', 'r1'), r1qty: await lockOf('qty', 'r1'), r2name: await lockOf('name', 'r2') };

      expect(after.r1name.Value).not.toBe(before.r1name.Value); // LOCK-2
      expect(after.r1qty.Value).toBe(before.r1qty.Value);
      expect(after.r2name.Value).toBe(before.r2name.Value);
      expect(after.r1qty.PrimaryValues).not.toBe(before.r1qty.PrimaryValues); // record r1 changed
      expect(after.r2name.PrimaryValues).toBe(before.r2name.PrimaryValues);
      expect(after.r1qty.Attribute).toBe(before.r1qty.Attribute); // qty untouched
      const attributeMoved = after.r2name.Attribute !== before.r2name.Attribute;
      expect(attributeMoved).toBe(level === 'ATTRIBUTE');
      const tableMoved = after.r2name.DataTable !== before.r2name.DataTable;
      expect(tableMoved).toBe(level === 'DATA_TABLE');
      const described = (await k.call('DescribeDataTable', { DataTableId: t.Id })).DataTable.LockVersion.DataTable;
      expect(described).toBe(after.r2name.DataTable);
    });
  }

  it('create and delete count as changes of the record (and of the attribute at ATTRIBUTE)', async () => {
    const { lockOf, k, t } = await world('ATTRIBUTE');
    const r2 = await lockOf('name', 'r2');
    const created = await k.createOne(t.Id, 'qty', '5', pk('r2'));
    expect(created.LockVersion.PrimaryValues).not.toBe(r2.PrimaryValues);
    const r1qty = await lockOf('qty', 'r1');
    expect(r1qty.Attribute).toBe(created.LockVersion.Attribute);
    const del = await k.remove(t.Id, [{ PrimaryValues: pk('r2'), AttributeName: 'qty', LockVersion: created.LockVersion }]);
    expect(del.Successful).toHaveLength(1);
    const r2after = await lockOf('name', 'r2');
    expect(r2after.PrimaryValues).not.toBe(created.LockVersion.PrimaryValues);
    expect((await lockOf('qty', 'r1')).Attribute).not.toBe(created.LockVersion.Attribute);
  });

  it('attribute creation and metadata updates move DataTable at every level, never an existing Attribute', async () => {
    for (const level of [...LEVELS, 'NONE']) {
      const { lockOf, k, t } = await world(level);
      const before = await lockOf('name', 'r1');
      await k.attribute(t.Id, 'extra');
      const mid = await lockOf('name', 'r1');
      expect(mid.DataTable).not.toBe(before.DataTable);
      expect(mid.Attribute).toBe(before.Attribute);
      await k.call('UpdateDataTableMetadata', { DataTableId: t.Id, Name: 'n', TimeZone: 'UTC', ValueLockLevel: level });
      expect((await lockOf('name', 'r1')).DataTable).not.toBe(mid.DataTable);
    }
  });

  it('a replaced Value token is never valid again, even when the content returns (no ABA)', async () => {
    const { lockOf, tryUpdate } = await world('VALUE');
    const tokens = [await lockOf('name', 'r1')];
    for (const v of ['b', 'n1', 'b', 'n1']) {
      const out = await tryUpdate('name', 'r1', v, tokens[tokens.length - 1]);
      expect(out.Successful).toHaveLength(1);
      tokens.push(out.Successful[0].LockVersion);
    }
    expect(new Set(tokens.map((l) => l.Value)).size).toBe(tokens.length);
    for (const old of tokens.slice(0, -1)) expect((await tryUpdate('name', 'r1', 'z', old)).Failed).toHaveLength(1);
  });
});

describe('Connect reference: returned LockVersion is current and complete (CONNECT-LOCK-4)', () => {
  for (const level of [...LEVELS, 'NONE']) {
    it(`${level}: create and update return what a read-back shows, and it can be used at once`, async () => {
      const { k, t } = await world(level);
      const created = await k.createOne(t.Id, 'qty', '2', pk('r3'));
      expect(Object.keys(created.LockVersion).sort()).toEqual(['Attribute', 'DataTable', 'PrimaryValues', 'Value']);
      expect((await k.read(t.Id, 'qty', pk('r3'))).LockVersion).toEqual(created.LockVersion);
      const updated = await k.updateOne(t.Id, 'qty', '3', created.LockVersion, pk('r3'));
      expect(updated.Successful).toHaveLength(1);
      const lv = updated.Successful[0].LockVersion;
      expect((await k.read(t.Id, 'qty', pk('r3'))).LockVersion).toEqual(lv);
      expect((await k.updateOne(t.Id, 'qty', '4', lv, pk('r3'))).Successful).toHaveLength(1);
    });
  }

  it('within one batch each success carries the tokens left after that item', async () => {
    const { lockOf, k, t } = await world('PRIMARY_VALUE');
    const l1 = await lockOf('name', 'r1');
    const out = await k.update(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'a', LockVersion: l1 },
      { PrimaryValues: pk('r2'), AttributeName: 'name', Value: 'b', LockVersion: await lockOf('name', 'r2') },
    ]);
    expect(out.Successful).toHaveLength(2);
    // the first item's record token can be used for the record's other attribute
    const next = await k.updateOne(t.Id, 'qty', '9', { PrimaryValues: out.Successful[0].LockVersion.PrimaryValues }, pk('r1'));
    expect(next.Successful).toHaveLength(1);
  });
});
