// Cognito Sync semantics without HTTP: sync counts, atomicity, tombstones, tokens, paging, quotas.
import { describe, expect, it } from 'vitest';
import { IDENTITY, remove, replace, syncHarness } from './cognito-sync-helpers.js';
import { MAX_DATASET_BYTES, MAX_DATASETS_PER_IDENTITY } from '../../fixtures/reference/cognito-sync/limits.js';

describe('UpdateRecords sync counts (SYNC-COUNT-1, SYNC-COUNT-2)', () => {
  it('creates a record presented with SyncCount 0 and returns a higher count', async () => {
    const h = syncHarness();
    const out = await h.update('game', [replace('highScore', '10', 0)]);
    expect(out.Records).toHaveLength(1);
    expect(out.Records[0]).toMatchObject({ Key: 'highScore', Value: '10' });
    expect(out.Records[0].SyncCount).toBeGreaterThan(0);
  });

  it('accepts the current count, bumps it again, and rejects the stale one with ResourceConflictException', async () => {
    const h = syncHarness();
    const first = (await h.update('game', [replace('highScore', '10', 0)])).Records[0].SyncCount;
    const second = (await h.update('game', [replace('highScore', '20', first)])).Records[0].SyncCount;
    expect(second).toBeGreaterThan(first);
    const token = await h.token('game');
    expect(await h.outcome('UpdateRecords', { DatasetName: 'game', SyncSessionToken: token, RecordPatches: [replace('highScore', '30', first)] })).toBe(
      'ResourceConflictException',
    );
    const listed = await h.records('game');
    expect(listed.Records).toEqual([expect.objectContaining({ Key: 'highScore', Value: '20', SyncCount: second })]);
  });

  it('rejects a non-zero count for a record that does not exist', async () => {
    const h = syncHarness();
    const token = await h.token('game');
    expect(await h.outcome('UpdateRecords', { DatasetName: 'game', SyncSessionToken: token, RecordPatches: [replace('k', 'v', 3)] })).toBe(
      'ResourceConflictException',
    );
  });

  it('stamps LastModifiedDate in epoch seconds, LastModifiedBy from DeviceId, and echoes DeviceLastModifiedDate', async () => {
    const h = syncHarness();
    h.clock.now = Date.UTC(2026, 0, 2, 3, 4, 5);
    const out = await h.update('game', [{ ...replace('a', '1', 0), DeviceLastModifiedDate: 1_700_000_000 }], { DeviceId: 'phone-1' });
    expect(out.Records[0]).toMatchObject({ LastModifiedDate: Date.UTC(2026, 0, 2, 3, 4, 5) / 1000, LastModifiedBy: 'phone-1', DeviceLastModifiedDate: 1_700_000_000 });
  });
});

describe('atomicity (SYNC-ATOMIC-1)', () => {
  it('applies nothing when one patch of the request is stale', async () => {
    const h = syncHarness();
    const a = (await h.update('d', [replace('a', '1', 0), replace('b', '1', 0)])).Records;
    const token = await h.token('d');
    const shape = await h.outcome('UpdateRecords', {
      DatasetName: 'd',
      SyncSessionToken: token,
      RecordPatches: [replace('a', '2', a[0].SyncCount), replace('c', 'new', 0), replace('b', '2', 0)],
    });
    expect(shape).toBe('ResourceConflictException');
    const listed = await h.records('d');
    expect(listed.Records.map((r: any) => [r.Key, r.Value])).toEqual([
      ['a', '1'],
      ['b', '1'],
    ]);
  });

  it('applies nothing when the request would exceed the dataset quota (SYNC-LIMIT-1)', async () => {
    const h = syncHarness();
    const half = 'x'.repeat(MAX_DATASET_BYTES / 2);
    await h.update('big', [replace('a', half, 0)]);
    const token = await h.token('big');
    const shape = await h.outcome('UpdateRecords', { DatasetName: 'big', SyncSessionToken: token, RecordPatches: [replace('b', 'small', 0), replace('c', half, 0)] });
    expect(shape).toBe('LimitExceededException');
    const listed = await h.records('big');
    expect(listed.Records.map((r: any) => r.Key)).toEqual(['a']);
  });

  it('lets a dataset hold exactly the quota and counts replaced values only once', async () => {
    const h = syncHarness();
    const value = 'y'.repeat(MAX_DATASET_BYTES - 1);
    const c = (await h.update('full', [replace('k', value, 0)])).Records[0].SyncCount;
    // Replacing the same key with an equally large value stays within the quota.
    await h.update('full', [replace('k', 'z'.repeat(MAX_DATASET_BYTES - 1), c)]);
    const ds = (await h.call('DescribeDataset', { DatasetName: 'full' })).Dataset;
    expect(ds.DataStorage).toBe(MAX_DATASET_BYTES);
  });
});

describe('tombstones (SYNC-REMOVE-1)', () => {
  it('a removed record stays listed without Value and with a higher count; recreating presents that count', async () => {
    const h = syncHarness();
    const c1 = (await h.update('d', [replace('k', 'v', 0)])).Records[0].SyncCount;
    const removed = (await h.update('d', [remove('k', c1)])).Records[0];
    expect(removed.Value).toBeUndefined();
    expect(removed.SyncCount).toBeGreaterThan(c1);
    const listed = (await h.records('d')).Records;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('Value');
    expect(listed[0].SyncCount).toBe(removed.SyncCount);
    const token = await h.token('d');
    expect(await h.outcome('UpdateRecords', { DatasetName: 'd', SyncSessionToken: token, RecordPatches: [replace('k', 'again', 0)] })).toBe(
      'ResourceConflictException',
    );
    const again = (await h.update('d', [replace('k', 'again', removed.SyncCount)])).Records[0];
    expect(again.SyncCount).toBeGreaterThan(removed.SyncCount);
    const ds = (await h.call('DescribeDataset', { DatasetName: 'd' })).Dataset;
    expect(ds.NumRecords).toBe(1);
  });
});

describe('session tokens (SYNC-TOKEN-1, SYNC-TOKEN-2)', () => {
  it('rejects an empty, forged, or other-dataset token with InvalidParameterException', async () => {
    const h = syncHarness();
    const other = await h.token('other');
    for (const SyncSessionToken of ['', 'forged', other, other.slice(0, -2) + 'AA']) {
      expect(await h.outcome('UpdateRecords', { DatasetName: 'mine', SyncSessionToken, RecordPatches: [replace('k', 'v', 0)] })).toBe(
        'InvalidParameterException',
      );
    }
  });

  it('a token stays valid for 10 minutes and many uses, and expires eventually', async () => {
    const h = syncHarness();
    const token = await h.token('d');
    let count = 0;
    for (let i = 0; i < 5; i++) {
      h.clock.now += 2 * 60 * 1000;
      count = (await h.call('UpdateRecords', { DatasetName: 'd', SyncSessionToken: token, RecordPatches: [replace('k', String(i), count)] })).Records[0]
        .SyncCount;
    }
    h.clock.now += 24 * 60 * 60 * 1000;
    expect(await h.outcome('UpdateRecords', { DatasetName: 'd', SyncSessionToken: token, RecordPatches: [] })).toBe('InvalidParameterException');
  });

  it('the token is bound to the identity as well', async () => {
    const h = syncHarness();
    const token = await h.token('d');
    expect(
      await h.outcome('UpdateRecords', { IdentityId: 'us-east-1:0000-1111', DatasetName: 'd', SyncSessionToken: token, RecordPatches: [] }),
    ).toBe('InvalidParameterException');
  });
});

describe('ListRecords (SYNC-LIST-1)', () => {
  it('pages return every record exactly once, even when records are added between pages', async () => {
    const h = syncHarness();
    const keys = Array.from({ length: 23 }, (_, i) => `key-${String(i).padStart(2, '0')}`);
    await h.update('d', keys.map((k) => replace(k, 'v', 0)));
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await h.records('d', { MaxResults: 5, ...(NextToken ? { NextToken } : {}) });
      expect(page.Count).toBe(page.Records.length);
      expect(page.Records.length).toBeLessThanOrEqual(5);
      seen.push(...page.Records.map((r: any) => r.Key));
      NextToken = page.NextToken;
      pages++;
      if (pages === 2) await h.update('d', [replace('key-00a', 'late-but-before-cursor', 0)]);
    } while (NextToken && pages < 20);
    expect(seen).toEqual(keys);
    expect(pages).toBe(5);
  });

  it('lastSyncCount returns only records changed after that dataset count', async () => {
    const h = syncHarness();
    await h.update('d', [replace('a', '1', 0), replace('b', '1', 0)]);
    const mark = (await h.records('d')).DatasetSyncCount;
    const b = (await h.records('d')).Records.find((r: any) => r.Key === 'b');
    await h.update('d', [replace('b', '2', b.SyncCount), replace('c', '1', 0)]);
    const changed = await h.records('d', { LastSyncCount: mark });
    expect(changed.Records.map((r: any) => r.Key)).toEqual(['b', 'c']);
    expect(changed.DatasetSyncCount).toBeGreaterThan(mark);
  });

  it('reports a dataset that does not exist, and issues a token anyway', async () => {
    const h = syncHarness();
    const out = await h.records('never');
    expect(out).toMatchObject({ Records: [], Count: 0, DatasetExists: false, DatasetSyncCount: 0, MergedDatasetNames: [] });
    expect(typeof out.SyncSessionToken).toBe('string');
  });

  it('rejects a nextToken it did not issue and a maxResults below 1', async () => {
    const h = syncHarness();
    expect(await h.outcome('ListRecords', { DatasetName: 'd', NextToken: 'nope!' })).toBe('InvalidParameterException');
    expect(await h.outcome('ListRecords', { DatasetName: 'd', MaxResults: 0 })).toBe('InvalidParameterException');
    expect(await h.outcome('ListRecords', { DatasetName: 'd', LastSyncCount: -1 })).toBe('InvalidParameterException');
  });
});

describe('datasets', () => {
  it('DescribeDataset and DeleteDataset answer ResourceNotFoundException for an unknown dataset', async () => {
    const h = syncHarness();
    expect(await h.outcome('DescribeDataset', { DatasetName: 'none' })).toBe('ResourceNotFoundException');
    expect(await h.outcome('DeleteDataset', { DatasetName: 'none' })).toBe('ResourceNotFoundException');
  });

  it('DeleteDataset removes records; a later ListRecords reports it gone and counts keep climbing', async () => {
    const h = syncHarness();
    const c = (await h.update('d', [replace('a', '1', 0)])).Records[0].SyncCount;
    const deleted = await h.call('DeleteDataset', { DatasetName: 'd' });
    expect(deleted.Dataset).toMatchObject({ IdentityId: IDENTITY, DatasetName: 'd', NumRecords: 1 });
    const after = await h.records('d', { LastSyncCount: c });
    expect(after).toMatchObject({ Records: [], DatasetExists: false, DatasetDeletedAfterRequestedSyncCount: true });
    const again = (await h.update('d', [replace('a', '2', 0)])).Records[0].SyncCount;
    expect(again).toBeGreaterThan(c);
  });

  it('ListDatasets pages through every dataset once', async () => {
    const h = syncHarness();
    for (let i = 0; i < 7; i++) await h.update(`ds-${i}`, [replace('k', 'v', 0)]);
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await h.call('ListDatasets', { MaxResults: 3, ...(NextToken ? { NextToken } : {}) });
      names.push(...page.Datasets.map((d: any) => d.DatasetName));
      expect(page.Count).toBe(page.Datasets.length);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).toEqual(['ds-0', 'ds-1', 'ds-2', 'ds-3', 'ds-4', 'ds-5', 'ds-6']);
  });

  it(`refuses a dataset beyond ${MAX_DATASETS_PER_IDENTITY} per identity with LimitExceededException and no effect`, async () => {
    const h = syncHarness();
    for (let i = 0; i < MAX_DATASETS_PER_IDENTITY; i++) await h.update(`ds-${i}`, [replace('k', 'v', 0)]);
    const token = await h.token('one-too-many');
    expect(await h.outcome('UpdateRecords', { DatasetName: 'one-too-many', SyncSessionToken: token, RecordPatches: [replace('k', 'v', 0)] })).toBe(
      'LimitExceededException',
    );
    expect((await h.records('one-too-many')).DatasetExists).toBe(false);
    // An existing dataset can still be written.
    const c = (await h.records('ds-0')).Records[0].SyncCount;
    expect((await h.update('ds-0', [replace('k', 'w', c)])).Records[0].Value).toBe('w');
  });

  it('a replace without Value is an InvalidParameterException', async () => {
    const h = syncHarness();
    const token = await h.token('d');
    expect(await h.outcome('UpdateRecords', { DatasetName: 'd', SyncSessionToken: token, RecordPatches: [{ Op: 'replace', Key: 'k', SyncCount: 0 }] })).toBe(
      'InvalidParameterException',
    );
  });
});

describe('tombstones and the quota', () => {
  it('a tombstone keeps its key bytes in DataStorage, so removes cannot grow a dataset without bound', async () => {
    const h = syncHarness();
    const c = (await h.update('d', [replace('abc', 'value', 0)])).Records[0].SyncCount;
    expect((await h.call('DescribeDataset', { DatasetName: 'd' })).Dataset.DataStorage).toBe(8);
    await h.update('d', [remove('abc', c)]);
    expect((await h.call('DescribeDataset', { DatasetName: 'd' })).Dataset).toMatchObject({ DataStorage: 3, NumRecords: 0 });
    const token = await h.token('d');
    // 1100 tombstones with 1000-byte keys are more than 1 MiB of keys: refused, nothing applied.
    const many = Array.from({ length: 1100 }, (_, i) => remove(`${String(i).padStart(4, '0')}`.padEnd(1000, 'x'), 0));
    expect(await h.outcome('UpdateRecords', { DatasetName: 'd', SyncSessionToken: token, RecordPatches: many })).toBe('LimitExceededException');
    expect((await h.records('d')).Records).toHaveLength(1);
  });
});
