// A full read-back of the objects reachable from some start objects (children followed): for each
// its facets, attributes, children, attached policies and index attachments, through BatchRead.
// Two read-backs compare as canonical JSON: a batch with no effect leaves the snapshot unchanged.
import { isObject, type DirApi, type Json } from './api.js';
import { byId } from './ops.js';

export interface ObjectSnapshot {
  facets: string[];
  attrs: string[];
  /** `link -> id`, sorted. */
  children: string[];
  policies: string[];
  indices: string[];
}

export type Snapshot = Record<string, ObjectSnapshot>;

export class ReadBackError extends Error {
  override name = 'ReadBackError';
}

const MAX_OBJECTS = 400;
const MAX_PAGES = 20;

function value(v: unknown): string {
  if (!isObject(v)) return JSON.stringify(v);
  const [k, x] = Object.entries(v)[0] ?? ['?', undefined];
  return `${k}:${JSON.stringify(x)}`;
}

/** The input of a read of one object (ListAttachedIndices names it TargetReference). */
function readInput(kind: string, id: string): Json {
  if (kind === 'GetObjectInformation') return { ObjectReference: byId(id) };
  if (kind === 'ListAttachedIndices') return { TargetReference: byId(id), MaxResults: 100 };
  return { ObjectReference: byId(id), MaxResults: 100 };
}

/** One read operation on one object, every page; an exception answer becomes `!Type`. */
async function readList(api: DirApi, partition: string, kind: string, id: string, pick: (r: Json) => string[]): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await api.batchRead(partition, [{ [kind]: { ...readInput(kind, id), ...(token ? { NextToken: token } : {}) } }]);
    if (r.status !== 200 || !isObject(r.json) || !Array.isArray(r.json.Responses)) {
      throw new ReadBackError(`BatchRead ${kind} of ${id}: ${r.status} ${r.errorType ?? r.failure ?? ''}`.trim());
    }
    const entry = r.json.Responses[0];
    if (!isObject(entry)) throw new ReadBackError(`BatchRead ${kind} of ${id}: no response entry`);
    if (isObject(entry.ExceptionResponse)) return [`!${String(entry.ExceptionResponse.Type)}`];
    const ok = isObject(entry.SuccessfulResponse) ? entry.SuccessfulResponse[kind] : undefined;
    if (!isObject(ok)) throw new ReadBackError(`BatchRead ${kind} of ${id}: no ${kind} in SuccessfulResponse`);
    out.push(...pick(ok));
    token = typeof ok.NextToken === 'string' && ok.NextToken !== '' ? ok.NextToken : undefined;
    if (!token) return out;
  }
  throw new ReadBackError(`BatchRead ${kind} of ${id}: more than ${MAX_PAGES} pages`);
}

const PICKS: Array<[keyof ObjectSnapshot, string, (r: Json) => string[]]> = [
  ['facets', 'GetObjectInformation', (r) => (Array.isArray(r.SchemaFacets) ? r.SchemaFacets : []).map((f) => (isObject(f) ? String(f.FacetName) : '?'))],
  [
    'attrs',
    'ListObjectAttributes',
    (r) => (Array.isArray(r.Attributes) ? r.Attributes : []).map((a) => (isObject(a) && isObject(a.Key) ? `${String(a.Key.FacetName)}.${String(a.Key.Name)}=${value(a.Value)}` : '?')),
  ],
  ['children', 'ListObjectChildren', (r) => (isObject(r.Children) ? Object.entries(r.Children).map(([l, c]) => `${l}->${String(c)}`) : [])],
  ['policies', 'ListObjectPolicies', (r) => (Array.isArray(r.AttachedPolicyIds) ? r.AttachedPolicyIds.map(String) : [])],
  ['indices', 'ListAttachedIndices', (r) => (Array.isArray(r.IndexAttachments) ? r.IndexAttachments : []).map((a) => (isObject(a) ? String(a.ObjectIdentifier) : '?'))],
];

/** All five reads of one object in one BatchRead; a list with more pages is read again page by page. */
async function readObject(api: DirApi, partition: string, id: string): Promise<ObjectSnapshot> {
  const ops = PICKS.map(([, kind]) => ({ [kind]: readInput(kind, id) }));
  const r = await api.batchRead(partition, ops);
  if (r.status !== 200 || !isObject(r.json) || !Array.isArray(r.json.Responses) || r.json.Responses.length !== ops.length) {
    throw new ReadBackError(`BatchRead of ${id}: ${r.status} ${r.errorType ?? r.failure ?? ''} ${JSON.stringify(r.json ?? null).slice(0, 200)}`.trim());
  }
  const responses = r.json.Responses as unknown[];
  const snap: ObjectSnapshot = { facets: [], attrs: [], children: [], policies: [], indices: [] };
  for (let i = 0; i < PICKS.length; i++) {
    const [field, kind, pick] = PICKS[i]!;
    const entry = responses[i];
    if (!isObject(entry)) throw new ReadBackError(`BatchRead ${kind} of ${id}: no response entry`);
    let got: string[];
    if (isObject(entry.ExceptionResponse)) got = [`!${String(entry.ExceptionResponse.Type)}`];
    else {
      const ok = isObject(entry.SuccessfulResponse) ? entry.SuccessfulResponse[kind] : undefined;
      if (!isObject(ok)) throw new ReadBackError(`BatchRead ${kind} of ${id}: no ${kind} in SuccessfulResponse`);
      got = typeof ok.NextToken === 'string' && ok.NextToken !== '' ? await readList(api, partition, kind, id, pick) : pick(ok);
    }
    snap[field] = got.sort();
  }
  return snap;
}

/** Reads every object reachable from `starts` (by children links). */
export async function readBack(api: DirApi, partition: string, starts: string[]): Promise<Snapshot> {
  const snap: Snapshot = {};
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (snap[id]) continue;
    if (Object.keys(snap).length >= MAX_OBJECTS) throw new ReadBackError(`more than ${MAX_OBJECTS} objects reachable`);
    const o = await readObject(api, partition, id);
    snap[id] = o;
    for (const c of o.children) if (!c.startsWith('!')) queue.push(c.slice(c.indexOf('->') + 2));
  }
  return snap;
}

export function canonical(s: Snapshot): string {
  return JSON.stringify(Object.keys(s).sort().map((k) => [k, s[k]]));
}

/** Lines saying how two snapshots differ (empty when equal). */
export function diffSnapshots(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[id];
    const b = after[id];
    if (!a) out.push(`object ${id} appeared: ${JSON.stringify(b)}`);
    else if (!b) out.push(`object ${id} no longer reachable`);
    else
      for (const k of ['facets', 'attrs', 'children', 'policies', 'indices'] as const) {
        if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
        // Only what changed: entries gained and lost.
        const added = b[k].filter((x) => !a[k].includes(x));
        const removed = a[k].filter((x) => !b[k].includes(x));
        const change = `${added.length ? ` gained ${JSON.stringify(added)}` : ''}${removed.length ? ` lost ${JSON.stringify(removed)}` : ''}`;
        out.push(`object ${id} ${k}:${change || ` ${JSON.stringify(a[k])} -> ${JSON.stringify(b[k])}`}`);
      }
  }
  return out;
}
