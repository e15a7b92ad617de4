// Read-back differences name what a batch changed (the DIR-ATOMIC-1 messages rely on it).
import { describe, expect, test } from 'vitest';
import { canonical, diffSnapshots, type ObjectSnapshot } from '../../suites/clouddirectory/readback.js';

const obj = (o: Partial<ObjectSnapshot> = {}): ObjectSnapshot => ({ facets: ['LsNode'], attrs: [], children: [], policies: [], indices: [], ...o });

describe('diffSnapshots', () => {
  test('equal snapshots give nothing; canonical form ignores key order', () => {
    const a = { x: obj(), y: obj({ children: ['k->x'] }) };
    const b = { y: obj({ children: ['k->x'] }), x: obj() };
    expect(diffSnapshots(a, b)).toEqual([]);
    expect(canonical(a)).toBe(canonical(b));
  });

  test('gained and lost entries, new and vanished objects are named', () => {
    const before = { h: obj({ children: ['n0->a'] }), a: obj({ attrs: ['LsNode.label=StringValue:"1"'] }), gone: obj() };
    const after = { h: obj({ children: ['n0->a', 'g->b'] }), a: obj({ attrs: ['LsNode.label=StringValue:"2"'] }), b: obj() };
    expect(diffSnapshots(before, after)).toEqual([
      'object h children: gained ["g->b"]',
      'object a attrs: gained ["LsNode.label=StringValue:\\"2\\""] lost ["LsNode.label=StringValue:\\"1\\""]',
      'object gone no longer reachable',
      `object b appeared: ${JSON.stringify(obj())}`,
    ]);
  });

  test('a change in multiplicity only is still reported', () => {
    expect(diffSnapshots({ p: obj({ policies: ['q'] }) }, { p: obj({ policies: ['q', 'q'] }) })).toEqual(['object p policies: ["q"] -> ["q","q"]']);
  });
});
