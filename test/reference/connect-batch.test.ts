// Per-item batch semantics: CONNECT-BATCH-1..4, CONNECT-CREATE-1, CONNECT-DELETE-1.
import { describe, expect, it } from 'vitest';
import { expectPartition, Kit, type Json } from './connect-kit.js';

async function keyedTable(k: Kit, level = 'VALUE') {
  const t = await k.table(level);
  await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
  await k.attribute(t.Id, 'name');
  await k.attribute(t.Id, 'qty', 'NUMBER', { Validation: { Minimum: 0 } });
  return t;
}
const pk = (v: string) => [{ AttributeName: 'id', Value: v }];

describe('Connect reference: per-item results (CONNECT-BATCH-1/2)', () => {
  it('puts every item in exactly one list, echoing PrimaryValues and AttributeName as sent', async () => {
    const k = new Kit();
    const t = await keyedTable(k);
    const items: Json[] = [
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'ok' },
      { PrimaryValues: pk('r1'), AttributeName: 'nope', Value: 'x' }, // unknown attribute
      { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '-1' }, // breaks Minimum
      { PrimaryValues: [{ AttributeName: 'other', Value: 'z' }], AttributeName: 'name', Value: 'x' }, // wrong primary
      { PrimaryValues: pk('r2'), AttributeName: 'qty', Value: '3', LastModifiedTime: 5, LastModifiedRegion: 'eu-west-1' },
    ];
    const out = await k.create(t.Id, items);
    expectPartition(out, items.length);
    expect(out.Successful.map((s: Json) => [s.PrimaryValues, s.AttributeName])).toEqual([
      [pk('r1'), 'name'],
      [pk('r2'), 'qty'],
    ]);
    expect(out.Failed.map((s: Json) => [s.PrimaryValues, s.AttributeName])).toEqual([
      [pk('r1'), 'nope'],
      [pk('r1'), 'qty'],
      [[{ AttributeName: 'other', Value: 'z' }], 'name'],
    ]);
    // server-managed fields are not taken from the input
    const read = await k.read(t.Id, 'qty', pk('r2'));
    expect(read.LastModifiedRegion).toBe('us-east-1');
    expect(read.LastModifiedTime).toBe(k.clockMs / 1000);
  });

  it('an item without PrimaryValues is echoed with an empty list and addresses the default record', async () => {
    const k = new Kit();
    const t = await k.table();
    await k.attribute(t.Id, 'a');
    const out = await k.create(t.Id, [{ AttributeName: 'a', Value: '1' }]);
    expect(out.Successful[0]).toMatchObject({ PrimaryValues: [], AttributeName: 'a' });
  });

  it('empty Values is a whole-request error for create and update', async () => {
    const k = new Kit();
    const t = await k.table();
    expect((await k.error('BatchCreateDataTableValue', { DataTableId: t.Id, Values: [] })).shape).toBe('InvalidRequestException');
    expect((await k.error('BatchUpdateDataTableValue', { DataTableId: t.Id, Values: [] })).shape).toBe('InvalidRequestException');
  });

  it('items breaking the input shape are item failures when the handler sees them', async () => {
    const k = new Kit();
    const t = await k.table();
    await k.attribute(t.Id, 'a');
    // Called directly: the core would refuse these with a 400 before the handler; the handler still copes.
    const input = { InstanceId: 'inst-1', DataTableId: t.Id, Values: [{ AttributeName: 'a', Value: 7 }, { AttributeName: 'a', Value: 'fine' }, null] };
    const out = (await k.handler.handle('BatchCreateDataTableValue', input, k.ctx)) as Json;
    expectPartition(out, 3);
    expect(out.Successful).toHaveLength(1);
    expect((await k.read(t.Id, 'a')).Value).toBe('fine');
  });

  it('a stale lock, a missing value, a type violation are item failures, never a whole-request error', async () => {
    const k = new Kit();
    const t = await keyedTable(k);
    const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
    await k.updateOne(t.Id, 'qty', '2', c.LockVersion, pk('r1'));
    const out = await k.update(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '3', LockVersion: c.LockVersion }, // stale
      { PrimaryValues: pk('r9'), AttributeName: 'qty', Value: '3', LockVersion: c.LockVersion }, // no such value
      { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: 'three', LockVersion: {} },
    ]);
    expectPartition(out, 3);
    expect(out.Failed).toHaveLength(3);
  });
});

describe('Connect reference: failed items have no effect (CONNECT-BATCH-3)', () => {
  it('leaves the value and all four tokens unchanged', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'VALUE');
    const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
    const before = await k.read(t.Id, 'qty', pk('r1'));
    const out = await k.update(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '-5', LockVersion: c.LockVersion }, // breaks Minimum
      { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '7', LockVersion: { Value: 'bogus' } }, // stale
    ]);
    expect(out.Failed).toHaveLength(2);
    expect(await k.read(t.Id, 'qty', pk('r1'))).toEqual(before);
    const failedCreate = await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'x'.repeat(3), Extra: 1 }, { PrimaryValues: pk('r2'), AttributeName: 'qty', Value: 'NaN' }]);
    expect(failedCreate.Failed).toHaveLength(1);
    expect((await k.describe(t.Id, [{ PrimaryValues: pk('r2'), AttributeName: 'qty' }])).Failed).toHaveLength(1);
    expect((await k.call('ListDataTableValues', { DataTableId: t.Id })).Values).toHaveLength(2);
  });
});

describe('Connect reference: in-order processing (CONNECT-BATCH-4)', () => {
  it.each(['DATA_TABLE', 'PRIMARY_VALUE', 'ATTRIBUTE', 'VALUE'])('at %s a second item with the same lock version is stale', async (level) => {
    const k = new Kit();
    const t = await keyedTable(k, level);
    const c = await k.createOne(t.Id, 'name', 'a', pk('r1'));
    const out = await k.update(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'b', LockVersion: c.LockVersion },
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'c', LockVersion: c.LockVersion },
    ]);
    expect(out.Successful.map((s: Json) => s.AttributeName)).toEqual(['name']);
    expect(out.Failed).toHaveLength(1);
    expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('b');
  });

  it('at NONE both apply and the last one wins', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'NONE');
    await k.createOne(t.Id, 'name', 'a', pk('r1'));
    const out = await k.update(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'b' },
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'c' },
    ]);
    expect(out.Successful).toHaveLength(2);
    expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('c');
  });

  it('a create sees a value created earlier in the same batch', async () => {
    const k = new Kit();
    const t = await keyedTable(k);
    const out = await k.create(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'first' },
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'second' },
    ]);
    expect(out.Successful).toHaveLength(1);
    expect(out.Failed).toHaveLength(1);
    expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('first');
  });

  it('an update sees a value created by an earlier request and a delete then an update in one batch fail in order', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'NONE');
    await k.createOne(t.Id, 'name', 'a', pk('r1'));
    const del = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: {} }]);
    expect(del.Successful).toHaveLength(1);
    const upd = await k.update(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'b' }]);
    expect(upd.Failed).toHaveLength(1);
  });
});

describe('Connect reference: create and RecordId (CONNECT-CREATE-1)', () => {
  it('fails a duplicate create and keeps the first value', async () => {
    const k = new Kit();
    const t = await keyedTable(k);
    await k.createOne(t.Id, 'name', 'a', pk('r1'));
    const out = await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'b' }]);
    expect(out.Failed).toHaveLength(1);
    expect(out.Failed[0].Message.length).toBeGreaterThan(0);
    expect((await k.read(t.Id, 'name', pk('r1'))).Value).toBe('a');
  });

  it('RecordId is shared by the values of one record, differs across records, survives updates', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'NONE');
    const out = await k.create(t.Id, [
      { PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'a' },
      { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '1' },
      { PrimaryValues: pk('r2'), AttributeName: 'name', Value: 'b' },
      { AttributeName: 'name', Value: 'default' },
    ]);
    const [a, b, c, d] = out.Successful.map((s: Json) => s.RecordId);
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
    await k.update(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'z' }]);
    expect((await k.read(t.Id, 'name', pk('r1'))).RecordId).toBe(a);
    expect((await k.read(t.Id, 'qty', pk('r1'))).RecordId).toBe(a);
    expect((await k.read(t.Id, 'name')).RecordId).toBe(d);
  });

  it('create checks no lock version, whatever the level', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'DATA_TABLE');
    const out = await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'a', LockVersion: { DataTable: 'stale' } }]);
    expect(out.Successful).toHaveLength(1);
  });
});

describe('Connect reference: delete (CONNECT-DELETE-1)', () => {
  it('a deleted value reads back as not found, is not listed, and can be created again', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'VALUE');
    const c = await k.createOne(t.Id, 'name', 'a', pk('r1'));
    const out = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: c.LockVersion }]);
    expect(out.Successful).toHaveLength(1);
    expect(Object.keys(out.Successful[0].LockVersion).sort()).toEqual(['Attribute', 'DataTable', 'PrimaryValues', 'Value']);
    expect(await k.read(t.Id, 'name', pk('r1'))).toBeUndefined();
    expect((await k.call('ListDataTableValues', { DataTableId: t.Id })).Values).toEqual([]);
    expect(k.handler.store.instances.get('inst-1')!.get(t.Id)!.records.size).toBe(0); // no tombstone kept
    const again = await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: 'b' }]);
    expect(again.Successful).toHaveLength(1);
    expect(again.Successful[0].LockVersion.Value).not.toBe(c.LockVersion.Value);
    // the token of the deleted value does not address the new one
    const stale = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: c.LockVersion }]);
    expect(stale.Failed).toHaveLength(1);
  });

  it('deleting a value that does not exist fails the item', async () => {
    const k = new Kit();
    const t = await keyedTable(k, 'NONE');
    const out = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', LockVersion: {} }]);
    expect(out.Failed).toHaveLength(1);
    expect(out.Successful).toEqual([]);
  });

  it('an empty delete or describe batch returns two empty lists', async () => {
    const k = new Kit();
    const t = await k.table();
    expect(await k.remove(t.Id, [])).toEqual({ Successful: [], Failed: [] });
    expect(await k.describe(t.Id, [])).toEqual({ Successful: [], Failed: [] });
  });
});
