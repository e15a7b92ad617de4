// The generic probes of a tiny hand-written operation schema: one value just inside and one just
// outside each bound, checked against the bounds written below (not against the code's output).
import { describe, expect, test } from 'vitest';
import { applyProbe, minimalValue, probesOfOperation, type Probe } from '../../suites/harness/constraint-probes.js';

const doc = {
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['Name'],
        properties: {
          Name: { type: 'string', minLength: 2, maxLength: 5, pattern: '[a-z]+' },
          Count: { type: 'integer', minimum: 1, maximum: 10 },
          Ratio: { type: 'number', minimum: 0 },
          Kind: { type: 'string', enum: ['ONE', 'TWO'] },
          Flag: { type: 'boolean' },
        },
      },
      Req: {
        type: 'object',
        required: ['Items'],
        properties: {
          Items: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Item' } },
          Tags: { type: 'object', minProperties: 1, propertyNames: { type: 'string', maxLength: 3 }, additionalProperties: { type: 'string', maxLength: 4 } },
        },
      },
    },
  },
};

const op = {
  parameters: [
    { in: 'path', name: 'Id', schema: { type: 'string', minLength: 1, maxLength: 4 } },
    { in: 'query', name: 'max', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  ],
  requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Req' } } } },
};

const probes = probesOfOperation(doc, op);
const at = (path: string, inside: boolean, constraint: RegExp): Probe[] =>
  probes.filter((p) => p.at.join('.') === path && p.inside === inside && constraint.test(p.constraint));
const one = (path: string, inside: boolean, constraint: RegExp): Probe => {
  const found = at(path, inside, constraint);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('harness constraint probes of a hand-written schema', () => {
  test('string lengths: at each bound inside, one past it outside; values still fit the pattern', () => {
    expect((one('Items.0.Name', true, /maxLength/).value as string)).toBe('aaaaa');
    expect((one('Items.0.Name', false, /maxLength/).value as string)).toHaveLength(6);
    expect((one('Items.0.Name', true, /minLength/).value as string)).toBe('aa');
    expect((one('Items.0.Name', false, /minLength/).value as string)).toHaveLength(1);
  });

  test('pattern: inside matches in full, outside matches nowhere', () => {
    expect(/^[a-z]+$/.test(one('Items.0.Name', true, /pattern/).value as string)).toBe(true);
    expect(/[a-z]/.test(one('Items.0.Name', false, /pattern/).value as string)).toBe(false);
  });

  test('integer and number bounds: at the bound inside, one step past outside', () => {
    expect(one('Items.0.Count', true, /minimum/).value).toBe(1);
    expect(one('Items.0.Count', false, /minimum/).value).toBe(0);
    expect(one('Items.0.Count', true, /maximum/).value).toBe(10);
    expect(one('Items.0.Count', false, /maximum/).value).toBe(11);
    expect(one('Items.0.Ratio', true, /minimum/).value).toBe(0);
    expect(one('Items.0.Ratio', false, /minimum/).value as number).toBeLessThan(0);
    expect(one('Items.0.Count', false, /must be a number/).value).toBe('not-a-number');
  });

  test('enum, boolean, string type, required member, minItems and array type', () => {
    expect(['ONE', 'TWO']).not.toContain(one('Items.0.Kind', false, /enum/).value);
    expect(at('Items.0.Kind', true, /enum/)).toHaveLength(0);
    expect(typeof one('Items.0.Flag', false, /boolean/).value).not.toBe('boolean');
    expect(typeof one('Items.0.Name', false, /must be a string/).value).not.toBe('string');
    expect(one('Items.0.Name', false, /required/).remove).toBe(true);
    expect(one('Items', false, /required/).remove).toBe(true);
    expect(one('Items', false, /minItems 1/).value).toEqual([]);
  });

  test('map: no entries under minProperties, key and value lengths at and past their bounds', () => {
    expect(one('Tags', false, /minProperties/).value).toEqual({});
    expect(Object.keys(one('Tags', true, /key: .*maxLength/).value as object)[0]).toHaveLength(3);
    expect(Object.keys(one('Tags', false, /key: .*maxLength/).value as object)[0]).toHaveLength(4);
    expect((one('Tags.k', true, /maxLength/).value as string)).toHaveLength(4);
    expect((one('Tags.k', false, /maxLength/).value as string)).toHaveLength(5);
  });

  test('path label: maxLength probed, minLength not (an empty label changes the path); query integer bounds', () => {
    expect(one('Id', true, /maxLength/).value).toBe('aaaa');
    expect(one('Id', false, /maxLength/).value).toBe('aaaaa');
    expect(at('Id', false, /minLength/)).toHaveLength(0);
    expect(one('max', true, /maximum/).value).toBe(100);
    expect(one('max', false, /maximum/).value).toBe(101);
    expect(one('max', false, /minimum/).value).toBe(0);
    expect(probes.filter((p) => p.where === 'path').every((p) => p.at.join() === 'Id')).toBe(true);
  });

  test('options: enum values probed inside, own filler, own type word for query numbers', () => {
    const withOptions = probesOfOperation(doc, op, { enumInsides: true, filler: (_s, n) => 'b'.repeat(n), numberWord: () => 'an integer' });
    const kinds = withOptions.filter((p) => p.at.join('.') === 'Items.0.Kind' && p.inside).map((p) => p.value);
    expect(kinds).toEqual(['ONE', 'TWO']);
    expect(withOptions.find((p) => p.at.join('.') === 'Items.0.Name' && p.inside && /maxLength/.test(p.constraint))?.value).toBe('bbbbb');
    expect(withOptions.some((p) => p.where === 'query' && p.constraint === 'max must be an integer')).toBe(true);
  });

  test('minimalValue is valid: required members only, bounds respected', () => {
    expect(minimalValue(doc, { $ref: '#/components/schemas/Req' })).toEqual({ Items: [{ Name: 'aa' }] });
    expect(minimalValue(doc, { type: 'integer', minimum: 5 })).toBe(5);
    expect(minimalValue(doc, { type: 'integer', minimum: 0, maximum: 0 })).toBe(0);
  });

  test('a probe inside an element creates the element when the request has none, and edits a copy', () => {
    const p = one('Items.0.Count', false, /maximum/);
    const base = { Items: [] as unknown[] };
    expect(applyProbe(base, p)).toEqual({ Items: [{ Name: 'aa', Count: 11 }] });
    expect(base.Items).toHaveLength(0);
    const kept = applyProbe({ Items: [{ Name: 'xyz' }] }, p);
    expect(kept).toEqual({ Items: [{ Name: 'xyz', Count: 11 }] });
    expect(applyProbe({ Items: [{ Name: 'xyz' }] }, one('Items.0.Name', false, /required/))).toEqual({ Items: [{}] });
  });

  test('bad schemas do not crash: unknown $ref, recursive $ref, no body', () => {
    const loop = { components: { schemas: { A: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' }, s: { type: 'string', maxLength: 1 } } } } } };
    expect(() => probesOfOperation(loop, { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } })).not.toThrow();
    expect(probesOfOperation({}, { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } })).toEqual([]);
    expect(probesOfOperation(doc, {})).toEqual([]);
  });
});
