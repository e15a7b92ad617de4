// Over HTTP, generated bodies and headers for every Cloud Directory operation never make the
// reference answer 5xx (COMMON-ERR-2), and every 4xx is an error shape the operation lists.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { operations } from '../../spec/load.js';

let server: ReferenceServer;
let dirArn: string;
let schemaArn: string;

async function send(method: string, path: string, partition: string | undefined, body: string): Promise<{ status: number; type: string | null; json: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(partition === undefined ? {} : { 'x-amz-data-partition': partition }) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), json: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  server = await startReferenceServer({ port: 0 });
  const dev = (await send('PUT', '/amazonclouddirectory/2017-01-11/schema/create', undefined, JSON.stringify({ Name: 'fuzz' }))).json.SchemaArn;
  await send('PUT', '/amazonclouddirectory/2017-01-11/facet/create', dev, JSON.stringify({ Name: 'N', ObjectType: 'NODE', Attributes: [] }));
  const pub = (await send('PUT', '/amazonclouddirectory/2017-01-11/schema/publish', dev, JSON.stringify({ Version: '1' }))).json.PublishedSchemaArn;
  const d = (await send('PUT', '/amazonclouddirectory/2017-01-11/directory/create', pub, JSON.stringify({ Name: 'fuzz' }))).json;
  dirArn = d.DirectoryArn;
  schemaArn = d.AppliedSchemaArn;
});

afterAll(async () => {
  await server?.close();
});

describe('Cloud Directory over HTTP with generated input', () => {
  it('never answers 5xx; every error is one the operation lists', async () => {
    const ops = operations('clouddirectory').filter((o) =>
      ['BatchWrite', 'BatchRead', 'CreateFacet', 'CreateTypedLinkFacet', 'ListObjectChildren', 'GetObjectInformation', 'ListObjectAttributes', 'GetDirectory', 'PublishSchema'].includes(o.operationId),
    );
    expect(ops.length).toBe(9);
    const selector = fc.constantFrom('/', '/x', '$abc', '#r', '', 'x', '$"q"');
    const ref = fc.oneof(selector.map((Selector) => ({ Selector })), fc.anything());
    const value = fc.oneof(fc.record({ StringValue: fc.string() }), fc.record({ NumberValue: fc.string() }), fc.record({ BooleanValue: fc.boolean() }), fc.anything());
    const attrs = fc.array(fc.record({ Key: fc.record({ SchemaArn: fc.constant('S'), FacetName: fc.constantFrom('N', 'Z'), Name: fc.string() }), Value: value }), { maxLength: 3 });
    const writeOp = fc.oneof(
      fc.record({ CreateObject: fc.record({ SchemaFacet: fc.array(fc.record({ SchemaArn: fc.constant('S'), FacetName: fc.constantFrom('N', 'Z') }), { maxLength: 2 }), ObjectAttributeList: attrs, ParentReference: ref, LinkName: fc.constantFrom('a', 'b') }, { requiredKeys: ['SchemaFacet', 'ObjectAttributeList'] }) }),
      fc.record({ AttachObject: fc.record({ ParentReference: ref, ChildReference: ref, LinkName: fc.string() }) }),
      fc.record({ DeleteObject: fc.record({ ObjectReference: ref }) }),
      fc.record({ CreateIndex: fc.record({ OrderedIndexedAttributeList: fc.array(fc.anything(), { maxLength: 2 }), IsUnique: fc.boolean() }) }),
      fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }),
    );
    const body = fc.oneof(
      fc.record({ Operations: fc.array(writeOp, { maxLength: 4 }) }),
      fc.record({ Operations: fc.array(fc.dictionary(fc.constantFrom('ListObjectChildren', 'GetObjectAttributes', 'ListIndex', 'LookupPolicy'), fc.record({ ObjectReference: ref, IndexReference: ref, NextToken: fc.string(), MaxResults: fc.integer() }, { requiredKeys: [] })), { maxLength: 3 }) }),
      fc.record({ ObjectReference: ref, NextToken: fc.string(), MaxResults: fc.integer(), Name: fc.string(), Version: fc.string(), Attributes: fc.anything(), Facet: fc.anything(), ObjectType: fc.constantFrom('NODE', 'X') }, { requiredKeys: [] }),
      fc.anything(),
    );
    const partition = fc.oneof(fc.constant(() => dirArn), fc.constant(() => schemaArn), fc.constant(() => undefined), fc.string().map((s) => () => s.replace(/[^\x21-\x7e]/g, '')));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), body, partition, async (op, b, p) => {
        const text = (JSON.stringify(b) ?? 'null').replaceAll('"S"', JSON.stringify(schemaArn));
        const r = await send(op.method.toUpperCase(), op.pathTemplate, p(), text);
        seen.add(r.status === 200 ? 'ok' : String(r.type));
        expect(r.status).toBeLessThan(500);
        if (r.status !== 200) {
          expect(op.errors.map((e) => e.shape)).toContain(r.type);
          expect(op.errors.find((e) => e.shape === r.type)?.status).toBe(r.status);
        }
      }),
      { numRuns: 300, seed: 424242 },
    );
    expect(server.internalErrors()).toBe(0);
    // The generated input must reach the semantics, not only the schema check.
    for (const outcome of ['ok', 'BatchWriteException', 'InvalidArnException', 'ValidationException']) expect([...seen]).toContain(outcome);
  });
});
