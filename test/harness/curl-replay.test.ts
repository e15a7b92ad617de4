import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { curlFor, shellQuote } from '../../suites/harness/curl.js';
import { outgoingFrom, recheck } from '../../suites/harness/replay.js';
import type { HttpResponse } from '../../suites/harness/transport.js';
import type { Exchange, Verdict } from '../../suites/harness/verdict.js';

const signed: Exchange = {
  client: 'c',
  operation: 'BatchWrite',
  request: {
    method: 'PUT',
    url: 'https://clouddirectory.us-east-1.amazonaws.com/amazonclouddirectory/2017-01-11/batchwrite',
    headers: {
      'content-type': 'application/json',
      'x-amz-data-partition': 'arn:aws:clouddirectory:us-east-1:123456789012:directory/AbC',
      authorization: '[redacted]',
      'x-amz-security-token': '[redacted]',
      'x-amz-date': '20261122T000000Z',
      'content-length': '40',
      host: 'clouddirectory.us-east-1.amazonaws.com',
    },
    body: `{"Operations":[{"note":"it's"}]}`,
  },
  callTime: 0,
  returnTime: 1,
};

describe('curl reproduction', () => {
  test('a signed request becomes curl --aws-sigv4 with credentials from the environment, never recorded values', () => {
    const c = curlFor(signed, { service: 'clouddirectory', region: 'us-east-1' });
    expect(c).toContain(`--aws-sigv4 'aws:amz:us-east-1:clouddirectory'`);
    expect(c).toContain('--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
    expect(c).toContain('-H "x-amz-security-token: $AWS_SESSION_TOKEN"');
    expect(c).toContain(`-H 'x-amz-data-partition: arn:aws:clouddirectory:us-east-1:123456789012:directory/AbC'`);
    expect(c).not.toMatch(/redacted|x-amz-date|content-length|host:/i);
  });

  test('the shell sees the body exactly as recorded (quotes survive)', () => {
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(signed.request.body!)}`]).toString();
    expect(echoed).toBe(signed.request.body);
  });

  test('an unsigned request has no signing options; a new base URL replaces the origin', () => {
    const plain: Exchange = { ...signed, request: { ...signed.request, headers: { 'content-type': 'application/json' } } };
    const c = curlFor(plain, { service: 'clouddirectory', region: 'us-east-1', baseUrl: 'http://127.0.0.1:9999/' });
    expect(c).not.toContain('--aws-sigv4');
    expect(c).toContain(`'http://127.0.0.1:9999/amazonclouddirectory/2017-01-11/batchwrite'`);
  });
});

describe('replay', () => {
  test('the replayed request drops what is regenerated or redacted and keeps the rest', () => {
    const out = outgoingFrom(signed, undefined);
    expect(out).toEqual({
      operation: 'BatchWrite',
      method: 'PUT',
      path: '/amazonclouddirectory/2017-01-11/batchwrite',
      headers: { 'content-type': 'application/json', 'x-amz-data-partition': 'arn:aws:clouddirectory:us-east-1:123456789012:directory/AbC' },
      body: signed.request.body,
    });
  });

  test('a recorded base path prefix is removed, the query kept', () => {
    const e: Exchange = { ...signed, request: { ...signed.request, url: 'http://h:1/prefix/data-tables/i/t?x=1' } };
    expect(outgoingFrom(e, 'http://h:1/prefix').path).toBe('/data-tables/i/t?x=1');
  });

  test('COMMON requirements are re-judged on the new response; others are not', () => {
    const fine: HttpResponse = {
      kind: 'response',
      status: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException', 'x-amzn-requestid': 'r' },
      body: '{"Message":"gone"}',
      json: { Message: 'gone' },
      exchange: signed,
    };
    const v = (requirement: string, check = 'c'): Verdict => ({ requirement, level: 'MUST', status: 'fail', service: 'connect', operation: 'DescribeDataTable', check, message: 'm', evidence: [signed] });
    expect(recheck(v('COMMON-ERR-1'), fine)?.ok).toBe(true);
    expect(recheck(v('COMMON-ERR-2'), fine)?.ok).toBe(true);
    expect(recheck(v('COMMON-RESP-2'), fine)?.ok).toBe(true);
    expect(recheck(v('COMMON-RESP-1'), fine)?.ok).toBe(false);
    expect(recheck(v('COMMON-VAL-2', 'bad body: answered with a 4xx'), fine)?.ok).toBe(true);
    expect(recheck(v('CONNECT-LOCK-1'), fine)).toBeUndefined();
  });
});
