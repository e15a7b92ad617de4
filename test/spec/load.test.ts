import { describe, expect, it } from 'vitest';
import { loadOpenApi, matchRoute, operations } from '../../spec/load.js';

describe('operation index', () => {
  it('indexes every operation of each service', () => {
    expect(operations('connect')).toHaveLength(12);
    expect(operations('cognito-sync')).toHaveLength(5);
    expect(operations('clouddirectory')).toHaveLength(14);
    expect(loadOpenApi('connect')).toBe(loadOpenApi('connect')); // cached
  });

  it('describes an operation: method, template, params, body, errors, batch semantics', () => {
    const op = operations('connect').find((o) => o.operationId === 'BatchUpdateDataTableValue')!;
    expect(op).toMatchObject({ method: 'POST', pathTemplate: '/data-tables/{InstanceId}/{DataTableId}/values/update', hasBody: true, pathParams: ['InstanceId', 'DataTableId'] });
    expect(op.errors).toContainEqual({ shape: 'ResourceNotFoundException', status: 404 });
    expect(op['x-lockstep'].batch).toBe('per-item');
  });
});

describe('matchRoute', () => {
  it('finds the operation and decodes a percent-encoded ARN with a version alias', () => {
    const arn = 'arn:aws:connect:us-west-2:123456789012:instance/abc/data-table/t1:$LATEST';
    const m = matchRoute('POST', `/data-tables/inst-1/${encodeURIComponent(arn)}/values/update`);
    expect(m?.service).toBe('connect');
    expect(m?.operation.operationId).toBe('BatchUpdateDataTableValue');
    expect(m?.pathParams).toEqual({ InstanceId: 'inst-1', DataTableId: arn });
  });

  it('tells operations on one path apart by method, and ignores the query string', () => {
    const p = '/identitypools/us-east-1%3Aabc/identities/us-east-1%3Adef/datasets/scores';
    expect(matchRoute('POST', p)?.operation.operationId).toBe('UpdateRecords');
    expect(matchRoute('get', p)?.operation.operationId).toBe('DescribeDataset');
    expect(matchRoute('DELETE', p)?.operation.operationId).toBe('DeleteDataset');
    expect(matchRoute('GET', `${p}/records?maxResults=5`)?.operation.operationId).toBe('ListRecords');
    expect(matchRoute('GET', p)?.pathParams.IdentityPoolId).toBe('us-east-1:abc');
  });

  it('matches Cloud Directory literal paths', () => {
    expect(matchRoute('PUT', '/amazonclouddirectory/2017-01-11/batchwrite')?.operation.operationId).toBe('BatchWrite');
    expect(matchRoute('POST', '/amazonclouddirectory/2017-01-11/batchread')?.service).toBe('clouddirectory');
  });

  it('returns undefined for unknown paths, wrong methods, extra segments and bad encoding', () => {
    expect(matchRoute('GET', '/nothing/here')).toBeUndefined();
    expect(matchRoute('PATCH', '/amazonclouddirectory/2017-01-11/batchwrite')).toBeUndefined();
    expect(matchRoute('POST', '/data-tables/a/b/values/update/extra')).toBeUndefined();
    expect(matchRoute('POST', '/data-tables/a/%E0%A4%A/values/update')).toBeUndefined();
  });
});
