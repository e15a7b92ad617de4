// The Connect batch-write serializer writes exactly JSON.stringify's text: for hand-picked awkward
// strings, for real handler outputs over random batches (with and without faults), and on the wire.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchResultJson, newBatchResult } from '../../fixtures/reference/connect/batch-json.js';
import { createConnectHandler } from '../../fixtures/reference/connect/handler.js';
import type { LockToken } from '../../fixtures/reference/connect/model.js';
import { CONNECT_FAULT } from '../../fixtures/faults/connect.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { ApiError, type RequestContext } from '../../fixtures/reference/types.js';
import { rawRequest } from './core-http.js';

// Each needs escaping or special care in JSON.stringify: quote, backslash, controls, lone and
// paired surrogates, plus characters that must pass through unchanged.
const tok = (s: string) => s as LockToken;
const AWKWARD = ['say "hi"', 'back\\slash', 'nul\u0000', 'tab\tline\nret\r', '\u001f', '\u007f', '\ud800', 'x\udfffy', '😀', 'é中', '\u2028', ''];

describe('batchResultJson', () => {
  it('equals JSON.stringify for entries of every kind holding awkward strings', () => {
    for (const s of AWKWARD) {
      const r = newBatchResult();
      // Lock tokens are store-minted (never awkward; see the fast-path test): only the other strings vary.
      r.Successful.push({ PrimaryValues: [{ AttributeName: s, Value: s }], AttributeName: s, RecordId: s, LockVersion: { DataTable: tok('d'), Attribute: tok('a'), PrimaryValues: tok('p'), Value: tok('v') } });
      r.Successful.push({ PrimaryValues: [], AttributeName: 'plain', LockVersion: { DataTable: tok('d'), Attribute: tok('a'), PrimaryValues: tok('p') } });
      r.Successful.push({ PrimaryValues: [], AttributeName: s, LockVersion: {} });
      r.Failed.push({ PrimaryValues: [{ AttributeName: 'k', Value: s }, { AttributeName: s, Value: '' }], AttributeName: s, Message: `bad ${s}` });
      expect(batchResultJson(r)).toBe(JSON.stringify(r));
    }
    expect(batchResultJson(newBatchResult())).toBe('{"Successful":[],"Failed":[]}');
  });

  it('declines anything it did not see built (the core then uses JSON.stringify)', () => {
    expect(batchResultJson({ Successful: [], Failed: [] })).toBeUndefined();
    expect(batchResultJson(undefined)).toBeUndefined();
    expect(batchResultJson('text')).toBeUndefined();
  });

  it('equals JSON.stringify on the handler outputs of random batches, with and without faults', async () => {
    const text = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
    const item = fc.record(
      {
        PrimaryValues: fc.array(fc.record({ AttributeName: fc.oneof(fc.constant('pk'), text), Value: text }), { maxLength: 2 }),
        AttributeName: fc.oneof(fc.constantFrom('a', 'b', 'pk'), text),
        Value: fc.oneof(fc.constantFrom('v', '1'), text),
        LockVersion: fc.record({ DataTable: text, Value: text }, { requiredKeys: [] }),
      },
      { requiredKeys: ['AttributeName'] },
    );
    const faults = [[], [CONNECT_FAULT.duplicateCreateOverwrites], [CONNECT_FAULT.batchAppliedInReverse], [CONNECT_FAULT.staleLockVersionReturned], [CONNECT_FAULT.valueVersionContentHash]];
    const levels = ['NONE', 'VALUE', 'PRIMARY_VALUE', 'ATTRIBUTE', 'DATA_TABLE'];
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...faults),
        fc.constantFrom(...levels),
        fc.array(fc.tuple(fc.constantFrom('BatchCreateDataTableValue', 'BatchUpdateDataTableValue', 'BatchDeleteDataTableValue'), fc.array(item, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 6 }),
        async (enabled, level, batches) => {
          const handler = createConnectHandler();
          const ctx: RequestContext = { faults: new Set(enabled), requestId: 'r', now: () => 1_700_000_000_000, region: 'us-east-1', accountId: '123456789012' };
          const table = (await handler.handle('CreateDataTable', { InstanceId: 'i', Name: 't', TimeZone: 'UTC', ValueLockLevel: level, Status: 'PUBLISHED' }, ctx)) as { Id: string };
          for (const [name, primary] of [['pk', true], ['a', false], ['b', false]] as const) {
            await handler.handle('CreateDataTableAttribute', { InstanceId: 'i', DataTableId: table.Id, Name: name, ValueType: 'TEXT', Primary: primary }, ctx);
          }
          for (const [op, Values] of batches) {
            let out: unknown;
            try {
              out = await handler.handle(op, { InstanceId: 'i', DataTableId: table.Id, Values }, ctx);
            } catch (e) {
              if (e instanceof ApiError) continue; // a whole-request error has no result to write
              throw e;
            }
            expect(handler.serialize!(op, out)).toBe(JSON.stringify(out));
            checked += 1;
          }
        },
      ),
      { numRuns: 150, seed: 4242 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});

describe('batch results on the wire', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer();
  });
  afterAll(() => server.close());

  it('are written as JSON.stringify would write them, awkward names included', async () => {
    const put = (path: string, body: unknown) => rawRequest(server.url, 'PUT', path, JSON.stringify(body), { 'content-type': 'application/json' });
    const table = await put('/data-tables/inst', { Name: 'wire', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' });
    expect(table.status).toBe(200);
    const id = encodeURIComponent(table.json.Id as string);
    expect((await put(`/data-tables/inst/${id}/attributes`, { Name: 'a', ValueType: 'TEXT' })).status).toBe(200);
    const Values = [
      { PrimaryValues: [], AttributeName: 'a', Value: 'é "quoted" 😀' },
      { PrimaryValues: [], AttributeName: 'nö-such_attr', Value: 'x' },
    ];
    const r = await rawRequest(server.url, 'POST', `/data-tables/inst/${id}/values/create`, JSON.stringify({ Values }), { 'content-type': 'application/json' });
    expect(r.status).toBe(200);
    expect(r.json.Successful).toHaveLength(1);
    expect(r.json.Failed).toHaveLength(1);
    expect(r.json.Failed[0].AttributeName).toBe('nö-such_attr');
    expect(r.text).toBe(JSON.stringify(r.json));
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.text));
  });
});
