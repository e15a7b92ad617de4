// Probes just inside and just outside every constraint the OpenAPI puts on a batch operation's
// input (COMMON-VAL-1): lengths, patterns, min items, required members, JSON types, enums.
// Read from the committed OpenAPI at run time, so the probes follow the generated document.
import { openApiDoc, operationInfo } from '../harness/operations.js';

export type JsonPath = Array<string | number>;

export interface Probe {
  /** 'path' / 'query' probes replace a label or query value; 'body' probes edit the body at `at`. */
  where: 'path' | 'query' | 'body';
  at: JsonPath;
  /** The new value; `remove` drops the member instead. */
  value?: unknown;
  remove?: boolean;
  inside: boolean;
  constraint: string;
  /** Containers to create when the request lacks them (outermost first): valid minimal values. */
  containers?: Array<{ at: JsonPath; value: unknown }>;
}

type Schema = Record<string, any>;

/** Values that satisfy a pattern in full, tried in order (checked against the pattern before use). */
const PATTERN_FITS = ['a', 'Attr_1', 'us-east-1', 'x'];
/** Values a pattern should match nowhere (checked too). */
const PATTERN_MISSES = ['#', '#!', '\u0001', '{}', '###'];

function resolve(doc: Schema, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
    const name = (cur.$ref as string).split('/').pop()!;
    cur = doc.components.schemas[name] ?? {};
  }
  return cur;
}

export function fullMatch(pattern: string, v: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(v);
  } catch {
    return false;
  }
}

export function matchesSomewhere(pattern: string, v: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(v);
  } catch {
    return true;
  }
}

function stringProbes(s: Schema, at: JsonPath, where: Probe['where'], out: Probe[]): void {
  const name = String(at[at.length - 1]);
  const filler = (n: number): string => {
    const base = typeof s.pattern === 'string' ? (PATTERN_FITS.find((f) => fullMatch(s.pattern, f)) ?? 'a') : 'a';
    return base.length === 1 ? base.repeat(n) : (base + 'a'.repeat(n)).slice(0, n);
  };
  if (typeof s.maxLength === 'number') {
    out.push({ where, at, value: filler(s.maxLength), inside: true, constraint: `${name} maxLength ${s.maxLength} (at the bound)` });
    out.push({ where, at, value: filler(s.maxLength + 1), inside: false, constraint: `${name} maxLength ${s.maxLength} (one over)` });
  }
  if (typeof s.minLength === 'number' && s.minLength > 0 && where !== 'path') {
    out.push({ where, at, value: filler(s.minLength), inside: true, constraint: `${name} minLength ${s.minLength} (at the bound)` });
    out.push({ where, at, value: filler(s.minLength - 1), inside: false, constraint: `${name} minLength ${s.minLength} (one under)` });
  }
  if (typeof s.pattern === 'string') {
    const fit = PATTERN_FITS.find((f) => fullMatch(s.pattern, f));
    const miss = PATTERN_MISSES.find((m) => !matchesSomewhere(s.pattern, m));
    if (fit !== undefined) out.push({ where, at, value: fit, inside: true, constraint: `${name} pattern (full match)` });
    if (miss !== undefined) out.push({ where, at, value: miss, inside: false, constraint: `${name} pattern (matches nowhere)` });
  }
  if (Array.isArray(s.enum)) out.push({ where, at, value: 'LOCKSTEP_NOT_IN_ENUM', inside: false, constraint: `${name} enum` });
  if (where === 'body') out.push({ where, at, value: 12345, inside: false, constraint: `${name} must be a string` });
}

function numberProbes(s: Schema, at: JsonPath, where: Probe['where'], out: Probe[]): void {
  const name = String(at[at.length - 1]);
  const step = s.type === 'integer' ? 1 : 0.5;
  if (typeof s.minimum === 'number') {
    // MultipleOf 0 divides nothing: the range admits it, an implementation may refuse it as meaningless.
    if (!(name === 'MultipleOf' && s.minimum === 0))
      out.push({ where, at, value: s.minimum, inside: true, constraint: `${name} minimum ${s.minimum} (at the bound)` });
    out.push({ where, at, value: s.minimum - step, inside: false, constraint: `${name} minimum ${s.minimum} (under)` });
  }
  if (typeof s.maximum === 'number') {
    out.push({ where, at, value: s.maximum, inside: true, constraint: `${name} maximum ${s.maximum} (at the bound)` });
    out.push({ where, at, value: s.maximum + step, inside: false, constraint: `${name} maximum ${s.maximum} (over)` });
  }
  out.push({ where, at, value: 'not-a-number', inside: false, constraint: `${name} must be a number` });
}

/** The smallest value valid against a schema, with only the required members of objects. */
export function minimalValue(doc: Schema, schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 6) return undefined;
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case 'string': {
      const fit = typeof s.pattern === 'string' ? (PATTERN_FITS.find((f) => fullMatch(s.pattern, f)) ?? 'a') : 'a';
      return fit.length >= (s.minLength ?? 0) ? fit : fit.padEnd(s.minLength, 'a');
    }
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? Math.max(s.minimum, typeof s.maximum === 'number' ? Math.min(1, s.maximum) : 1) : 1;
    case 'boolean':
      return false;
    case 'array':
      return (s.minItems ?? 0) > 0 ? [minimalValue(doc, s.items, depth + 1)] : [];
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of (s.required as string[] | undefined) ?? []) o[k] = minimalValue(doc, s.properties?.[k], depth + 1);
      return o;
    }
    default:
      return undefined;
  }
}

function walk(doc: Schema, schema: Schema, at: JsonPath, out: Probe[], depth: number): void {
  const s = resolve(doc, schema);
  if (depth > 6) return;
  if (s.type === 'string') return stringProbes(s, at, 'body', out);
  if (s.type === 'number' || s.type === 'integer') return numberProbes(s, at, 'body', out);
  if (s.type === 'boolean') {
    out.push({ where: 'body', at, value: 'yes', inside: false, constraint: `${String(at[at.length - 1])} must be a boolean` });
    return;
  }
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    // A map (Tags): size bounds, key constraints, value constraints.
    const name = String(at[at.length - 1]);
    if (typeof s.minProperties === 'number' && s.minProperties > 0) out.push({ where: 'body', at, value: {}, inside: false, constraint: `${name} minProperties ${s.minProperties}` });
    const keys: Probe[] = [];
    stringProbes(resolve(doc, s.propertyNames ?? {}), [...at, 'key'], 'body', keys);
    for (const k of keys) if (typeof k.value === 'string') out.push({ ...k, at, value: { [k.value]: 'v' }, constraint: `${name} key: ${k.constraint}` });
    const vals: Probe[] = [];
    stringProbes(resolve(doc, s.additionalProperties), [...at, 'k'], 'body', vals);
    out.push(...vals.filter((v) => typeof v.value === 'string'));
    return;
  }
  if (s.type === 'array') {
    if (typeof s.minItems === 'number' && s.minItems > 0) out.push({ where: 'body', at, value: [], inside: false, constraint: `${String(at[at.length - 1])} minItems ${s.minItems}` });
    out.push({ where: 'body', at, value: 'not-an-array', inside: false, constraint: `${String(at[at.length - 1])} must be an array` });
    const inner: Probe[] = [];
    walk(doc, s.items, [...at, 0], inner, depth + 1);
    // Probes inside an element need a whole element around them when the request has none.
    const container = { at, value: [minimalValue(doc, s.items)] };
    for (const p of inner) out.push({ ...p, containers: [container, ...(p.containers ?? [])] });
    return;
  }
  if (s.type === 'object' && s.properties) {
    for (const req of (s.required as string[] | undefined) ?? []) out.push({ where: 'body', at: [...at, req], remove: true, inside: false, constraint: `${req} is required` });
    for (const [k, sub] of Object.entries(s.properties as Record<string, Schema>)) walk(doc, sub, [...at, k], out, depth + 1);
  }
}

/** Every probe of one operation: path labels first, then the body. */
export function probesFor(operation: string): Probe[] {
  const doc = openApiDoc('connect');
  const info = operationInfo('connect', operation);
  const op = doc.paths[info.pathTemplate][info.method.toLowerCase()];
  const out: Probe[] = [];
  for (const p of (op.parameters ?? []) as Schema[]) {
    const ps = resolve(doc, p.schema);
    if (p.in === 'path') stringProbes(ps, [p.name], 'path', out);
    else if (p.in === 'query') (ps.type === 'integer' || ps.type === 'number' ? numberProbes : stringProbes)(ps, [p.name], 'query', out);
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) walk(doc, body, [], out, 0);
  return out;
}

/** A copy of `base` with the probe applied at its path (missing containers are created). */
export function applyProbe(base: unknown, p: Probe): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const c of p.containers ?? []) {
    let at: any = copy;
    for (let i = 0; i < c.at.length - 1 && at !== undefined && at !== null; i++) at = at[c.at[i]!];
    const last = c.at[c.at.length - 1]!;
    if (at && typeof at === 'object' && (at[last] === undefined || (Array.isArray(at[last]) && at[last].length === 0))) at[last] = structuredClone(c.value);
  }
  let cur: any = copy;
  for (let i = 0; i < p.at.length - 1; i++) {
    const k = p.at[i]!;
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof p.at[i + 1] === 'number' ? [] : {};
    cur = cur[k];
  }
  const last = p.at[p.at.length - 1]!;
  if (p.remove) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = p.value;
  return copy;
}
