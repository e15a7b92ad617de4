// Wire truth: the official Cloud Directory SDK client against the reference server, through
// every implemented operation, successes and modelled errors alike.
import {
  BatchReadCommand,
  BatchWriteCommand,
  CloudDirectoryClient,
  CreateDirectoryCommand,
  CreateFacetCommand,
  CreateSchemaCommand,
  CreateTypedLinkFacetCommand,
  DeleteDirectoryCommand,
  DeleteSchemaCommand,
  DisableDirectoryCommand,
  GetDirectoryCommand,
  GetObjectInformationCommand,
  ListObjectAttributesCommand,
  ListObjectChildrenCommand,
  PublishSchemaCommand,
} from '@aws-sdk/client-clouddirectory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';

let server: ReferenceServer;
let client: CloudDirectoryClient;

beforeAll(async () => {
  server = await startReferenceServer({ port: 0 });
  client = new CloudDirectoryClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

async function failure(p: Promise<unknown>): Promise<{ name: string; status?: number; err?: Record<string, unknown> }> {
  try {
    await p;
    return { name: 'ok' };
  } catch (e) {
    const err = e as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, err: err as unknown as Record<string, unknown> };
  }
}

async function published(name: string): Promise<string> {
  const dev = (await client.send(new CreateSchemaCommand({ Name: name }))).SchemaArn!;
  await client.send(
    new CreateFacetCommand({
      SchemaArn: dev,
      Name: 'Thing',
      ObjectType: 'LEAF_NODE',
      Attributes: [
        { Name: 'label', RequiredBehavior: 'REQUIRED_ALWAYS', AttributeDefinition: { Type: 'STRING' } },
        { Name: 'blob', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'BINARY' } },
        { Name: 'when', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'DATETIME' } },
      ],
    }),
  );
  await client.send(new CreateFacetCommand({ SchemaArn: dev, Name: 'Folder', ObjectType: 'NODE', Attributes: [] }));
  await client.send(new CreateFacetCommand({ SchemaArn: dev, Name: 'Pol', ObjectType: 'POLICY', Attributes: [] }));
  await client.send(
    new CreateFacetCommand({ SchemaArn: dev, Name: 'Tag', ObjectType: 'LEAF_NODE', Attributes: [{ Name: 'tag', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'STRING' } }] }),
  );
  await client.send(
    new CreateTypedLinkFacetCommand({
      SchemaArn: dev,
      Facet: {
        Name: 'Refers',
        Attributes: [
          { Name: 'kind', Type: 'STRING', RequiredBehavior: 'REQUIRED_ALWAYS' },
          { Name: 'note', Type: 'STRING', RequiredBehavior: 'NOT_REQUIRED' },
        ],
        IdentityAttributeOrder: ['kind'],
      },
    }),
  );
  return (await client.send(new PublishSchemaCommand({ DevelopmentSchemaArn: dev, Version: '1' }))).PublishedSchemaArn!;
}

describe('Cloud Directory through @aws-sdk/client-clouddirectory', () => {
  it('builds a directory and writes, reads and lists through every operation', async () => {
    const pub = await published('wire');
    expect(pub).toBe('arn:aws:clouddirectory:us-east-1:123456789012:schema/published/wire/1');
    const dir = await client.send(new CreateDirectoryCommand({ SchemaArn: pub, Name: 'wire-dir' }));
    const DirectoryArn = dir.DirectoryArn!;
    const schema = dir.AppliedSchemaArn!;
    expect(schema).toBe(`${DirectoryArn}/schema/wire/1`);
    const got = await client.send(new GetDirectoryCommand({ DirectoryArn }));
    expect(got.Directory?.State).toBe('ENABLED');
    expect(got.Directory?.CreationDateTime).toBeInstanceOf(Date);

    const thing = (label: string, extra: object = {}) => ({
      CreateObject: {
        SchemaFacet: [{ SchemaArn: schema, FacetName: 'Thing' }],
        ObjectAttributeList: [{ Key: { SchemaArn: schema, FacetName: 'Thing', Name: 'label' }, Value: { StringValue: label } }],
        ...extra,
      },
    });
    const when = new Date('2024-05-06T07:08:09Z');
    const w = await client.send(
      new BatchWriteCommand({
        DirectoryArn,
        Operations: [
          { CreateObject: { SchemaFacet: [{ SchemaArn: schema, FacetName: 'Folder' }], ObjectAttributeList: [], ParentReference: { Selector: '/' }, LinkName: 'f', BatchReferenceName: 'f' } },
          thing('one', { BatchReferenceName: 'one' }),
          { AttachObject: { ParentReference: { Selector: '#f' }, ChildReference: { Selector: '#one' }, LinkName: 'one' } },
          {
            UpdateObjectAttributes: {
              ObjectReference: { Selector: '/f/one' },
              AttributeUpdates: [
                { ObjectAttributeKey: { SchemaArn: schema, FacetName: 'Thing', Name: 'blob' }, ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { BinaryValue: new Uint8Array([1, 2, 3]) } } },
                { ObjectAttributeKey: { SchemaArn: schema, FacetName: 'Thing', Name: 'when' }, ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { DatetimeValue: when } } },
              ],
            },
          },
          thing('two', { ParentReference: { Selector: '/f' }, LinkName: 'two', BatchReferenceName: 'two' }),
          {
            AttachTypedLink: {
              SourceObjectReference: { Selector: '#one' },
              TargetObjectReference: { Selector: '#two' },
              TypedLinkFacet: { SchemaArn: schema, TypedLinkName: 'Refers' },
              Attributes: [{ AttributeName: 'kind', Value: { StringValue: 'see-also' } }],
            },
          },
          { DetachObject: { ParentReference: { Selector: '/f' }, LinkName: 'two' } },
        ],
      }),
    );
    const r = w.Responses!;
    expect(r).toHaveLength(7);
    const one = r[1].CreateObject!.ObjectIdentifier!;
    const two = r[4].CreateObject!.ObjectIdentifier!;
    expect(r[2].AttachObject?.attachedObjectIdentifier).toBe(one);
    expect(r[3].UpdateObjectAttributes?.ObjectIdentifier).toBe(one);
    expect(r[5].AttachTypedLink?.TypedLinkSpecifier?.SourceObjectReference?.Selector).toBe(`$${one}`);
    expect(r[6].DetachObject?.detachedObjectIdentifier).toBe(two);

    const children = await client.send(new ListObjectChildrenCommand({ DirectoryArn, ObjectReference: { Selector: '/f' } }));
    expect(children.Children).toEqual({ one });
    const info = await client.send(new GetObjectInformationCommand({ DirectoryArn, ObjectReference: { Selector: `$${one}` } }));
    expect(info.SchemaFacets).toEqual([{ SchemaArn: schema, FacetName: 'Thing' }]);
    const attrs = await client.send(new ListObjectAttributesCommand({ DirectoryArn, ObjectReference: { Selector: '/f/one' } }));
    const byName = Object.fromEntries((attrs.Attributes ?? []).map((a) => [a.Key!.Name!, a.Value!]));
    expect(byName.label.StringValue).toBe('one');
    expect([...(byName.blob.BinaryValue ?? [])]).toEqual([1, 2, 3]);
    expect(byName.when.DatetimeValue?.getTime()).toBe(when.getTime());

    const read = await client.send(
      new BatchReadCommand({
        DirectoryArn,
        Operations: [
          { ListOutgoingTypedLinks: { ObjectReference: { Selector: `$${one}` } } },
          { ListObjectParents: { ObjectReference: { Selector: `$${two}` } } },
          { GetObjectInformation: { ObjectReference: { Selector: '/nothing' } } },
        ],
      }),
    );
    expect(read.Responses?.[0].SuccessfulResponse?.ListOutgoingTypedLinks?.TypedLinkSpecifiers?.[0].TargetObjectReference?.Selector).toBe(`$${two}`);
    expect(read.Responses?.[1].SuccessfulResponse?.ListObjectParents?.ParentLinks).toEqual([]);
    expect(read.Responses?.[2].ExceptionResponse?.Type).toBe('ResourceNotFoundException');

    expect((await client.send(new DisableDirectoryCommand({ DirectoryArn }))).DirectoryArn).toBe(DirectoryArn);
    expect((await client.send(new DeleteDirectoryCommand({ DirectoryArn }))).DirectoryArn).toBe(DirectoryArn);
    expect((await client.send(new DeleteSchemaCommand({ SchemaArn: pub }))).SchemaArn).toBe(pub);
    expect(server.internalErrors()).toBe(0);
  });

  it('carries every BatchWrite operation and every BatchRead operation through the SDK', async () => {
    const pub = await published('all');
    const dir = await client.send(new CreateDirectoryCommand({ SchemaArn: pub, Name: 'all-dir' }));
    const DirectoryArn = dir.DirectoryArn!;
    const schema = dir.AppliedSchemaArn!;
    const label = { Key: { SchemaArn: schema, FacetName: 'Thing', Name: 'label' }, Value: { StringValue: 'x' } };
    const setup = await client.send(
      new BatchWriteCommand({
        DirectoryArn,
        Operations: [
          { CreateObject: { SchemaFacet: [{ SchemaArn: schema, FacetName: 'Folder' }], ObjectAttributeList: [], ParentReference: { Selector: '/' }, LinkName: 'f' } },
          { CreateObject: { SchemaFacet: [{ SchemaArn: schema, FacetName: 'Thing' }], ObjectAttributeList: [label], ParentReference: { Selector: '/f' }, LinkName: 'a' } },
          { CreateObject: { SchemaFacet: [{ SchemaArn: schema, FacetName: 'Thing' }], ObjectAttributeList: [{ ...label, Value: { StringValue: 'y' } }], ParentReference: { Selector: '/f' }, LinkName: 'b' } },
          { CreateObject: { SchemaFacet: [{ SchemaArn: schema, FacetName: 'Pol' }], ObjectAttributeList: [], ParentReference: { Selector: '/' }, LinkName: 'pol' } },
          { CreateIndex: { OrderedIndexedAttributeList: [label.Key], IsUnique: true, ParentReference: { Selector: '/' }, LinkName: 'ix' } },
          { AddFacetToObject: { ObjectReference: { Selector: '/f/a' }, SchemaFacet: { SchemaArn: schema, FacetName: 'Tag' }, ObjectAttributeList: [{ Key: { SchemaArn: schema, FacetName: 'Tag', Name: 'tag' }, Value: { StringValue: 't' } }] } },
          { AttachPolicy: { PolicyReference: { Selector: '/pol' }, ObjectReference: { Selector: '/f' } } },
          { AttachToIndex: { IndexReference: { Selector: '/ix' }, TargetReference: { Selector: '/f/a' } } },
          { AttachTypedLink: { SourceObjectReference: { Selector: '/f/a' }, TargetObjectReference: { Selector: '/f/b' }, TypedLinkFacet: { SchemaArn: schema, TypedLinkName: 'Refers' }, Attributes: [{ AttributeName: 'kind', Value: { StringValue: 'k' } }] } },
        ],
      }),
    );
    const ids = setup.Responses!.slice(0, 5).map((r) => (r.CreateObject ?? r.CreateIndex)!.ObjectIdentifier!);
    const [f, a, b, pol, ix] = ids;
    expect(setup.Responses![4].CreateIndex?.ObjectIdentifier).toBe(ix);
    expect(setup.Responses![5].AddFacetToObject).toEqual({});
    expect(setup.Responses![6].AttachPolicy).toEqual({});
    expect(setup.Responses![7].AttachToIndex?.AttachedObjectIdentifier).toBe(a);
    const spec = setup.Responses![8].AttachTypedLink!.TypedLinkSpecifier!;
    expect(spec.IdentityAttributeValues).toEqual([{ AttributeName: 'kind', Value: { StringValue: 'k' } }]);

    const reads = await client.send(
      new BatchReadCommand({
        DirectoryArn,
        Operations: [
          { ListObjectAttributes: { ObjectReference: { Selector: '/f/a' }, FacetFilter: { SchemaArn: schema, FacetName: 'Tag' } } },
          { ListObjectChildren: { ObjectReference: { Selector: '/f' }, MaxResults: 1 } },
          { ListAttachedIndices: { TargetReference: { Selector: '/f/a' } } },
          { ListObjectParentPaths: { ObjectReference: { Selector: '/f/a' } } },
          { GetObjectInformation: { ObjectReference: { Selector: '/pol' } } },
          { GetObjectAttributes: { ObjectReference: { Selector: '/f/b' }, SchemaFacet: { SchemaArn: schema, FacetName: 'Thing' }, AttributeNames: ['label'] } },
          { ListObjectParents: { ObjectReference: { Selector: '/f/a' } } },
          { ListObjectPolicies: { ObjectReference: { Selector: '/f' } } },
          { ListPolicyAttachments: { PolicyReference: { Selector: '/pol' } } },
          { LookupPolicy: { ObjectReference: { Selector: '/f/a' } } },
          { ListIndex: { IndexReference: { Selector: '/ix' } } },
          { ListOutgoingTypedLinks: { ObjectReference: { Selector: '/f/a' } } },
          { ListIncomingTypedLinks: { ObjectReference: { Selector: '/f/b' } } },
          { GetLinkAttributes: { TypedLinkSpecifier: spec, AttributeNames: ['kind'] } },
        ],
      }),
    );
    const ok = reads.Responses!.map((r) => {
      expect(r.ExceptionResponse).toBeUndefined();
      return r.SuccessfulResponse!;
    });
    expect(ok[0].ListObjectAttributes?.Attributes).toEqual([{ Key: { SchemaArn: schema, FacetName: 'Tag', Name: 'tag' }, Value: { StringValue: 't' } }]);
    expect(ok[1].ListObjectChildren?.Children).toEqual({ a });
    expect(ok[1].ListObjectChildren?.NextToken).toEqual(expect.any(String));
    expect(ok[2].ListAttachedIndices?.IndexAttachments?.[0].ObjectIdentifier).toBe(ix);
    expect(ok[3].ListObjectParentPaths?.PathToObjectIdentifiersList).toEqual([{ Path: '/f/a', ObjectIdentifiers: [dir.ObjectIdentifier, f, a] }]);
    expect(ok[4].GetObjectInformation?.ObjectIdentifier).toBe(pol);
    expect(ok[5].GetObjectAttributes?.Attributes?.[0].Value).toEqual({ StringValue: 'y' });
    expect(ok[6].ListObjectParents?.ParentLinks).toEqual([{ ObjectIdentifier: f, LinkName: 'a' }]);
    expect(ok[7].ListObjectPolicies?.AttachedPolicyIds).toEqual([pol]);
    expect(ok[8].ListPolicyAttachments?.ObjectIdentifiers).toEqual([f]);
    expect(ok[9].LookupPolicy?.PolicyToPathList?.[0].Policies?.[0].PolicyId).toBe(pol);
    expect(ok[10].ListIndex?.IndexAttachments?.[0].ObjectIdentifier).toBe(a);
    expect(ok[11].ListOutgoingTypedLinks?.TypedLinkSpecifiers).toHaveLength(1);
    expect(ok[12].ListIncomingTypedLinks?.LinkSpecifiers).toHaveLength(1);
    expect(ok[13].GetLinkAttributes?.Attributes).toEqual([{ Key: { SchemaArn: schema, FacetName: 'Refers', Name: 'kind' }, Value: { StringValue: 'k' } }]);

    const teardown = await client.send(
      new BatchWriteCommand({
        DirectoryArn,
        Operations: [
          { UpdateLinkAttributes: { TypedLinkSpecifier: spec, AttributeUpdates: [{ AttributeKey: { SchemaArn: schema, FacetName: 'Refers', Name: 'note' }, AttributeAction: { AttributeActionType: 'CREATE_OR_UPDATE', AttributeUpdateValue: { StringValue: 'n' } } }] } },
          { DetachTypedLink: { TypedLinkSpecifier: spec } },
          { DetachFromIndex: { IndexReference: { Selector: '/ix' }, TargetReference: { Selector: '/f/a' } } },
          { DetachPolicy: { PolicyReference: { Selector: '/pol' }, ObjectReference: { Selector: '/f' } } },
          { RemoveFacetFromObject: { ObjectReference: { Selector: '/f/a' }, SchemaFacet: { SchemaArn: schema, FacetName: 'Tag' } } },
          { DetachObject: { ParentReference: { Selector: '/f' }, LinkName: 'b', BatchReferenceName: 'b' } },
          { DeleteObject: { ObjectReference: { Selector: '#b' } } },
        ],
      }),
    );
    expect(teardown.Responses).toEqual([
      { UpdateLinkAttributes: {} },
      { DetachTypedLink: {} },
      { DetachFromIndex: { DetachedObjectIdentifier: a } },
      { DetachPolicy: {} },
      { RemoveFacetFromObject: {} },
      { DetachObject: { detachedObjectIdentifier: b } },
      { DeleteObject: {} },
    ]);
    expect(server.internalErrors()).toBe(0);
  });

  it('decodes every modelled error with its status, and BatchWriteException with Index and Type', async () => {
    const pub = await published('errs');
    const dir = await client.send(new CreateDirectoryCommand({ SchemaArn: pub, Name: 'errs-dir' }));
    const DirectoryArn = dir.DirectoryArn!;
    const schema = dir.AppliedSchemaArn!;
    const folder = (link: string) => ({ CreateObject: { SchemaFacet: [{ SchemaArn: schema, FacetName: 'Folder' }], ObjectAttributeList: [], ParentReference: { Selector: '/' }, LinkName: link } });

    const bw = await failure(client.send(new BatchWriteCommand({ DirectoryArn, Operations: [folder('a'), folder('b'), folder('a')] })));
    expect(bw.name).toBe('BatchWriteException');
    expect(bw.status).toBe(400);
    expect(bw.err?.Index).toBe(2);
    expect(bw.err?.Type).toBe('LinkNameAlreadyInUseException');
    expect((await client.send(new ListObjectChildrenCommand({ DirectoryArn, ObjectReference: { Selector: '/' } }))).Children).toEqual({});

    const unknownDir = DirectoryArn.replace(/directory\/.*/, 'directory/AAAAAAAAAAAAAAAAAAAAAAA');
    const cases: [() => Promise<unknown>, string, number][] = [
      [() => client.send(new BatchWriteCommand({ DirectoryArn: 'not-an-arn', Operations: [] })), 'InvalidArnException', 400],
      [() => client.send(new BatchWriteCommand({ DirectoryArn: unknownDir, Operations: [] })), 'AccessDeniedException', 403],
      [() => client.send(new GetDirectoryCommand({ DirectoryArn: unknownDir })), 'AccessDeniedException', 403],
      [() => client.send(new DisableDirectoryCommand({ DirectoryArn: unknownDir })), 'ResourceNotFoundException', 404],
      [() => client.send(new DeleteDirectoryCommand({ DirectoryArn })), 'DirectoryNotDisabledException', 400],
      [() => client.send(new CreateSchemaCommand({ Name: 'errs' })), 'SchemaAlreadyExistsException', 400],
      [() => client.send(new CreateSchemaCommand({ Name: 'x'.repeat(33) })), 'ValidationException', 400],
      [() => client.send(new CreateDirectoryCommand({ SchemaArn: pub, Name: 'errs-dir' })), 'DirectoryAlreadyExistsException', 400],
      [() => client.send(new PublishSchemaCommand({ DevelopmentSchemaArn: pub.replace(/published\/errs\/1$/, 'development/errs'), Version: '1' })), 'SchemaAlreadyPublishedException', 400],
      [() => client.send(new CreateFacetCommand({ SchemaArn: pub.replace(/published\/errs\/1$/, 'development/errs'), Name: 'Folder', ObjectType: 'NODE' })), 'FacetAlreadyExistsException', 400],
      [() => client.send(new DeleteSchemaCommand({ SchemaArn: pub })), 'StillContainsLinksException', 400],
      [() => client.send(new ListObjectChildrenCommand({ DirectoryArn, ObjectReference: { Selector: '/' }, NextToken: 'bogus' })), 'InvalidNextTokenException', 400],
      [() => client.send(new GetObjectInformationCommand({ DirectoryArn, ObjectReference: { Selector: '/missing' } })), 'ResourceNotFoundException', 404],
    ];
    // One at a time: a request is sent only when its turn comes.
    for (const [send, name, status] of cases) {
      const f = await failure(send());
      expect({ name: f.name, status: f.status }).toEqual({ name, status });
    }

    await client.send(new DisableDirectoryCommand({ DirectoryArn }));
    const disabled = await failure(client.send(new BatchWriteCommand({ DirectoryArn, Operations: [folder('z')] })));
    expect({ name: disabled.name, status: disabled.status }).toEqual({ name: 'DirectoryNotEnabledException', status: 400 });
    const listAttrs = await failure(client.send(new ListObjectAttributesCommand({ DirectoryArn, ObjectReference: { Selector: '/' } })));
    expect(listAttrs.name).toBe('DirectoryNotEnabledException');
    expect(server.internalErrors()).toBe(0);
  });

  it('a request without x-amz-data-partition is InvalidArnException', async () => {
    const res = await fetch(`${server.url}/amazonclouddirectory/2017-01-11/batchwrite`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Operations: [] }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidArnException');
    await res.text();
  });
});
