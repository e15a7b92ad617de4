// What the SYNC-CONC-1 histories are checked against: UpdateRecords is a per-key compare-and-set
// whose new SyncCount the service picks, so a key is a versioned item (version = SyncCount, an
// absent record = version null = SyncCount 0) and the engine's versioned-store model applies as is.
import type { Operation } from '../harness/linearizability/history.js';
import { checkVersionInvariants, type Violation } from '../harness/linearizability/invariants.js';
import type { Model } from '../harness/linearizability/model.js';
import {
  toVersionedOps,
  versionedStoreModel,
  type StoreInput,
  type StoreOutput,
  type StoreState,
} from '../harness/linearizability/models/versioned-store.js';

/**
 * A command of a parallel program. The generator fills kind and key; the executor records, as sent,
 * the SyncCount a write presented (the one this client last read) and its unique value.
 */
export type SyncCmd = { kind: 'read'; key: string } | { kind: 'write'; key: string; presented?: number; value?: string };

/** SyncCount 0 means "no record yet": the model's absent version. */
export function versionOf(count: number | undefined): number | null {
  return count === undefined || count === 0 ? null : count;
}

export function toStoreInput(cmd: SyncCmd): StoreInput {
  if (cmd.kind === 'read') return { kind: 'read', keys: [cmd.key] };
  return { kind: 'write', items: [{ key: cmd.key, base: versionOf(cmd.presented ?? 0), value: cmd.value ?? '' }] };
}

function toStoreHistory(history: Operation<SyncCmd, StoreOutput>[]): Operation<StoreInput, StoreOutput>[] {
  return history.map((op) => ({ ...op, input: toStoreInput(op.input) }));
}

/** The versioned-store model seen through SyncCmd; one partition per key (each command names one key). */
export const syncModel: Model<StoreState, SyncCmd, StoreOutput> = {
  init: versionedStoreModel.init,
  step: (state, input, output, outcome) => versionedStoreModel.step(state, toStoreInput(input), output, outcome),
  stepUnknown: (state, input) => versionedStoreModel.stepUnknown(state, toStoreInput(input)),
  hash: versionedStoreModel.hash,
  partition: (history) => {
    const byKey = new Map<string, Operation<SyncCmd, StoreOutput>[]>();
    for (const op of history) {
      const group = byKey.get(op.input.key) ?? [];
      group.push(op);
      byKey.set(op.input.key, group);
    }
    return [...byKey.values()];
  },
  describeOperation: (input, output, outcome) => describeSyncOp(input, output, outcome),
  describeState: versionedStoreModel.describeState,
};

/** One line per operation, in the API's words (the timeline and the verdict show these). */
export function describeSyncOp(input: SyncCmd, output: StoreOutput | undefined, outcome: 'ok' | 'fail' | 'unknown'): string {
  if (input.kind === 'read') {
    if (outcome !== 'ok') return `ListRecords ${input.key} -> ${outcome}`;
    const item = output?.items?.[0];
    return `ListRecords ${input.key} -> ${item && item.value !== null ? `${item.value} @SyncCount ${String(item.version)}` : 'absent'}`;
  }
  const sent = `UpdateRecords ${input.key}:=${input.value ?? '?'} @SyncCount ${input.presented ?? '?'}`;
  if (outcome === 'ok') return `${sent} -> ok, SyncCount ${String(output?.versions?.[0])}`;
  return `${sent} -> ${outcome === 'fail' ? '409 conflict' : 'no answer'}`;
}

export function describeCmd(cmd: SyncCmd): string {
  return cmd.kind === 'read' ? `read ${cmd.key}` : `write ${cmd.key}`;
}

/** Tier-1 rules (two acknowledged writes on one SyncCount, repeated counts, stale reads) before the search. */
export function syncInvariants(history: Operation<SyncCmd, StoreOutput>[]): Violation[] {
  return checkVersionInvariants(toVersionedOps(toStoreHistory(history)));
}
