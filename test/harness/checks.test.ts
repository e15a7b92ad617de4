import { describe, expect, test } from 'vitest';
import { check4xx, checkError, checkNot5xx, checkRequestId, checkSuccess, checkTimestamps } from '../../suites/harness/checks.js';
import type { HttpResponse, HttpResult } from '../../suites/harness/transport.js';

function resp(status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse {
  const body = json === undefined ? '' : typeof json === 'string' ? json : JSON.stringify(json);
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  return {
    kind: 'response',
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1', ...headers },
    body,
    json: parsed,
    exchange: { client: 't', operation: 'x', request: { method: 'POST', url: 'http://h/', headers: {} }, callTime: 0, returnTime: 1 },
  };
}

const LOCK = { DataTable: 'd1', Attribute: 'a1', PrimaryValues: 'p1', Value: 'v1' };
const GOOD_UPDATE = { Successful: [{ PrimaryValues: [], AttributeName: 'note', LockVersion: LOCK }], Failed: [] };

describe('COMMON-RESP-1: success shape', () => {
  test('a valid BatchUpdateDataTableValue body passes', () => {
    expect(checkSuccess('connect', 'BatchUpdateDataTableValue', resp(200, GOOD_UPDATE))).toMatchObject({ ok: true });
  });

  test('a missing required list fails and names it', () => {
    const o = checkSuccess('connect', 'BatchUpdateDataTableValue', resp(200, { Successful: [] }));
    expect(o.ok).toBe(false);
    expect(o.message).toMatch(/Failed/);
  });

  test('a member of the wrong type fails', () => {
    const o = checkSuccess('connect', 'BatchUpdateDataTableValue', resp(200, { ...GOOD_UPDATE, Failed: 'none' }));
    expect(o.ok).toBe(false);
  });

  test('wrong Content-Type, non-200, non-JSON and transport failures fail', () => {
    expect(checkSuccess('connect', 'BatchUpdateDataTableValue', resp(200, GOOD_UPDATE, { 'content-type': 'text/plain' })).ok).toBe(false);
    expect(checkSuccess('connect', 'BatchUpdateDataTableValue', resp(201, GOOD_UPDATE)).ok).toBe(false);
    expect(checkSuccess('connect', 'BatchUpdateDataTableValue', resp(200, '<html/>')).ok).toBe(false);
    const timeout: HttpResult = { kind: 'timeout', message: 'slow', exchange: resp(200, {}).exchange };
    expect(checkSuccess('connect', 'BatchUpdateDataTableValue', timeout).ok).toBe(false);
  });

  test('application/json with a charset parameter is accepted', () => {
    expect(checkSuccess('connect', 'BatchUpdateDataTableValue', resp(200, GOOD_UPDATE, { 'content-type': 'application/json; charset=utf-8' })).ok).toBe(true);
  });
});

describe('COMMON-ERR-1: error shape', () => {
  const rnf = (h: Record<string, string>, body: unknown, status = 404) => resp(status, body, h);

  test('a listed shape with its status, header and Message passes', () => {
    const o = checkError('connect', 'DescribeDataTable', rnf({ 'x-amzn-errortype': 'ResourceNotFoundException' }, { Message: 'no table' }));
    expect(o.ok).toBe(true);
  });

  test('missing X-Amzn-ErrorType fails even when the body names the shape', () => {
    expect(checkError('connect', 'DescribeDataTable', rnf({}, { __type: 'ResourceNotFoundException', Message: 'x' })).ok).toBe(false);
  });

  test('a shape the operation does not list fails', () => {
    const o = checkError('connect', 'DescribeDataTable', rnf({ 'x-amzn-errortype': 'DuplicateResourceException' }, { Message: 'x' }, 409));
    expect(o.ok).toBe(false);
    expect(o.message).toMatch(/not one DescribeDataTable lists/);
  });

  test("a listed shape with another shape's status fails", () => {
    expect(checkError('connect', 'DescribeDataTable', rnf({ 'x-amzn-errortype': 'ResourceNotFoundException' }, { Message: 'x' }, 400)).ok).toBe(false);
  });

  test('the message member is per service: Message for Connect, message for Cognito Sync', () => {
    expect(checkError('connect', 'DescribeDataTable', rnf({ 'x-amzn-errortype': 'ResourceNotFoundException' }, { message: 'lower' })).ok).toBe(false);
    const sync = resp(400, { message: 'bad' }, { 'x-amzn-errortype': 'InvalidParameterException' });
    expect(checkError('cognito-sync', 'UpdateRecords', sync).ok).toBe(true);
  });

  test('an expectation narrows the accepted shapes', () => {
    const r = resp(400, { Message: 'x' }, { 'x-amzn-errortype': 'InvalidParameterException' });
    expect(checkError('connect', 'BatchUpdateDataTableValue', r, { shapes: ['InvalidRequestException'] }).ok).toBe(false);
    expect(checkError('connect', 'BatchUpdateDataTableValue', r, { shapes: ['InvalidParameterException'] }).ok).toBe(true);
  });

  test('a BatchWriteException body must carry its members with their types', () => {
    const h = { 'x-amzn-errortype': 'BatchWriteException' };
    expect(checkError('clouddirectory', 'BatchWrite', resp(400, { Message: 'x', Index: 0, Type: 'LinkNameAlreadyInUseException' }, h)).ok).toBe(true);
    expect(checkError('clouddirectory', 'BatchWrite', resp(400, { Message: 'x', Index: 'zero', Type: 'LinkNameAlreadyInUseException' }, h)).ok).toBe(false);
  });
});

describe('other COMMON checks', () => {
  test('COMMON-ERR-2: 5xx and transport failures fail, 4xx passes', () => {
    expect(checkNot5xx(resp(500, {})).ok).toBe(false);
    expect(checkNot5xx(resp(503, {})).ok).toBe(false);
    expect(checkNot5xx(resp(400, {})).ok).toBe(true);
    expect(checkNot5xx({ kind: 'reset', message: 'x', exchange: resp(200, {}).exchange }).ok).toBe(false);
  });

  test('COMMON-VAL-2 (MUST part): only a 4xx passes', () => {
    expect(check4xx(resp(400, {})).ok).toBe(true);
    expect(check4xx(resp(200, {})).ok).toBe(false);
    expect(check4xx(resp(500, {})).ok).toBe(false);
  });

  test('COMMON-RESP-2: x-amzn-RequestId present and non-empty', () => {
    expect(checkRequestId(resp(200, {})).ok).toBe(true);
    expect(checkRequestId(resp(200, {}, { 'x-amzn-requestid': '' })).ok).toBe(false);
  });

  test('COMMON-TS-1: timestamps must be numbers, nested ones too', () => {
    const table = { Arn: 'arn', Id: 'id', Name: 'n', TimeZone: 'UTC', LastModifiedTime: 1_700_000_000.5 };
    expect(checkTimestamps('connect', 'DescribeDataTable', resp(200, { DataTable: table })).ok).toBe(true);
    const o = checkTimestamps('connect', 'DescribeDataTable', resp(200, { DataTable: { ...table, LastModifiedTime: '2026-11-22T00:00:00Z' } }));
    expect(o.ok).toBe(false);
    expect(o.message).toContain('$.DataTable.LastModifiedTime');
    const rec = { Key: 'k', SyncCount: 1, LastModifiedDate: '1700000000' };
    const sync = checkTimestamps('cognito-sync', 'ListRecords', resp(200, { Records: [rec] }));
    expect(sync.ok).toBe(false);
    expect(sync.message).toContain('$.Records[0].LastModifiedDate');
  });
});
