// Probes just inside and just outside every constraint the Cognito Sync OpenAPI puts on an
// operation's input (COMMON-VAL-1): path labels, integer query members, and the UpdateRecords body
// (lengths, pattern, enum, required members, JSON types). Read from the committed OpenAPI, so the
// probes follow the generated document. Pattern probes use a value matching in full (inside) and
// one matching nowhere (outside), so anchored and unanchored readings agree.
import { openApiDoc, operationInfo } from '../harness/operations.js';

export type JsonPath = Array<string | number>;

export interface Probe {
  where: 'path' | 'query' | 'body';
  at: JsonPath;
  value?: unknown;
  remove?: boolean;
  inside: boolean;
  constraint: string;
}

type Schema = Record<string, any>;

/** Candidates for "matches in full" and "matches nowhere", each checked against the pattern. */
const FITS = ['a', 'us-east-1:0a1b', 'x'];
const MISSES = ['#', '!!', '\u0001', '{}'];

function resolve(doc: Schema, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) cur = doc.components.schemas[(cur.$ref as string).split('/').pop()!] ?? {};
  return cur;
}

export function fullMatch(pattern: string, v: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(v);
  } catch {
    return false;
  }
}

function matchesSomewhere(pattern: string, v: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(v);
  } catch {
    return true;
  }
}

/** A string of length n that fits the pattern (for patterns like `[\w-]+:[0-9a-f-]+`, a prefix, a colon and hex). */
export function filler(s: Schema, n: number): string {
  if (typeof s.pattern !== 'string') return 'a'.repeat(n);
  if (fullMatch(s.pattern, 'a'.repeat(Math.max(n, 1)))) return 'a'.repeat(n);
  const head = 'us-east-1:';
  return n > head.length ? head + 'a'.repeat(n - head.length) : 'a'.repeat(n);
}

function stringProbes(s: Schema, at: JsonPath, where: Probe['where'], out: Probe[]): void {
  const name = String(at[at.length - 1]);
  if (typeof s.maxLength === 'number') {
    out.push({ where, at, value: filler(s, s.maxLength), inside: true, constraint: `${name} maxLength ${s.maxLength} (at the bound)` });
    out.push({ where, at, value: filler(s, s.maxLength + 1), inside: false, constraint: `${name} maxLength ${s.maxLength} (one over)` });
  }
  // An empty path label cannot be sent (the path would change), so minLength is probed in bodies only.
  if (typeof s.minLength === 'number' && s.minLength > 0 && where !== 'path') {
    out.push({ where, at, value: filler(s, s.minLength), inside: true, constraint: `${name} minLength ${s.minLength} (at the bound)` });
    out.push({ where, at, value: filler(s, s.minLength - 1), inside: false, constraint: `${name} minLength ${s.minLength} (one under)` });
  }
  if (typeof s.pattern === 'string') {
    const fit = FITS.find((f) => fullMatch(s.pattern, f));
    const miss = MISSES.find((m) => !matchesSomewhere(s.pattern, m));
    if (fit !== undefined) out.push({ where, at, value: fit, inside: true, constraint: `${name} pattern (full match)` });
    if (miss !== undefined) out.push({ where, at, value: miss, inside: false, constraint: `${name} pattern (matches nowhere)` });
  }
  if (Array.isArray(s.enum)) {
    for (const e of s.enum) out.push({ where, at, value: e, inside: true, constraint: `${name} enum value ${String(e)}` });
    out.push({ where, at, value: 'LOCKSTEP_NOT_IN_ENUM', inside: false, constraint: `${name} enum` });
  }
  if (where === 'body') out.push({ where, at, value: 12345, inside: false, constraint: `${name} must be a string` });
}

function walk(doc: Schema, schema: Schema, at: JsonPath, out: Probe[], depth: number): void {
  const s = resolve(doc, schema);
  if (depth > 5) return;
  const name = String(at[at.length - 1]);
  if (s.type === 'string') return stringProbes(s, at, 'body', out);
  if (s.type === 'number' || s.type === 'integer') {
    out.push({ where: 'body', at, value: 'not-a-number', inside: false, constraint: `${name} must be a number` });
    return;
  }
  if (s.type === 'array') {
    out.push({ where: 'body', at, value: 'not-an-array', inside: false, constraint: `${name} must be an array` });
    walk(doc, s.items, [...at, 0], out, depth + 1);
    return;
  }
  if (s.type === 'object' && s.properties) {
    for (const req of (s.required as string[] | undefined) ?? []) out.push({ where: 'body', at: [...at, req], remove: true, inside: false, constraint: `${req} is required` });
    for (const [k, sub] of Object.entries(s.properties as Record<string, Schema>)) walk(doc, sub, [...at, k], out, depth + 1);
  }
}

/** Every probe of one Cognito Sync operation: path labels, integer query members, then the body. */
export function probesFor(operation: string): Probe[] {
  const doc = openApiDoc('cognito-sync');
  const info = operationInfo('cognito-sync', operation);
  const op = doc.paths[info.pathTemplate][info.method.toLowerCase()];
  const out: Probe[] = [];
  for (const p of (op.parameters ?? []) as Schema[]) {
    const ps = resolve(doc, p.schema);
    if (p.in === 'path') stringProbes(ps, [p.name], 'path', out);
    else if (p.in === 'query' && (ps.type === 'integer' || ps.type === 'number'))
      out.push({ where: 'query', at: [p.name], value: 'not-a-number', inside: false, constraint: `${p.name} must be an integer` });
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) walk(doc, body, [], out, 0);
  return out;
}

/** A copy of `base` with the probe applied at its path. */
export function applyProbe(base: unknown, p: Probe): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
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

/** The SYNC-* requirement a probe's constraint comes from (besides COMMON-VAL-1). */
export function requirementOfProbe(operation: string, p: Probe): string | undefined {
  const last = String(p.at[p.at.length - 1]);
  const syncOp = operation === 'UpdateRecords' || operation === 'ListRecords';
  if (p.where === 'path') return !syncOp ? undefined : last === 'DatasetName' ? 'SYNC-REQ-2' : 'SYNC-REQ-1';
  if (operation !== 'UpdateRecords' || p.where !== 'body') return undefined;
  if (last === 'DeviceId') return 'SYNC-REQ-3';
  if (p.at[0] === 'RecordPatches' && p.at.length === 3) {
    if (last === 'Key' || last === 'Value') return p.remove ? 'SYNC-PATCH-1' : 'SYNC-PATCH-2';
    return 'SYNC-PATCH-1';
  }
  if (last === 'SyncSessionToken' && p.remove) return 'SYNC-TOKEN-1';
  return undefined;
}
