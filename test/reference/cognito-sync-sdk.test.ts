// Every Cognito Sync operation of the reference, through the official SDK: outputs parse, errors
// parse into the right exception classes (err.name = shape name, status as modelled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidParameterException, LimitExceededException, ResourceConflictException, ResourceNotFoundException } from '@aws-sdk/client-cognito-sync';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { del, failure, put, syncKit } from './cognito-sync-sdk-kit.js';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ log: () => undefined });
});
afterAll(async () => {
  expect(server.internalErrors()).toBe(0);
  await server.close();
});

describe('UpdateRecords and ListRecords', () => {
  it('creates, updates and lists records with Date timestamps and numeric counts', async () => {
    const k = syncKit(server.url, 'us-east-1:a001');
    const before = new Date('2026-01-01T00:00:00Z');
    const created = await k.update('profile', [{ ...put('name', 'Ada', 0), DeviceLastModifiedDate: before }]);
    expect(created.$metadata.httpStatusCode).toBe(200);
    const rec = created.Records![0]!;
    expect(rec).toMatchObject({ Key: 'name', Value: 'Ada' });
    expect(rec.SyncCount).toBeGreaterThan(0);
    expect(rec.LastModifiedDate).toBeInstanceOf(Date);
    expect(rec.DeviceLastModifiedDate?.toISOString()).toBe(before.toISOString());

    const updated = await k.update('profile', [put('name', 'Grace', rec.SyncCount!)]);
    expect(updated.Records![0]!.SyncCount).toBeGreaterThan(rec.SyncCount!);

    const listed = await k.list('profile');
    expect(listed).toMatchObject({ Count: 1, DatasetExists: true, DatasetDeletedAfterRequestedSyncCount: false });
    expect(listed.Records).toEqual([expect.objectContaining({ Key: 'name', Value: 'Grace', SyncCount: updated.Records![0]!.SyncCount })]);
    expect(listed.DatasetSyncCount).toBe(updated.Records![0]!.SyncCount);
    expect(typeof listed.SyncSessionToken).toBe('string');
  });

  it('a stale SyncCount is a 409 ResourceConflictException and changes nothing', async () => {
    const k = syncKit(server.url, 'us-east-1:a002');
    const c = (await k.update('d', [put('a', '1', 0), put('b', '1', 0)])).Records![0]!.SyncCount!;
    await k.update('d', [put('a', '2', c)]);
    const err = await k.update('d', [put('b', '2', c), put('a', '3', c)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceConflictException);
    expect((err as ResourceConflictException).$metadata.httpStatusCode).toBe(409);
    expect((err as ResourceConflictException).message).toMatch(/SyncCount/);
    const values = Object.fromEntries((await k.all('d')).map((r) => [r.Key, r.Value]));
    expect(values).toEqual({ a: '2', b: '1' });
  });

  it('a token from another dataset is a 400 InvalidParameterException', async () => {
    const k = syncKit(server.url, 'us-east-1:a003');
    const other = (await k.list('other')).SyncSessionToken;
    const err = await k.update('mine', [put('a', '1', 0)], other).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect((err as InvalidParameterException).$metadata.httpStatusCode).toBe(400);
  });

  it('remove leaves a tombstone listed without Value', async () => {
    const k = syncKit(server.url, 'us-east-1:a004');
    const c = (await k.update('d', [put('gone', 'x', 0)])).Records![0]!.SyncCount!;
    const removed = (await k.update('d', [del('gone', c)])).Records![0]!;
    expect(removed.Value).toBeUndefined();
    const listed = await k.all('d');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.Value).toBeUndefined();
    expect(listed[0]!.SyncCount).toBe(removed.SyncCount);
  });

  it('pages with nextToken/maxResults and filters with lastSyncCount', async () => {
    const k = syncKit(server.url, 'us-east-1:a005');
    const keys = Array.from({ length: 11 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    await k.update('paged', keys.map((key) => put(key, 'v', 0)));
    const paged = await k.all('paged', 4);
    expect(paged.map((r) => r.Key)).toEqual(keys);
    const mark = (await k.list('paged')).DatasetSyncCount!;
    const k03 = paged.find((r) => r.Key === 'k03')!;
    await k.update('paged', [put('k03', 'w', k03.SyncCount!)]);
    const changed = await k.list('paged', { LastSyncCount: mark });
    expect(changed.Records!.map((r) => r.Key)).toEqual(['k03']);
  });

  it('more than 1 MB in a dataset is a LimitExceededException', async () => {
    const k = syncKit(server.url, 'us-east-1:a006');
    await k.update('big', [put('a', 'x'.repeat(700_000), 0)]);
    const err = await k.update('big', [put('b', 'y'.repeat(400_000), 0)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededException);
    expect((err as LimitExceededException).$metadata.httpStatusCode).toBe(400);
  });

  it('a constraint violation is an InvalidParameterException naming the member', async () => {
    // The model's pattern is unanchored, so the name must match it nowhere (no allowed character at all).
    const k = syncKit(server.url, 'us-east-1:a007');
    const r = await failure(k.update('!!! ***', [put('a', '1', 0)], 'whatever'));
    expect(r).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(r.message).toContain('DatasetName');
  });
});

describe('datasets', () => {
  it('DescribeDataset, ListDatasets and DeleteDataset', async () => {
    const k = syncKit(server.url, 'us-east-1:b001');
    for (const name of ['alpha', 'beta', 'gamma']) await k.update(name, [put('k', name, 0)]);
    const d = (await k.describe('beta')).Dataset!;
    expect(d).toMatchObject({ DatasetName: 'beta', IdentityId: 'us-east-1:b001', NumRecords: 1, DataStorage: 'k'.length + 'beta'.length });
    expect(d.CreationDate).toBeInstanceOf(Date);

    const first = await k.datasets({ MaxResults: 2 });
    expect(first.Count).toBe(2);
    const second = await k.datasets({ MaxResults: 2, NextToken: first.NextToken });
    expect([...first.Datasets!, ...second.Datasets!].map((x) => x.DatasetName)).toEqual(['alpha', 'beta', 'gamma']);
    expect(second.NextToken).toBeUndefined();

    const deleted = await k.remove('beta');
    expect(deleted.Dataset?.DatasetName).toBe('beta');
    expect(await failure(k.describe('beta'))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    const err = await k.remove('beta').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    const after = await k.list('beta');
    expect(after).toMatchObject({ DatasetExists: false, Count: 0 });
  });

  it('a 21st dataset is a LimitExceededException', async () => {
    const k = syncKit(server.url, 'us-east-1:b002');
    for (let i = 0; i < 20; i++) await k.update(`set-${i}`, [put('k', 'v', 0)]);
    expect(await failure(k.update('set-20', [put('k', 'v', 0)]))).toMatchObject({ name: 'LimitExceededException', status: 400 });
    expect((await k.datasets()).Count).toBe(20);
  });
});
