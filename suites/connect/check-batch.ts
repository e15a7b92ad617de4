// Compares one batch response with the model, item by item in request order (CONNECT-BATCH-1..4),
// and advances the model with what succeeded. Returns divergences; the first one is the verdict.
import type { Op, Prediction, TableModel } from './model.js';
import { TableModel as TM } from './model.js';
import type { BatchResult, FailureEntry, SuccessEntry, ValueItem } from './types.js';
import { lockedComponent } from './types.js';

export interface Divergence {
  requirement: string;
  message: string;
  /** The request item it concerns, when there is one. */
  item?: number;
  /** A token judged from a write response alone: the read-back may name a better cause. */
  deferred?: boolean;
}

/** How each entity was last touched by the command under check (used to name a read-back divergence). */
export type Touch = 'success' | 'failed' | 'deleted' | 'several';

export interface BatchCheckOptions {
  /** Items whose value is valid but unusual (code points, Strict false): success is decided by VAL-1. */
  edgeValue?: (index: number) => boolean;
  touched?: Map<string, Touch>;
}

/** Identity as sent: PrimaryValues (absent = empty) and AttributeName. */
export function identityOf(e: { PrimaryValues?: unknown; AttributeName?: unknown }): string {
  return JSON.stringify([e.PrimaryValues ?? [], e.AttributeName ?? null]);
}

export function checkBatch(
  model: TableModel,
  op: Op,
  items: ValueItem[],
  status: number,
  body: unknown,
  opts: BatchCheckOptions = {},
): Divergence[] {
  const out: Divergence[] = [];
  if (status !== 200) {
    const req = status >= 400 && status < 500 ? 'CONNECT-BATCH-2' : 'CONNECT-BATCH-1';
    return [{ requirement: req, message: `well-formed batch answered ${status} instead of 200 with per-item results` }];
  }
  const res = (body ?? {}) as BatchResult;
  if (!Array.isArray(res.Successful) || !Array.isArray(res.Failed))
    return [{ requirement: 'CONNECT-BATCH-1', message: 'response lacks the Successful and Failed lists' }];
  const isEntry = (e: unknown) => e !== null && typeof e === 'object' && !Array.isArray(e);
  if (![...res.Successful, ...res.Failed].every(isEntry))
    return [{ requirement: 'CONNECT-BATCH-1', message: 'Successful or Failed holds an entry that is not an object' }];

  // Every item exactly once, as sent: compare counts per identity before matching outcomes.
  const counts = new Map<string, number>();
  for (const it of items) counts.set(identityOf(it), (counts.get(identityOf(it)) ?? 0) + 1);
  for (const e of [...res.Successful, ...res.Failed]) counts.set(identityOf(e), (counts.get(identityOf(e)) ?? 0) - 1);
  const off = [...counts].filter(([, n]) => n !== 0);
  if (off.length)
    return off.map(([id, n]) => ({
      requirement: 'CONNECT-BATCH-1',
      message: n > 0 ? `${n} item(s) ${id} missing from both Successful and Failed (as sent)` : `${-n} response entr(ies) ${id} match no request item as sent`,
    }));
  // Items sent more than once cannot be told apart in the answer, so read it two ways: outcomes
  // as the model predicts them, or the earliest copies as the successful ones. A reading without
  // divergence wins; if both diverge, the one that departs first names the item decided wrongly.
  const lists = { Successful: res.Successful, Failed: res.Failed };
  const ids = items.map(identityOf);
  const dup = new Set(ids.filter((id, i) => ids.indexOf(id) !== i));
  let strategy: Strategy = 'predicted';
  if (dup.size > 0) {
    const firstAt = (st: Strategy) => {
      const d = matchItems(model.clone(), op, items, lists, { ...opts, touched: new Map() }, st, dup);
      return d.length === 0 ? Infinity : Math.min(...d.map((x) => x.item ?? -1));
    };
    const predicted = firstAt('predicted');
    const earliest = firstAt('earliest-succeed');
    if (predicted !== Infinity && (earliest === Infinity || earliest < predicted)) strategy = 'earliest-succeed';
  }
  return matchItems(model, op, items, lists, opts, strategy, dup);
}

type Strategy = 'predicted' | 'earliest-succeed';

function matchItems(
  model: TableModel,
  op: Op,
  items: ValueItem[],
  res: { Successful: SuccessEntry[]; Failed: FailureEntry[] },
  opts: BatchCheckOptions,
  strategy: Strategy,
  dup: Set<string>,
): Divergence[] {
  const out: Divergence[] = [];
  const succ = new EntryPool('succeeded', res.Successful);
  const fail = new EntryPool('failed', res.Failed);
  const seen = new Map<string, number>(); // value keys written earlier in this batch
  // The lock scope of each item: the entity whose token the level checks (the value under NONE).
  const comp = lockedComponent(model.level) ?? 'Value';
  const scopeOf = items.map((it) => {
    const r = model.resolve(it);
    return 'error' in r ? undefined : model.entityOf(comp, r.record, r.attr.name);
  });
  // Items expected to pass that failed, and items that succeeded (observed), for the order check below.
  const lost: number[] = [];
  const succeeded = new Set<number>();
  const presented = items.map((it) => (lockedComponent(model.level) ? it.LockVersion?.[comp] : undefined));
  const touched = opts.touched ?? new Map<string, Touch>();

  items.forEach((item, i) => {
    let p: Prediction = model.predict(op, item);
    const r = model.resolve(item);
    const vkey = 'error' in r ? undefined : TM.valueKey(r.record, r.attr.name);
    if (vkey && seen.has(vkey) && op !== 'create') p = { ...p, rule: 'CONNECT-BATCH-4', reason: `${p.reason} (after item ${seen.get(vkey)} on the same value)` };
    else if (p.outcome === 'ok' && op !== 'delete' && opts.edgeValue?.(i)) p = { ...p, rule: 'CONNECT-VAL-1' };
    const id = identityOf(item);
    const wantOk = strategy === 'earliest-succeed' && dup.has(id) ? true : p.outcome !== 'fail';
    const s = (wantOk ? succ : fail).take(id) ?? (wantOk ? fail : succ).take(id);
    if (!s) {
      out.push({ requirement: 'CONNECT-BATCH-1', message: `item ${i} (${id}) is in neither Successful nor Failed, as sent`, item: i });
      return;
    }
    if (vkey) seen.set(vkey, i);
    const entities = 'error' in r ? [] : model.changedBy(r.record, r.attr.name);
    if (s.list === 'failed') {
      if (p.outcome === 'ok') {
        lost.push(i);
        out.push({ requirement: p.rule, message: `item ${i} (${op} ${id}) failed (${(s.entry as FailureEntry).Message}) but ${p.reason}`, item: i });
      }
      const msg = (s.entry as FailureEntry).Message;
      if (typeof msg !== 'string' || msg === '') out.push({ requirement: 'CONNECT-BATCH-2', message: `Failed entry for item ${i} has no Message`, item: i });
      for (const e of entities) if (!touched.has(e)) touched.set(e, 'failed');
      return;
    }
    succeeded.add(i);
    if (p.outcome === 'fail') {
      out.push({ requirement: p.rule, message: `item ${i} (${op} ${id}) succeeded but should fail: ${p.reason}`, item: i });
      return; // the model cannot follow an effect it forbids
    }
    const entry = s.entry as SuccessEntry;
    if (op === 'create') out.push(...checkRecordId(model, item, entry.RecordId).map((d) => ({ ...d, item: i })));
    for (const t of model.applySuccess(op, item, op === 'delete' ? undefined : entry.LockVersion))
      out.push({ requirement: t.requirement, message: `item ${i} (${op} ${id}): ${t.message}`, item: i, deferred: t.requirement !== 'CONNECT-LOCK-4' || undefined });
    for (const e of entities) touched.set(e, op === 'delete' ? 'deleted' : touched.get(e) === 'success' || touched.get(e) === 'several' || dup.has(id) ? 'several' : 'success');
  });
  // An item that should have passed failed while a later item of the same lock scope, presenting the
  // same token, succeeded: in request order the later one would have been the stale one. The target
  // did not work through the items in order (CONNECT-BATCH-4).
  const swapped = lost.find((a) => [...succeeded].some((b) => b > a && scopeOf[b] !== undefined && scopeOf[b] === scopeOf[a] && presented[b] !== undefined && presented[b] === presented[a]));
  if (swapped !== undefined && op !== 'create')
    out.unshift({ requirement: 'CONNECT-BATCH-4', message: `item ${swapped} failed while a later item of the same lock scope with the same token succeeded: items were not applied in request order`, item: swapped });
  for (const id of [...succ.leftovers(), ...fail.leftovers()])
    out.push({ requirement: 'CONNECT-BATCH-1', message: `response entry ${id} matches no request item as sent` });
  return out;
}

/** Response entries grouped by identity, consumed in response order. */
class EntryPool {
  private readonly byId = new Map<string, Array<SuccessEntry | FailureEntry>>();
  constructor(
    readonly list: 'succeeded' | 'failed',
    entries: Array<SuccessEntry | FailureEntry>,
  ) {
    for (const e of entries) {
      const k = identityOf(e);
      const q = this.byId.get(k) ?? [];
      q.push(e);
      this.byId.set(k, q);
    }
  }
  take(id: string): { entry: SuccessEntry | FailureEntry; list: 'succeeded' | 'failed' } | undefined {
    const e = this.byId.get(id)?.shift();
    return e ? { entry: e, list: this.list } : undefined;
  }
  leftovers(): string[] {
    return [...this.byId].filter(([, q]) => q.length > 0).map(([k]) => k);
  }
}

/** CONNECT-CREATE-1: one RecordId per record, distinct across records. */
export function checkRecordId(model: TableModel, item: ValueItem, recordId: unknown): Divergence[] {
  const rk = model.recordKey(item.PrimaryValues);
  if ('error' in rk) return [];
  if (typeof recordId !== 'string' || recordId === '')
    return [{ requirement: 'CONNECT-CREATE-1', message: `create of ${identityOf(item)} returned no RecordId` }];
  const known = model.recordIds.get(rk.key);
  if (known !== undefined && known !== recordId)
    return [{ requirement: 'CONNECT-CREATE-1', message: `record ${rk.key || '(default)'} had RecordId ${known}, now ${recordId}` }];
  for (const [k, id] of model.recordIds)
    if (k !== rk.key && id === recordId)
      return [{ requirement: 'CONNECT-CREATE-1', message: `records ${k || '(default)'} and ${rk.key || '(default)'} share RecordId ${id}` }];
  model.recordIds.set(rk.key, recordId);
  return [];
}
