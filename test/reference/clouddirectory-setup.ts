// Shared set-up for the Cloud Directory reference tests: a handler, a context, and a directory
// built from a small published schema (people, groups, policies, a typed link facet).
import { ApiError, type RequestContext, type ServiceHandler } from '../../fixtures/reference/types.js';
import { createCloudDirectoryHandler } from '../../fixtures/reference/clouddirectory/handler.js';
import { errorValidator, responseValidator } from '../../spec/validators.js';

export function context(faults: string[] = []): RequestContext {
  return { faults: new Set(faults), requestId: 'test', now: () => 1_700_000_000_000, region: 'us-east-1', accountId: '123456789012' };
}

export interface Harness {
  handler: ServiceHandler;
  ctx: RequestContext;
  call(op: string, input: Record<string, unknown>): Promise<any>;
  /** The ApiError an operation throws (fails the test when it succeeds). */
  error(op: string, input: Record<string, unknown>): Promise<ApiError>;
}

export function harness(faults: string[] = []): Harness {
  const handler = createCloudDirectoryHandler();
  const ctx = context(faults);
  // Every answer of the correct reference must fit the OpenAPI: outputs their response schema,
  // errors their error shape (so a BatchWriteException Type outside the model's enum fails here).
  const call = async (op: string, input: Record<string, unknown>) => {
    let out: unknown;
    try {
      out = await handler.handle(op, input, ctx);
    } catch (e) {
      if (e instanceof ApiError && faults.length === 0) {
        const checked = errorValidator('clouddirectory', e.shape)({ Message: e.message, ...e.members });
        if (!checked.ok) throw new Error(`${op} error ${e.shape} breaks its schema: ${checked.errors.join('; ')}`);
      }
      throw e;
    }
    if (faults.length === 0) {
      const checked = responseValidator('clouddirectory', op)(out);
      if (!checked.ok) throw new Error(`${op} response breaks its schema: ${checked.errors.join('; ')}`);
    }
    return out as any;
  };
  const error = async (op: string, input: Record<string, unknown>) => {
    try {
      await call(op, input);
    } catch (e) {
      if (e instanceof ApiError) return e;
      throw e;
    }
    throw new Error(`${op} succeeded; an error was expected`);
  };
  return { handler, ctx, call, error };
}

export interface Dir {
  h: Harness;
  dirArn: string;
  schemaArn: string;
  rootId: string;
  write(ops: unknown[]): Promise<any>;
  writeError(ops: unknown[]): Promise<ApiError>;
  read(ops: unknown[]): Promise<any[]>;
  children(selector: string): Promise<Record<string, string>>;
}

export const SCHEMA_FACETS = [
  {
    Name: 'Person',
    ObjectType: 'LEAF_NODE',
    Attributes: [
      {
        Name: 'name',
        RequiredBehavior: 'REQUIRED_ALWAYS',
        AttributeDefinition: { Type: 'STRING', Rules: { len: { Type: 'STRING_LENGTH', Parameters: { min: '1', max: '20' } } } },
      },
      { Name: 'age', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'NUMBER' } },
      { Name: 'badge', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'STRING', IsImmutable: true } },
      { Name: 'team', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'STRING', DefaultValue: { StringValue: 'none' } } },
    ],
  },
  { Name: 'Extra', ObjectType: 'LEAF_NODE', Attributes: [{ Name: 'note', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'STRING' } }] },
  { Name: 'Group', ObjectType: 'NODE', Attributes: [{ Name: 'title', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'STRING' } }] },
  { Name: 'Rule', ObjectType: 'POLICY', Attributes: [{ Name: 'policy_type', RequiredBehavior: 'REQUIRED_ALWAYS', AttributeDefinition: { Type: 'STRING' } }] },
];

export async function directory(faults: string[] = [], name = 'people'): Promise<Dir> {
  const h = harness(faults);
  const dev = (await h.call('CreateSchema', { Name: 'org' })).SchemaArn as string;
  for (const f of SCHEMA_FACETS) await h.call('CreateFacet', { SchemaArn: dev, ...f });
  await h.call('CreateTypedLinkFacet', {
    SchemaArn: dev,
    Facet: {
      Name: 'Manages',
      Attributes: [
        { Name: 'role', Type: 'STRING', RequiredBehavior: 'REQUIRED_ALWAYS' },
        { Name: 'weight', Type: 'NUMBER', RequiredBehavior: 'NOT_REQUIRED' },
      ],
      IdentityAttributeOrder: ['role'],
    },
  });
  const published = (await h.call('PublishSchema', { DevelopmentSchemaArn: dev, Version: '1' })).PublishedSchemaArn as string;
  const created = await h.call('CreateDirectory', { SchemaArn: published, Name: name });
  const dirArn = created.DirectoryArn as string;
  const write = (ops: unknown[]) => h.call('BatchWrite', { DirectoryArn: dirArn, Operations: ops });
  return {
    h,
    dirArn,
    schemaArn: created.AppliedSchemaArn,
    rootId: created.ObjectIdentifier,
    write,
    writeError: (ops) => h.error('BatchWrite', { DirectoryArn: dirArn, Operations: ops }),
    read: async (ops) => (await h.call('BatchRead', { DirectoryArn: dirArn, Operations: ops })).Responses,
    children: async (selector) =>
      (await h.call('ListObjectChildren', { DirectoryArn: dirArn, ObjectReference: { Selector: selector } })).Children,
  };
}

/** A CreateObject operation for a Person leaf. */
export function person(d: Dir, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CreateObject: {
      SchemaFacet: [{ SchemaArn: d.schemaArn, FacetName: 'Person' }],
      ObjectAttributeList: [{ Key: { SchemaArn: d.schemaArn, FacetName: 'Person', Name: 'name' }, Value: { StringValue: name } }],
      ...extra,
    },
  };
}

export function group(d: Dir, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { CreateObject: { SchemaFacet: [{ SchemaArn: d.schemaArn, FacetName: 'Group' }], ObjectAttributeList: [], ...extra } };
}

export function key(d: Dir, facet: string, name: string): Record<string, string> {
  return { SchemaArn: d.schemaArn, FacetName: facet, Name: name };
}
