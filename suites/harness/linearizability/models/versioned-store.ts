// A store of versioned items with conditional, all-or-nothing batch writes and snapshot reads — the
// common shape of the three APIs (Connect lock versions, Cognito SyncCount, Cloud Directory batches).
// A write whose outcome is unknown leaves its items with a not-yet-known version, which the next read
// or successful conditional write pins down.
import type { Operation } from '../history.js';
import type { VersionedOp } from '../invariants.js';
import type { Model } from '../model.js';

export type ItemVersion = string | number;

export interface StoreItem {
  version: ItemVersion | null;
  value: string | null;
}

export type StoreInput =
  | { kind: 'write'; items: { key: string; base?: ItemVersion | null; value: string }[] }
  | { kind: 'read'; keys: string[] };

/** write ok: the new version of each item (same order); read ok: what each key held (null = absent). */
export type StoreOutput = { versions?: ItemVersion[]; items?: StoreItem[] };

/** State: key -> item, kept as a sorted entry list so that hashing is canonical. */
export type StoreState = ReadonlyArray<readonly [string, StoreItem]>;

const UNSET = Symbol('version not known yet');
type Held = { version: ItemVersion | null | typeof UNSET; value: string | null };
const ABSENT: Held = { version: null, value: null };

function get(state: StoreState, key: string): Held {
  for (const [k, item] of state) if (k === key) return item as Held;
  return ABSENT;
}

function put(state: StoreState, updates: Map<string, Held>): StoreState {
  const map = new Map<string, Held>(state as ReadonlyArray<readonly [string, Held]>);
  for (const [k, v] of updates) map.set(k, v);
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) as unknown as StoreState;
}

const versionMatches = (held: Held, version: ItemVersion | null | undefined) =>
  version === undefined || held.version === UNSET || held.version === version;

export const versionedStoreModel: Model<StoreState, StoreInput, StoreOutput> = {
  init: () => [],
  step(state, input, output, outcome) {
    if (input.kind === 'read') {
      if (outcome === 'fail') return { ok: true, next: state };
      const items = output?.items ?? [];
      if (items.length !== input.keys.length) return { ok: false, next: state };
      const pinned = new Map<string, Held>();
      for (let i = 0; i < input.keys.length; i++) {
        const held = get(state, input.keys[i]);
        const seen = items[i];
        if (!versionMatches(held, seen.version) || held.value !== seen.value) return { ok: false, next: state };
        if (held.version === UNSET) pinned.set(input.keys[i], { version: seen.version, value: held.value });
      }
      return { ok: true, next: pinned.size > 0 ? put(state, pinned) : state };
    }
    const allMatch = input.items.every((item) => versionMatches(get(state, item.key), item.base));
    if (outcome === 'fail') {
      // A failed write had no effect. If every item was conditional, some condition must have failed
      // (a not-yet-known version may be the one); an unconditional item may fail for other reasons.
      const explained = input.items.some(
        (item) => item.base === undefined || get(state, item.key).version === UNSET || get(state, item.key).version !== item.base,
      );
      return { ok: explained, next: state };
    }
    const versions = output?.versions ?? [];
    if (!allMatch || versions.length !== input.items.length) return { ok: false, next: state };
    const updates = new Map<string, Held>();
    input.items.forEach((item, i) => updates.set(item.key, { version: versions[i], value: item.value }));
    return { ok: true, next: put(state, updates) };
  },
  stepUnknown(state, input) {
    if (input.kind === 'read') return [state];
    if (!input.items.every((item) => versionMatches(get(state, item.key), item.base))) return [state];
    const updates = new Map<string, Held>();
    for (const item of input.items) updates.set(item.key, { version: UNSET, value: item.value });
    return [put(state, updates)];
  },
  hash: (state) =>
    state.map(([k, item]) => `${k}=${(item as Held).version === UNSET ? '?' : JSON.stringify(item.version)}:${JSON.stringify(item.value)}`).join('|'),
  partition: (history) => partitionByConnectedKeys(history),
  describeOperation(input, output, outcome) {
    if (input.kind === 'read') {
      const seen = outcome === 'ok' ? (output?.items ?? []).map((it, i) => `${input.keys[i]}=${it.value ?? 'absent'}@${it.version ?? '-'}`).join(', ') : outcome;
      return `read(${input.keys.join(', ')}) -> ${seen}`;
    }
    const items = input.items.map((it) => `${it.key}:=${it.value}${it.base === undefined ? '' : ` if @${it.base ?? 'absent'}`}`).join(', ');
    const result = outcome === 'ok' ? `ok ${(output?.versions ?? []).map(String).join(', ')}` : outcome;
    return `write(${items}) -> ${result}`;
  },
  describeState: (state) => (state.length === 0 ? '(empty)' : state.map(([k, item]) => `${k}=${item.value ?? 'absent'}@${(item as Held).version === UNSET ? '?' : String(item.version)}`).join(', ')),
};

function keysOf(input: StoreInput): string[] {
  return input.kind === 'read' ? input.keys : input.items.map((i) => i.key);
}

/** Operations that share no key, directly or through others, are independent (union-find over keys). */
export function partitionByConnectedKeys(history: Operation<StoreInput, StoreOutput>[]): Operation<StoreInput, StoreOutput>[][] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const op of history) {
    const keys = keysOf(op.input);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (let i = 1; i < keys.length; i++) parent.set(find(keys[i]), find(keys[0]));
  }
  const groups = new Map<string, Operation<StoreInput, StoreOutput>[]>();
  for (const op of history) {
    const keys = keysOf(op.input);
    const root = keys.length > 0 ? find(keys[0]) : '';
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(op);
  }
  return [...groups.values()];
}

/** The same history in the shape the tier-1 invariants read (a write with several items is atomic). */
export function toVersionedOps(history: Operation<StoreInput, StoreOutput>[]): VersionedOp[] {
  return history.map((op) => {
    const base = { id: op.id, clientId: op.clientId, call: op.call, ret: op.ret, outcome: op.outcome };
    if (op.input.kind === 'read') {
      const items = op.output?.items ?? [];
      const keys = op.input.keys;
      return { ...base, reads: op.outcome === 'ok' ? keys.flatMap((key, i) => (items[i] ? [{ key, version: items[i].version, value: items[i].value }] : [])) : [] };
    }
    const versions = op.output?.versions;
    return {
      ...base,
      atomic: op.input.items.length > 1,
      writes: op.input.items.map((item, i) => ({
        key: item.key,
        base: item.base,
        value: item.value,
        version: op.outcome === 'ok' ? versions?.[i] : undefined,
      })),
    };
  });
}
