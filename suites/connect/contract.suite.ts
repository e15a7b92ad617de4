// Connect smoke suite: a few real calls through builders, transport and the shared checks, so
// that every run exercises COMMON-RESP-1/2, COMMON-TS-1, COMMON-ERR-1/2 and COMMON-VAL-2 on Connect.
import { afterAll, describe, test } from 'vitest';
import { checkServedAtBindings } from '../harness/binding.js';
import { clientFor } from '../harness/client.js';
import { expectClientError, expectMalformedRejected, expectSuccess } from '../harness/common.js';
import { runContext } from '../harness/run-context.js';
import { VerdictRecorder } from '../harness/verdicts.js';

const ctx = runContext();
const rec = new VerdictRecorder('connect', 'connect/contract', undefined, ctx.seed);
const api = clientFor('connect', { name: 'connect-contract', observe: rec.observe });
const InstanceId = ctx.resources.connectInstanceId;
const tableName = `lockstep-contract-${ctx.seed}-${Date.now().toString(36)}`;
let tableId: string | undefined;
let lockVersion: Record<string, unknown> | undefined;

afterAll(async () => {
  if (tableId) await api.call('DeleteDataTable', { path: { InstanceId, DataTableId: tableId } });
  await api.close();
});

describe('connect contract', () => {
  test('CreateDataTable returns a valid 200', async () => {
    const r = await api.call('CreateDataTable', {
      path: { InstanceId },
      body: { Name: tableName, TimeZone: 'UTC', ValueLockLevel: 'VALUE', Status: 'PUBLISHED' },
    });
    if (expectSuccess(rec, 'connect', 'CreateDataTable', r, 'create a table')) tableId = r.data?.Id;
  });

  test('CreateDataTableAttribute returns a valid 200', async () => {
    if (!tableId) return void rec.notApplicable('COMMON-RESP-1', 'CreateDataTableAttribute', 'create an attribute', 'no table (CreateDataTable failed)');
    const r = await api.call('CreateDataTableAttribute', { path: { InstanceId, DataTableId: tableId }, body: { Name: 'note', ValueType: 'TEXT' } });
    expectSuccess(rec, 'connect', 'CreateDataTableAttribute', r, 'create a TEXT attribute');
  });

  test('BatchCreateDataTableValue then BatchUpdateDataTableValue return valid 200s', async () => {
    if (!tableId) return void rec.notApplicable('COMMON-RESP-1', 'BatchCreateDataTableValue', 'create a value', 'no table (CreateDataTable failed)');
    const c = await api.call('BatchCreateDataTableValue', {
      path: { InstanceId, DataTableId: tableId },
      body: { Values: [{ PrimaryValues: [], AttributeName: 'note', Value: 'first' }] },
    });
    if (expectSuccess(rec, 'connect', 'BatchCreateDataTableValue', c, 'create one value')) lockVersion = c.data?.Successful?.[0]?.LockVersion as Record<string, unknown> | undefined;
    if (!lockVersion) return void rec.notApplicable('COMMON-RESP-1', 'BatchUpdateDataTableValue', 'update a value', 'no lock version from the create');
    const u = await api.call('BatchUpdateDataTableValue', {
      path: { InstanceId, DataTableId: tableId },
      body: { Values: [{ PrimaryValues: [], AttributeName: 'note', Value: 'second', LockVersion: lockVersion }] },
    });
    expectSuccess(rec, 'connect', 'BatchUpdateDataTableValue', u, 'update one value with its lock version');
  });

  test('DescribeDataTable sends timestamps as numbers', async () => {
    if (!tableId) return void rec.notApplicable('COMMON-TS-1', 'DescribeDataTable', 'describe the table', 'no table (CreateDataTable failed)');
    const r = await api.call('DescribeDataTable', { path: { InstanceId, DataTableId: tableId } });
    expectSuccess(rec, 'connect', 'DescribeDataTable', r, 'describe the table', { timestamps: true });
  });

  test('malformed and non-object bodies are refused as validation errors', async () => {
    const DataTableId = tableId ?? 'lockstep-missing-table';
    const bad = await api.raw('BatchUpdateDataTableValue', { path: { InstanceId, DataTableId } }, { rawBody: '{"Values": [' });
    expectMalformedRejected(rec, 'connect', 'BatchUpdateDataTableValue', bad, 'truncated JSON body');
    const arr = await api.raw('BatchCreateDataTableValue', { path: { InstanceId, DataTableId } }, { rawBody: '[]' });
    expectMalformedRejected(rec, 'connect', 'BatchCreateDataTableValue', arr, 'JSON array as body');
  });

  test('an unknown table is a listed 404', async () => {
    const r = await api.call('DescribeDataTable', { path: { InstanceId, DataTableId: `lockstep-no-such-table-${ctx.seed}` } });
    expectClientError(rec, 'connect', 'DescribeDataTable', r, 'describe an unknown table', { shapes: ['ResourceNotFoundException'] });
  });

  test('each seeded operation is served at its model binding (COMMON-BIND-1)', async () => {
    await checkServedAtBindings('connect', 'connect/contract');
  });
});
