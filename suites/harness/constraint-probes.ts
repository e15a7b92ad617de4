// COMMON-VAL-1 probes derived from an operation's input schema in the committed OpenAPI: one value
// just inside and one just outside every constraint (lengths, patterns, enums, min/max, minItems,
// map bounds, required members, JSON types). API-neutral: the suites pass in what is theirs (the
// values that fit their patterns, how to fill a string to a length, which probes to add).
import type { ServiceName } from '../../spec/services.js';
import { openApiDoc, operationInfo } from './operations.js';

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

export type Schema = Record<string, any>;

export interface ProbeOptions {
  /** Values tried, in order, as "matches the pattern in full" (each checked against the pattern). */
  patternFits?: readonly string[];
  /** Values tried, in order, as "matches the pattern nowhere" (each checked too). */
  patternMisses?: readonly string[];
  /** A string of length n valid for the schema's pattern; default: the first fit, repeated or padded. */
  filler?: (s: Schema, n: number) => string;
  /** Also probe every enum value as inside (default: only a value outside the enum). */
  enumInsides?: boolean;
  /** How a numeric query member's type probe is named (default 'a number'). */
  numberWord?: (s: Schema) => string;
}

const DEFAULT_FITS = ['a', 'x'];
const DEFAULT_MISSES = ['#', '\u0001', '{}'];
/** Schemas nest a few levels; the bound only guards against recursive shapes. */
const MAX_DEPTH = 6;

export function resolve(doc: Schema, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) cur = doc.components?.schemas?.[(cur.$ref as string).split('/').pop()!] ?? {};
  return cur;
}

/** Whether the pattern matches all of v (anchored); an invalid pattern matches nothing. */
export function fullMatch(pattern: string, v: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(v);
  } catch {
    return false;
  }
}

/** Whether the pattern matches anywhere in v (unanchored); an invalid pattern counts as matching. */
export function matchesSomewhere(pattern: string, v: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(v);
  } catch {
    return true;
  }
}

/** Options with every default filled in. */
interface Resolved {
  fits: readonly string[];
  misses: readonly string[];
  filler: (s: Schema, n: number) => string;
  enumInsides: boolean;
  numberWord: (s: Schema) => string;
}

function firstFit(fits: readonly string[], s: Schema): string {
  return typeof s.pattern === 'string' ? (fits.find((f) => fullMatch(s.pattern, f)) ?? 'a') : 'a';
}

function withDefaults(o: ProbeOptions = {}): Resolved {
  const fits = o.patternFits ?? DEFAULT_FITS;
  const filler = (s: Schema, n: number): string => {
    const base = firstFit(fits, s);
    return base.length === 1 ? base.repeat(n) : (base + 'a'.repeat(n)).slice(0, n);
  };
  return {
    fits,
    misses: o.patternMisses ?? DEFAULT_MISSES,
    filler: o.filler ?? filler,
    enumInsides: o.enumInsides ?? false,
    numberWord: o.numberWord ?? (() => 'a number'),
  };
}

function stringProbes(o: Resolved, s: Schema, at: JsonPath, where: Probe['where'], out: Probe[]): void {
  const name = String(at[at.length - 1]);
  if (typeof s.maxLength === 'number') {
    out.push({ where, at, value: o.filler(s, s.maxLength), inside: true, constraint: `${name} maxLength ${s.maxLength} (at the bound)` });
    out.push({ where, at, value: o.filler(s, s.maxLength + 1), inside: false, constraint: `${name} maxLength ${s.maxLength} (one over)` });
  }
  // An empty path label cannot be sent (the path itself would change), so minLength is not probed there.
  if (typeof s.minLength === 'number' && s.minLength > 0 && where !== 'path') {
    out.push({ where, at, value: o.filler(s, s.minLength), inside: true, constraint: `${name} minLength ${s.minLength} (at the bound)` });
    out.push({ where, at, value: o.filler(s, s.minLength - 1), inside: false, constraint: `${name} minLength ${s.minLength} (one under)` });
  }
  if (typeof s.pattern === 'string') {
    // Full match inside, no match anywhere outside: anchored and unanchored readings then agree.
    const fit = o.fits.find((f) => fullMatch(s.pattern, f));
    const miss = o.misses.find((m) => !matchesSomewhere(s.pattern, m));
    if (fit !== undefined) out.push({ where, at, value: fit, inside: true, constraint: `${name} pattern (full match)` });
    if (miss !== undefined) out.push({ where, at, value: miss, inside: false, constraint: `${name} pattern (matches nowhere)` });
  }
  if (Array.isArray(s.enum)) {
    if (o.enumInsides) for (const e of s.enum) out.push({ where, at, value: e, inside: true, constraint: `${name} enum value ${String(e)}` });
    out.push({ where, at, value: 'LOCKSTEP_NOT_IN_ENUM', inside: false, constraint: `${name} enum` });
  }
  if (where === 'body') out.push({ where, at, value: 12345, inside: false, constraint: `${name} must be a string` });
}

function numberProbes(o: Resolved, s: Schema, at: JsonPath, where: Probe['where'], out: Probe[]): void {
  const name = String(at[at.length - 1]);
  const step = s.type === 'integer' ? 1 : 0.5;
  if (typeof s.minimum === 'number') {
    out.push({ where, at, value: s.minimum, inside: true, constraint: `${name} minimum ${s.minimum} (at the bound)` });
    out.push({ where, at, value: s.minimum - step, inside: false, constraint: `${name} minimum ${s.minimum} (under)` });
  }
  if (typeof s.maximum === 'number') {
    out.push({ where, at, value: s.maximum, inside: true, constraint: `${name} maximum ${s.maximum} (at the bound)` });
    out.push({ where, at, value: s.maximum + step, inside: false, constraint: `${name} maximum ${s.maximum} (over)` });
  }
  const word = where === 'query' ? o.numberWord(s) : 'a number';
  out.push({ where, at, value: 'not-a-number', inside: false, constraint: `${name} must be ${word}` });
}

/** The smallest value valid against a schema, with only the required members of objects. */
export function minimalValue(doc: Schema, schema: Schema | undefined, options?: ProbeOptions, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case 'string': {
      const fit = firstFit(options?.patternFits ?? DEFAULT_FITS, s);
      return fit.length >= (s.minLength ?? 0) ? fit : fit.padEnd(s.minLength, 'a');
    }
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? Math.max(s.minimum, typeof s.maximum === 'number' ? Math.min(1, s.maximum) : 1) : 1;
    case 'boolean':
      return false;
    case 'array':
      return (s.minItems ?? 0) > 0 ? [minimalValue(doc, s.items, options, depth + 1)] : [];
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const k of (s.required as string[] | undefined) ?? []) obj[k] = minimalValue(doc, s.properties?.[k], options, depth + 1);
      return obj;
    }
    default:
      return undefined;
  }
}

function walk(o: Resolved, opts: ProbeOptions | undefined, doc: Schema, schema: Schema, at: JsonPath, out: Probe[], depth: number): void {
  const s = resolve(doc, schema);
  if (depth > MAX_DEPTH) return;
  const name = String(at[at.length - 1]);
  if (s.type === 'string') return stringProbes(o, s, at, 'body', out);
  if (s.type === 'number' || s.type === 'integer') return numberProbes(o, s, at, 'body', out);
  if (s.type === 'boolean') {
    out.push({ where: 'body', at, value: 'yes', inside: false, constraint: `${name} must be a boolean` });
    return;
  }
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    // A map: size bounds, then its keys' and its values' string constraints.
    if (typeof s.minProperties === 'number' && s.minProperties > 0) out.push({ where: 'body', at, value: {}, inside: false, constraint: `${name} minProperties ${s.minProperties}` });
    const keys: Probe[] = [];
    stringProbes(o, resolve(doc, s.propertyNames ?? {}), [...at, 'key'], 'body', keys);
    for (const k of keys) if (typeof k.value === 'string') out.push({ ...k, at, value: { [k.value]: 'v' }, constraint: `${name} key: ${k.constraint}` });
    const vals: Probe[] = [];
    stringProbes(o, resolve(doc, s.additionalProperties), [...at, 'k'], 'body', vals);
    out.push(...vals.filter((v) => typeof v.value === 'string'));
    return;
  }
  if (s.type === 'array') {
    if (typeof s.minItems === 'number' && s.minItems > 0) out.push({ where: 'body', at, value: [], inside: false, constraint: `${name} minItems ${s.minItems}` });
    out.push({ where: 'body', at, value: 'not-an-array', inside: false, constraint: `${name} must be an array` });
    const inner: Probe[] = [];
    walk(o, opts, doc, s.items, [...at, 0], inner, depth + 1);
    // Probes inside an element need a whole element around them when the request has none.
    const container = { at, value: [minimalValue(doc, s.items, opts)] };
    for (const p of inner) out.push({ ...p, containers: [container, ...(p.containers ?? [])] });
    return;
  }
  if (s.type === 'object' && s.properties) {
    for (const req of (s.required as string[] | undefined) ?? []) out.push({ where: 'body', at: [...at, req], remove: true, inside: false, constraint: `${req} is required` });
    for (const [k, sub] of Object.entries(s.properties as Record<string, Schema>)) walk(o, opts, doc, sub, [...at, k], out, depth + 1);
  }
}

/** Every probe of an operation schema: path labels, query members, then the JSON body. */
export function probesOfOperation(doc: Schema, op: Schema, options?: ProbeOptions): Probe[] {
  const o = withDefaults(options);
  const out: Probe[] = [];
  for (const p of (op.parameters ?? []) as Schema[]) {
    const ps = resolve(doc, p.schema);
    if (p.in === 'path') stringProbes(o, ps, [p.name], 'path', out);
    else if (p.in === 'query') (ps.type === 'integer' || ps.type === 'number' ? numberProbes : stringProbes)(o, ps, [p.name], 'query', out);
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) walk(o, options, doc, body, [], out, 0);
  return out;
}

/** Every probe of one operation of a service, read from its committed OpenAPI. */
export function probesFor(service: ServiceName, operation: string, options?: ProbeOptions): Probe[] {
  const doc = openApiDoc(service) as Schema;
  const info = operationInfo(service, operation);
  return probesOfOperation(doc, doc.paths[info.pathTemplate][info.method.toLowerCase()], options);
}

/** A copy of `base` with the probe applied at its path (missing containers are created first). */
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
