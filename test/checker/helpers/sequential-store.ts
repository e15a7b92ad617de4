// Histories from a real sequential execution of the versioned store: each operation takes effect at its
// point (10 * index) and its call/return are random times around that point, so a history built
// this way is linearizable by construction (the execution order is a witness).
import fc from 'fast-check';
import type { Operation, Outcome } from '../../../suites/harness/linearizability/history.js';
import type { StoreInput, StoreItem, StoreOutput } from '../../../suites/harness/linearizability/models/versioned-store.js';

export { toVersionedOps } from '../../../suites/harness/linearizability/models/versioned-store.js';

export type StoreOp = Operation<StoreInput, StoreOutput>;

export const STORE_KEYS = ['k0', 'k1', 'k2'];

export interface StepSpec {
  kind: 'read' | 'write';
  keys: string[];
  staleBase: boolean;
  unknown: boolean;
  before: number;
  after: number;
}

export const stepSpec = (allowUnknown: boolean): fc.Arbitrary<StepSpec> =>
  fc.record({
    kind: fc.constantFrom('read' as const, 'write' as const),
    keys: fc.uniqueArray(fc.constantFrom(...STORE_KEYS), { minLength: 1, maxLength: 2 }),
    staleBase: fc.boolean(),
    unknown: allowUnknown ? fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))) : fc.constant(false),
    before: fc.integer({ min: 0, max: 25 }),
    after: fc.integer({ min: 0, max: 25 }),
  });

/** A store executing operations one at a time, handing out fresh versions. */
export class SequentialStore {
  private readonly items = new Map<string, StoreItem>();
  private counter = 0;
  readonly history: StoreOp[] = [];

  current(key: string): StoreItem {
    return this.items.get(key) ?? { version: null, value: null };
  }

  /** Appends an operation taking effect now; times are given by the caller. */
  run(spec: StepSpec, call: number, ret: number): StoreOp {
    const id = this.history.length;
    let op: StoreOp;
    if (spec.kind === 'read') {
      op = { id, clientId: id % 4, call, ret, outcome: 'ok', input: { kind: 'read', keys: spec.keys }, output: { items: spec.keys.map((k) => ({ ...this.current(k) })) } };
    } else {
      const items = spec.keys.map((key) => ({ key, base: spec.staleBase ? `stale-${key}` : this.current(key).version, value: `w${id}-${key}` }));
      const applies = items.every((item) => item.base === this.current(item.key).version);
      let outcome: Outcome = applies ? 'ok' : 'fail';
      let output: StoreOutput | undefined = {};
      if (applies) {
        output.versions = items.map((item) => {
          const version = `${item.key}.${++this.counter}`;
          this.items.set(item.key, { version, value: item.value });
          return version;
        });
      }
      if (spec.unknown) {
        outcome = 'unknown';
        output = undefined;
        ret = Infinity;
      }
      op = { id, clientId: id % 4, call, ret, outcome, input: { kind: 'write', items }, output };
    }
    this.history.push(op);
    return op;
  }

  lastReturn(): number {
    return this.history.reduce((m, op) => (Number.isFinite(op.ret) ? Math.max(m, op.ret) : Math.max(m, op.call)), 0);
  }
}

export function buildHistory(specs: StepSpec[]): SequentialStore {
  const store = new SequentialStore();
  specs.forEach((spec, i) => store.run(spec, 10 * i - spec.before, 10 * i + spec.after));
  return store;
}
