// Data tables and their identifiers (CONNECT-ID-1), handler level.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, INSTANCE, Kit, REGION } from './connect-kit.js';

describe('Connect reference: data tables', () => {
  it('creates, describes, updates (not a patch) and deletes a table', async () => {
    const k = new Kit();
    const created = await k.call('CreateDataTable', {
      Name: 'prices',
      Description: 'price list',
      TimeZone: 'Europe/Paris',
      ValueLockLevel: 'VALUE',
      Status: 'PUBLISHED',
      Tags: { team: 'a' },
    });
    expect(created.Arn).toBe(`arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE}/data-table/${created.Id}`);
    expect(typeof created.LockVersion.DataTable).toBe('string');

    const d1 = (await k.call('DescribeDataTable', { DataTableId: created.Id })).DataTable;
    expect(d1).toMatchObject({ Name: 'prices', Id: created.Id, Arn: created.Arn, TimeZone: 'Europe/Paris', Description: 'price list' });
    expect(d1).toMatchObject({ ValueLockLevel: 'VALUE', Status: 'PUBLISHED', Tags: { team: 'a' }, LastModifiedRegion: REGION });
    expect(d1.LockVersion).toEqual({ DataTable: created.LockVersion.DataTable });
    expect(d1.CreatedTime).toBe(k.clockMs / 1000); // epoch seconds (COMMON-TS-1)

    k.clockMs += 5000;
    const upd = await k.call('UpdateDataTableMetadata', { DataTableId: created.Id, Name: 'prices2', TimeZone: 'UTC', ValueLockLevel: 'NONE' });
    expect(upd.LockVersion.DataTable).not.toBe(created.LockVersion.DataTable);
    const d2 = (await k.call('DescribeDataTable', { DataTableId: created.Id })).DataTable;
    expect(d2).toMatchObject({ Name: 'prices2', TimeZone: 'UTC', ValueLockLevel: 'NONE', LastModifiedTime: k.clockMs / 1000 });
    expect(d2.Description).toBeUndefined(); // omitted on update = cleared
    expect(d2.CreatedTime).toBe(d1.CreatedTime);

    expect(await k.call('DeleteDataTable', { DataTableId: created.Id })).toEqual({});
    expect((await k.error('DescribeDataTable', { DataTableId: created.Id })).shape).toBe('ResourceNotFoundException');
    expect((await k.error('DeleteDataTable', { DataTableId: created.Id })).shape).toBe('ResourceNotFoundException');
  });

  it('rejects a second table with the same name in one instance, allows it in another', async () => {
    const k = new Kit();
    await k.table('NONE', 'same');
    expect((await k.error('CreateDataTable', { Name: 'same', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' })).shape).toBe(
      'DuplicateResourceException',
    );
    const other = await k.call('CreateDataTable', { InstanceId: 'inst-2', Name: 'same', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' });
    expect(other.Id).toBeTruthy();
    const t2 = await k.table('NONE', 'another');
    const err = await k.error('UpdateDataTableMetadata', { DataTableId: t2.Id, Name: 'same', TimeZone: 'UTC', ValueLockLevel: 'NONE' });
    expect(err.shape).toBe('DuplicateResourceException');
  });

  it('rejects an unknown time zone with InvalidParameterException', async () => {
    const k = new Kit();
    const err = await k.error('CreateDataTable', { Name: 'tz', TimeZone: 'Mars/Olympus', ValueLockLevel: 'NONE', Status: 'PUBLISHED' });
    expect(err.shape).toBe('InvalidParameterException');
  });

  it('tables are scoped to their instance', async () => {
    const k = new Kit();
    const t = await k.table();
    const err = await k.error('DescribeDataTable', { InstanceId: 'inst-other', DataTableId: t.Id });
    expect(err.shape).toBe('ResourceNotFoundException');
  });
});

describe('Connect reference: DataTableId forms (CONNECT-ID-1)', () => {
  it('accepts the id, the ARN, and either with :$LATEST, on reads and batch writes', async () => {
    const k = new Kit();
    const t = await k.table('NONE');
    await k.attribute(t.Id, 'a');
    const forms = [t.Id, t.Arn, `${t.Id}:$LATEST`, `${t.Arn}:$LATEST`];
    expect((await k.create(forms[3], [{ AttributeName: 'a', Value: 'v' }])).Successful).toHaveLength(1);
    for (const [i, form] of forms.entries()) {
      expect((await k.call('DescribeDataTable', { DataTableId: form })).DataTable.Id).toBe(t.Id);
      const out = await k.update(form, [{ AttributeName: 'a', Value: `v${i}` }]);
      expect(out.Successful).toHaveLength(1);
      expect((await k.describe(form, [{ AttributeName: 'a' }])).Successful[0].Value).toBe(`v${i}`);
      expect((await k.call('ListDataTableValues', { DataTableId: form })).Values).toHaveLength(1);
    }
    expect((await k.read(t.Id, 'a')).Value).toBe('v3');
  });

  it('does not resolve an ARN of another instance, region or account, or an unknown id', async () => {
    const k = new Kit();
    const t = await k.table();
    const bad = [
      t.Arn.replace(`instance/${INSTANCE}/`, 'instance/other/'),
      t.Arn.replace(REGION, 'eu-west-1'),
      t.Arn.replace(ACCOUNT, '999999999999'),
      `${t.Id}x`,
      `${t.Id}:$OTHER`,
    ];
    for (const id of bad) expect((await k.error('DescribeDataTable', { DataTableId: id })).shape).toBe('ResourceNotFoundException');
  });

  it('a missing table is a whole-request ResourceNotFoundException for every value operation', async () => {
    const k = new Kit();
    const item = { AttributeName: 'a', Value: '1', LockVersion: {} };
    for (const op of ['BatchCreateDataTableValue', 'BatchUpdateDataTableValue', 'BatchDeleteDataTableValue', 'BatchDescribeDataTableValue']) {
      expect((await k.error(op, { DataTableId: 'nope', Values: [item] })).shape).toBe('ResourceNotFoundException');
    }
    for (const op of ['ListDataTableValues', 'ListDataTableAttributes', 'DescribeDataTable', 'DeleteDataTable']) {
      expect((await k.error(op, { DataTableId: 'nope' })).shape).toBe('ResourceNotFoundException');
    }
  });
});
