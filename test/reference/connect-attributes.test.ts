// Attributes (columns): creation rules, description, listing, and their effect on lock tokens.
import { describe, expect, it } from 'vitest';
import { Kit } from './connect-kit.js';

describe('Connect reference: attributes', () => {
  it('creates and describes an attribute with its validation; bumps the table token', async () => {
    const k = new Kit();
    const t = await k.table('VALUE');
    const created = await k.attribute(t.Id, ' price ', 'NUMBER', { Description: 'in cents', Validation: { Minimum: 0 } });
    expect(created.Name).toBe('price'); // whitespace trimmed
    expect(typeof created.AttributeId).toBe('string');
    expect(created.LockVersion.DataTable).not.toBe(t.LockVersion.DataTable);
    expect(typeof created.LockVersion.Attribute).toBe('string');

    const d = (await k.call('DescribeDataTableAttribute', { DataTableId: t.Id, AttributeName: 'price' })).Attribute;
    expect(d).toMatchObject({
      AttributeId: created.AttributeId,
      Name: 'price',
      ValueType: 'NUMBER',
      Description: 'in cents',
      DataTableId: t.Id,
      DataTableArn: t.Arn,
      Primary: false,
      Validation: { Minimum: 0 },
      LockVersion: created.LockVersion,
    });
    const table = (await k.call('DescribeDataTable', { DataTableId: t.Id })).DataTable;
    expect(table.LockVersion.DataTable).toBe(created.LockVersion.DataTable);
  });

  it('names are unique case-insensitively and must not use a reserved prefix', async () => {
    const k = new Kit();
    const t = await k.table();
    await k.attribute(t.Id, 'Color');
    expect((await k.error('CreateDataTableAttribute', { DataTableId: t.Id, Name: 'color', ValueType: 'TEXT' })).shape).toBe(
      'DuplicateResourceException',
    );
    for (const name of ['aws:x', 'Connect:y']) {
      const err = await k.error('CreateDataTableAttribute', { DataTableId: t.Id, Name: name, ValueType: 'TEXT' });
      expect(err.shape).toBe('InvalidParameterException');
    }
  });

  it.each([
    [{ MinLength: 5, MaxLength: 4 }],
    [{ MinValues: 3, MaxValues: 2 }],
    [{ Minimum: 1, ExclusiveMinimum: 0 }],
    [{ Minimum: 5, Maximum: 4 }],
    [{ Minimum: 5, ExclusiveMaximum: 5 }],
    [{ ExclusiveMinimum: 5, Maximum: 5 }],
    [{ ExclusiveMinimum: 5, ExclusiveMaximum: 5 }],
    [{ MultipleOf: 0 }],
  ])('rejects the inconsistent Validation %j', async (validation) => {
    const k = new Kit();
    const t = await k.table();
    const err = await k.error('CreateDataTableAttribute', { DataTableId: t.Id, Name: 'n', ValueType: 'NUMBER', Validation: validation });
    expect(err.shape).toBe('InvalidParameterException');
    expect((await k.call('ListDataTableAttributes', { DataTableId: t.Id })).Attributes).toEqual([]);
  });

  it('an unknown attribute is ResourceNotFoundException', async () => {
    const k = new Kit();
    const t = await k.table();
    expect((await k.error('DescribeDataTableAttribute', { DataTableId: t.Id, AttributeName: 'x' })).shape).toBe('ResourceNotFoundException');
  });

  it('lists attributes in creation order, by pages, and filtered by id', async () => {
    const k = new Kit();
    const t = await k.table();
    const ids: string[] = [];
    for (const n of ['a', 'b', 'c', 'd', 'e']) ids.push((await k.attribute(t.Id, n)).AttributeId);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await k.call('ListDataTableAttributes', { DataTableId: t.Id, MaxResults: 2, NextToken: token });
      expect(page.Attributes.length).toBeLessThanOrEqual(2);
      seen.push(...page.Attributes.map((a: { Name: string }) => a.Name));
      token = page.NextToken;
      pages += 1;
    } while (token && pages < 10);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pages).toBe(3);
    const filtered = await k.call('ListDataTableAttributes', { DataTableId: t.Id, AttributeIds: [ids[3], ids[1]] });
    expect(filtered.Attributes.map((a: { Name: string }) => a.Name)).toEqual(['b', 'd']);
    expect((await k.error('ListDataTableAttributes', { DataTableId: t.Id, NextToken: '!!' })).shape).toBe('InvalidRequestException');
  });

  it('enforces the 100 attributes per table quota', async () => {
    const k = new Kit();
    const t = await k.table();
    for (let i = 0; i < 100; i++) await k.attribute(t.Id, `a${i}`);
    const err = await k.error('CreateDataTableAttribute', { DataTableId: t.Id, Name: 'one-more', ValueType: 'TEXT' });
    expect(err.shape).toBe('ServiceQuotaExceededException');
  });

  it('a new primary attribute gives existing keyed records the empty value of its type', async () => {
    const k = new Kit();
    const t = await k.table('NONE');
    await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
    await k.attribute(t.Id, 'v');
    const rec = await k.createOne(t.Id, 'v', 'x', [{ AttributeName: 'id', Value: 'r1' }]);
    await k.createOne(t.Id, 'v', 'default-record');
    await k.attribute(t.Id, 'n', 'NUMBER', { Primary: true });
    // the old address no longer names every primary attribute
    expect((await k.describe(t.Id, [{ PrimaryValues: [{ AttributeName: 'id', Value: 'r1' }], AttributeName: 'v' }])).Failed).toHaveLength(1);
    const pvs = [
      { AttributeName: 'id', Value: 'r1' },
      { AttributeName: 'n', Value: '0' },
    ];
    const got = await k.read(t.Id, 'v', pvs);
    expect(got.Value).toBe('x');
    expect(got.RecordId).toBe(rec.RecordId);
    expect((await k.read(t.Id, 'v')).Value).toBe('default-record');
  });
});
