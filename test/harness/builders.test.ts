import { describe, expect, test } from 'vitest';
import { buildRaw, request } from '../../suites/harness/builders.js';
import { encodeLabel } from '../../suites/harness/encode.js';
import { matchRoute } from '../../spec/load.js';

const ARN = 'arn:aws:connect:us-east-1:123456789012:instance/0f1e2d3c/data-table/abc-123';

describe('request builders', () => {
  test('a label holding an ARN with / : and $ is ONE percent-encoded path segment', () => {
    const req = request('connect', 'BatchUpdateDataTableValue', {
      path: { InstanceId: 'inst-1', DataTableId: `${ARN}:$LATEST` },
      body: { Values: [{ PrimaryValues: [], AttributeName: 'a', Value: 'v', LockVersion: { Value: '1' } }] },
    });
    expect(req.method).toBe('POST');
    expect(req.path).toBe(
      '/data-tables/inst-1/arn%3Aaws%3Aconnect%3Aus-east-1%3A123456789012%3Ainstance%2F0f1e2d3c%2Fdata-table%2Fabc-123%3A%24LATEST/values/update',
    );
    // The segment contains no raw separator, so the route has exactly the template's segments.
    expect(req.path.split('/')).toHaveLength(5 + 1);
    // And the server-side route matcher decodes it back to the exact value.
    const m = matchRoute(req.method, req.path);
    expect(m?.operation.operationId).toBe('BatchUpdateDataTableValue');
    expect(m?.pathParams.DataTableId).toBe(`${ARN}:$LATEST`);
    expect(JSON.parse(req.body!)).toEqual({ Values: [{ PrimaryValues: [], AttributeName: 'a', Value: 'v', LockVersion: { Value: '1' } }] });
    expect(req.headers['content-type']).toBe('application/json');
  });

  test("characters encodeURIComponent leaves alone (! ' ( ) *) are encoded too, like the SDK", () => {
    expect(encodeLabel("a!b'c(d)e*f")).toBe('a%21b%27c%28d%29e%2Af');
    expect(encodeLabel('é ü')).toBe('%C3%A9%20%C3%BC');
  });

  test('query members go to the query string, encoded', () => {
    const req = request('cognito-sync', 'ListRecords', {
      path: { IdentityPoolId: 'us-east-1:0000-1111', IdentityId: 'us-east-1:aaaa', DatasetName: 'ds.1' },
      query: { maxResults: 5, nextToken: 'a/b+c=' },
    });
    expect(req.method).toBe('GET');
    const [p, q] = req.path.split('?');
    expect(p).toBe('/identitypools/us-east-1%3A0000-1111/identities/us-east-1%3Aaaaa/datasets/ds.1/records');
    expect(new URLSearchParams(q).get('maxResults')).toBe('5');
    expect(new URLSearchParams(q).get('nextToken')).toBe('a/b+c=');
    expect(q).toContain('nextToken=a%2Fb%2Bc%3D');
    expect(req.body).toBeUndefined();
  });

  test('header members go to headers; the body holds only body members', () => {
    const dir = 'arn:aws:clouddirectory:us-east-1:123456789012:directory/AbC$1';
    const req = request('clouddirectory', 'BatchWrite', { header: { 'x-amz-data-partition': dir }, body: { Operations: [] } });
    expect(req.method).toBe('PUT');
    expect(req.path).toBe('/amazonclouddirectory/2017-01-11/batchwrite');
    expect(req.headers['x-amz-data-partition']).toBe(dir);
    expect(JSON.parse(req.body!)).toEqual({ Operations: [] });
  });

  test('a raw body replaces the serialised one (malformed JSON probes)', () => {
    const req = buildRaw('connect', 'BatchCreateDataTableValue', { path: { InstanceId: 'i', DataTableId: 't' } }, { rawBody: '{"Values": [' });
    expect(req.body).toBe('{"Values": [');
  });

  test('a missing path label is a suite bug and throws', () => {
    expect(() => buildRaw('connect', 'DescribeDataTable', { path: { InstanceId: 'i' } })).toThrow(/DataTableId/);
    expect(() => buildRaw('connect', 'NoSuchOperation', {})).toThrow(/NoSuchOperation/);
  });

  test('wrong member names or types do not compile (checked by tsc over test/)', () => {
    const compileOnly = () => {
      // @ts-expect-error DataTableID is not a label of the operation
      request('connect', 'DescribeDataTable', { path: { InstanceId: 'i', DataTableID: 't' } });
      request('connect', 'BatchUpdateDataTableValue', {
        path: { InstanceId: 'i', DataTableId: 't' },
        // @ts-expect-error Values items need AttributeName as a string
        body: { Values: [{ PrimaryValues: [], AttributeName: 42, Value: 'v' }] },
      });
      // @ts-expect-error not an operation of the service
      request('cognito-sync', 'BatchWrite', {});
    };
    expect(typeof compileOnly).toBe('function');
  });
});
