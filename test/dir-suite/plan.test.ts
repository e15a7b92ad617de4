// The property's planner: whatever steps are generated, the operations it emits are valid in
// sequence (the property relies on it to call a refused valid batch a divergence).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Home } from '../../suites/clouddirectory/home.js';
import { kindOf, selectorsOf } from '../../suites/clouddirectory/ops.js';
import { planSteps, stepArb } from '../../suites/clouddirectory/plan.js';

const home: Home = {
  dir: { arn: 'arn:aws:clouddirectory:us-east-1:123456789012:directory/D', schemaArn: 'S', devSchemaArn: 'X', name: 'n' },
  link: 'h0',
  home: 'H',
  nodes: ['N0', 'N1', 'N2'],
  victim: 'V',
  leaf: 'L',
  policy: 'P',
  index: 'I',
  detachedParent: 'DP',
  detachedChild: 'DC',
  links: [],
};

type Op = Record<string, Record<string, unknown>>;
const sel = (x: unknown) => (x as { Selector: string }).Selector;
// Either form the planner may use for home node i.
const nodeOf = (s: string) => ['N0', 'N1', 'N2'].findIndex((id, i) => s === `$${id}` || s === `/h0/n${i}`);

describe('planSteps', () => {
  test('operations are valid in sequence', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        const { ops } = planSteps(home, steps, 't') as { ops: Op[] };
        const refs = new Set<string>();
        const links = new Set<string>();
        const seen = new Set<string>();
        const once = (key: string) => {
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        };
        for (const op of ops) {
          const kind = kindOf(op);
          const body = op[kind]!;
          for (const s of selectorsOf(op)) if (s.startsWith('#')) expect(refs.has(s.slice(1)), `${s} used before it is named`).toBe(true);
          if (kind === 'CreateObject') {
            expect(links.has(String(body.LinkName))).toBe(false);
            links.add(String(body.LinkName));
          }
          if (kind === 'DetachObject') {
            expect(sel(body.ParentReference)).toBe('$H');
            expect(links.delete(String(body.LinkName)), `detach of ${String(body.LinkName)}`).toBe(true);
          }
          if (kind === 'AttachObject') once(`leaf under ${nodeOf(sel(body.ParentReference))}`);
          if (kind === 'AttachPolicy') once(`policy on ${nodeOf(sel(body.ObjectReference))}`);
          if (kind === 'AttachToIndex') once(`index entry ${nodeOf(sel(body.TargetReference))}`);
          if (kind === 'AddFacetToObject') once(`facet on ${nodeOf(sel(body.ObjectReference))}`);
          if (typeof body.BatchReferenceName === 'string') refs.add(body.BatchReferenceName);
        }
        expect(ops.length).toBe(steps.length);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test('the expectations follow the last write and drop detached objects', () => {
    const { expected } = planSteps(
      home,
      [
        { kind: 'create', node: 0, label: 'a', byPath: false, named: true },
        { kind: 'update', node: 1, label: 'b', byPath: true, named: false },
        { kind: 'update', node: 1, label: 'c', byPath: false, named: false },
        { kind: 'detachFresh', node: 0, label: 'z', byPath: false, named: false },
        { kind: 'updateRef', node: 0, label: 'd', byPath: false, named: false },
      ],
      't',
    );
    expect([...expected.labels.entries()]).toEqual([['n1', 'c']]);
    expect(expected.homeLinks).toEqual([]);
    expect(expected.goneLinks).toEqual(['gt0']);
  });
});
