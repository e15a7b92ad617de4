// CONNECT-VAL-1 as the profile states it, example by example.
import { describe, expect, test } from 'vitest';
import { valueViolation } from '../../suites/connect/value-rules.js';
import type { AttributeDef } from '../../suites/connect/types.js';

const attr = (valueType: AttributeDef['valueType'], validation?: AttributeDef['validation']): AttributeDef => ({ name: 'a', valueType, primary: false, validation });

describe('value rules (CONNECT-VAL-1)', () => {
  test('NUMBER is JSON number syntax, nothing else', () => {
    const n = attr('NUMBER');
    for (const ok of ['0', '-1', '2.5', '1e3', '-0.5E-2']) expect(valueViolation(n, ok)).toBeUndefined();
    for (const bad of ['', ' 1', '0x1F', 'Infinity', '+1', '01', '1.', '.5', 'abc']) expect(valueViolation(n, bad)).toBeDefined();
  });

  test('BOOLEAN is exactly true or false', () => {
    const b = attr('BOOLEAN');
    expect(valueViolation(b, 'true')).toBeUndefined();
    expect(valueViolation(b, 'false')).toBeUndefined();
    for (const bad of ['TRUE', 'True', '1', '0', 'yes', '']) expect(valueViolation(b, bad)).toBeDefined();
  });

  test('lengths count code points, not UTF-16 units', () => {
    const t = attr('TEXT', { MinLength: 1, MaxLength: 3 });
    expect(valueViolation(t, '😀😀😀')).toBeUndefined(); // 3 code points, 6 units
    expect(valueViolation(t, '😀😀😀😀')).toBeDefined();
    expect(valueViolation(t, '')).toBeDefined();
  });

  test('Enum is enforced only with Strict true', () => {
    expect(valueViolation(attr('TEXT', { Enum: { Strict: true, Values: ['red'] } }), 'blue')).toBeDefined();
    expect(valueViolation(attr('TEXT', { Enum: { Strict: true, Values: ['red'] } }), 'red')).toBeUndefined();
    expect(valueViolation(attr('TEXT', { Enum: { Strict: false, Values: ['red'] } }), 'blue')).toBeUndefined();
  });

  test('numeric bounds: inclusive, exclusive, MultipleOf', () => {
    const n = attr('NUMBER', { Minimum: 0, Maximum: 10, MultipleOf: 5 });
    expect(valueViolation(n, '0')).toBeUndefined();
    expect(valueViolation(n, '10')).toBeUndefined();
    expect(valueViolation(n, '15')).toBeDefined();
    expect(valueViolation(n, '3')).toBeDefined();
    const e = attr('NUMBER', { ExclusiveMinimum: 0, ExclusiveMaximum: 10 });
    expect(valueViolation(e, '0')).toBeDefined();
    expect(valueViolation(e, '10')).toBeDefined();
    expect(valueViolation(e, '9.99')).toBeUndefined();
  });

  test('lists: JSON arrays of the right element type, sizes and per-element rules', () => {
    const tl = attr('TEXT_LIST', { MinValues: 1, MaxValues: 2, MaxLength: 2 });
    expect(valueViolation(tl, '["a","bb"]')).toBeUndefined();
    expect(valueViolation(tl, '[]')).toBeDefined();
    expect(valueViolation(tl, '["a","b","c"]')).toBeDefined();
    expect(valueViolation(tl, '["abc"]')).toBeDefined();
    expect(valueViolation(tl, '[1]')).toBeDefined();
    expect(valueViolation(tl, 'a')).toBeDefined();
    const nl = attr('NUMBER_LIST', { Maximum: 5, MultipleOf: 2 });
    expect(valueViolation(nl, '[2,4]')).toBeUndefined();
    expect(valueViolation(nl, '[3]')).toBeDefined();
    expect(valueViolation(nl, '[6]')).toBeDefined();
    expect(valueViolation(nl, '["2"]')).toBeDefined();
  });
});
