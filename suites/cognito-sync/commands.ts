// The commands of the sequential property as plain data fast-check chooses: which keys, replace or
// remove, and whether each patch presents the current, a stale or a future SyncCount. They are
// turned into real patches at run time from what the model knows then.
import fc from 'fast-check';
import type { DatasetModel, Patch } from './model.js';

/** The small key set the property works on (few keys, so that commands meet the same records). */
export const KEYS = ['alpha', 'beta', 'gamma'];

export type CountChoice = 'current' | 'stale' | 'future';

export interface PatchSpec {
  key: number;
  op: 'replace' | 'remove';
  count: CountChoice;
  value: number;
}

export interface ListSpec {
  /** undefined: the target's default page size. */
  maxResults?: number;
  /** Index into the counts the model knows (lastSyncCount), or undefined for none. */
  since?: number;
}

/**
 * Patches of one request (distinct keys: several patches of one key are SYNC-INFO-1's business).
 * Mostly current counts, so that requests succeed often enough to build up state; `future` only
 * when asked (the property run on the profile's MUST rules leaves our SHOULD reading out).
 */
export function patchSpecs(withFuture: boolean): fc.Arbitrary<PatchSpec[]> {
  const counts: CountChoice[] = ['current', 'current', 'current', 'current', 'current', 'stale', 'stale', ...(withFuture ? (['future', 'future'] as const) : [])];
  return fc.uniqueArray(
    fc.record({ key: fc.nat({ max: KEYS.length - 1 }), op: fc.constantFrom<'replace' | 'remove'>('replace', 'replace', 'remove'), count: fc.constantFrom(...counts), value: fc.nat({ max: 99 }) }),
    { minLength: 1, maxLength: 3, selector: (p) => p.key },
  );
}

export const listSpec: fc.Arbitrary<ListSpec> = fc.record(
  { maxResults: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 2 }), since: fc.option(fc.nat({ max: 9 }), { nil: undefined, freq: 2 }) },
);

/**
 * The patch a spec stands for now. A remove of a key the dataset never held becomes a replace
 * (what such a remove does is left open: SYNC-INFO-1); a stale count for a record at 0 cannot
 * exist, so it becomes a future one (or the current one when future counts are left out).
 */
export function resolvePatch(model: DatasetModel, s: PatchSpec, withFuture = true): { patch: Patch; count: CountChoice } {
  const key = KEYS[s.key]!;
  const op = s.op === 'remove' && !model.known(key) ? 'replace' : s.op;
  const current = model.current(key);
  let count = s.count;
  let presented = current;
  if (count === 'stale') {
    const stale = model.staleCount(key);
    if (stale === undefined) count = withFuture ? 'future' : 'current';
    else presented = stale;
  }
  if (count === 'future') presented = current + 7;
  const patch: Patch = { Op: op, Key: key, SyncCount: presented, ...(op === 'replace' ? { Value: `v${s.value}` } : {}) };
  return { patch, count };
}

export function patchText(p: Patch, count: CountChoice): string {
  return `${p.Op} ${p.Key}${p.Value !== undefined ? `=${p.Value}` : ''} @${p.SyncCount} (${count})`;
}

/** The lastSyncCount a spec stands for: one of the counts the model holds, or 0. */
export function resolveSince(model: DatasetModel, since: number | undefined): number | undefined {
  if (since === undefined) return undefined;
  const counts = [0, ...new Set([...model.records.values()].map((r) => r.count))].sort((a, b) => a - b);
  return counts[since % counts.length];
}
