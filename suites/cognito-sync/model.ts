// The pure dataset model of the sequential property: which records exist (live or tombstone), their
// value and SyncCount, and what an UpdateRecords should do. SyncCounts are the target's: the model
// never invents the next count, it only requires it to be above the presented one (SYNC-COUNT-1)
// and then remembers what the target answered.

export interface ModelRecord {
  /** undefined: a tombstone (removed record, still listed: SYNC-REMOVE-1). */
  value?: string;
  count: number;
}

export interface Patch {
  Op: 'replace' | 'remove';
  Key: string;
  Value?: string;
  SyncCount: number;
}

export type Prediction =
  | { outcome: 'ok' }
  /** `stale`: a presented count below the current one (SYNC-COUNT-2, MUST); `future`: above it (our reading, SHOULD). */
  | { outcome: 'conflict'; kind: 'stale' | 'future'; key: string; presented: number; current: number };

export interface Divergence {
  requirement: string;
  message: string;
  /** Set when this part of the requirement is weaker than the catalog's level. */
  level?: 'SHOULD';
}

export interface ReturnedRecord {
  Key?: unknown;
  SyncCount?: unknown;
  Value?: unknown;
  LastModifiedDate?: unknown;
}

export class DatasetModel {
  readonly records = new Map<string, ModelRecord>();
  /** Every count the target gave each key, oldest first (stale picks come from here). */
  readonly seen = new Map<string, number[]>();

  current(key: string): number {
    return this.records.get(key)?.count ?? 0;
  }

  /** A count below the current one that the key really had, or undefined when none can exist. */
  staleCount(key: string): number | undefined {
    const cur = this.current(key);
    if (cur <= 0) return undefined;
    const older = (this.seen.get(key) ?? []).filter((c) => c < cur);
    return older.length > 0 ? older[older.length - 1]! : cur - 1;
  }

  /** Whether the key was ever written (live or tombstone) since the dataset was last emptied. */
  known(key: string): boolean {
    return this.records.has(key);
  }

  /** All-or-nothing: the request succeeds only when every patch presents its record's current count. */
  predict(patches: Patch[]): Prediction {
    let future: Prediction | undefined;
    for (const p of patches) {
      const current = this.current(p.Key);
      if (p.SyncCount < current) return { outcome: 'conflict', kind: 'stale', key: p.Key, presented: p.SyncCount, current };
      if (p.SyncCount > current && !future) future = { outcome: 'conflict', kind: 'future', key: p.Key, presented: p.SyncCount, current };
    }
    return future ?? { outcome: 'ok' };
  }

  /**
   * A success: every patched key must come back in Records with a SyncCount above the presented
   * one (SYNC-COUNT-1); LastModifiedDate is expected as well (SYNC-RESP-1, SHOULD). The model takes
   * the returned counts.
   */
  applySuccess(patches: Patch[], returned: unknown): Divergence[] {
    const list: ReturnedRecord[] = Array.isArray(returned) ? returned.filter((r): r is ReturnedRecord => typeof r === 'object' && r !== null) : [];
    const divs: Divergence[] = [];
    for (const p of patches) {
      const r = list.find((x) => x.Key === p.Key);
      if (!r) {
        divs.push({ requirement: 'SYNC-COUNT-1', message: `the answer's Records do not list the patched key ${JSON.stringify(p.Key)}` });
        continue;
      }
      if (typeof r.SyncCount !== 'number' || !Number.isInteger(r.SyncCount) || r.SyncCount <= p.SyncCount) {
        divs.push({ requirement: 'SYNC-COUNT-1', message: `key ${JSON.stringify(p.Key)}: presented SyncCount ${p.SyncCount}, the answer gives ${JSON.stringify(r.SyncCount)} (must be greater)` });
        continue;
      }
      if (typeof r.LastModifiedDate !== 'number') divs.push({ requirement: 'SYNC-RESP-1', message: `key ${JSON.stringify(p.Key)} comes back without a numeric LastModifiedDate` });
      this.set(p.Key, { ...(p.Op === 'replace' ? { value: p.Value } : {}), count: r.SyncCount });
    }
    return divs;
  }

  set(key: string, r: ModelRecord): void {
    this.records.set(key, r);
    const seen = this.seen.get(key) ?? [];
    if (seen[seen.length - 1] !== r.count) seen.push(r.count);
    this.seen.set(key, seen);
  }

  /** Takes the target's listing as the state (after DeleteDataset, whose effect on records is INFO). */
  adopt(listed: Array<{ Key?: unknown; Value?: unknown; SyncCount?: unknown }>): void {
    this.records.clear();
    for (const r of listed) {
      if (typeof r.Key !== 'string' || typeof r.SyncCount !== 'number') continue;
      this.set(r.Key, { ...(typeof r.Value === 'string' ? { value: r.Value } : {}), count: r.SyncCount });
    }
  }

  /** Keys whose count is above `since`, as ListRecords with lastSyncCount should return them. */
  changedAfter(since: number): string[] {
    return [...this.records].filter(([, r]) => r.count > since).map(([k]) => k).sort();
  }
}

/** A difference between a full listing and the model, per key. */
export type Mismatch =
  | { key: string; kind: 'missing-live' | 'missing-tombstone' | 'unexpected' | 'duplicate' }
  | { key: string; kind: 'value'; expected?: string; got: unknown }
  | { key: string; kind: 'count'; expected: number; got: unknown };

export function compareListing(model: DatasetModel, listed: Array<{ Key?: unknown; Value?: unknown; SyncCount?: unknown }>): Mismatch[] {
  const out: Mismatch[] = [];
  const byKey = new Map<string, { Value?: unknown; SyncCount?: unknown }>();
  for (const r of listed) {
    const key = String(r.Key);
    if (byKey.has(key)) out.push({ key, kind: 'duplicate' });
    byKey.set(key, r);
  }
  for (const [key, m] of model.records) {
    const got = byKey.get(key);
    if (!got) {
      out.push({ key, kind: m.value === undefined ? 'missing-tombstone' : 'missing-live' });
      continue;
    }
    if ((got.Value ?? undefined) !== m.value) out.push({ key, kind: 'value', ...(m.value !== undefined ? { expected: m.value } : {}), got: got.Value });
    if (got.SyncCount !== m.count) out.push({ key, kind: 'count', expected: m.count, got: got.SyncCount });
  }
  for (const key of byKey.keys()) if (!model.records.has(key)) out.push({ key, kind: 'unexpected' });
  return out;
}

export function mismatchText(m: Mismatch): string {
  const k = JSON.stringify(m.key);
  switch (m.kind) {
    case 'missing-live':
      return `record ${k} is not listed`;
    case 'missing-tombstone':
      return `the removed record ${k} is not listed as a tombstone`;
    case 'unexpected':
      return `record ${k} is listed but was never written successfully`;
    case 'duplicate':
      return `record ${k} is listed twice`;
    case 'value':
      return `record ${k} reads back with Value ${JSON.stringify(m.got)}, expected ${m.expected === undefined ? 'none (tombstone)' : JSON.stringify(m.expected)}`;
    case 'count':
      return `record ${k} reads back with SyncCount ${JSON.stringify(m.got)}, expected ${m.expected}`;
  }
}
