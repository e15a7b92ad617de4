// Generated steps of the batch property turned into concrete, valid operations. A small state
// (link names made, policies and index entries added, references named) keeps every operation valid
// in sequence; a step that cannot apply becomes a plain attribute update. The plan also says what a
// successful batch must leave behind (checked against a read-back).
import fc from 'fast-check';
import type { Home } from './home.js';
import { addFacet, attachObject, attachPolicy, attachToIndex, byId, byPath, byRef, createObject, detachObject, updateAttrs, type WriteOp } from './ops.js';
import { FACETS } from './provision.js';

export type StepKind = 'create' | 'update' | 'updateRef' | 'attachLeaf' | 'detachFresh' | 'policy' | 'index' | 'addFacet';

export interface Step {
  kind: StepKind;
  node: number;
  label: string;
  /** Address a home node by its path instead of its `$id`. */
  byPath: boolean;
  /** For create: name it with BatchReferenceName. */
  named: boolean;
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<StepKind>('create', 'update', 'updateRef', 'attachLeaf', 'detachFresh', 'policy', 'index', 'addFacet'),
  node: fc.nat({ max: 2 }),
  label: fc.stringMatching(/^[a-z0-9]{1,6}$/),
  byPath: fc.boolean(),
  named: fc.boolean(),
});

/** What a successful batch must leave: home links present/absent, labels, leaf links, policies, index entries. */
export interface Expected {
  homeLinks: string[];
  goneLinks: string[];
  /** home node index (0..2) or created link -> last label written. */
  labels: Map<string, string>;
  leafLinks: Array<[number, string]>;
  policies: number[];
  indexed: number[];
  /** home node index -> the `extra` value it got with the LsExtra facet. */
  extraFacet: Map<number, string>;
}

export interface Plan {
  ops: WriteOp[];
  expected: Expected;
}

export function planSteps(h: Home, steps: Step[], tag: string): Plan {
  const ops: WriteOp[] = [];
  const expected: Expected = { homeLinks: [], goneLinks: [], labels: new Map(), leafLinks: [], policies: [], indexed: [], extraFacet: new Map() };
  const created: Array<{ link: string; ref?: string; detached: boolean }> = [];
  const arn = h.dir.schemaArn;
  const nodeSel = (s: Step) => (s.byPath ? byPath(`/${h.link}/n${s.node}`) : byId(h.nodes[s.node]!));
  const update = (s: Step) => {
    ops.push(updateAttrs(arn, nodeSel(s), [['label', s.label]]));
    expected.labels.set(`n${s.node}`, s.label);
  };
  steps.forEach((s, i) => {
    const fresh = `${tag}${i}`;
    switch (s.kind) {
      case 'create': {
        const ref = s.named ? `r${fresh}` : undefined;
        ops.push(createObject(arn, { parent: byId(h.home), link: `g${fresh}`, attrs: [['label', s.label]], ...(ref ? { ref } : {}) }));
        created.push({ link: `g${fresh}`, ...(ref ? { ref } : {}), detached: false });
        expected.homeLinks.push(`g${fresh}`);
        expected.labels.set(`g${fresh}`, s.label);
        return;
      }
      case 'updateRef': {
        const target = created.find((c) => c.ref !== undefined);
        if (!target) return update(s);
        ops.push(updateAttrs(arn, byRef(target.ref!), [['label', s.label]]));
        // A detached object is out of the read-back's reach: its label is not expected anywhere.
        if (!target.detached) expected.labels.set(target.link, s.label);
        return;
      }
      case 'attachLeaf':
        // An object is a child of one parent at most once (whatever the link name).
        if (expected.leafLinks.some(([n]) => n === s.node)) return update(s);
        ops.push(attachObject(nodeSel(s), byId(h.leaf), `l${fresh}`));
        expected.leafLinks.push([s.node, `l${fresh}`]);
        return;
      case 'detachFresh': {
        const target = created.find((c) => !c.detached);
        if (!target) return update(s);
        target.detached = true;
        ops.push(detachObject(byId(h.home), target.link));
        expected.homeLinks = expected.homeLinks.filter((l) => l !== target.link);
        expected.goneLinks.push(target.link);
        expected.labels.delete(target.link);
        return;
      }
      case 'policy':
        if (expected.policies.includes(s.node)) return update(s);
        ops.push(attachPolicy(nodeSel(s), byId(h.policy)));
        expected.policies.push(s.node);
        return;
      case 'index':
        if (expected.indexed.includes(s.node)) return update(s);
        ops.push(attachToIndex(byId(h.index), nodeSel(s)));
        expected.indexed.push(s.node);
        return;
      case 'addFacet':
        if (expected.extraFacet.has(s.node)) return update(s);
        ops.push(addFacet(arn, nodeSel(s), FACETS.extra, [['extra', s.label]]));
        expected.extraFacet.set(s.node, s.label);
        return;
      default:
        return update(s);
    }
  });
  return { ops, expected };
}
