// The table the suites provision: two primary attributes and one non-primary attribute per
// ValueType (two TEXT ones for the two Enum modes), each with Validation rules, plus value samples
// on both sides of every rule. Why each invalid sample is invalid is said next to it (CONNECT-VAL-1).
import type { AttributeDef, PrimaryValue } from './types.js';

export const PRIMARY_ATTRIBUTES: AttributeDef[] = [
  { name: 'pk', valueType: 'TEXT', primary: true },
  { name: 'pn', valueType: 'NUMBER', primary: true },
];

export interface Samples {
  /** Valid values every reading accepts. */
  valid: string[];
  /** Valid values that naive implementations get wrong (code points, Strict false, exponent). */
  edge: string[];
  /** Values breaking the ValueType or a Validation rule. */
  invalid: string[];
}

export interface ValueAttribute extends AttributeDef {
  samples: Samples;
}

export const VALUE_ATTRIBUTES: ValueAttribute[] = [
  {
    name: 'txt',
    valueType: 'TEXT',
    primary: false,
    validation: { MinLength: 1, MaxLength: 3 },
    // '😀😀😀' is 3 code points but 6 UTF-16 units.
    samples: { valid: ['a', 'abc', 'xy'], edge: ['😀😀😀', 'é😀'], invalid: ['', 'abcd', '😀😀😀😀'] },
  },
  {
    name: 'num',
    valueType: 'NUMBER',
    primary: false,
    validation: { Minimum: 0, Maximum: 100, MultipleOf: 5 },
    // '0x1F', ' 12 ', 'Infinity', '' parse with Number() but are not JSON numbers; 7 is no multiple of 5.
    samples: { valid: ['0', '5', '100', '45'], edge: ['2.5e1', '1e1'], invalid: ['abc', '0x1F', ' 15 ', 'Infinity', '', '105', '-5', '7', '01'] },
  },
  {
    name: 'color',
    valueType: 'TEXT',
    primary: false,
    validation: { Enum: { Strict: true, Values: ['red', 'green', 'blue'] } },
    samples: { valid: ['red', 'green', 'blue'], edge: [], invalid: ['purple', 'redd', ''] },
  },
  {
    name: 'flag',
    valueType: 'BOOLEAN',
    primary: false,
    samples: { valid: ['true', 'false'], edge: [], invalid: ['TRUE', '1', 'yes', ''] },
  },
  {
    name: 'tags',
    valueType: 'TEXT_LIST',
    primary: false,
    validation: { MinValues: 1, MaxValues: 2, MaxLength: 3 },
    samples: { valid: ['["a"]', '["ab","c"]'], edge: ['["😀😀😀"]'], invalid: ['[]', '["a","b","c"]', '["abcd"]', '[1]', 'a'] },
  },
  {
    name: 'nums',
    valueType: 'NUMBER_LIST',
    primary: false,
    validation: { MaxValues: 3, ExclusiveMinimum: 0, ExclusiveMaximum: 10, MultipleOf: 0.5 },
    samples: { valid: ['[1,2]', '[9.5]', '[]'], edge: ['[1e0]'], invalid: ['[0]', '[10]', '["1"]', '[1,2,3,4]', '[1.25]', '1'] },
  },
  {
    name: 'free',
    valueType: 'TEXT',
    primary: false,
    validation: { MaxLength: 5, Enum: { Strict: false, Values: ['a', 'b'] } },
    // Strict false: values outside the Enum list are allowed.
    samples: { valid: ['a', 'b'], edge: ['zz', 'other'], invalid: ['toolong'] },
  },
];

export const ALL_ATTRIBUTES: AttributeDef[] = [...PRIMARY_ATTRIBUTES, ...VALUE_ATTRIBUTES];

export function valueAttribute(name: string): ValueAttribute {
  const a = VALUE_ATTRIBUTES.find((x) => x.name === name);
  if (!a) throw new Error(`no value attribute ${name}`);
  return a;
}

/** Records used by the properties: the default record, then keyed ones. */
export const RECORDS: PrimaryValue[][] = [
  [],
  [
    { AttributeName: 'pk', Value: 'alpha' },
    { AttributeName: 'pn', Value: '1' },
  ],
  [
    { AttributeName: 'pn', Value: '2' }, // listed in the other order on purpose: order is not identity
    { AttributeName: 'pk', Value: 'beta' },
  ],
];

/** PrimaryValues that break CONNECT-PK-1 (partial, duplicated, unknown attribute). */
export const BAD_PRIMARY_VALUES: PrimaryValue[][] = [
  [{ AttributeName: 'pk', Value: 'alpha' }],
  [{ AttributeName: 'pn', Value: '1' }],
  [
    { AttributeName: 'pk', Value: 'alpha' },
    { AttributeName: 'pk', Value: 'alpha' },
  ],
  [
    { AttributeName: 'pk', Value: 'alpha' },
    { AttributeName: 'pn', Value: '1' },
    { AttributeName: 'txt', Value: 'a' },
  ],
];
