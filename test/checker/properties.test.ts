// Property tests of the checker: histories from real sequential executions are always accepted;
// injected lost updates, stale reads and partial batches are always caught, by the search and by the
// invariants. Fixed seeds, bounded runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../suites/harness/linearizability/checker.js';
import { checkVersionInvariants } from '../../suites/harness/linearizability/invariants.js';
import { kvModel, type KvInput, type KvOutput } from '../../suites/harness/linearizability/models/kv.js';
import { versionedStoreModel } from '../../suites/harness/linearizability/models/versioned-store.js';
import type { Operation } from '../../suites/harness/linearizability/history.js';
import { buildHistory, STORE_KEYS, stepSpec, toVersionedOps, type SequentialStore } from './helpers/sequential-store.js';

const RUNS = { numRuns: 150 };
const specs = (allowUnknown: boolean) => fc.array(stepSpec(allowUnknown), { maxLength: 30 });

type Anomaly = 'lost-update' | 'stale-read' | 'partial-batch';

/** Appends the anomaly after every other operation has returned, so nothing can excuse it. */
function inject(store: SequentialStore, anomaly: Anomaly, key: string, other: string): void {
  const t = store.lastReturn() + 10;
  const id = () => store.history.length;
  const cur = store.current(key);
  const cur2 = store.current(other);
  const write = (items: { key: string; base: string | number | null; value: string; version: string }[], call: number, ret: number) =>
    store.history.push({
      id: id(), clientId: 'x', call, ret, outcome: 'ok',
      input: { kind: 'write', items: items.map(({ key: k, base, value }) => ({ key: k, base, value })) },
      output: { versions: items.map((i) => i.version) },
    });
  const read = (keys: string[], items: { version: string | number | null; value: string | null }[], call: number, ret: number) =>
    store.history.push({ id: id(), clientId: 'y', call, ret, outcome: 'ok', input: { kind: 'read', keys }, output: { items } });
  if (anomaly === 'lost-update') {
    write([{ key, base: cur.version, value: 'lost-1', version: `${key}.lost1` }], t, t + 5);
    write([{ key, base: cur.version, value: 'lost-2', version: `${key}.lost2` }], t + 6, t + 9);
  } else if (anomaly === 'stale-read') {
    write([{ key, base: cur.version, value: 'fresh', version: `${key}.fresh` }], t, t + 5);
    read([key], [{ ...cur }], t + 6, t + 8);
  } else {
    write([{ key, base: cur.version, value: 'b1', version: `${key}.b` }, { key: other, base: cur2.version, value: 'b2', version: `${other}.b` }], t, t + 10);
    read([key, other], [{ version: `${key}.b`, value: 'b1' }, { ...cur2 }], t + 2, t + 8);
  }
}

const expectedRule: Record<Anomaly, string> = { 'lost-update': 'duplicate-base', 'stale-read': 'stale-read', 'partial-batch': 'partial-batch' };

describe('checker properties', () => {
  it('accepts every history recorded from a sequential execution (with unknown outcomes)', () => {
    fc.assert(
      fc.property(specs(true), (steps) => {
        const { history } = buildHistory(steps);
        const result = checkHistory(versionedStoreModel, history, { timeoutMs: 5000 });
        expect(result.verdict).toBe('ok');
        expect(checkVersionInvariants(toVersionedOps(history))).toEqual([]);
      }),
      { ...RUNS, seed: 101 },
    );
  });

  it('accepts kv histories recorded from a sequential execution', () => {
    const kvStep = fc.record({
      op: fc.constantFrom('get' as const, 'put' as const, 'append' as const),
      key: fc.constantFrom('x', 'y'),
      value: fc.constantFrom('a', 'b', 'c'),
      before: fc.integer({ min: 0, max: 30 }),
      after: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(kvStep, { maxLength: 40 }), (steps) => {
        const state = new Map<string, string>();
        const history: Operation<KvInput, KvOutput>[] = steps.map((s, i) => {
          const cur = state.get(s.key) ?? '';
          if (s.op === 'put') state.set(s.key, s.value);
          if (s.op === 'append') state.set(s.key, cur + s.value);
          const input: KvInput = s.op === 'get' ? { op: 'get', key: s.key } : { op: s.op, key: s.key, value: s.value };
          return { id: i, clientId: i % 5, input, output: s.op === 'get' ? { value: cur } : {}, call: 10 * i - s.before, ret: 10 * i + s.after, outcome: 'ok' };
        });
        expect(checkHistory(kvModel, history, { timeoutMs: 5000 }).verdict).toBe('ok');
      }),
      { ...RUNS, seed: 202 },
    );
  });

  for (const anomaly of ['lost-update', 'stale-read', 'partial-batch'] as Anomaly[]) {
    it(`finds an injected ${anomaly} by search and by invariants`, () => {
      fc.assert(
        fc.property(specs(false), fc.constantFrom(...STORE_KEYS), (steps, key) => {
          const store = buildHistory(steps);
          const other = STORE_KEYS.find((k) => k !== key)!;
          inject(store, anomaly, key, other);
          expect(checkHistory(versionedStoreModel, store.history, { timeoutMs: 5000 }).verdict).toBe('illegal');
          const rules = checkVersionInvariants(toVersionedOps(store.history)).map((v) => v.rule);
          expect(rules).toContain(expectedRule[anomaly]);
        }),
        { ...RUNS, seed: 303 },
      );
    });

    it(`finds an injected ${anomaly} by search among unknown outcomes`, () => {
      fc.assert(
        fc.property(specs(true), fc.constantFrom(...STORE_KEYS), (steps, key) => {
          const store = buildHistory(steps);
          inject(store, anomaly, key, STORE_KEYS.find((k) => k !== key)!);
          expect(checkHistory(versionedStoreModel, store.history, { timeoutMs: 5000 }).verdict).toBe('illegal');
        }),
        { ...RUNS, seed: 404 },
      );
    });
  }
});
