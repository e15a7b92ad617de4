// checkParallel over the versioned-store model, with the tier-1 invariants run first.
import { describe, expect, it } from 'vitest';
import { checkVersionInvariants } from '../../suites/harness/linearizability/invariants.js';
import { toVersionedOps, versionedStoreModel, type StoreInput } from '../../suites/harness/linearizability/models/versioned-store.js';
import { checkParallel } from '../../suites/harness/parallel/check-parallel.js';
import { parallelProgram, programSize } from '../../suites/harness/parallel/program.js';
import { STORE_KEYS, storeCommand, versionedStore } from './fake-versioned-store.js';

const options = {
  // prefix reads let clients learn versions before racing
  arbitrary: parallelProgram(storeCommand, { maxPrefix: 3, maxClients: 4, maxOpsPerClient: 3 }),
  model: versionedStoreModel,
  finalReads: (): StoreInput[] => [{ kind: 'read', keys: STORE_KEYS }],
  invariants: (history: Parameters<typeof toVersionedOps>[0]) => checkVersionInvariants(toVersionedOps(history)),
  repeats: 2,
};

describe('checkParallel with a versioned store', () => {
  it('passes the atomic store: no invariant violation and linearizable', async () => {
    const result = await checkParallel({ ...options, setup: () => versionedStore(false), runs: 40, seed: 5 });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it('catches the lost update of the racy store and shrinks it', async () => {
    const result = await checkParallel({ ...options, setup: () => versionedStore(true), runs: 100, seed: 9, repeats: 3 });
    expect(result.ok).toBe(false);
    expect(result.error).toBeUndefined();
    const rules = (result.violations ?? []).map((v) => v.rule);
    // either the invariants named it, or the search proved the history illegal
    expect(rules.includes('duplicate-base') || result.check?.verdict === 'illegal').toBe(true);
    expect(programSize(result.program!)).toBeLessThanOrEqual(4);
    // the recorded inputs carry the versions the executor filled in
    const writes = result.history!.filter((op) => op.input.kind === 'write');
    expect(writes.length).toBeGreaterThan(0);
    for (const op of writes) if (op.input.kind === 'write') for (const item of op.input.items) expect(item.base).not.toBeUndefined();
  });
});
