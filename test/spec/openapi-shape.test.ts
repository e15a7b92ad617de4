import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../spec/load.js';
import { PLANS } from '../../spec/generate/operations.js';
import { SERVICES } from '../../spec/services.js';
import { REQUIREMENTS } from '../../spec/requirements/catalog.js';

type Obj = Record<string, any>;

function walk(node: unknown, visit: (o: Obj, path: string) => void, path = ''): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${path}/${i}`));
  else if (node && typeof node === 'object') {
    visit(node as Obj, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}/${k}`);
  }
}

describe.each(SERVICES)('committed OpenAPI for %s', (service) => {
  const doc = loadOpenApi(service) as unknown as Obj;
  const ops: [string, string, Obj][] = Object.entries(doc.paths as Obj).flatMap(([p, item]) => Object.entries(item as Obj).map(([m, op]) => [p, m, op as Obj] as [string, string, Obj]));

  it('passes @apidevtools/swagger-parser validation', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as any)).resolves.toBeTruthy();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info['x-lockstep-service']).toBe(service);
  });

  it('holds exactly the planned operations', () => {
    expect(ops.map(([, , op]) => op.operationId).sort()).toEqual(Object.keys(PLANS[service].operations).sort());
  });

  it('follows the conventions for parameters, bodies, responses and errors', () => {
    for (const [p, , op] of ops) {
      for (const param of op.parameters ?? []) {
        expect(typeof param['x-lockstep-member']).toBe('string');
        if (param.in === 'path') {
          expect(param.required).toBe(true);
          expect(p).toContain(`{${param.name}}`);
        }
      }
      if (op.requestBody) expect(op.requestBody.content['application/json'].schema.$ref).toBe(`#/components/schemas/${op.operationId}Request`);
      expect(op.responses['200'].content['application/json'].schema.$ref).toBe(`#/components/schemas/${op.operationId}Response`);
      expect(op.responses['200'].headers['x-amzn-RequestId']).toBeDefined();
      const errors = op['x-lockstep-errors'] as { shape: string; status: number }[];
      expect(errors.map((e) => e.shape)).toEqual([...errors.map((e) => e.shape)].sort());
      for (const e of errors) {
        const r = op.responses[String(e.status)];
        expect(r.headers['X-Amzn-ErrorType'].schema.enum).toContain(e.shape);
        expect(r.content['application/json'].schema.anyOf).toContainEqual({ $ref: `#/components/schemas/${e.shape}` });
        expect(doc.components.schemas[e.shape]).toBeDefined();
      }
      expect(op['x-lockstep-sources']).toContain('model');
      expect(['per-item', 'all-or-nothing', 'none']).toContain(op['x-lockstep'].batch);
    }
  });

  it('names only requirement ids the catalog knows', () => {
    const known = new Set(REQUIREMENTS.map((r) => r.id));
    for (const [, , op] of ops) {
      expect(op['x-lockstep'].requirements.length).toBeGreaterThan(0);
      for (const id of op['x-lockstep'].requirements) expect(known.has(id), `${op.operationId}: ${id}`).toBe(true);
    }
  });

  it('gives every property a source and every timestamp the number type', () => {
    walk(doc.components.schemas, (o, path) => {
      if (o.properties && typeof o.properties === 'object') {
        for (const [name, prop] of Object.entries(o.properties as Obj)) {
          expect(prop['x-lockstep-source'], `${path}/properties/${name}`).toMatch(/^(model|seed:.+)$/);
        }
      }
      if (o['x-lockstep-timestamp']) expect(o.type).toBe('number');
      if (o.contentEncoding) expect(o).toMatchObject({ type: 'string', contentEncoding: 'base64' });
    });
  });

  it('has only patterns that compile with the u flag and in Ajv 2020', () => {
    const ajv = new Ajv2020({ strict: false });
    const patterns = new Set<string>();
    walk(doc, (o) => {
      if (typeof o.pattern === 'string') patterns.add(o.pattern);
    });
    expect(patterns.size).toBeGreaterThan(0);
    for (const p of patterns) {
      expect(() => new RegExp(p, 'u'), p).not.toThrow();
      expect(() => ajv.compile({ type: 'string', pattern: p }), p).not.toThrow();
    }
  });
});

describe('batch semantics and member spelling', () => {
  const op = (service: (typeof SERVICES)[number], id: string) => {
    const doc = loadOpenApi(service) as unknown as Obj;
    for (const item of Object.values(doc.paths as Obj)) for (const o of Object.values(item as Obj)) if ((o as Obj).operationId === id) return o as Obj;
    throw new Error(id);
  };

  it('Connect batch writes are per-item keyed by (PrimaryValues, AttributeName) with LockVersion', () => {
    for (const id of ['BatchCreateDataTableValue', 'BatchUpdateDataTableValue', 'BatchDeleteDataTableValue']) {
      expect(op('connect', id)['x-lockstep']).toMatchObject({
        batch: 'per-item', itemList: 'Values', itemKey: ['PrimaryValues', 'AttributeName'], successList: 'Successful', failureList: 'Failed', versionFields: ['LockVersion'],
      });
    }
    expect(op('connect', 'BatchUpdateDataTableValue')['x-lockstep'].requirements).toEqual(expect.arrayContaining(['CONNECT-BATCH-1', 'CONNECT-BATCH-4', 'CONNECT-LOCK-1', 'CONNECT-LOCK-4']));
    expect(op('connect', 'DescribeDataTable')['x-lockstep'].batch).toBe('none');
  });

  it('BatchWrite and UpdateRecords are all-or-nothing', () => {
    expect(op('clouddirectory', 'BatchWrite')['x-lockstep']).toMatchObject({ batch: 'all-or-nothing', itemList: 'Operations', successList: 'Responses' });
    expect(op('cognito-sync', 'UpdateRecords')['x-lockstep']).toMatchObject({ batch: 'all-or-nothing', itemList: 'RecordPatches', versionFields: ['SyncCount'] });
  });

  it('keeps the model spelling attachedObjectIdentifier and the data-partition header', () => {
    const schemas = (loadOpenApi('clouddirectory') as unknown as Obj).components.schemas;
    expect(Object.keys(schemas.BatchAttachObjectResponse.properties)).toEqual(['attachedObjectIdentifier']);
    expect(Object.keys(schemas.BatchDetachObjectResponse.properties)).toEqual(['detachedObjectIdentifier']);
    expect(op('clouddirectory', 'BatchWrite').parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'x-amz-data-partition', 'x-lockstep-member': 'DirectoryArn', required: true }));
  });

  it('records the seed page a documented member comes from', () => {
    const schemas = (loadOpenApi('cognito-sync') as unknown as Obj).components.schemas;
    expect(schemas.RecordPatch.properties.SyncCount['x-lockstep-source']).toBe('seed:004_f6c211b4703fb1c9.txt');
    expect(op('connect', 'BatchCreateDataTableValue')['x-lockstep-sources']).toEqual(['model', 'seed:002_319c23f419602f6e.txt']);
    // 003 states no constraints: the model fills them in and says so
    const cd = (loadOpenApi('clouddirectory') as unknown as Obj).components.schemas;
    expect(cd.BatchAttachObject.properties.LinkName).toMatchObject({ 'x-lockstep-source': 'seed:003_d9aefe9e334dd1d7.txt', 'x-lockstep-constraint-source': 'model' });
  });
});
