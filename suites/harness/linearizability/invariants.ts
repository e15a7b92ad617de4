// Tier-1 checks for versioned conditional writes, linear in the history (plus sorting): cheap, run before
// the search, and their messages name the broken rule directly.
import type { Outcome } from './history.js';

export type Version = string | number;

/** One item written by an operation. */
export interface VersionedWrite {
  key: string;
  /** The version presented as the condition; null = "must not exist yet"; undefined = unconditional. */
  base?: Version | null;
  /** The version the service returned for this item (successful writes only). */
  version?: Version;
  /** A token unique to this write's value, so a read can tell whose value it sees. */
  value?: string;
}

/** One item observed by a read; all reads of one operation are taken as one snapshot. */
export interface VersionedRead {
  key: string;
  /** null = the item does not exist. */
  version: Version | null;
  value?: string | null;
}

export interface VersionedOp {
  id: number;
  clientId?: number | string;
  call: number;
  /** +Infinity when the outcome is unknown. */
  ret: number;
  /** For per-item batches, give each item its own VersionedOp with that item's outcome. */
  outcome: Outcome;
  writes?: VersionedWrite[];
  reads?: VersionedRead[];
  /** All writes take effect together or not at all (Cloud Directory BatchWrite). */
  atomic?: boolean;
}

export type InvariantRule =
  | 'fresh-version'
  | 'duplicate-base'
  | 'stale-read'
  | 'failed-write-observed'
  | 'unknown-version'
  | 'partial-batch';

export interface Violation {
  rule: InvariantRule;
  key?: string;
  /** The operations involved (ids). */
  ops: number[];
  message: string;
}

export interface InvariantOptions {
  /** Versions the keys had before the history (absent keys start at null). */
  initial?: Record<string, Version | null>;
}

export function checkVersionInvariants(history: readonly VersionedOp[], options: InvariantOptions = {}): Violation[] {
  const violations: Violation[] = [];
  const keys = collectKeys(history);
  const chains = new Map<string, Map<Version | null, number>>();
  for (const [key, touching] of keys) {
    const chain = versionChain(key, touching, options.initial?.[key] ?? null);
    chains.set(key, chain.positions);
    violations.push(...chain.violations);
    violations.push(...staleReads(key, touching, chain.positions, chain.produced));
  }
  violations.push(...partialBatches(history, chains));
  return violations;
}

interface Touch {
  op: VersionedOp;
  write?: VersionedWrite;
  read?: VersionedRead;
}

function collectKeys(history: readonly VersionedOp[]): Map<string, Touch[]> {
  const keys = new Map<string, Touch[]>();
  const add = (key: string, touch: Touch) => {
    let list = keys.get(key);
    if (!list) keys.set(key, (list = []));
    list.push(touch);
  };
  for (const op of history) {
    for (const write of op.writes ?? []) add(write.key, { op, write });
    if (op.outcome === 'ok') for (const read of op.reads ?? []) add(read.key, { op, read });
  }
  return keys;
}

/**
 * Positions in the key's version chain (initial version = 0, each successful conditional write one past
 * its base), plus the violations visible while building it: repeated versions, two successes on one base.
 */
function versionChain(key: string, touching: Touch[], initial: Version | null) {
  const violations: Violation[] = [];
  const okWrites = touching.filter((t) => t.write && t.op.outcome === 'ok');
  const producedBy = new Map<Version, number>();
  const byBase = new Map<Version | null, VersionedOp>();
  for (const { op, write } of okWrites) {
    const w = write!;
    if (w.version !== undefined) {
      const earlier = producedBy.get(w.version);
      if (w.version === w.base || w.version === initial) {
        violations.push({ rule: 'fresh-version', key, ops: [op.id], message: `${key}: write ${op.id} returned version ${String(w.version)}, which the item already had` });
      } else if (earlier !== undefined) {
        violations.push({ rule: 'fresh-version', key, ops: [earlier, op.id], message: `${key}: writes ${earlier} and ${op.id} both returned version ${String(w.version)}` });
      }
      if (earlier === undefined) producedBy.set(w.version, op.id);
    }
    if (w.base !== undefined) {
      const first = byBase.get(w.base);
      if (first) {
        violations.push({ rule: 'duplicate-base', key, ops: [first.id, op.id], message: `${key}: writes ${first.id} and ${op.id} both succeeded from version ${String(w.base)} (lost update)` });
      } else {
        byBase.set(w.base, op);
      }
    }
  }
  // Walk the chain from the roots: the initial version and any base no write in the history produced.
  const positions = new Map<Version | null, number>();
  const children = new Map<Version | null, Version[]>();
  for (const { write } of okWrites) {
    if (write!.base === undefined || write!.version === undefined) continue;
    let list = children.get(write!.base);
    if (!list) children.set(write!.base, (list = []));
    list.push(write!.version);
  }
  // Bases nobody produced are roots too (versions from before the history), unless an unknown-outcome
  // write may have produced them: then positions from different roots would not be comparable.
  const roots: (Version | null)[] = [initial];
  const unknownWrites = touching.some((t) => t.write && t.op.outcome === 'unknown');
  if (!unknownWrites) for (const base of children.keys()) if (base !== initial && (base === null || !producedBy.has(base))) roots.push(base);
  const queue: (Version | null)[] = [];
  for (const root of roots) {
    if (!positions.has(root)) {
      positions.set(root, 0);
      queue.push(root);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const at = positions.get(queue[i])!;
    for (const child of children.get(queue[i]) ?? []) {
      if (positions.has(child)) continue;
      positions.set(child, at + 1);
      queue.push(child);
    }
  }
  return { positions, produced: new Set(producedBy.keys()), violations };
}

/** Reads that saw a version older than one acknowledged before they began, a failed write, or nobody's version. */
function staleReads(key: string, touching: Touch[], positions: Map<Version | null, number>, produced: Set<Version>): Violation[] {
  const violations: Violation[] = [];
  const acked = touching
    .filter((t) => t.write && t.op.outcome === 'ok' && t.write.version !== undefined && positions.has(t.write.version))
    .sort((a, b) => a.op.ret - b.op.ret);
  const reads = touching.filter((t) => t.read).sort((a, b) => a.op.call - b.op.call);
  const tokens = new Map<string, Outcome>();
  for (const t of touching) {
    const value = t.write?.value;
    if (value === undefined) continue;
    // A token also written by a successful or unknown write proves nothing about the failed one.
    if (tokens.get(value) !== 'ok' && tokens.get(value) !== 'unknown') tokens.set(value, t.op.outcome);
  }
  const unknownWrites = touching.some((t) => t.write && t.op.outcome === 'unknown');
  let next = 0;
  let newest: Touch | undefined;
  for (const r of reads) {
    while (next < acked.length && acked[next].op.ret < r.op.call) {
      const candidate = acked[next++];
      if (!newest || positions.get(candidate.write!.version!)! > positions.get(newest.write!.version!)!) newest = candidate;
    }
    const read = r.read!;
    if (read.value !== undefined && read.value !== null && tokens.get(read.value) === 'fail') {
      violations.push({ rule: 'failed-write-observed', key, ops: [r.op.id], message: `${key}: read ${r.op.id} observed the value of a write that failed` });
      continue;
    }
    const seen = positions.get(read.version);
    if (seen === undefined) {
      // Unknown-outcome writes may have produced it; an unconditional write's version has no place in the chain.
      if (!unknownWrites && (read.version === null || !produced.has(read.version))) {
        violations.push({ rule: 'unknown-version', key, ops: [r.op.id], message: `${key}: read ${r.op.id} observed version ${String(read.version)}, which no successful write produced` });
      }
      continue;
    }
    if (newest && seen < positions.get(newest.write!.version!)!) {
      violations.push({
        rule: 'stale-read',
        key,
        ops: [newest.op.id, r.op.id],
        message: `${key}: read ${r.op.id} observed version ${String(read.version)} although write ${newest.op.id} had acknowledged the newer version ${String(newest.write!.version)} before the read began`,
      });
    }
  }
  return violations;
}

/** A snapshot read that sees a successful atomic batch on one key but an older state on another. */
function partialBatches(history: readonly VersionedOp[], chains: Map<string, Map<Version | null, number>>): Violation[] {
  const violations: Violation[] = [];
  const batches = history.filter((op) => op.atomic && op.outcome === 'ok' && (op.writes?.length ?? 0) > 1);
  if (batches.length === 0) return violations;
  // Which write produced each value token, to place token-only observations in real time.
  const writerOfToken = new Map<string, VersionedOp>();
  for (const op of history) for (const w of op.writes ?? []) if (w.value !== undefined) writerOfToken.set(`${w.key}\u0000${w.value}`, op);
  const reads = history.filter((op) => op.outcome === 'ok' && (op.reads?.length ?? 0) > 1);
  for (const batch of batches) {
    for (const r of reads) {
      const seesBatch: boolean[] = [];
      for (const w of batch.writes!) {
        const read = r.reads!.find((x) => x.key === w.key);
        if (!read) continue;
        const sees = observes(batch, w, read, chains.get(w.key), writerOfToken);
        if (sees !== undefined) seesBatch.push(sees);
      }
      if (seesBatch.includes(true) && seesBatch.includes(false)) {
        violations.push({ rule: 'partial-batch', ops: [batch.id, r.id], message: `read ${r.id} observed only part of atomic batch ${batch.id}` });
      }
    }
  }
  return violations;
}

/** true: the read shows this write (or a later one); false: it shows an older state; undefined: cannot tell. */
function observes(
  batch: VersionedOp,
  w: VersionedWrite,
  read: VersionedRead,
  chain: Map<Version | null, number> | undefined,
  writerOfToken: Map<string, VersionedOp>,
): boolean | undefined {
  if (w.version !== undefined && chain?.has(w.version) && chain.has(read.version)) {
    return chain.get(read.version)! >= chain.get(w.version)!;
  }
  if (w.value === undefined) return undefined;
  if (read.value === w.value) return true;
  // Absent although the batch wrote it (deletes are not modelled): the batch is not visible here.
  if (read.value === null || read.version === null) return false;
  const writer = read.value === undefined ? undefined : writerOfToken.get(`${w.key}\u0000${read.value}`);
  // A value written by an operation that finished before the batch began is older than the batch's.
  if (writer && writer !== batch && writer.ret < batch.call) return false;
  return undefined;
}
