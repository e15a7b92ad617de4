// The concurrency engine end to end on Cognito Sync: parallel programs over real HTTP (one undici
// pool per client) against the reference server, checked by the version invariants and the
// linearizability search. Correct server: every history is linearizable. With the fault
// sync-race-check-then-act: the property fails, shrinks to a tiny history, and the HTML timeline
// names the operations that cannot be ordered.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { checkHistory } from '../../suites/harness/linearizability/checker.js';
import { escapeHtml } from '../../suites/harness/linearizability/timeline-html.js';
import { describeOp } from '../../suites/harness/linearizability/model.js';
import { runProgram } from '../../suites/harness/parallel/run-program.js';
import { syncInvariants, syncModel, type SyncCmd } from '../../suites/cognito-sync/concurrency-model.js';
import { finalReadsFor, fixedSyncProgram } from '../../suites/cognito-sync/concurrency-program.js';
import { syncSystem } from '../../suites/cognito-sync/concurrency-system.js';
import { runSyncConcurrency } from '../../suites/cognito-sync/concurrency.js';
import type { ParallelProgram } from '../../suites/harness/parallel/program.js';
import { syncClients, type SyncClients } from './reference-sync-kit.js';

const quiet = { log: () => undefined };

/** Keys on which at least two clients write before reading: with no read, each presents SyncCount 0. */
function blindCollisions(program: ParallelProgram<SyncCmd>): string[] {
  const keys = new Map<string, number>();
  for (const ops of program.clients) {
    const firstTouch = new Map<string, SyncCmd['kind']>();
    for (const cmd of ops) if (!firstTouch.has(cmd.key)) firstTouch.set(cmd.key, cmd.kind);
    for (const [key, kind] of firstTouch) if (kind === 'write') keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return [...keys].filter(([, n]) => n >= 2).map(([k]) => k);
}

describe('Cognito Sync concurrency on the correct reference', () => {
  let server: ReferenceServer;
  let clients: SyncClients;
  beforeAll(async () => {
    server = await startReferenceServer({ port: 0, ...quiet });
    clients = syncClients(server.url);
  });
  afterAll(async () => {
    await clients.close();
    await server.close();
  });

  it.each([1, 2, 3])('8 clients x 10 operations on 2 keys (seed %i): linearizable, conflicts answered 409', async (seed) => {
    const program = fixedSyncProgram(seed, 8, 10);
    expect(program.clients.map((ops) => ops.length)).toEqual(Array(8).fill(10));
    const system = syncSystem({ apiFor: clients.apiFor, datasetPrefix: `fixed-${seed}`, maxClients: 8 });
    try {
      const history = await runProgram(program, await system.setup(), { finalReads: finalReadsFor(program), opTimeoutMs: 15_000 });
      const clientOps = history.filter((op) => typeof op.clientId === 'number');
      expect(clientOps).toHaveLength(80);
      expect(history.every((op) => op.outcome !== 'unknown')).toBe(true);
      expect(system.unexpected).toEqual([]);
      expect(syncInvariants(history)).toEqual([]);
      const check = checkHistory(syncModel, history, { timeoutMs: 10_000 });
      expect(check.verdict).toBe('ok');
      const writes = clientOps.filter((op) => op.input.kind === 'write');
      expect(writes.some((op) => op.outcome === 'ok')).toBe(true);
      // Two clients writing a key blind both present SyncCount 0: at most one of them can win.
      if (blindCollisions(program).length > 0) expect(writes.some((op) => op.outcome === 'fail')).toBe(true);
      // Every write went out with the SyncCount that client last read (0 before any read).
      for (const op of writes) expect(op.input).toMatchObject({ presented: expect.any(Number), value: expect.any(String) });
    } finally {
      await system.cleanup();
    }
    expect(server.internalErrors()).toBe(0);
  });

  it('the seeds above do contain blind same-key writes (the 409 assertion is not vacuous)', () => {
    expect([1, 2, 3].filter((s) => blindCollisions(fixedSyncProgram(s, 8, 10)).length > 0).length).toBeGreaterThan(0);
  });

  it.each([11, 12])('generated programs (up to 8 clients x 10 operations), seed %i: property holds', async (seed) => {
    const res = await runSyncConcurrency({ apiFor: clients.apiFor, seed, runs: 6, repeats: 1, datasetPrefix: `gen-${seed}` });
    expect(res.error).toBeUndefined();
    expect(res.explanation).toBeUndefined();
    expect(res.ok).toBe(true);
    expect(res.numRuns).toBe(6);
    expect(res.executions).toBe(6);
    expect(res.inconclusive).toBe(0);
    expect(res.unexpected).toEqual([]);
    expect(server.internalErrors()).toBe(0);
  });
});

describe('Cognito Sync concurrency with sync-race-check-then-act', () => {
  let server: ReferenceServer;
  let clients: SyncClients;
  let dir: string;
  beforeAll(async () => {
    server = await startReferenceServer({ port: 0, faults: ['sync-race-check-then-act'], ...quiet });
    clients = syncClients(server.url);
    dir = mkdtempSync(path.join(os.tmpdir(), 'lockstep-sync-timeline-'));
  });
  afterAll(async () => {
    await clients.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails, shrinks to at most 4 operations, and the timeline names the illegal ones', async () => {
    const timelinePath = path.join(dir, 'sync-conc.html');
    const res = await runSyncConcurrency({ apiFor: clients.apiFor, seed: 7, runs: 30, repeats: 3, timelinePath, datasetPrefix: 'race' });
    expect(res.error).toBeUndefined();
    expect(res.ok).toBe(false);
    expect(res.seed).toBe(7);
    expect(res.path).toMatch(/^\d+(:\d+)*$/);
    const history = res.history!;
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history.length).toBeLessThanOrEqual(4);
    // The defect: two UpdateRecords on one key, presenting the same SyncCount, both acknowledged.
    const wins = history.filter((op) => op.input.kind === 'write' && op.outcome === 'ok');
    const sameBase = wins.filter((a) => wins.some((b) => b !== a && b.input.key === a.input.key && (b.input as { presented?: number }).presented === (a.input as { presented?: number }).presented));
    expect(sameBase.length).toBeGreaterThanOrEqual(2);
    expect(res.violations!.map((v) => v.rule)).toContain('duplicate-base');
    expect(res.check!.verdict).toBe('illegal');
    expect(res.illegalOps!.length).toBeGreaterThan(0);
    expect(res.counterexample!.join('\n')).toContain('duplicate-base');

    expect(res.timeline).toBe(timelinePath);
    const html = readFileSync(timelinePath, 'utf8');
    expect(html).toContain('Verdict: <strong>illegal</strong>');
    const stuck = res.check!.partitions.flatMap((p) => p.stuck);
    expect(stuck.length).toBeGreaterThan(0);
    for (const id of stuck) {
      const op = history.find((h) => h.id === id)!;
      // Each illegal operation is drawn as a red ("stuck") bar labelled with what was sent and answered.
      expect(html).toContain(escapeHtml(describeOp(syncModel, op)));
      expect(html).toMatch(new RegExp(`class="op ok stuck"[^>]*title="#${id} `));
    }
    expect(server.internalErrors()).toBe(0);
  });
});

describe('Cognito Sync concurrency: the control run keeps blame where it belongs', () => {
  it.each([
    ['sync-race-check-then-act', false],
    ['sync-stale-count-accepted', true],
  ] as const)('%s: the shrunk program fails one request at a time too: %s', async (fault, sequential) => {
    const server = await startReferenceServer({ port: 0, faults: [fault], ...quiet });
    const clients = syncClients(server.url);
    try {
      const res = await runSyncConcurrency({ apiFor: clients.apiFor, seed: 5, runs: 30, repeats: 3, control: { serial: true }, datasetPrefix: 'control' });
      expect(res.error).toBeUndefined();
      expect(res.ok).toBe(false);
      // A race needs overlapping requests; accepting a stale count does not.
      expect(res.controlFailed).toBe(sequential);
    } finally {
      await clients.close();
      await server.close();
    }
  });
});
