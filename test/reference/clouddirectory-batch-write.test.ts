// BatchWrite on the Cloud Directory reference: all or nothing (DIR-ATOMIC-1), order and
// response members (DIR-ORDER-1), exception Index/Type (DIR-EXC-1), selectors (DIR-REF-1),
// limits (DIR-LIMIT-1).
import { describe, expect, it } from 'vitest';
import { directory, group, key, person, type Dir } from './clouddirectory-setup.js';

async function exists(d: Dir, id: string): Promise<boolean> {
  const [r] = await d.read([{ GetObjectInformation: { ObjectReference: { Selector: `$${id}` } } }]);
  return r.SuccessfulResponse !== undefined;
}

describe('responses and references', () => {
  it('answers one response per operation, in order, with the documented member names', async () => {
    const d = await directory();
    const r = await d.write([
      group(d, { ParentReference: { Selector: '/' }, LinkName: 'g', BatchReferenceName: 'g' }),
      person(d, 'ann', { BatchReferenceName: 'ann' }),
      { AttachObject: { ParentReference: { Selector: '#g' }, ChildReference: { Selector: '#ann' }, LinkName: 'ann' } },
      { DetachObject: { ParentReference: { Selector: '/g' }, LinkName: 'ann', BatchReferenceName: 'gone' } },
      { AttachObject: { ParentReference: { Selector: '/' }, ChildReference: { Selector: '#gone' }, LinkName: 'ann2' } },
    ]);
    expect(r.Responses).toHaveLength(5);
    expect(Object.keys(r.Responses[0])).toEqual(['CreateObject']);
    expect(Object.keys(r.Responses[1])).toEqual(['CreateObject']);
    const ann = r.Responses[1].CreateObject.ObjectIdentifier;
    expect(r.Responses[2]).toEqual({ AttachObject: { attachedObjectIdentifier: ann } });
    expect(r.Responses[3]).toEqual({ DetachObject: { detachedObjectIdentifier: ann } });
    expect(r.Responses[4]).toEqual({ AttachObject: { attachedObjectIdentifier: ann } });
    expect(await d.children('/')).toEqual({ g: r.Responses[0].CreateObject.ObjectIdentifier, ann2: ann });
    expect(await d.children('/g')).toEqual({});
  });

  it('resolves $id, quoted $"id", paths from the root, and keeps unparented objects reachable by id only', async () => {
    const d = await directory();
    const r = await d.write([group(d, { ParentReference: { Selector: '/' }, LinkName: 'a' }), person(d, 'loner')]);
    const a = r.Responses[0].CreateObject.ObjectIdentifier;
    const loner = r.Responses[1].CreateObject.ObjectIdentifier;
    expect(await d.children('/')).toEqual({ a });
    const r2 = await d.write([
      { AttachObject: { ParentReference: { Selector: `$"${a}"` }, ChildReference: { Selector: `$${loner}` }, LinkName: 'x' } },
    ]);
    expect(r2.Responses[0].AttachObject.attachedObjectIdentifier).toBe(loner);
    const info = await d.h.call('GetObjectInformation', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/a/x' } });
    expect(info.ObjectIdentifier).toBe(loner);
    expect(info.SchemaFacets).toEqual([{ SchemaArn: d.schemaArn, FacetName: 'Person' }]);
  });

  it('a #name no earlier operation defined is ResourceNotFoundException', async () => {
    const d = await directory();
    const e = await d.writeError([group(d, { BatchReferenceName: 'x' }), { DeleteObject: { ObjectReference: { Selector: '#y' } } }]);
    expect(e.members).toEqual({ Index: 1, Type: 'ResourceNotFoundException' });
  });
});

describe('all or nothing', () => {
  it('a later failure undoes every earlier operation of the batch', async () => {
    const d = await directory();
    const before = await d.write([person(d, 'keep', { ParentReference: { Selector: '/' }, LinkName: 'keep' })]);
    const keepId = before.Responses[0].CreateObject.ObjectIdentifier;
    const e = await d.writeError([
      group(d, { ParentReference: { Selector: '/' }, LinkName: 'new' }),
      { UpdateObjectAttributes: { ObjectReference: { Selector: '/keep' }, AttributeUpdates: [{ ObjectAttributeKey: key(d, 'Person', 'age'), ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { NumberValue: '7' } } }] } },
      { DetachObject: { ParentReference: { Selector: '/' }, LinkName: 'keep' } },
      person(d, 'dup', { ParentReference: { Selector: '/' }, LinkName: 'new' }),
    ]);
    expect(e.shape).toBe('BatchWriteException');
    expect(e.members).toEqual({ Index: 3, Type: 'LinkNameAlreadyInUseException' });
    expect(await d.children('/')).toEqual({ keep: keepId });
    const attrs = await d.h.call('ListObjectAttributes', { DirectoryArn: d.dirArn, ObjectReference: { Selector: '/keep' } });
    expect(attrs.Attributes.map((a: { Key: { Name: string } }) => a.Key.Name)).toEqual(['name', 'team']);
  });

  it('operations see what earlier operations of the same batch did', async () => {
    const d = await directory();
    const r = await d.write([
      group(d, { ParentReference: { Selector: '/' }, LinkName: 'a' }),
      group(d, { ParentReference: { Selector: '/a' }, LinkName: 'b' }),
      { DetachObject: { ParentReference: { Selector: '/a' }, LinkName: 'b', BatchReferenceName: 'b' } },
      { DeleteObject: { ObjectReference: { Selector: '#b' } } },
    ]);
    expect(r.Responses[3]).toEqual({ DeleteObject: {} });
    expect(await exists(d, r.Responses[1].CreateObject.ObjectIdentifier)).toBe(false);
    expect(Object.keys(await d.children('/a'))).toEqual([]);
  });
});

describe('exception types (DIR-EXC-1)', () => {
  async function fixture() {
    const d = await directory();
    const r = await d.write([
      group(d, { ParentReference: { Selector: '/' }, LinkName: 'g' }),
      person(d, 'leaf', { ParentReference: { Selector: '/' }, LinkName: 'leaf' }),
      person(d, 'child', { ParentReference: { Selector: '/g' }, LinkName: 'c' }),
      person(d, 'free'),
    ]);
    return { d, free: r.Responses[3].CreateObject.ObjectIdentifier as string };
  }

  const cases: [string, (d: Dir, free: string) => unknown, string][] = [
    ['taken link name', (d) => group(d, { ParentReference: { Selector: '/' }, LinkName: 'g' }), 'LinkNameAlreadyInUseException'],
    ['delete an attached object', () => ({ DeleteObject: { ObjectReference: { Selector: '/leaf' } } }), 'ObjectNotDetachedException'],
    ['attach under a leaf', (d) => group(d, { ParentReference: { Selector: '/leaf' }, LinkName: 'x' }), 'NotNodeException'],
    ['unknown object', () => ({ DeleteObject: { ObjectReference: { Selector: '$doesnotexist' } } }), 'ResourceNotFoundException'],
    ['unknown path', () => ({ DeleteObject: { ObjectReference: { Selector: '/no/such' } } }), 'ResourceNotFoundException'],
    ['missing required attribute', (d) => ({ CreateObject: { SchemaFacet: [{ SchemaArn: d.schemaArn, FacetName: 'Person' }], ObjectAttributeList: [] } }), 'FacetValidationException'],
    [
      'value of the wrong type',
      (d) => ({ CreateObject: { SchemaFacet: [{ SchemaArn: d.schemaArn, FacetName: 'Person' }], ObjectAttributeList: [{ Key: key(d, 'Person', 'name'), Value: { NumberValue: '1' } }] } }),
      'FacetValidationException',
    ],
    ['value breaking a rule', (d) => person(d, 'x'.repeat(21)), 'FacetValidationException'],
    [
      'attribute of a facet the object lacks',
      (d, free) => ({ UpdateObjectAttributes: { ObjectReference: { Selector: `$${free}` }, AttributeUpdates: [{ ObjectAttributeKey: key(d, 'Group', 'title'), ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { StringValue: 't' } } }] } }),
      'FacetValidationException',
    ],
    [
      'required attribute deleted',
      (d) => ({ UpdateObjectAttributes: { ObjectReference: { Selector: '/leaf' }, AttributeUpdates: [{ ObjectAttributeKey: key(d, 'Person', 'name'), ObjectAttributeAction: { ObjectAttributeActionType: 'DELETE' } }] } }),
      'FacetValidationException',
    ],
    ['attach to a non-index', (_d, free) => ({ AttachToIndex: { IndexReference: { Selector: '/g' }, TargetReference: { Selector: `$${free}` } } }), 'NotIndexException'],
    ['attach a non-policy', (_d, free) => ({ AttachPolicy: { PolicyReference: { Selector: '/leaf' }, ObjectReference: { Selector: `$${free}` } } }), 'NotPolicyException'],
    ['selector without a known prefix', () => ({ DeleteObject: { ObjectReference: { Selector: 'leaf' } } }), 'ValidationException'],
    ['two operations in one entry', () => ({ DeleteObject: { ObjectReference: { Selector: '/leaf' } }, DetachObject: { ParentReference: { Selector: '/' }, LinkName: 'leaf' } }), 'ValidationException'],
    ['detach a missing link', () => ({ DetachObject: { ParentReference: { Selector: '/' }, LinkName: 'nope' } }), 'ResourceNotFoundException'],
  ];

  for (const [what, make, type] of cases) {
    it(`${what} -> ${type}, at its index, with no effect`, async () => {
      const { d, free } = await fixture();
      const e = await d.writeError([group(d, { ParentReference: { Selector: '/' }, LinkName: 'probe' }), make(d, free)]);
      expect(e.shape).toBe('BatchWriteException');
      expect(e.members).toEqual({ Index: 1, Type: type });
      expect(Object.keys(await d.children('/')).sort()).toEqual(['g', 'leaf']);
    });
  }

  it('delete of a detached object with children -> StillContainsLinksException', async () => {
    const { d } = await fixture();
    const e = await d.writeError([
      { DetachObject: { ParentReference: { Selector: '/' }, LinkName: 'g', BatchReferenceName: 'g' } },
      { DeleteObject: { ObjectReference: { Selector: '#g' } } },
    ]);
    expect(e.members).toEqual({ Index: 1, Type: 'StillContainsLinksException' });
    expect(Object.keys(await d.children('/')).sort()).toEqual(['g', 'leaf']);
  });

  it('the immutable badge may be set once, never changed', async () => {
    const { d } = await fixture();
    const set = (v: string) => ({ UpdateObjectAttributes: { ObjectReference: { Selector: '/leaf' }, AttributeUpdates: [{ ObjectAttributeKey: key(d, 'Person', 'badge'), ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { StringValue: v } } }] } });
    await d.write([set('b1')]);
    expect((await d.writeError([set('b2')])).members).toEqual({ Index: 0, Type: 'FacetValidationException' });
  });
});

describe('limits (DIR-LIMIT-1)', () => {
  it('20 written objects pass; 21 fail with LimitExceededException and no effect', async () => {
    const d = await directory();
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => person(d, `p${i}`, { ParentReference: { Selector: '/' }, LinkName: `${prefix}${i}` }));
    // The root gains children but is not one of the objects the operations write.
    expect((await d.write(many(20, 'a'))).Responses).toHaveLength(20);
    const e = await d.writeError(many(21, 'b'));
    expect(e.members).toMatchObject({ Type: 'LimitExceededException' });
    expect(Object.keys(await d.children('/')).filter((n) => n.startsWith('b'))).toEqual([]);
  });

  it('more than 1000 attribute values fail with LimitExceededException', async () => {
    const d = await directory();
    const r = await d.write([person(d, 'p')]);
    const id = r.Responses[0].CreateObject.ObjectIdentifier;
    const update = (n: number) => ({
      UpdateObjectAttributes: {
        ObjectReference: { Selector: `$${id}` },
        AttributeUpdates: Array.from({ length: n }, (_, i) => ({ ObjectAttributeKey: key(d, 'Person', 'age'), ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { NumberValue: String(i) } } })),
      },
    });
    await d.write([update(1000)]);
    expect((await d.writeError([update(500), update(501)])).members).toEqual({ Index: 1, Type: 'LimitExceededException' });
    const attrs = await d.h.call('ListObjectAttributes', { DirectoryArn: d.dirArn, ObjectReference: { Selector: `$${id}` }, FacetFilter: { SchemaArn: d.schemaArn, FacetName: 'Person' } });
    expect(attrs.Attributes).toContainEqual({ Key: key(d, 'Person', 'age'), Value: { NumberValue: '999' } });
  });
});
