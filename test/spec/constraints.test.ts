import { describe, expect, it } from 'vitest';
import { requestValidator, schemaValidator, errorValidator, responseValidator } from '../../spec/validators.js';

// One value just inside and one just outside each kind of bound. The bounds come from the
// documents: page 000 (DataTableId 1..256, Values at least one item), page 004 (DeviceId 1..256,
// DatasetName pattern, SyncSessionToken required), the connect model (MaxResult1000 1..1000,
// TagMap 1..50 entries, tag keys not starting with "aws:"), and the Cloud Directory
// TypedAttributeValue union (exactly one member).

const updateRecords = requestValidator('cognito-sync', 'UpdateRecords');
const recordsInput = (over: Record<string, unknown> = {}) => ({
  IdentityPoolId: 'us-east-1:0a1b2c',
  IdentityId: 'us-east-1:3d4e5f',
  DatasetName: 'scores',
  SyncSessionToken: 'token',
  RecordPatches: [{ Op: 'replace', Key: 'highScore', Value: '5', SyncCount: 0 }],
  ...over,
});
const batchUpdate = requestValidator('connect', 'BatchUpdateDataTableValue');
const updateInput = (over: Record<string, unknown> = {}) => ({
  InstanceId: 'instance-1',
  DataTableId: 'table-1',
  Values: [{ AttributeName: 'Colour', Value: 'red', LockVersion: { Value: '1' } }],
  ...over,
});

describe('request constraints (just inside passes, just outside fails)', () => {
  it('the valid base inputs pass', () => {
    expect(updateRecords(recordsInput())).toEqual({ ok: true, errors: [] });
    expect(batchUpdate(updateInput())).toEqual({ ok: true, errors: [] });
  });

  it('minLength', () => {
    expect(updateRecords(recordsInput({ DeviceId: 'd' })).ok).toBe(true);
    const r = updateRecords(recordsInput({ DeviceId: '' }));
    expect(r.ok).toBe(false);
    expect(r.errors.join()).toContain('/DeviceId');
  });

  it('maxLength, counted in code points', () => {
    expect(batchUpdate(updateInput({ DataTableId: 'x'.repeat(256) })).ok).toBe(true);
    expect(batchUpdate(updateInput({ DataTableId: 'x'.repeat(257) })).ok).toBe(false);
    // 256 astral characters are 512 UTF-16 units but 256 code points
    expect(updateRecords(recordsInput({ DeviceId: '\u{1F600}'.repeat(256) })).ok).toBe(true);
    expect(updateRecords(recordsInput({ DeviceId: '\u{1F600}'.repeat(257) })).ok).toBe(false);
  });

  it('pattern (unanchored model pattern: a value matching nowhere fails)', () => {
    expect(updateRecords(recordsInput({ DatasetName: 'my.data_set-1' })).ok).toBe(true);
    const r = updateRecords(recordsInput({ DatasetName: '!!!' }));
    expect(r.ok).toBe(false);
    expect(r.errors.join()).toContain('pattern');
  });

  it('pattern (anchored, with Unicode property classes)', () => {
    expect(batchUpdate(updateInput({ Values: [{ AttributeName: 'Farbe Größe', Value: 'x' }] })).ok).toBe(true);
    expect(batchUpdate(updateInput({ Values: [{ AttributeName: 'Colour/Size', Value: 'x' }] })).ok).toBe(false);
  });

  it('minimum and maximum', () => {
    const list = requestValidator('connect', 'ListDataTableValues');
    const base = { InstanceId: 'i', DataTableId: 't' };
    expect(list({ ...base, MaxResults: 1 }).ok).toBe(true);
    expect(list({ ...base, MaxResults: 1000 }).ok).toBe(true);
    expect(list({ ...base, MaxResults: 0 }).ok).toBe(false);
    expect(list({ ...base, MaxResults: 1001 }).ok).toBe(false);
    expect(list({ ...base, MaxResults: 1.5 }).ok).toBe(false);
  });

  it('enum', () => {
    expect(updateRecords(recordsInput({ RecordPatches: [{ Op: 'remove', Key: 'k', SyncCount: 3 }] })).ok).toBe(true);
    const r = updateRecords(recordsInput({ RecordPatches: [{ Op: 'upsert', Key: 'k', SyncCount: 3 }] }));
    expect(r.ok).toBe(false);
    expect(r.errors.join()).toContain('must be one of ["replace","remove"]');
  });

  it('required (body, nested and path members)', () => {
    const { SyncSessionToken: _t, ...noToken } = recordsInput();
    expect(updateRecords(noToken).errors).toContain('(root): missing required member SyncSessionToken');
    expect(updateRecords(recordsInput({ RecordPatches: [{ Op: 'replace', Key: 'k' }] })).errors).toContain('/RecordPatches/0: missing required member SyncCount');
    const { InstanceId: _i, ...noInstance } = updateInput();
    expect(batchUpdate(noInstance).errors).toContain('(root): missing required member InstanceId');
  });

  it('minItems', () => {
    expect(batchUpdate(updateInput({ Values: [] })).ok).toBe(false);
    expect(batchUpdate(updateInput({ Values: [{ AttributeName: 'a', Value: 'b' }] })).ok).toBe(true);
  });

  it('map size bounds and key constraints (minProperties, maxProperties, propertyNames)', () => {
    const create = requestValidator('connect', 'CreateDataTable');
    const base = { InstanceId: 'i', Name: 'Table', Status: 'PUBLISHED', TimeZone: 'UTC', ValueLockLevel: 'VALUE' };
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(create({ ...base, Tags: tags(1) }).ok).toBe(true);
    expect(create({ ...base, Tags: tags(50) }).ok).toBe(true);
    expect(create({ ...base, Tags: tags(0) }).ok).toBe(false);
    expect(create({ ...base, Tags: tags(51) }).ok).toBe(false);
    expect(create({ ...base, Tags: { 'aws:reserved': 'v' } }).ok).toBe(false);
  });

  it('one-member union (TypedAttributeValue)', () => {
    const v = schemaValidator('clouddirectory', 'TypedAttributeValue');
    expect(v({ StringValue: 'a' }).ok).toBe(true);
    expect(v({ DatetimeValue: 1700000000 }).ok).toBe(true);
    expect(v({}).ok).toBe(false);
    expect(v({ StringValue: 'a', NumberValue: '1' }).ok).toBe(false);
    expect(v({ OtherValue: 'a' }).ok).toBe(false);
  });

  it('types: timestamps are numbers, integers are whole', () => {
    expect(updateRecords(recordsInput({ RecordPatches: [{ Op: 'replace', Key: 'k', SyncCount: 0, DeviceLastModifiedDate: 1700000000.5 }] })).ok).toBe(true);
    expect(updateRecords(recordsInput({ RecordPatches: [{ Op: 'replace', Key: 'k', SyncCount: 0, DeviceLastModifiedDate: '2024-01-01T00:00:00Z' }] })).ok).toBe(false);
    expect(updateRecords(recordsInput({ RecordPatches: [{ Op: 'replace', Key: 'k', SyncCount: 0.5 }] })).ok).toBe(false);
  });
});

describe('response and error validators', () => {
  it('Connect batch responses require both Successful and Failed', () => {
    const v = responseValidator('connect', 'BatchUpdateDataTableValue');
    expect(v({ Successful: [], Failed: [] }).ok).toBe(true);
    expect(v({ Successful: [] }).errors).toContain('(root): missing required member Failed');
  });

  it('BatchWrite responses keep the lower-camel member', () => {
    const v = responseValidator('clouddirectory', 'BatchWrite');
    expect(v({ Responses: [{ AttachObject: { attachedObjectIdentifier: 'abc' } }, { DeleteObject: {} }] }).ok).toBe(true);
    expect(v({ Responses: [{ AttachObject: { attachedObjectIdentifier: 7 } }] }).ok).toBe(false);
  });

  it('error bodies: BatchWriteException Type is an enum, Cognito Sync uses message', () => {
    const bw = errorValidator('clouddirectory', 'BatchWriteException');
    expect(bw({ Index: 2, Type: 'LinkNameAlreadyInUseException', Message: 'taken' }).ok).toBe(true);
    expect(bw({ Index: 2, Type: 'SomethingElse', Message: 'x' }).ok).toBe(false);
    const conflict = errorValidator('cognito-sync', 'ResourceConflictException');
    expect(conflict({ message: 'stale' }).ok).toBe(true);
    expect(conflict({ message: 5 }).ok).toBe(false);
    expect(errorValidator('cognito-sync', 'LambdaSocketTimeoutException')({ message: 'slow' }).ok).toBe(true);
  });

  it('unknown operations and shapes throw rather than validate nothing', () => {
    expect(() => requestValidator('connect', 'NoSuchOperation')).toThrow(/unknown operation/);
    expect(() => errorValidator('connect', 'NoSuchException')).toThrow(/unknown error shape/);
  });
});
