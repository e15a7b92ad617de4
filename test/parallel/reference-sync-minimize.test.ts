// The last shrinking pass of the Cognito Sync concurrency check, on an in-memory SyncCount store
// (no HTTP) whose defect is deterministic: a write presenting a stale SyncCount is accepted.
import { describe, expect, it } from 'vitest';
import type { StoreOutput } from '../../suites/harness/linearizability/models/versioned-store.js';
import type { Executor } from '../../suites/harness/parallel/run-program.js';
import type { ParallelProgram } from '../../suites/harness/parallel/program.js';
import { failingRun, minimizeFailure, oneFewer } from '../../suites/cognito-sync/concurrency-minimize.js';
import { syncInvariants, syncModel, type SyncCmd } from '../../suites/cognito-sync/concurrency-model.js';
import { finalReadsFor } from '../../suites/cognito-sync/concurrency-program.js';
import { serialized } from '../../suites/cognito-sync/concurrency-control.js';

/** Per-key records with a dataset-wide count, like the service; `acceptStale` is the defect. */
function memoryStore(acceptStale: boolean): Executor<SyncCmd, StoreOutput> {
  const records = new Map<string, { value: string; count: number }>();
  const seen = new Map<string, number>();
  let high = 0;
  let seq = 0;
  return async (client, cmd, context) => {
    await Promise.resolve();
    const mine = `${String(client)}/${cmd.key}`;
    const rec = records.get(cmd.key);
    if (cmd.kind === 'read') {
      seen.set(mine, rec?.count ?? 0);
      return { outcome: 'ok', output: { items: [{ version: rec ? rec.count : null, value: rec?.value ?? null }] } };
    }
    const presented = seen.get(mine) ?? 0;
    const value = `v${seq++}`;
    context.setInput({ kind: 'write', key: cmd.key, presented, value });
    if (presented !== (rec?.count ?? 0) && !(acceptStale && presented < (rec?.count ?? 0))) return { outcome: 'fail' };
    const count = ++high;
    records.set(cmd.key, { value, count });
    seen.set(mine, count);
    return { outcome: 'ok', output: { versions: [count] } };
  };
}

const w = (key: string): SyncCmd => ({ kind: 'write', key });
const r = (key: string): SyncCmd => ({ kind: 'read', key });

const options = (acceptStale: boolean) => ({
  model: syncModel,
  setup: async () => memoryStore(acceptStale),
  finalReads: finalReadsFor,
  invariants: syncInvariants,
  repeats: 1,
  opTimeoutMs: 1_000,
  checkTimeoutMs: 1_000,
  maxAttempts: 100,
});

describe('minimizing a failing program', () => {
  it('oneFewer drops each operation once; an emptied client goes only while more than two remain', () => {
    const p: ParallelProgram<SyncCmd> = { prefix: [w('k0')], clients: [[r('k0'), w('k0')], [w('k1')]] };
    const smaller = oneFewer(p);
    expect(smaller).toHaveLength(3);
    expect(smaller).toContainEqual({ prefix: [], clients: p.clients });
    expect(smaller).toContainEqual({ prefix: p.prefix, clients: [[w('k0')], [w('k1')]] });
    expect(smaller).toContainEqual({ prefix: p.prefix, clients: [[r('k0')], [w('k1')]] });
    const three: ParallelProgram<SyncCmd> = { prefix: [], clients: [[w('k0')], [w('k0')], [w('k1')]] };
    expect(oneFewer(three)).toHaveLength(3);
    expect(oneFewer(three).every((q) => q.clients.length === 2)).toBe(true);
  });

  it('reduces a failing program to the two blind writes that show the defect', async () => {
    const program: ParallelProgram<SyncCmd> = {
      prefix: [r('k1')],
      clients: [[r('k1'), w('k0'), r('k0')], [w('k1'), w('k0'), r('k1')], [r('k0'), r('k1')]],
    };
    const start = await failingRun(program, options(true));
    expect(start).toBeDefined();
    const { failure, attempts } = await minimizeFailure(start!, options(true));
    expect(attempts).toBeLessThanOrEqual(100);
    expect(failure.program.prefix).toEqual([]);
    expect(failure.program.clients).toEqual([[w('k0')], [w('k0')]]);
    expect(failure.violations.map((v) => v.rule)).toContain('duplicate-base');
  });

  it('a correct store never fails, so there is nothing to minimize', async () => {
    expect(await failingRun({ prefix: [], clients: [[w('k0'), r('k0')], [w('k0'), w('k0')]] }, options(false))).toBeUndefined();
  });

  it('serialized runs one call at a time, in call order', async () => {
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const exec = serialized<string, string>(async (_c, cmd) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((res) => setTimeout(res, 2));
      order.push(cmd);
      inFlight--;
      if (cmd === 'boom') throw new Error('reset');
      return { outcome: 'ok', output: cmd };
    });
    const ctx = { setInput: () => undefined };
    const results = await Promise.allSettled(['a', 'boom', 'b', 'c'].map((cmd) => exec(0, cmd, ctx)));
    expect(most).toBe(1);
    expect(order).toEqual(['a', 'boom', 'b', 'c']);
    expect(results.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });
});
