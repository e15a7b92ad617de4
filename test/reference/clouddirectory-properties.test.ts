// Properties of the reference BatchWrite over generated batches (valid, invalid and junk
// operations mixed): it only ever fails with a modelled error; a failed batch leaves the
// directory exactly as it was (DIR-ATOMIC-1); a failure's Index is the first failing operation,
// i.e. the operations before it succeed on their own (DIR-EXC-1); a success answers one
// response per operation, named after it (DIR-ORDER-1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchWrite } from '../../fixtures/reference/clouddirectory/batch-write.js';
import { cloneLink, cloneObject, type Directory } from '../../fixtures/reference/clouddirectory/model.js';
import type { DirState } from '../../fixtures/reference/clouddirectory/state.js';
import { ApiError } from '../../fixtures/reference/types.js';
import { errorValidator } from '../../spec/validators.js';
import { context, directory, SCHEMA_FACETS } from './clouddirectory-setup.js';
import { createFacet, createSchema, publishSchema } from '../../fixtures/reference/clouddirectory/schemas.js';
import { createDirectory } from '../../fixtures/reference/clouddirectory/directories.js';
import { newState } from '../../fixtures/reference/clouddirectory/state.js';

const ctx = context();
const batchWriteError = errorValidator('clouddirectory', 'BatchWriteException');

function fresh(): { state: DirState; dirArn: string; schema: string } {
  const state = newState();
  const dev = (createSchema(state, { Name: 'p' }, ctx) as { SchemaArn: string }).SchemaArn;
  for (const f of SCHEMA_FACETS) createFacet(state, { SchemaArn: dev, ...f });
  const pub = (publishSchema(state, { DevelopmentSchemaArn: dev, Version: '1' }, ctx) as { PublishedSchemaArn: string }).PublishedSchemaArn;
  const d = createDirectory(state, { SchemaArn: pub, Name: 'p' }, ctx) as { DirectoryArn: string; AppliedSchemaArn: string };
  return { state, dirArn: d.DirectoryArn, schema: d.AppliedSchemaArn };
}

/** Canonical text of a directory's objects and typed links. */
function snapshot(dir: Directory): string {
  const plain = (v: unknown): unknown =>
    v instanceof Map ? [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)).map(([k, x]) => [k, plain(x)]) : v instanceof Set ? [...v].sort() : Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;
  return JSON.stringify([plain(dir.objects), plain(dir.links)]);
}

function copyState(state: DirState, arn: string): DirState {
  const dir = state.directories.get(arn)!;
  const copy: Directory = {
    ...dir,
    objects: new Map([...dir.objects].map(([k, o]) => [k, cloneObject(o)])),
    links: new Map([...dir.links].map(([k, l]) => [k, cloneLink(l)])),
  };
  return { ...state, directories: new Map([[arn, copy]]) };
}

function operations(schema: string) {
  const sel = fc.constantFrom('/', '/a', '/b', '/a/b', '/a/c', '/b/a', '#r1', '#r2', '$nope', 'bad', '');
  const link = fc.constantFrom('a', 'b', 'c');
  const ref = fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined });
  const facet = (name: string) => ({ SchemaArn: schema, FacetName: name });
  const likely = fc.constantFrom('/', '/', '/', '/a', '/b', '#r1');
  const newLink = fc.oneof(link, fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('k', 'm', 'n', 'p', 'q') }));
  const parent = fc.option(fc.tuple(likely, newLink), { nil: undefined, freq: 4 }).map((p) => (p ? { ParentReference: { Selector: p[0] }, LinkName: p[1] } : {}));
  const create = fc.tuple(fc.constantFrom('Group', 'Group', 'Person', 'Rule'), parent, ref, fc.constantFrom(true, true, true, false)).map(([f, p, r, withName]) => ({
    CreateObject: {
      SchemaFacet: [facet(f)],
      ObjectAttributeList:
        f === 'Person' && withName ? [{ Key: { ...facet('Person'), Name: 'name' }, Value: { StringValue: 'n' } }] : f === 'Rule' && withName ? [{ Key: { ...facet('Rule'), Name: 'policy_type' }, Value: { StringValue: 't' } }] : [],
      ...p,
      ...(r ? { BatchReferenceName: r } : {}),
    },
  }));
  const attach = fc.tuple(sel, sel, link).map(([p, c, l]) => ({ AttachObject: { ParentReference: { Selector: p }, ChildReference: { Selector: c }, LinkName: l } }));
  const detach = fc.tuple(sel, link, ref).map(([p, l, r]) => ({ DetachObject: { ParentReference: { Selector: p }, LinkName: l, ...(r ? { BatchReferenceName: r } : {}) } }));
  const del = sel.map((s) => ({ DeleteObject: { ObjectReference: { Selector: s } } }));
  const update = fc.tuple(sel, fc.constantFrom('1', 'x', '2.5')).map(([s, v]) => ({
    UpdateObjectAttributes: { ObjectReference: { Selector: s }, AttributeUpdates: [{ ObjectAttributeKey: { ...facet('Person'), Name: 'age' }, ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { NumberValue: v } } }] },
  }));
  const policy = fc.tuple(sel, sel).map(([p, o]) => ({ AttachPolicy: { PolicyReference: { Selector: p }, ObjectReference: { Selector: o } } }));
  const junk = fc.oneof(
    fc.anything().map((x) => ({ DeleteObject: x })),
    fc.dictionary(fc.constantFrom('CreateObject', 'AttachObject', 'constructor', 'toString', '__proto__', 'X'), fc.anything(), { maxKeys: 2 }),
    fc.anything(),
  );
  return fc.array(
    fc.oneof({ weight: 14, arbitrary: create }, { weight: 2, arbitrary: attach }, detach, del, update, policy, junk),
    { minLength: 1, maxLength: 4 },
  );
}

describe('BatchWrite properties (reference)', () => {
  it('atomic, first-failure Index, one named response per operation, only modelled errors', () => {
    // Every run starts from a copy of one directory, so the generated operations can name its
    // applied schema ARN.
    const base = fresh();
    const { schema, dirArn } = base;
    let succeeded = 0;
    let failed = 0;
    let failedLater = 0;
    fc.assert(
      fc.property(fc.array(operations(schema), { minLength: 1, maxLength: 5 }), (batches) => {
        const state = copyState(base.state, dirArn);
        const dir = () => state.directories.get(dirArn)!;
        for (const ops of batches) {
          const before = snapshot(dir());
          const probe = copyState(state, dirArn);
          let result: unknown;
          try {
            result = batchWrite(state, { DirectoryArn: dirArn, Operations: ops }, ctx);
          } catch (e) {
            expect(e).toBeInstanceOf(ApiError);
            const err = e as ApiError;
            expect(err.shape).toBe('BatchWriteException');
            expect(batchWriteError({ Message: err.message, ...err.members }).errors).toEqual([]);
            expect(snapshot(dir())).toBe(before);
            const index = err.members.Index as number;
            expect(index).toBeGreaterThanOrEqual(0);
            expect(index).toBeLessThan(ops.length);
            // The operations before the reported one succeed by themselves.
            expect(() => batchWrite(probe, { DirectoryArn: dirArn, Operations: ops.slice(0, index) }, ctx)).not.toThrow();
            failed++;
            if (index > 0) failedLater++;
            continue;
          }
          succeeded++;
          const responses = (result as { Responses: Record<string, unknown>[] }).Responses;
          expect(responses).toHaveLength(ops.length);
          responses.forEach((r, i) => expect(Object.keys(r)).toEqual(Object.keys(ops[i] as object).filter((k) => (ops[i] as Record<string, unknown>)[k] != null)));
        }
      }),
      { numRuns: 150, seed: 20261122 },
    );
    // The generator must exercise both outcomes, or the checks above prove little.
    expect(succeeded).toBeGreaterThan(30);
    expect(failed).toBeGreaterThan(100);
    expect(failedLater).toBeGreaterThan(50);
  });

  it('through the handler, junk input is a modelled error, never a crash', async () => {
    const d = await directory();
    const h = d.h;
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.oneof(fc.constant(d.dirArn), fc.anything()), fc.anything(), async (op, a, b) => {
        const ops = ['BatchWrite', 'BatchRead', 'CreateFacet', 'CreateTypedLinkFacet', 'ListObjectChildren', 'ListObjectAttributes', 'PublishSchema', op];
        for (const name of ops) {
          try {
            await h.handler.handle(name, { DirectoryArn: a, SchemaArn: a, Operations: b, ObjectReference: b, Facet: b, Attributes: b, Name: 'n' }, h.ctx);
          } catch (e) {
            expect(e).toBeInstanceOf(ApiError);
          }
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
