// Value types and Validation keywords (CONNECT-VAL-1), and primary values (CONNECT-PK-1).
import { describe, expect, it } from 'vitest';
import { Kit } from './connect-kit.js';

interface Case {
  type: string;
  validation?: Record<string, unknown>;
  accept: string[];
  reject: string[];
}

const CASES: Record<string, Case> = {
  'NUMBER syntax': {
    type: 'NUMBER',
    accept: ['0', '-0', '12', '-3.5', '1e3', '2.5E-2', '1E+2'],
    reject: ['', ' 1', '1 ', '+1', '01', '1.', '.5', '0x1F', 'NaN', 'Infinity', '1e400', 'one', '1,5', '"1"'],
  },
  'BOOLEAN syntax': { type: 'BOOLEAN', accept: ['true', 'false'], reject: ['True', 'FALSE', '1', '0', 'yes', '', ' true'] },
  'TEXT accepts any string': { type: 'TEXT', accept: ['', ' ', 'héllo', '😀', '{"a":1}'], reject: [] },
  'TEXT_LIST syntax': {
    type: 'TEXT_LIST',
    accept: ['[]', '["a"]', '["a","b",""]'],
    reject: ['a', '["a",1]', '[null]', '{"a":"b"}', '"a"', '[["a"]]', '['],
  },
  'NUMBER_LIST syntax': {
    type: 'NUMBER_LIST',
    accept: ['[]', '[1]', '[1,-2.5,3e2]'],
    reject: ['1', '["1"]', '[1,null]', '[true]', '[1e400]', '[1,]'],
  },
  'MinLength/MaxLength count code points': {
    type: 'TEXT',
    validation: { MinLength: 2, MaxLength: 3 },
    accept: ['ab', 'abc', '😀😀😀', 'é😀'],
    reject: ['a', '😀', 'abcd', '😀😀😀😀'],
  },
  'MinLength/MaxLength per TEXT_LIST item': {
    type: 'TEXT_LIST',
    validation: { MinLength: 1, MaxLength: 2 },
    accept: ['["a","😀😀"]', '[]'],
    reject: ['[""]', '["a","abc"]'],
  },
  Minimum: { type: 'NUMBER', validation: { Minimum: 10 }, accept: ['10', '10.5', '1e2'], reject: ['9.999', '-10'] },
  Maximum: { type: 'NUMBER', validation: { Maximum: -1 }, accept: ['-1', '-2'], reject: ['-0.5', '0'] },
  ExclusiveMinimum: { type: 'NUMBER', validation: { ExclusiveMinimum: 0 }, accept: ['0.001', '5'], reject: ['0', '-1'] },
  ExclusiveMaximum: { type: 'NUMBER', validation: { ExclusiveMaximum: 100 }, accept: ['99.99'], reject: ['100', '101'] },
  'Maximum with ExclusiveMaximum (both apply)': {
    type: 'NUMBER',
    validation: { Maximum: 10, ExclusiveMaximum: 5 },
    accept: ['4'],
    reject: ['5', '7', '11'],
  },
  MultipleOf: { type: 'NUMBER', validation: { MultipleOf: 0.1 }, accept: ['0.3', '2', '-0.7', '0'], reject: ['0.15', '0.333'] },
  'numeric rules per NUMBER_LIST item': {
    type: 'NUMBER_LIST',
    validation: { Minimum: 0, MultipleOf: 2 },
    accept: ['[0,2,4]', '[]'],
    reject: ['[2,-2]', '[2,3]'],
  },
  'MinValues/MaxValues on TEXT_LIST': {
    type: 'TEXT_LIST',
    validation: { MinValues: 1, MaxValues: 2 },
    accept: ['["a"]', '["a","b"]'],
    reject: ['[]', '["a","b","c"]'],
  },
  'MinValues/MaxValues on NUMBER_LIST': {
    type: 'NUMBER_LIST',
    validation: { MinValues: 2, MaxValues: 2 },
    accept: ['[1,2]'],
    reject: ['[1]', '[1,2,3]'],
  },
  'Enum Strict true on TEXT': {
    type: 'TEXT',
    validation: { Enum: { Strict: true, Values: ['red', 'green'] } },
    accept: ['red', 'green'],
    reject: ['blue', 'Red', ''],
  },
  'Enum Strict true with IgnoreCase': {
    type: 'TEXT',
    validation: { IgnoreCase: true, Enum: { Strict: true, Values: ['red'] } },
    accept: ['red', 'RED'],
    reject: ['blue'],
  },
  'Enum Strict false allows any value': {
    type: 'TEXT',
    validation: { Enum: { Strict: false, Values: ['red'] } },
    accept: ['red', 'anything'],
    reject: [],
  },
  'Enum without Strict allows any value': {
    type: 'TEXT',
    validation: { Enum: { Values: ['red'] } },
    accept: ['other'],
    reject: [],
  },
  'Enum Strict on NUMBER compares numbers': {
    type: 'NUMBER',
    validation: { Enum: { Strict: true, Values: ['1', '2.5'] } },
    accept: ['1', '2.5', '1.0', '25e-1'],
    reject: ['3'],
  },
  'Enum Strict per TEXT_LIST item': {
    type: 'TEXT_LIST',
    validation: { Enum: { Strict: true, Values: ['a', 'b'] } },
    accept: ['["a","b","a"]', '[]'],
    reject: ['["a","c"]'],
  },
  'Enum Strict per NUMBER_LIST item': {
    type: 'NUMBER_LIST',
    validation: { Enum: { Strict: true, Values: ['1', '2'] } },
    accept: ['[1,2]'],
    reject: ['[1,3]'],
  },
};

describe('Connect reference: value types and Validation (CONNECT-VAL-1)', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: accepts ${JSON.stringify(c.accept)} and fails ${JSON.stringify(c.reject)}`, async () => {
      const k = new Kit();
      const t = await k.table('NONE');
      await k.attribute(t.Id, 'v', c.type, c.validation ? { Validation: c.validation } : {});
      // create: each value in its own record, so every one is a fresh create
      for (const value of [...c.accept, ...c.reject]) {
        const out = await k.create(t.Id, [{ AttributeName: 'v', Value: value }]);
        const accepted = out.Successful.length === 1;
        expect({ value, accepted }).toEqual({ value, accepted: c.accept.includes(value) });
        if (!accepted) expect(out.Failed[0].Message.length).toBeGreaterThan(0);
        if (accepted) await k.remove(t.Id, [{ AttributeName: 'v', LockVersion: out.Successful[0].LockVersion }]);
      }
      // update: the same rules apply, and a rejected update keeps the stored value
      const seed = await k.createOne(t.Id, 'v', c.accept[0]!);
      for (const value of c.reject) {
        const out = await k.updateOne(t.Id, 'v', value, seed.LockVersion);
        expect({ value, failed: out.Failed.length }).toEqual({ value, failed: 1 });
      }
      expect((await k.read(t.Id, 'v')).Value).toBe(c.accept[0]);
    });
  }
});

describe('Connect reference: primary values (CONNECT-PK-1)', () => {
  async function twoKeyTable(k: Kit) {
    const t = await k.table('NONE');
    await k.attribute(t.Id, 'country', 'TEXT', { Primary: true });
    await k.attribute(t.Id, 'zip', 'NUMBER', { Primary: true });
    await k.attribute(t.Id, 'v');
    return t;
  }
  const both = [
    { AttributeName: 'country', Value: 'FR' },
    { AttributeName: 'zip', Value: '75001' },
  ];

  it('accepts exactly the primary attributes, each once, in any order', async () => {
    const k = new Kit();
    const t = await twoKeyTable(k);
    const a = await k.createOne(t.Id, 'v', 'x', both);
    const reversed = [both[1]!, both[0]!];
    const got = await k.read(t.Id, 'v', reversed);
    expect(got.RecordId).toBe(a.RecordId);
    expect(got.PrimaryValues.map((p: { AttributeName: string; Value: string }) => [p.AttributeName, p.Value])).toEqual([
      ['country', 'FR'],
      ['zip', '75001'],
    ]);
    expect(typeof got.PrimaryValues[0].AttributeId).toBe('string');
  });

  it.each([
    ['a subset', [{ AttributeName: 'country', Value: 'FR' }]],
    ['a subset leaving out a TEXT primary attribute', [{ AttributeName: 'zip', Value: '75001' }]],
    ['a repeated attribute', [...both, { AttributeName: 'zip', Value: '75002' }]],
    ['a repeated attribute replacing another', [{ AttributeName: 'zip', Value: '1' }, { AttributeName: 'zip', Value: '2' }]],
    ['a non-primary attribute', [{ AttributeName: 'country', Value: 'FR' }, { AttributeName: 'v', Value: '1' }]],
    ['an unknown attribute', [...both, { AttributeName: 'nope', Value: '1' }]],
    ['a value breaking the primary attribute type', [{ AttributeName: 'country', Value: 'FR' }, { AttributeName: 'zip', Value: 'abc' }]],
  ])('fails an item naming %s', async (_label, pvs) => {
    const k = new Kit();
    const t = await twoKeyTable(k);
    const out = await k.create(t.Id, [{ PrimaryValues: pvs, AttributeName: 'v', Value: 'x' }]);
    expect(out.Failed).toHaveLength(1);
    expect(out.Failed[0].PrimaryValues).toEqual(pvs);
    expect((await k.call('ListDataTableValues', { DataTableId: t.Id })).Values).toEqual([]);
  });

  it('empty PrimaryValues addresses the default record, with or without primary attributes', async () => {
    const k = new Kit();
    const keyed = await twoKeyTable(k);
    const plain = await k.table('NONE');
    await k.attribute(plain.Id, 'v');
    for (const t of [keyed, plain]) {
      const c = await k.createOne(t.Id, 'v', 'default');
      expect((await k.read(t.Id, 'v', [])).RecordId).toBe(c.RecordId);
      expect((await k.read(t.Id, 'v', [])).PrimaryValues).toEqual([]);
    }
    const out = await k.create(plain.Id, [{ PrimaryValues: [{ AttributeName: 'v', Value: '1' }], AttributeName: 'v', Value: 'x' }]);
    expect(out.Failed).toHaveLength(1);
  });

  it('an item whose AttributeName is a primary attribute fails (SHOULD)', async () => {
    const k = new Kit();
    const t = await twoKeyTable(k);
    const out = await k.create(t.Id, [{ PrimaryValues: both, AttributeName: 'country', Value: 'DE' }]);
    expect(out.Failed).toHaveLength(1);
  });

  it('IgnoreCase on a primary attribute makes keys case-insensitive', async () => {
    const k = new Kit();
    const t = await k.table('NONE');
    await k.attribute(t.Id, 'code', 'TEXT', { Primary: true, Validation: { IgnoreCase: true } });
    await k.attribute(t.Id, 'v');
    await k.createOne(t.Id, 'v', 'x', [{ AttributeName: 'code', Value: 'AbC' }]);
    const dup = await k.create(t.Id, [{ PrimaryValues: [{ AttributeName: 'code', Value: 'abc' }], AttributeName: 'v', Value: 'y' }]);
    expect(dup.Failed).toHaveLength(1);
    expect((await k.read(t.Id, 'v', [{ AttributeName: 'code', Value: 'ABC' }])).Value).toBe('x');
  });
});
