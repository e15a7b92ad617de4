// DIR-ORDER-1 / DIR-RESP-1 reading of a successful BatchWrite answer, on hand-made answers whose
// members follow (or break) the BatchWrite page's Response Syntax: AttachObject and DetachObject
// results are lower camel, AttachToIndex / DetachFromIndex upper camel.
import { describe, expect, test } from 'vitest';
import { responseProblems } from '../../suites/clouddirectory/responses.js';

const ops = [
  { AttachObject: {} },
  { DetachObject: {} },
  { AttachToIndex: {} },
  { DetachFromIndex: {} },
  { CreateObject: {} },
  { DeleteObject: {} },
];

const documented = {
  Responses: [
    { AttachObject: { attachedObjectIdentifier: 'a' } },
    { DetachObject: { detachedObjectIdentifier: 'b' } },
    { AttachToIndex: { AttachedObjectIdentifier: 'c' } },
    { DetachFromIndex: { DetachedObjectIdentifier: 'd' } },
    { CreateObject: { ObjectIdentifier: 'e' } },
    { DeleteObject: {} },
  ],
};

describe('responseProblems', () => {
  test('the documented members pass', () => {
    expect(responseProblems(ops, documented)).toEqual([]);
  });

  test('upper camel AttachedObjectIdentifier on AttachObject is named as a casing divergence', () => {
    const body = structuredClone(documented);
    body.Responses[0] = { AttachObject: { AttachedObjectIdentifier: 'a' } } as never;
    expect(responseProblems(ops, body)).toEqual(['response 0 (AttachObject) spells AttachedObjectIdentifier instead of attachedObjectIdentifier']);
  });

  test('lower camel on AttachToIndex is a divergence too', () => {
    const body = structuredClone(documented);
    body.Responses[2] = { AttachToIndex: { attachedObjectIdentifier: 'c' } } as never;
    expect(responseProblems(ops, body)).toEqual(['response 2 (AttachToIndex) spells attachedObjectIdentifier instead of AttachedObjectIdentifier']);
  });

  test('a missing response, a response out of order, and a non-string identifier are named', () => {
    expect(responseProblems(ops, { Responses: documented.Responses.slice(0, 5) })).toEqual(['5 responses for 6 operations']);
    const swapped = { Responses: [documented.Responses[1], documented.Responses[0], ...documented.Responses.slice(2)] };
    expect(responseProblems(ops, swapped)).toHaveLength(2);
    const numeric = structuredClone(documented);
    numeric.Responses[4] = { CreateObject: { ObjectIdentifier: 5 } } as never;
    expect(responseProblems(ops, numeric)).toEqual(['response 4 (CreateObject) ObjectIdentifier is not a string']);
  });

  test('bodies of the wrong shape do not throw', () => {
    for (const body of [undefined, null, 42, 'x', [], { Responses: 'no' }, { Responses: [null, 1, 'a', [], {}, {}] }]) {
      expect(responseProblems(ops, body).length).toBeGreaterThan(0);
    }
  });
});
