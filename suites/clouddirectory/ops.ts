// Builders of BatchWrite operations (one object per operation, keyed by its kind) and selectors.
import { FACETS } from './provision.js';

export type WriteOp = Record<string, Record<string, unknown>>;

export const byId = (id: string): { Selector: string } => ({ Selector: `$${id}` });
export const byRef = (name: string): { Selector: string } => ({ Selector: `#${name}` });
export const byPath = (path: string): { Selector: string } => ({ Selector: path });

export function str(schemaArn: string, facet: string, name: string, value: string) {
  return { Key: { SchemaArn: schemaArn, FacetName: facet, Name: name }, Value: { StringValue: value } };
}

export interface CreateOpts {
  parent?: { Selector: string };
  link?: string;
  ref?: string;
  facet?: string;
  attrs?: Array<[string, string]>;
}

export function createObject(schemaArn: string, o: CreateOpts = {}): WriteOp {
  const facet = o.facet ?? FACETS.node;
  return {
    CreateObject: {
      SchemaFacet: [{ SchemaArn: schemaArn, FacetName: facet }],
      ObjectAttributeList: (o.attrs ?? []).map(([n, v]) => str(schemaArn, facet, n, v)),
      ...(o.parent ? { ParentReference: o.parent, LinkName: o.link } : {}),
      ...(o.ref ? { BatchReferenceName: o.ref } : {}),
    },
  };
}

export function attachObject(parent: { Selector: string }, child: { Selector: string }, link: string): WriteOp {
  return { AttachObject: { ParentReference: parent, ChildReference: child, LinkName: link } };
}

export function detachObject(parent: { Selector: string }, link: string, ref?: string): WriteOp {
  return { DetachObject: { ParentReference: parent, LinkName: link, ...(ref ? { BatchReferenceName: ref } : {}) } };
}

/** Sets string attributes of the LsNode facet (a NumberValue when `asNumber`, to break the facet). */
export function updateAttrs(schemaArn: string, obj: { Selector: string }, sets: Array<[string, string]>, asNumber = false): WriteOp {
  return {
    UpdateObjectAttributes: {
      ObjectReference: obj,
      AttributeUpdates: sets.map(([n, v]) => ({
        ObjectAttributeKey: { SchemaArn: schemaArn, FacetName: FACETS.node, Name: n },
        ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: asNumber ? { NumberValue: '7' } : { StringValue: v } },
      })),
    },
  };
}

export function deleteObject(obj: { Selector: string }): WriteOp {
  return { DeleteObject: { ObjectReference: obj } };
}

export function attachPolicy(obj: { Selector: string }, policy: { Selector: string }): WriteOp {
  return { AttachPolicy: { ObjectReference: obj, PolicyReference: policy } };
}

export function detachPolicy(obj: { Selector: string }, policy: { Selector: string }): WriteOp {
  return { DetachPolicy: { ObjectReference: obj, PolicyReference: policy } };
}

export function createIndex(schemaArn: string, o: { parent?: { Selector: string }; link?: string; ref?: string; unique?: boolean } = {}): WriteOp {
  return {
    CreateIndex: {
      OrderedIndexedAttributeList: [{ SchemaArn: schemaArn, FacetName: FACETS.node, Name: 'label' }],
      IsUnique: o.unique ?? false,
      ...(o.parent ? { ParentReference: o.parent, LinkName: o.link } : {}),
      ...(o.ref ? { BatchReferenceName: o.ref } : {}),
    },
  };
}

export function attachToIndex(index: { Selector: string }, target: { Selector: string }): WriteOp {
  return { AttachToIndex: { IndexReference: index, TargetReference: target } };
}

export function detachFromIndex(index: { Selector: string }, target: { Selector: string }): WriteOp {
  return { DetachFromIndex: { IndexReference: index, TargetReference: target } };
}

export function addFacet(schemaArn: string, obj: { Selector: string }, facet: string, attrs: Array<[string, string]>): WriteOp {
  return { AddFacetToObject: { ObjectReference: obj, SchemaFacet: { SchemaArn: schemaArn, FacetName: facet }, ObjectAttributeList: attrs.map(([n, v]) => str(schemaArn, facet, n, v)) } };
}

/** The kind of an operation (its single key), or '?' for a malformed one. */
export function kindOf(op: unknown): string {
  if (typeof op !== 'object' || op === null) return '?';
  const keys = Object.keys(op);
  return keys.length === 1 ? keys[0]! : '?';
}

/** One line per operation, for counterexamples. */
export function showOps(ops: unknown[]): string[] {
  return ops.map((op, i) => `${i}: ${JSON.stringify(op).replace(/"SchemaArn":"[^"]*",?/g, '')}`);
}

/** Selectors an operation uses (to see whether a failure sits on a `#name`). */
export function selectorsOf(op: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === 'object' && x !== null) {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'Selector' && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(op);
  return out;
}
