// Operations that fail whatever valid operations come before them in a batch (they touch only the
// victim, the leaf, the detached parent or names the valid operations never use), each with the
// BatchWriteException Type DIR-EXC-1 lists for its cause.
import type { Home } from './home.js';
import { attachPolicy, attachToIndex, byId, byPath, createObject, deleteObject, updateAttrs, type WriteOp } from './ops.js';

export interface FailureKind {
  name: string;
  /** The documented Type (DIR-EXC-1). */
  type: string;
  build(h: Home): WriteOp;
}

export const FAILURE_KINDS: FailureKind[] = [
  { name: 'link name already in use', type: 'LinkNameAlreadyInUseException', build: (h) => createObject(h.dir.schemaArn, { parent: byId(h.home), link: 'n0' }) },
  { name: 'delete an attached object', type: 'ObjectNotDetachedException', build: (h) => deleteObject(byId(h.victim)) },
  { name: 'delete an object with children', type: 'StillContainsLinksException', build: (h) => deleteObject(byId(h.detachedParent)) },
  { name: 'value of the wrong type for the facet attribute', type: 'FacetValidationException', build: (h) => updateAttrs(h.dir.schemaArn, byId(h.victim), [['label', '']], true) },
  { name: 'attribute the facet does not define', type: 'FacetValidationException', build: (h) => updateAttrs(h.dir.schemaArn, byId(h.victim), [['nosuchattr', 'x']]) },
  { name: 'create under a leaf', type: 'NotNodeException', build: (h) => createObject(h.dir.schemaArn, { parent: byId(h.leaf), link: 'under-leaf' }) },
  { name: 'attach to an object that is not an index', type: 'NotIndexException', build: (h) => attachToIndex(byId(h.victim), byId(h.victim)) },
  { name: 'attach a policy that is not a policy', type: 'NotPolicyException', build: (h) => attachPolicy(byId(h.victim), byId(h.victim)) },
  { name: 'unknown object reference', type: 'ResourceNotFoundException', build: (h) => updateAttrs(h.dir.schemaArn, byPath(`/${h.link}/no-such-object`), [['label', 'x']]) },
];
