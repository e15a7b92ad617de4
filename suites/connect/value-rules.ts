// CONNECT-VAL-1: does a value string fit its attribute's ValueType and Validation?
// Our reading of the profile: NUMBER is JSON number syntax, BOOLEAN exactly true/false, lists are
// JSON arrays (of strings / of numbers); lengths count Unicode code points, per element for lists.
import type { AttributeDef, Validation } from './types.js';

const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** Returns why the value breaks its attribute's rules, or undefined when it fits. */
export function valueViolation(attr: AttributeDef, value: string): string | undefined {
  const v = attr.validation ?? {};
  switch (attr.valueType) {
    case 'TEXT':
      return textViolation(v, value) ?? enumViolation(v, value);
    case 'NUMBER':
      if (!JSON_NUMBER.test(value)) return `not a JSON number: ${JSON.stringify(value)}`;
      return numberViolation(v, Number(value));
    case 'BOOLEAN':
      return value === 'true' || value === 'false' ? undefined : `not true/false: ${JSON.stringify(value)}`;
    case 'TEXT_LIST': {
      const list = parseArray(value);
      if (!list || !list.every((x) => typeof x === 'string')) return 'not a JSON array of strings';
      return countViolation(v, list.length) ?? firstOf(list.map((s) => textViolation(v, s as string)));
    }
    case 'NUMBER_LIST': {
      const list = parseArray(value);
      if (!list || !list.every((x) => typeof x === 'number')) return 'not a JSON array of numbers';
      return countViolation(v, list.length) ?? firstOf(list.map((n) => numberViolation(v, n as number)));
    }
  }
}

function parseArray(s: string): unknown[] | undefined {
  try {
    const x: unknown = JSON.parse(s);
    return Array.isArray(x) ? x : undefined;
  } catch {
    return undefined;
  }
}

function firstOf(xs: Array<string | undefined>): string | undefined {
  return xs.find((x) => x !== undefined);
}

function textViolation(v: Validation, s: string): string | undefined {
  const n = [...s].length; // code points, not UTF-16 units
  if (v.MinLength !== undefined && n < v.MinLength) return `length ${n} < MinLength ${v.MinLength}`;
  if (v.MaxLength !== undefined && n > v.MaxLength) return `length ${n} > MaxLength ${v.MaxLength}`;
  return undefined;
}

function enumViolation(v: Validation, s: string): string | undefined {
  if (v.Enum?.Strict === true && !(v.Enum.Values ?? []).includes(s)) return `not in strict Enum`;
  return undefined;
}

function countViolation(v: Validation, n: number): string | undefined {
  if (v.MinValues !== undefined && n < v.MinValues) return `${n} elements < MinValues ${v.MinValues}`;
  if (v.MaxValues !== undefined && n > v.MaxValues) return `${n} elements > MaxValues ${v.MaxValues}`;
  return undefined;
}

function numberViolation(v: Validation, x: number): string | undefined {
  if (!Number.isFinite(x)) return 'not finite';
  if (v.Minimum !== undefined && x < v.Minimum) return `${x} < Minimum ${v.Minimum}`;
  if (v.Maximum !== undefined && x > v.Maximum) return `${x} > Maximum ${v.Maximum}`;
  if (v.ExclusiveMinimum !== undefined && x <= v.ExclusiveMinimum) return `${x} <= ExclusiveMinimum ${v.ExclusiveMinimum}`;
  if (v.ExclusiveMaximum !== undefined && x >= v.ExclusiveMaximum) return `${x} >= ExclusiveMaximum ${v.ExclusiveMaximum}`;
  if (v.MultipleOf !== undefined && v.MultipleOf > 0) {
    const q = x / v.MultipleOf;
    // The suite only probes integers and small multiples, so a tight tolerance is enough.
    if (Math.abs(q - Math.round(q)) > 1e-9) return `${x} not a multiple of ${v.MultipleOf}`;
  }
  return undefined;
}
