// Facets on objects, policies, indexes and typed links through BatchWrite, read back with
// BatchRead and the standalone reads of the Cloud Directory reference.
import { describe, expect, it } from 'vitest';
import { directory, group, key, person, type Dir } from './clouddirectory-setup.js';

function success(r: { SuccessfulResponse?: Record<string, any>; ExceptionResponse?: unknown }): Record<string, any> {
  expect(r.ExceptionResponse).toBeUndefined();
  return r.SuccessfulResponse as Record<string, any>;
}

describe('facets and attributes', () => {
  it('adds and removes facets, fills defaults, lists and gets attributes', async () => {
    const d = await directory();
    const r = await d.write([
      person(d, 'ann', { ParentReference: { Selector: '/' }, LinkName: 'ann' }),
      {
        AddFacetToObject: {
          ObjectReference: { Selector: '/ann' },
          SchemaFacet: { SchemaArn: d.schemaArn, FacetName: 'Extra' },
          ObjectAttributeList: [{ Key: key(d, 'Extra', 'note'), Value: { StringValue: 'hi' } }],
        },
      },
    ]);
    expect(r.Responses[1]).toEqual({ AddFacetToObject: {} });
    const list = await d.h.call('ListObjectAttributes', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/ann' } });
    expect(list.Attributes).toEqual([
      { Key: key(d, 'Extra', 'note'), Value: { StringValue: 'hi' } },
      { Key: key(d, 'Person', 'name'), Value: { StringValue: 'ann' } },
      { Key: key(d, 'Person', 'team'), Value: { StringValue: 'none' } },
    ]);
    const [got] = await d.read([{ GetObjectAttributes: { ObjectReference: { Selector: '/ann' }, SchemaFacet: { SchemaArn: d.schemaArn, FacetName: 'Person' }, AttributeNames: ['team', 'age'] } }]);
    expect(success(got).GetObjectAttributes.Attributes).toEqual([{ Key: key(d, 'Person', 'team'), Value: { StringValue: 'none' } }]);
    await d.write([{ RemoveFacetFromObject: { ObjectReference: { Selector: '/ann' }, SchemaFacet: { SchemaArn: d.schemaArn, FacetName: 'Extra' } } }]);
    const info = await d.h.call('GetObjectInformation', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/ann' } });
    expect(info.SchemaFacets).toEqual([{ SchemaArn: d.schemaArn, FacetName: 'Person' }]);
    const e = await d.writeError([{ AddFacetToObject: { ObjectReference: { Selector: '/ann' }, SchemaFacet: { SchemaArn: d.schemaArn, FacetName: 'Group' }, ObjectAttributeList: [] } }]);
    expect(e.members).toEqual({ Index: 0, Type: 'FacetValidationException' });
  });

  it('updates and deletes optional attributes; reports a foreign schema ARN', async () => {
    const d = await directory();
    await d.write([person(d, 'bob', { ParentReference: { Selector: '/' }, LinkName: 'bob' })]);
    const upd = (action: string, value?: unknown) => ({
      UpdateObjectAttributes: { ObjectReference: { Selector: '/bob' }, AttributeUpdates: [{ ObjectAttributeKey: key(d, 'Person', 'age'), ObjectAttributeAction: { ObjectAttributeActionType: action, ObjectAttributeUpdateValue: value } }] },
    });
    const r = await d.write([upd('CREATE_OR_UPDATE', { NumberValue: '41' })]);
    expect(r.Responses[0].UpdateObjectAttributes.ObjectIdentifier).toEqual(expect.any(String));
    const ages = async () =>
      (await d.h.call('ListObjectAttributes', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/bob' } })).Attributes.filter((a: any) => a.Key.Name === 'age');
    expect(await ages()).toEqual([{ Key: key(d, 'Person', 'age'), Value: { NumberValue: '41' } }]);
    expect((await d.writeError([upd('CREATE_OR_UPDATE', { NumberValue: 'forty' })])).members).toEqual({ Index: 0, Type: 'FacetValidationException' });
    await d.write([upd('DELETE')]);
    expect(await ages()).toEqual([]);
    const foreign = d.schemaArn.replace(/schema\/org\/1$/, 'schema/other/1');
    const e = await d.writeError([{ CreateObject: { SchemaFacet: [{ SchemaArn: foreign, FacetName: 'Group' }], ObjectAttributeList: [] } }]);
    expect(e.members).toEqual({ Index: 0, Type: 'ResourceNotFoundException' });
  });
});

async function withPolicy(d: Dir) {
  const r = await d.write([
    group(d, { ParentReference: { Selector: '/' }, LinkName: 'g' }),
    person(d, 'p', { ParentReference: { Selector: '/g' }, LinkName: 'p' }),
    {
      CreateObject: {
        SchemaFacet: [{ SchemaArn: d.schemaArn, FacetName: 'Rule' }],
        ObjectAttributeList: [{ Key: key(d, 'Rule', 'policy_type'), Value: { StringValue: 'allow' } }],
        BatchReferenceName: 'pol',
      },
    },
    { AttachPolicy: { PolicyReference: { Selector: '#pol' }, ObjectReference: { Selector: '/g' } } },
  ]);
  return { g: r.Responses[0].CreateObject.ObjectIdentifier, p: r.Responses[1].CreateObject.ObjectIdentifier, pol: r.Responses[2].CreateObject.ObjectIdentifier };
}

describe('policies', () => {
  it('attaches, lists, looks up and detaches policies', async () => {
    const d = await directory();
    const { g, p, pol } = await withPolicy(d);
    const [objs, atts, look, paths] = await d.read([
      { ListObjectPolicies: { ObjectReference: { Selector: '/g' } } },
      { ListPolicyAttachments: { PolicyReference: { Selector: `$${pol}` } } },
      { LookupPolicy: { ObjectReference: { Selector: '/g/p' } } },
      { ListObjectParentPaths: { ObjectReference: { Selector: '/g/p' } } },
    ]);
    expect(success(objs).ListObjectPolicies.AttachedPolicyIds).toEqual([pol]);
    expect(success(atts).ListPolicyAttachments.ObjectIdentifiers).toEqual([g]);
    expect(success(look).LookupPolicy.PolicyToPathList).toEqual([{ Path: '/g', Policies: [{ PolicyId: pol, ObjectIdentifier: g, PolicyType: 'allow' }] }]);
    expect(success(paths).ListObjectParentPaths.PathToObjectIdentifiersList).toEqual([{ Path: '/g/p', ObjectIdentifiers: [d.rootId, g, p] }]);
    // A policy with attachments is still linked: it cannot be deleted.
    expect((await d.writeError([{ DeleteObject: { ObjectReference: { Selector: `$${pol}` } } }])).members).toEqual({ Index: 0, Type: 'StillContainsLinksException' });
    await d.write([{ DetachPolicy: { PolicyReference: { Selector: `$${pol}` }, ObjectReference: { Selector: '/g' } } }]);
    const [after] = await d.read([{ ListObjectPolicies: { ObjectReference: { Selector: '/g' } } }]);
    expect(success(after).ListObjectPolicies.AttachedPolicyIds).toEqual([]);
    const [bad] = await d.read([{ ListPolicyAttachments: { PolicyReference: { Selector: '/g' } } }]);
    expect(bad.ExceptionResponse?.Type).toBe('NotPolicyException');
  });
});

describe('indexes', () => {
  it('creates an index, attaches objects, lists them in value order, enforces uniqueness', async () => {
    const d = await directory();
    const r = await d.write([
      { CreateIndex: { OrderedIndexedAttributeList: [key(d, 'Person', 'name')], IsUnique: true, ParentReference: { Selector: '/' }, LinkName: 'byname', BatchReferenceName: 'ix' } },
      person(d, 'zed', { BatchReferenceName: 'z' }),
      person(d, 'amy', { BatchReferenceName: 'a' }),
      { AttachToIndex: { IndexReference: { Selector: '#ix' }, TargetReference: { Selector: '#z' } } },
      { AttachToIndex: { IndexReference: { Selector: '#ix' }, TargetReference: { Selector: '#a' } } },
    ]);
    const [ix, z, a] = [0, 1, 2].map((i) => r.Responses[i].CreateObject?.ObjectIdentifier ?? r.Responses[i].CreateIndex?.ObjectIdentifier);
    expect(r.Responses[0]).toEqual({ CreateIndex: { ObjectIdentifier: ix } });
    expect(r.Responses[3]).toEqual({ AttachToIndex: { AttachedObjectIdentifier: z } });
    const [list, attached] = await d.read([
      { ListIndex: { IndexReference: { Selector: '/byname' } } },
      { ListAttachedIndices: { TargetReference: { Selector: `$${a}` } } },
    ]);
    expect(success(list).ListIndex.IndexAttachments).toEqual([
      { IndexedAttributes: [{ Key: key(d, 'Person', 'name'), Value: { StringValue: 'amy' } }], ObjectIdentifier: a },
      { IndexedAttributes: [{ Key: key(d, 'Person', 'name'), Value: { StringValue: 'zed' } }], ObjectIdentifier: z },
    ]);
    // ListAttachedIndices names the index, the side opposite the queried object (model documentation).
    expect(success(attached).ListAttachedIndices.IndexAttachments).toEqual([{ IndexedAttributes: [{ Key: key(d, 'Person', 'name'), Value: { StringValue: 'amy' } }], ObjectIdentifier: ix }]);
    const ranged = await d.read([
      { ListIndex: { IndexReference: { Selector: '/byname' }, RangesOnIndexedValues: [{ AttributeKey: key(d, 'Person', 'name'), Range: { StartMode: 'EXCLUSIVE', StartValue: { StringValue: 'amy' }, EndMode: 'LAST' } }] } },
    ]);
    expect(success(ranged[0]).ListIndex.IndexAttachments.map((x: any) => x.ObjectIdentifier)).toEqual([z]);
    const dupe = await d.write([person(d, 'amy', { BatchReferenceName: 'a2' })]);
    const a2 = dupe.Responses[0].CreateObject.ObjectIdentifier;
    const e = await d.writeError([{ AttachToIndex: { IndexReference: { Selector: '/byname' }, TargetReference: { Selector: `$${a2}` } } }]);
    expect(e.members).toMatchObject({ Index: 0 });
    const det = await d.write([{ DetachFromIndex: { IndexReference: { Selector: '/byname' }, TargetReference: { Selector: `$${a}` } } }]);
    expect(det.Responses[0]).toEqual({ DetachFromIndex: { DetachedObjectIdentifier: a } });
    const again = await d.writeError([{ DetachFromIndex: { IndexReference: { Selector: '/byname' }, TargetReference: { Selector: `$${a}` } } }]);
    expect(again.members).toEqual({ Index: 0, Type: 'ObjectAlreadyDetachedException' });
  });

  it('an indexed object cannot lose its indexed attribute or collide in a unique index', async () => {
    const d = await directory();
    await d.write([
      { CreateIndex: { OrderedIndexedAttributeList: [key(d, 'Person', 'age')], IsUnique: true, ParentReference: { Selector: '/' }, LinkName: 'ix' } },
      person(d, 'x', { ParentReference: { Selector: '/' }, LinkName: 'x' }),
      person(d, 'y', { ParentReference: { Selector: '/' }, LinkName: 'y' }),
    ]);
    const age = (who: string, action: string, n?: string) => ({
      UpdateObjectAttributes: { ObjectReference: { Selector: `/${who}` }, AttributeUpdates: [{ ObjectAttributeKey: key(d, 'Person', 'age'), ObjectAttributeAction: { ObjectAttributeActionType: action, ...(n ? { ObjectAttributeUpdateValue: { NumberValue: n } } : {}) } }] },
    });
    await d.write([
      age('x', 'CREATE_OR_UPDATE', '1'),
      age('y', 'CREATE_OR_UPDATE', '2'),
      { AttachToIndex: { IndexReference: { Selector: '/ix' }, TargetReference: { Selector: '/x' } } },
      { AttachToIndex: { IndexReference: { Selector: '/ix' }, TargetReference: { Selector: '/y' } } },
    ]);
    expect((await d.writeError([age('x', 'DELETE')])).members).toEqual({ Index: 0, Type: 'IndexedAttributeMissingException' });
    expect((await d.writeError([age('x', 'CREATE_OR_UPDATE', '2')])).members).toMatchObject({ Index: 0 });
    // Moving y away first frees the value within the same batch.
    await d.write([age('y', 'CREATE_OR_UPDATE', '3'), age('x', 'CREATE_OR_UPDATE', '2')]);
  });

  it('an object without the indexed attribute cannot be attached', async () => {
    const d = await directory();
    const e = await d.writeError([
      { CreateIndex: { OrderedIndexedAttributeList: [key(d, 'Person', 'age')], IsUnique: false, BatchReferenceName: 'ix' } },
      person(d, 'noage', { BatchReferenceName: 'p' }),
      { AttachToIndex: { IndexReference: { Selector: '#ix' }, TargetReference: { Selector: '#p' } } },
    ]);
    expect(e.members).toEqual({ Index: 2, Type: 'IndexedAttributeMissingException' });
  });
});

describe('typed links', () => {
  it('attaches, lists, reads, updates and detaches a typed link', async () => {
    const d = await directory();
    const r = await d.write([person(d, 'boss', { BatchReferenceName: 'b' }), person(d, 'worker', { BatchReferenceName: 'w' })]);
    const [b, w] = r.Responses.map((x: any) => x.CreateObject.ObjectIdentifier);
    const facet = { SchemaArn: d.schemaArn, TypedLinkName: 'Manages' };
    const attached = await d.write([
      { AttachTypedLink: { SourceObjectReference: { Selector: `$${b}` }, TargetObjectReference: { Selector: `$${w}` }, TypedLinkFacet: facet, Attributes: [{ AttributeName: 'role', Value: { StringValue: 'lead' } }, { AttributeName: 'weight', Value: { NumberValue: '2' } }] } },
    ]);
    const spec = attached.Responses[0].AttachTypedLink.TypedLinkSpecifier;
    expect(spec).toEqual({
      TypedLinkFacet: facet,
      SourceObjectReference: { Selector: `$${b}` },
      TargetObjectReference: { Selector: `$${w}` },
      IdentityAttributeValues: [{ AttributeName: 'role', Value: { StringValue: 'lead' } }],
    });
    await d.write([
      { UpdateLinkAttributes: { TypedLinkSpecifier: spec, AttributeUpdates: [{ AttributeKey: { SchemaArn: d.schemaArn, FacetName: 'Manages', Name: 'weight' }, AttributeAction: { AttributeActionType: 'CREATE_OR_UPDATE', AttributeUpdateValue: { NumberValue: '5' } } }] } },
    ]);
    const [out, inc, attrs] = await d.read([
      { ListOutgoingTypedLinks: { ObjectReference: { Selector: `$${b}` } } },
      { ListIncomingTypedLinks: { ObjectReference: { Selector: `$${w}` } } },
      { GetLinkAttributes: { TypedLinkSpecifier: spec, AttributeNames: ['weight'] } },
    ]);
    expect(success(out).ListOutgoingTypedLinks.TypedLinkSpecifiers).toEqual([spec]);
    expect(success(inc).ListIncomingTypedLinks.LinkSpecifiers).toEqual([spec]);
    expect(success(attrs).GetLinkAttributes.Attributes).toEqual([{ Key: { SchemaArn: d.schemaArn, FacetName: 'Manages', Name: 'weight' }, Value: { NumberValue: '5' } }]);
    const identity = await d.writeError([
      { UpdateLinkAttributes: { TypedLinkSpecifier: spec, AttributeUpdates: [{ AttributeKey: { SchemaArn: d.schemaArn, FacetName: 'Manages', Name: 'role' }, AttributeAction: { AttributeActionType: 'CREATE_OR_UPDATE', AttributeUpdateValue: { StringValue: 'x' } } }] } },
    ]);
    expect(identity.members).toEqual({ Index: 0, Type: 'FacetValidationException' });
    // Linked objects cannot be deleted until the link goes.
    expect((await d.writeError([{ DeleteObject: { ObjectReference: { Selector: `$${w}` } } }])).members).toEqual({ Index: 0, Type: 'StillContainsLinksException' });
    expect((await d.write([{ DetachTypedLink: { TypedLinkSpecifier: spec } }, { DeleteObject: { ObjectReference: { Selector: `$${w}` } } }])).Responses).toEqual([{ DetachTypedLink: {} }, { DeleteObject: {} }]);
    const [gone] = await d.read([{ GetLinkAttributes: { TypedLinkSpecifier: spec, AttributeNames: ['weight'] } }]);
    expect(gone.ExceptionResponse?.Type).toBe('ResourceNotFoundException');
  });
});

describe('reads', () => {
  it('BatchRead answers each operation, failures included', async () => {
    const d = await directory();
    await d.write([person(d, 'leaf', { ParentReference: { Selector: '/' }, LinkName: 'leaf' })]);
    const rs = await d.read([
      { ListObjectChildren: { ObjectReference: { Selector: '/leaf' } } },
      { ListObjectParents: { ObjectReference: { Selector: '/' } } },
      { GetObjectInformation: { ObjectReference: { Selector: '$nope' } } },
      { ListObjectParents: { ObjectReference: { Selector: '/leaf' } } },
    ]);
    expect(rs.map((r) => r.ExceptionResponse?.Type)).toEqual(['NotNodeException', 'CannotListParentOfRootException', 'ResourceNotFoundException', undefined]);
    expect(success(rs[3]).ListObjectParents.ParentLinks).toEqual([{ ObjectIdentifier: d.rootId, LinkName: 'leaf' }]);
  });

  it('pages ListObjectChildren and rejects a foreign token', async () => {
    const d = await directory();
    await d.write(['c', 'a', 'e', 'b', 'd'].map((n) => person(d, n, { ParentReference: { Selector: '/' }, LinkName: n })));
    const seen: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 10; i++) {
      const r = await d.h.call('ListObjectChildren', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/' }, MaxResults: 2, ...(token ? { NextToken: token } : {}) });
      expect(Object.keys(r.Children).length).toBeLessThanOrEqual(2);
      seen.push(...Object.keys(r.Children));
      token = r.NextToken;
      if (!token) break;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    const e = await d.h.error('ListObjectChildren', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/' }, NextToken: 'garbage' });
    expect(e.shape).toBe('InvalidNextTokenException');
    const leafErr = await d.h.error('ListObjectChildren', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/a' } });
    expect(leafErr.shape).toBe('NotNodeException');
  });
});
