// The search on small hand-built register histories whose verdicts can be worked out by hand.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../suites/harness/linearizability/checker.js';
import { explainResult, writeTimeline } from '../../suites/harness/linearizability/explain.js';
import type { Operation, Outcome } from '../../suites/harness/linearizability/history.js';
import type { Model } from '../../suites/harness/linearizability/model.js';
import { registerModel, type RegisterInput, type RegisterOutput } from '../../suites/harness/linearizability/models/register.js';

type Op = Operation<RegisterInput, RegisterOutput>;
let nextId = 0;
const op = (clientId: number, call: number, ret: number, input: RegisterInput, outcome: Outcome = 'ok', value?: number | null): Op => ({
  id: nextId++, clientId, call, ret: outcome === 'unknown' ? Infinity : ret, input, outcome,
  output: outcome === 'unknown' ? undefined : input.kind === 'read' ? { value: value ?? null } : {},
});
const write = (c: number, call: number, ret: number, value: number, outcome: Outcome = 'ok') => op(c, call, ret, { kind: 'write', value }, outcome);
const read = (c: number, call: number, ret: number, value: number | null) => op(c, call, ret, { kind: 'read' }, 'ok', value);
const cas = (c: number, call: number, ret: number, expected: number | null, value: number, outcome: Outcome = 'ok') => op(c, call, ret, { kind: 'cas', expected, value }, outcome);

describe('linearizability search', () => {
  it('accepts a read concurrent with a write seeing either value', () => {
    expect(checkHistory(registerModel, [write(0, 0, 10, 1), read(1, 5, 6, null)]).verdict).toBe('ok');
    expect(checkHistory(registerModel, [write(0, 0, 10, 1), read(1, 5, 6, 1)]).verdict).toBe('ok');
  });

  it('rejects a read after a completed write that misses it', () => {
    const result = checkHistory(registerModel, [write(0, 0, 1, 1), read(1, 2, 3, null)]);
    expect(result.verdict).toBe('illegal');
    const [partition] = result.partitions;
    expect(partition.longestPrefix).toHaveLength(1);
    expect(partition.stateAfterPrefix).toBe('1');
    expect(partition.stuck).toHaveLength(1);
  });

  it('rejects two concurrent CAS from the same value both succeeding', () => {
    const ops = [write(0, 0, 1, 0), cas(1, 2, 5, 0, 1), cas(2, 2, 5, 0, 2)];
    const result = checkHistory(registerModel, ops);
    expect(result.verdict).toBe('illegal');
    expect(result.partitions[0].stuck.sort()).toEqual([ops[1].id, ops[2].id].sort());
  });

  it('accepts the loser of a CAS race failing', () => {
    expect(checkHistory(registerModel, [write(0, 0, 1, 0), cas(1, 2, 5, 0, 1), cas(2, 2, 5, 0, 2, 'fail'), read(0, 6, 7, 1)]).verdict).toBe('ok');
  });

  it('lets an unknown write take effect late or never', () => {
    const lost = write(0, 0, 0, 7, 'unknown');
    expect(checkHistory(registerModel, [lost, read(1, 5, 6, null)]).verdict).toBe('ok');
    expect(checkHistory(registerModel, [lost, read(1, 5, 6, null), read(1, 7, 8, 7)]).verdict).toBe('ok');
    // but once seen it cannot be undone
    expect(checkHistory(registerModel, [lost, read(1, 5, 6, 7), read(1, 7, 8, null)]).verdict).toBe('illegal');
  });

  it('checks keys separately and reports each partition', () => {
    const a = { kind: 'write', key: 'a', value: 1 } as const;
    const ops: Op[] = [
      { id: 100, clientId: 0, call: 0, ret: 1, input: a, output: {}, outcome: 'ok' },
      { id: 101, clientId: 1, call: 2, ret: 3, input: { kind: 'read', key: 'b' }, output: { value: null }, outcome: 'ok' },
      { id: 102, clientId: 1, call: 4, ret: 5, input: { kind: 'read', key: 'a' }, output: { value: 1 }, outcome: 'ok' },
    ];
    const result = checkHistory(registerModel, ops);
    expect(result.verdict).toBe('ok');
    expect(result.partitions).toHaveLength(2);
  });

  it('returns unknown, not a crash, for bad input or a throwing model', () => {
    expect(checkHistory(registerModel, [{ ...write(0, 5, 1, 1) }]).verdict).toBe('unknown');
    expect(checkHistory(registerModel, 'nope' as unknown as Op[]).verdict).toBe('unknown');
    expect(checkHistory(registerModel, [null, 3] as unknown as Op[]).problems[0]).toContain('operation object');
    const throwing: Model<number, RegisterInput, RegisterOutput> = {
      init: () => 0,
      step: () => {
        throw new Error('boom');
      },
      stepUnknown: () => [],
      hash: (s) => s,
    };
    const result = checkHistory(throwing, [write(0, 0, 1, 1)]);
    expect(result.verdict).toBe('unknown');
    expect(result.partitions[0].reason).toContain('boom');
  });

  it('gives up with unknown when the time budget is spent', () => {
    // Many concurrent writes and one impossible read: exponential without a budget.
    const ops: Op[] = [];
    for (let i = 0; i < 40; i++) ops.push(write(i, 0, 100, i));
    ops.push(read(99, 0, 100, 1000));
    const result = checkHistory(registerModel, ops, { timeoutMs: 50 });
    expect(['unknown', 'illegal']).toContain(result.verdict);
    expect(result.verdict).not.toBe('ok');
  });

  it('gives up with unknown when the memo budget is spent', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 12; i++) ops.push(write(i, 0, 100, i));
    ops.push(read(99, 0, 100, 1000));
    const result = checkHistory(registerModel, ops, { maxCacheEntries: 50 });
    expect(result.verdict).toBe('unknown');
    expect(result.partitions[0].reason).toContain('memory budget');
    // with room to finish, the same history is proved illegal (no write stores 1000)
    expect(checkHistory(registerModel, ops).verdict).toBe('illegal');
  });

  it('explains an illegal history in text and as a self-contained HTML timeline', () => {
    const ops = [write(0, 0, 1, 0), cas(1, 2, 5, 0, 1), cas(2, 2, 5, 0, 2)];
    const result = checkHistory(registerModel, ops);
    const text = explainResult(registerModel, result);
    expect(text).toContain('illegal');
    expect(text).toContain('cas(0 -> 1) -> ok');
    expect(text).toContain('state after it: 1'); // after write(0) and the first cas
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lockstep-timeline-')), 'sub', 'timeline.html');
    writeTimeline(file, registerModel, result, { title: 'race <demo>' });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('race &lt;demo&gt;');
    expect(html.match(/class="op ok stuck"/g)).toHaveLength(2);
    expect(html).toContain('client 1');
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});

describe('versioned store model', () => {
  it('accepts a failed conditional write only when its version is not current', async () => {
    const { versionedStoreModel } = await import('../../suites/harness/linearizability/models/versioned-store.js');
    const created = { id: 1, clientId: 0, call: 0, ret: 1, outcome: 'ok' as const, input: { kind: 'write' as const, items: [{ key: 'a', base: null, value: 'x' }] }, output: { versions: ['a1'] } };
    const failedRight = { id: 2, clientId: 0, call: 2, ret: 3, outcome: 'fail' as const, input: { kind: 'write' as const, items: [{ key: 'a', base: 'old', value: 'y' }] }, output: {} };
    const failedWrong = { ...failedRight, input: { kind: 'write' as const, items: [{ key: 'a', base: 'a1', value: 'y' }] } };
    const failedUnconditional = { ...failedRight, input: { kind: 'write' as const, items: [{ key: 'a', value: 'y' }] } };
    expect(checkHistory(versionedStoreModel, [created, failedRight]).verdict).toBe('ok');
    expect(checkHistory(versionedStoreModel, [created, failedWrong]).verdict).toBe('illegal');
    expect(checkHistory(versionedStoreModel, [created, failedUnconditional]).verdict).toBe('ok');
  });

  it('pins the version of an unknown write at the first read that sees it', async () => {
    const { versionedStoreModel } = await import('../../suites/harness/linearizability/models/versioned-store.js');
    const lost = { id: 1, clientId: 0, call: 0, ret: Infinity, outcome: 'unknown' as const, input: { kind: 'write' as const, items: [{ key: 'a', base: null, value: 'x' }] }, output: undefined };
    const seen = (id: number, call: number, version: string) => ({
      id, clientId: 1, call, ret: call + 1, outcome: 'ok' as const, input: { kind: 'read' as const, keys: ['a'] }, output: { items: [{ version, value: 'x' }] },
    });
    expect(checkHistory(versionedStoreModel, [lost, seen(2, 5, 'v9'), seen(3, 7, 'v9')]).verdict).toBe('ok');
    expect(checkHistory(versionedStoreModel, [lost, seen(2, 5, 'v9'), seen(3, 7, 'v8')]).verdict).toBe('illegal');
  });
});
