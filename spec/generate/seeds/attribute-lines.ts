// The attribute lines of AWS API reference member sections ("Type:", "Length Constraints:",
// "Pattern:", "Required:", "Valid Values:", "Valid Range:", "Array Members:"), shared by both
// API reference formats.
import type { Constraints, FactType } from './facts.js';

export interface Attributes {
  type?: FactType;
  itemType?: FactType;
  itemShape?: string;
  required?: boolean;
  constraints: Constraints;
}

const SCALAR_TYPES: Record<string, FactType> = {
  string: 'string',
  integer: 'integer',
  long: 'integer',
  float: 'float',
  double: 'float',
  number: 'number',
  boolean: 'boolean',
  timestamp: 'timestamp',
  'base64-encoded binary data object': 'blob',
};

function parseType(text: string): Pick<Attributes, 'type' | 'itemType' | 'itemShape'> | undefined {
  const t = text.trim();
  const arr = /^Array of (.+?)(?: objects)?$/i.exec(t);
  if (arr) {
    const inner = arr[1].trim();
    const scalar = SCALAR_TYPES[inner.toLowerCase().replace(/s$/, '')] ?? SCALAR_TYPES[inner.toLowerCase()];
    return scalar ? { type: 'list', itemType: scalar } : { type: 'list', itemType: 'structure', itemShape: inner };
  }
  if (/^String to (.+) object map$/i.test(t) || /map$/i.test(t)) return { type: 'map' };
  const scalar = SCALAR_TYPES[t.toLowerCase()];
  if (scalar) return { type: scalar };
  const obj = /^(\w+) object$/.exec(t);
  if (obj) return { type: 'structure', itemShape: obj[1] };
  return undefined;
}

/** Applies one line to `into`; returns false when the line is not an attribute line. */
export function applyAttributeLine(line: string, into: Attributes): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^Type:\s*(.+)$/.exec(line))) {
    const t = parseType(m[1]);
    if (t) {
      into.type = t.type;
      if (t.itemType) into.itemType = t.itemType;
      if (t.itemShape) into.itemShape = t.itemShape;
    }
    return true;
  }
  if ((m = /^Length Constraints:\s*(.+)$/.exec(line))) {
    const min = /Minimum length of (\d+)/.exec(m[1]);
    const max = /Maximum length of (\d+)/.exec(m[1]);
    if (min) into.constraints.minLength = Number(min[1]);
    if (max) into.constraints.maxLength = Number(max[1]);
    return true;
  }
  if ((m = /^Array Members:\s*(.+)$/.exec(line))) {
    const min = /Minimum number of (\d+) items?/.exec(m[1]);
    const max = /Maximum number of (\d+) items?/.exec(m[1]);
    if (min) into.constraints.minItems = Number(min[1]);
    if (max) into.constraints.maxItems = Number(max[1]);
    return true;
  }
  if ((m = /^Valid Range:\s*(.+)$/.exec(line))) {
    const min = /Minimum value of (-?[\d.]+)/.exec(m[1]);
    const max = /Maximum value of (-?[\d.]+)/.exec(m[1]);
    if (min) into.constraints.minimum = Number(min[1].replace(/\.$/, ''));
    if (max) into.constraints.maximum = Number(max[1].replace(/\.$/, ''));
    return true;
  }
  if ((m = /^Pattern:\s*(.+)$/.exec(line))) {
    into.constraints.pattern = m[1].trim();
    return true;
  }
  if ((m = /^Valid Values:\s*(.+)$/.exec(line))) {
    into.constraints.enum = m[1].split('|').map((s) => s.trim()).filter((s) => s.length > 0);
    return true;
  }
  if ((m = /^Required:\s*(Yes|No)\b/i.exec(line))) {
    into.required = m[1].toLowerCase() === 'yes';
    return true;
  }
  return false;
}
