// Parallel programs for SYNC-CONC-1: up to 8 clients, each a sequence of reads (ListRecords) and
// conditional writes (UpdateRecords with the SyncCount that client last read) on a few shared keys.
import fc from 'fast-check';
import { parallelProgram, type ParallelProgram } from '../harness/parallel/program.js';
import type { SyncCmd } from './concurrency-model.js';

export interface SyncProgramShape {
  /** Shared keys (default 2: few keys make same-SyncCount collisions frequent). */
  keys?: number;
  maxClients?: number;
  maxOpsPerClient?: number;
  /**
   * Each client writes and reads only keys of its own (`k0.c1`): no two clients contend, so a
   * failure is down to lost answers and retries (NET-1), not to races (SYNC-CONC-1).
   */
  privateKeys?: boolean;
}

export function keyName(k: number): string {
  return `k${k}`;
}

/** Writes outnumber reads so that clients often present the same, soon stale, SyncCount. */
export function syncCommand(keys: number): fc.Arbitrary<SyncCmd> {
  const key = fc.nat({ max: Math.max(0, keys - 1) }).map(keyName);
  return fc.oneof(
    { weight: 3, arbitrary: key.map((k): SyncCmd => ({ kind: 'write', key: k })) },
    { weight: 2, arbitrary: key.map((k): SyncCmd => ({ kind: 'read', key: k })) },
  );
}

/**
 * Shrinks as the engine's programs do: whole clients, then operations, then keys. fast-check cuts an
 * array by keeping its tail, while races show in a client's first operations: so each client's list
 * is generated in reverse and flipped here, and cutting it keeps the operations that run first.
 */
export function syncProgram(shape: SyncProgramShape = {}): fc.Arbitrary<ParallelProgram<SyncCmd>> {
  return parallelProgram(syncCommand(shape.keys ?? 2), {
    maxPrefix: 2,
    minClients: 2,
    maxClients: shape.maxClients ?? 8,
    maxOpsPerClient: shape.maxOpsPerClient ?? 10,
  }).map((p) => ({ prefix: p.prefix, clients: p.clients.map((ops, c) => [...ops].reverse().map((cmd) => (shape.privateKeys ? { ...cmd, key: `${cmd.key}.c${c}` } : cmd))) }));
}

/** A program of exactly `clients` x `ops` operations, the same for a given seed (no prefix). */
export function fixedSyncProgram(seed: number, clients: number, ops: number, keys = 2): ParallelProgram<SyncCmd> {
  const arb = fc.array(fc.array(syncCommand(keys), { minLength: ops, maxLength: ops }), { minLength: clients, maxLength: clients });
  const [sample] = fc.sample(arb, { seed, numRuns: 1 });
  return { prefix: [], clients: sample ?? [] };
}

/** The quiescent reads after a run: one per key the program writes (keeps shrunk histories small). */
export function finalReadsFor(program: ParallelProgram<SyncCmd>): SyncCmd[] {
  const written = new Set<string>();
  for (const cmd of [...program.prefix, ...program.clients.flat()]) if (cmd.kind === 'write') written.add(cmd.key);
  return [...written].sort().map((key): SyncCmd => ({ kind: 'read', key }));
}
