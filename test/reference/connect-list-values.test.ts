// ListDataTableValues: pages cover every value exactly once, filters, value summaries.
import { describe, expect, it } from 'vitest';
import { Kit, type Json } from './connect-kit.js';

const pk = (v: string) => [{ AttributeName: 'id', Value: v }];

async function populated(k: Kit, records: number) {
  const t = await k.table('NONE');
  await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
  await k.attribute(t.Id, 'a');
  await k.attribute(t.Id, 'b', 'NUMBER');
  const items: Json[] = [];
  for (let i = 0; i < records; i++) {
    items.push({ PrimaryValues: pk(`r${i}`), AttributeName: 'a', Value: `a${i}` });
    items.push({ PrimaryValues: pk(`r${i}`), AttributeName: 'b', Value: String(i) });
  }
  const out = await k.create(t.Id, items);
  expect(out.Failed).toEqual([]);
  return t;
}

async function listAll(k: Kit, input: Record<string, unknown>, max: number): Promise<Json[]> {
  const all: Json[] = [];
  let token = input.NextToken as string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await k.call('ListDataTableValues', { ...input, MaxResults: max, NextToken: token });
    expect(page.Values.length).toBeLessThanOrEqual(max);
    all.push(...page.Values);
    token = page.NextToken;
    if (!token) return all;
  }
  throw new Error('pagination did not end');
}

describe('Connect reference: ListDataTableValues', () => {
  it('pages return every value exactly once, with full summaries', async () => {
    const k = new Kit();
    const t = await populated(k, 7);
    const all = await listAll(k, { DataTableId: t.Id }, 3);
    expect(all).toHaveLength(14);
    expect(new Set(all.map((v) => `${v.RecordId}/${v.AttributeName}`)).size).toBe(14);
    const first = all.find((v) => v.AttributeName === 'b' && v.Value === '3');
    expect(first).toMatchObject({ ValueType: 'NUMBER', PrimaryValues: [{ AttributeName: 'id', Value: 'r3' }] });
    expect(Object.keys(first.LockVersion).sort()).toEqual(['Attribute', 'DataTable', 'PrimaryValues', 'Value']);
    expect(typeof first.AttributeId).toBe('string');
    expect(first.LastModifiedTime).toBe(k.clockMs / 1000);
  });

  it('a value deleted or created between pages does not disturb the others', async () => {
    const k = new Kit();
    const t = await populated(k, 4);
    const page1 = await k.call('ListDataTableValues', { DataTableId: t.Id, MaxResults: 3 });
    await k.remove(t.Id, [{ PrimaryValues: pk('r0'), AttributeName: 'a', LockVersion: {} }]);
    await k.create(t.Id, [{ PrimaryValues: pk('r9'), AttributeName: 'a', Value: 'new' }]);
    const rest = await listAll(k, { DataTableId: t.Id, NextToken: page1.NextToken }, 2);
    const keys = [...page1.Values, ...rest].map((v: Json) => `${v.PrimaryValues[0].Value}/${v.AttributeName}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of [1, 2, 3]) expect(keys).toContain(`r${i}/a`);
    expect(keys).toContain('r9/a');
  });

  it('filters by RecordIds and by primary attribute values', async () => {
    const k = new Kit();
    const t = await populated(k, 5);
    const r2 = (await k.read(t.Id, 'a', pk('r2'))).RecordId;
    const r4 = (await k.read(t.Id, 'a', pk('r4'))).RecordId;
    const byId = await listAll(k, { DataTableId: t.Id, RecordIds: [r4, r2, 'unknown'] }, 100);
    expect(byId.map((v) => v.RecordId).sort()).toEqual([r2, r2, r4, r4].sort());
    const byPk = await listAll(k, { DataTableId: t.Id, PrimaryAttributeValues: [{ AttributeName: 'id', Values: ['r1', 'r3'] }] }, 1);
    expect(byPk.map((v) => v.PrimaryValues[0].Value).sort()).toEqual(['r1', 'r1', 'r3', 'r3']);
    const both = await listAll(k, { DataTableId: t.Id, RecordIds: [r2], PrimaryAttributeValues: [{ AttributeName: 'id', Values: ['r3'] }] }, 10);
    expect(both).toEqual([]);
  });

  it('rejects a forged NextToken with InvalidRequestException', async () => {
    const k = new Kit();
    const t = await populated(k, 1);
    for (const token of ['garbage', Buffer.from('{"r":"x"}').toString('base64url')]) {
      expect((await k.error('ListDataTableValues', { DataTableId: t.Id, NextToken: token })).shape).toBe('InvalidRequestException');
    }
  });

  it('holds 20,000 values and answers per-item operations from indexes', async () => {
    const k = new Kit();
    const t = await k.table('VALUE');
    await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
    await k.attribute(t.Id, 'a');
    for (let batch = 0; batch < 20; batch++) {
      const items: Json[] = [];
      for (let i = 0; i < 1000; i++) items.push({ PrimaryValues: pk(`r${batch * 1000 + i}`), AttributeName: 'a', Value: 'x' });
      expect((await k.create(t.Id, items)).Successful).toHaveLength(1000);
    }
    const table = k.handler.store.instances.get('inst-1')!.get(t.Id)!;
    expect(table.valueCount).toBe(20_000);
    const target = await k.read(t.Id, 'a', pk('r12345'));
    expect((await k.updateOne(t.Id, 'a', 'y', target.LockVersion, pk('r12345'))).Successful).toHaveLength(1);
    const page = await k.call('ListDataTableValues', { DataTableId: t.Id, MaxResults: 1000 });
    expect(page.Values).toHaveLength(1000);
    expect(page.NextToken).toBeTruthy();
  });
});
