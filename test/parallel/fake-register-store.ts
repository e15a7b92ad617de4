// In-memory CAS registers behind an async executor: one correct, one with a check-then-act race.
import fc from 'fast-check';
import type { RegisterInput, RegisterOutput, RegisterValue } from '../../suites/harness/linearizability/models/register.js';
import type { Executor } from '../../suites/harness/parallel/run-program.js';

export const KEYS = ['a', 'b'];

export const registerCommand: fc.Arbitrary<RegisterInput> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant('write' as const), key: fc.constantFrom(...KEYS), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant('cas' as const),
    key: fc.constantFrom(...KEYS),
    expected: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    value: fc.integer({ min: 0, max: 3 }),
  }),
);

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** racy = read the register, yield, then act on what was read (a lost-update bug). */
export function registerStore(racy: boolean): Executor<RegisterInput, RegisterOutput> {
  const store = new Map<string, RegisterValue>();
  return async (_client, op) => {
    const key = op.key ?? '';
    await tick();
    const current = store.get(key) ?? null;
    if (racy) await tick();
    switch (op.kind) {
      case 'read':
        return { outcome: 'ok', output: { value: current } };
      case 'write':
        store.set(key, op.value);
        return { outcome: 'ok', output: {} };
      case 'cas':
        if (current !== op.expected) return { outcome: 'fail', output: {} };
        store.set(key, op.value);
        return { outcome: 'ok', output: {} };
    }
  };
}
