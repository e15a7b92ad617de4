// Wire truth: the official AWS SDK v3 Connect client, pointed at the reference server, drives every
// data-table operation and reads every answer (outputs, timestamps, modelled errors by shape name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchCreateDataTableValueCommand,
  BatchDeleteDataTableValueCommand,
  BatchDescribeDataTableValueCommand,
  BatchUpdateDataTableValueCommand,
  ConnectClient,
  CreateDataTableAttributeCommand,
  CreateDataTableCommand,
  DeleteDataTableCommand,
  DescribeDataTableAttributeCommand,
  DescribeDataTableCommand,
  ListDataTableAttributesCommand,
  ListDataTableValuesCommand,
  UpdateDataTableMetadataCommand,
} from '@aws-sdk/client-connect';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';

const InstanceId = 'wire-instance';
let server: ReferenceServer;
let client: ConnectClient;

beforeAll(async () => {
  server = await startReferenceServer({ port: 0 });
  client = new ConnectClient({
    endpoint: server.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

/** The SDK error an operation ends with: its name (the shape) and HTTP status. */
async function failure(p: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
  throw new Error('expected the call to fail');
}

describe('Connect reference over the wire (@aws-sdk/client-connect)', () => {
  it('runs the whole data-table life cycle through every operation', async () => {
    const created = await client.send(
      new CreateDataTableCommand({ InstanceId, Name: 'wire', TimeZone: 'UTC', ValueLockLevel: 'VALUE', Status: 'PUBLISHED', Tags: { k: 'v' } }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.$metadata.requestId).toBeTruthy();
    const DataTableId = created.Id!;
    expect(created.Arn).toContain(`/data-table/${DataTableId}`);

    const described = await client.send(new DescribeDataTableCommand({ InstanceId, DataTableId }));
    expect(described.DataTable?.Name).toBe('wire');
    expect(described.DataTable?.CreatedTime).toBeInstanceOf(Date); // epoch seconds on the wire
    expect(Math.abs(described.DataTable!.CreatedTime!.getTime() - Date.now())).toBeLessThan(600_000);

    const id = await client.send(new CreateDataTableAttributeCommand({ InstanceId, DataTableId, Name: 'id', ValueType: 'TEXT', Primary: true }));
    expect(id.Name).toBe('id');
    const qty = await client.send(
      new CreateDataTableAttributeCommand({ InstanceId, DataTableId, Name: 'qty', ValueType: 'NUMBER', Validation: { Minimum: 0, MultipleOf: 0.5 } }),
    );
    expect(qty.LockVersion?.Attribute).toBeTruthy();
    const attr = await client.send(new DescribeDataTableAttributeCommand({ InstanceId, DataTableId, AttributeName: 'qty' }));
    expect(attr.Attribute?.Validation).toEqual({ Minimum: 0, MultipleOf: 0.5 });
    expect(attr.Attribute?.LastModifiedTime).toBeInstanceOf(Date);
    const attrs = await client.send(new ListDataTableAttributesCommand({ InstanceId, DataTableId, MaxResults: 1 }));
    expect(attrs.Attributes).toHaveLength(1);
    const attrs2 = await client.send(new ListDataTableAttributesCommand({ InstanceId, DataTableId, NextToken: attrs.NextToken }));
    expect(attrs2.Attributes?.map((a) => a.Name)).toEqual(['qty']);

    const pk = [{ AttributeName: 'id', Value: 'r1' }];
    const create = await client.send(
      new BatchCreateDataTableValueCommand({
        InstanceId,
        DataTableId: created.Arn!, // ARN form, percent-encoded into one path segment by the SDK
        Values: [
          { PrimaryValues: pk, AttributeName: 'qty', Value: '2.5' },
          { PrimaryValues: pk, AttributeName: 'qty', Value: '3' }, // duplicate of the first
          { PrimaryValues: pk, AttributeName: 'missing', Value: '1' },
        ],
      }),
    );
    expect(create.Successful).toHaveLength(1);
    expect(create.Successful![0]).toMatchObject({ PrimaryValues: pk, AttributeName: 'qty' });
    expect(create.Successful![0]!.RecordId).toBeTruthy();
    expect(create.Failed?.map((f) => f.AttributeName)).toEqual(['qty', 'missing']);
    const lock = create.Successful![0]!.LockVersion!;
    expect(Object.keys(lock).sort()).toEqual(['Attribute', 'DataTable', 'PrimaryValues', 'Value']);

    const update = await client.send(
      new BatchUpdateDataTableValueCommand({
        InstanceId,
        DataTableId: `${DataTableId}:$LATEST`,
        Values: [
          { PrimaryValues: pk, AttributeName: 'qty', Value: '4', LockVersion: lock },
          { PrimaryValues: pk, AttributeName: 'qty', Value: '5', LockVersion: lock }, // now stale
          { PrimaryValues: pk, AttributeName: 'qty', Value: '-1', LockVersion: lock },
        ],
      }),
    );
    expect(update.Successful).toHaveLength(1);
    expect(update.Failed).toHaveLength(2);
    for (const f of update.Failed!) expect(f.Message).toBeTruthy();
    const newLock = update.Successful![0]!.LockVersion!;

    const read = await client.send(
      new BatchDescribeDataTableValueCommand({ InstanceId, DataTableId: `${created.Arn}:$LATEST`, Values: [{ PrimaryValues: pk, AttributeName: 'qty' }] }),
    );
    expect(read.Successful![0]).toMatchObject({ Value: '4', LockVersion: newLock, RecordId: create.Successful![0]!.RecordId });
    expect(read.Successful![0]!.LastModifiedTime).toBeInstanceOf(Date);

    const list = await client.send(new ListDataTableValuesCommand({ InstanceId, DataTableId, MaxResults: 10 }));
    expect(list.Values).toHaveLength(1);
    expect(list.Values![0]).toMatchObject({ AttributeName: 'qty', ValueType: 'NUMBER', Value: '4' });

    const del = await client.send(
      new BatchDeleteDataTableValueCommand({ InstanceId, DataTableId, Values: [{ PrimaryValues: pk, AttributeName: 'qty', LockVersion: newLock }] }),
    );
    expect(del.Successful).toHaveLength(1);
    const gone = await client.send(new BatchDescribeDataTableValueCommand({ InstanceId, DataTableId, Values: [{ PrimaryValues: pk, AttributeName: 'qty' }] }));
    expect(gone.Failed).toHaveLength(1);

    const meta = await client.send(
      new UpdateDataTableMetadataCommand({ InstanceId, DataTableId, Name: 'wire2', TimeZone: 'Asia/Tokyo', ValueLockLevel: 'NONE' }),
    );
    expect(meta.LockVersion?.DataTable).not.toBe(created.LockVersion?.DataTable);
    await client.send(new DeleteDataTableCommand({ InstanceId, DataTableId }));
    const after = await failure(client.send(new DescribeDataTableCommand({ InstanceId, DataTableId })));
    expect(after).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('reports modelled errors by shape name and status', async () => {
    const t = await client.send(new CreateDataTableCommand({ InstanceId, Name: 'errs', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' }));
    const DataTableId = t.Id!;
    expect(await failure(client.send(new CreateDataTableCommand({ InstanceId, Name: 'errs', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' })))).toMatchObject({
      name: 'DuplicateResourceException',
      status: 409,
    });
    expect(await failure(client.send(new CreateDataTableCommand({ InstanceId, Name: 'tz', TimeZone: 'Not/AZone', ValueLockLevel: 'NONE', Status: 'PUBLISHED' })))).toMatchObject({
      name: 'InvalidParameterException',
      status: 400,
    });
    await client.send(new CreateDataTableAttributeCommand({ InstanceId, DataTableId, Name: 'a', ValueType: 'TEXT' }));
    expect(await failure(client.send(new CreateDataTableAttributeCommand({ InstanceId, DataTableId, Name: 'A', ValueType: 'TEXT' })))).toMatchObject({
      name: 'DuplicateResourceException',
      status: 409,
    });
    expect(await failure(client.send(new DescribeDataTableAttributeCommand({ InstanceId, DataTableId, AttributeName: 'zz' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
    });
    // empty Values: whole-request validation error (the SDK does not check minimum sizes itself)
    const empty = await failure(client.send(new BatchUpdateDataTableValueCommand({ InstanceId, DataTableId, Values: [] })));
    expect(['InvalidRequestException', 'InvalidParameterException']).toContain(empty.name);
    expect(empty.status).toBe(400);
    const missing = await failure(
      client.send(new BatchCreateDataTableValueCommand({ InstanceId, DataTableId: 'no-such-table', Values: [{ AttributeName: 'a', Value: 'x' }] })),
    );
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(missing.message.length).toBeGreaterThan(0);
    expect(await failure(client.send(new ListDataTableValuesCommand({ InstanceId, DataTableId, NextToken: 'forged' })))).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
    });
  });

  it('caused no internal error in the reference', () => {
    expect(server.internalErrors()).toBe(0);
  });
});
