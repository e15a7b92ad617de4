// Single-shot checks of the rules the properties do not reach: enums of the companion operations
// (CONNECT-ENUM-1), errors an update may not use (CONNECT-ERR-1), read-back timestamps (RESP-3),
// client-sent timestamps (RESP-4, INFO), a primary attribute written as a value (PK-1, SHOULD
// part), and the two INFO rules the reference cannot provoke (SYS-1, AUTH-1).
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi } from './api.js';
import { RECORDS } from './layout.js';
import { dropTable, provisionTable, tableName } from './provision.js';
import { LOCK_LEVELS } from './types.js';

const REGION = /^[a-z]{2}(-[a-z]+){1,2}(-[0-9])?$/;

export async function checkEnums(api: ConnectApi, rec: VerdictRecorder): Promise<void> {
  for (const level of LOCK_LEVELS) {
    const r = await api.createDataTable(tableName(), level);
    rec.check('CONNECT-ENUM-1', { operation: 'CreateDataTable', check: `lock level ${level} is accepted`, ok: r.status === 200, message: `answered ${r.status} ${r.errorType ?? ''}`, evidence: [r.exchange] });
    if (r.body?.Id) await api.deleteDataTable(r.body.Id);
  }
  const bad = await api.rawCall('CreateDataTable', { path: { InstanceId: api.instanceId }, body: { Name: tableName(), TimeZone: 'UTC', ValueLockLevel: 'RECORD', Status: 'PUBLISHED' } });
  rec.check('CONNECT-ENUM-1', { operation: 'CreateDataTable', check: 'lock level RECORD (not in the enum) is a 400', ok: bad.status === 400, message: `answered ${bad.status} ${bad.errorType ?? ''}`, evidence: [bad.exchange] });
  const table = await provisionTable(api, 'NONE', []);
  try {
    const a = await api.rawCall('CreateDataTableAttribute', { path: { InstanceId: api.instanceId, DataTableId: table.id }, body: { Name: 'when', ValueType: 'DATE' } });
    rec.check('CONNECT-ENUM-1', { operation: 'CreateDataTableAttribute', check: 'ValueType DATE (not in the enum) is a 400', ok: a.status === 400, message: `answered ${a.status} ${a.errorType ?? ''}`, evidence: [a.exchange] });
  } finally {
    await dropTable(api, table);
  }
}

export async function checkValueRules(api: ConnectApi, rec: VerdictRecorder): Promise<void> {
  const table = await provisionTable(api, 'VALUE');
  try {
    const slot = { PrimaryValues: RECORDS[1]!, AttributeName: 'txt' };
    const c = await api.batchCreate(table.id, [{ ...slot, Value: 'a' }]);
    const lv = c.body?.Successful?.[0]?.LockVersion ?? {};
    // ERR-1: duplicates and absent values inside an update are item failures, never create-only errors.
    const u = await api.batchUpdate(table.id, [
      { ...slot, Value: 'b', LockVersion: lv },
      { ...slot, Value: 'c', LockVersion: lv },
      { PrimaryValues: RECORDS[2]!, AttributeName: 'txt', Value: 'd', LockVersion: lv },
    ]);
    const okErr = u.status === 200 && !['DuplicateResourceException', 'ServiceQuotaExceededException'].includes(u.errorType ?? '');
    rec.check('CONNECT-ERR-1', {
      operation: 'BatchUpdateDataTableValue',
      check: 'an update with a duplicate item and an absent value answers 200 with item results',
      ok: okErr,
      message: `answered ${u.status} ${u.errorType ?? ''}`,
      evidence: [u.exchange],
    });
    // RESP-4 (INFO): what a client-sent LastModifiedTime/Region turns into.
    const cur = await api.batchDescribe(table.id, [slot]);
    const lv2 = cur.body?.Successful?.[0]?.LockVersion ?? {};
    const w = await api.batchUpdate(table.id, [{ ...slot, Value: 'e', LockVersion: lv2, LastModifiedTime: 1_000_000_000, LastModifiedRegion: 'eu-west-1' }]);
    const after = await api.batchDescribe(table.id, [slot]);
    const got = after.body?.Successful?.[0];
    rec.check('CONNECT-RESP-4', {
      operation: 'BatchUpdateDataTableValue',
      check: 'client-supplied LastModifiedTime 1000000000 and LastModifiedRegion eu-west-1',
      ok: true,
      message: `update ${w.status}; read back LastModifiedTime ${JSON.stringify(got?.LastModifiedTime)}, LastModifiedRegion ${JSON.stringify(got?.LastModifiedRegion)}`,
      evidence: [w.exchange, after.exchange],
    });
    // RESP-3 (SHOULD): read-back times are epoch-second numbers that do not go back; region in region form.
    const t1 = cur.body?.Successful?.[0]?.LastModifiedTime;
    const lv3 = got?.LockVersion ?? {};
    await api.batchUpdate(table.id, [{ ...slot, Value: 'f', LockVersion: lv3 }]);
    const last = await api.batchDescribe(table.id, [slot]);
    const s3 = last.body?.Successful?.[0];
    const t3 = s3?.LastModifiedTime;
    const region = s3?.LastModifiedRegion;
    const numeric = typeof t1 === 'number' && typeof t3 === 'number';
    const ok3 = numeric && (t3 as number) >= (t1 as number) && (t3 as number) < 1e11 && (region === undefined || (typeof region === 'string' && REGION.test(region)));
    rec.check('CONNECT-RESP-3', {
      operation: 'BatchDescribeDataTableValue',
      check: 'read-back LastModifiedTime is epoch seconds, not decreasing across server-timed writes; region in region form',
      ok: ok3,
      message: `times ${JSON.stringify(t1)} then ${JSON.stringify(t3)}, region ${JSON.stringify(region)}`,
      evidence: [cur.exchange, last.exchange],
    });
    // PK-1, SHOULD part: a primary attribute is a key, not something to store a value in.
    const pk = await api.batchCreate(table.id, [{ PrimaryValues: RECORDS[1]!, AttributeName: 'pk', Value: 'alpha' }]);
    const failed = pk.status === 200 && pk.body?.Failed?.length === 1;
    rec.check('CONNECT-PK-1', {
      operation: 'BatchCreateDataTableValue',
      check: 'a value for a primary attribute fails the item',
      ok: failed,
      message: failed ? 'item failed' : `answered ${pk.status} ${JSON.stringify(pk.body ?? pk.errorType).slice(0, 200)}`,
      evidence: [pk.exchange],
      partLevel: 'SHOULD',
    });
  } finally {
    await dropTable(api, table);
  }
}

/** The INFO rules the suite cannot provoke: say so in a verdict rather than stay silent. */
export function recordUnprovokable(rec: VerdictRecorder): void {
  rec.check('CONNECT-SYS-1', {
    operation: 'BatchUpdateDataTableValue',
    check: 'system-managed values',
    ok: true,
    message: 'the documents name no system-managed value and the API offers no way to create one; nothing to exercise',
  });
  rec.check('CONNECT-AUTH-1', {
    operation: 'BatchCreateDataTableValue',
    check: 'authorisation is all or nothing for a batch',
    ok: true,
    message: 'the suite has no second principal with narrower rights, so partial authorisation is not provoked; no 403 was expected or sent',
  });
}
