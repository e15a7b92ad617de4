// An in-memory versioned store behind an async executor: conditional all-or-nothing batch writes whose
// condition is the version this client last saw, and snapshot reads. The racy variant checks the
// versions, yields, then writes (two writers from one version can both succeed: a lost update).
import fc from 'fast-check';
import type { StoreInput, StoreItem, StoreOutput } from '../../suites/harness/linearizability/models/versioned-store.js';
import type { Executor } from '../../suites/harness/parallel/run-program.js';

export const STORE_KEYS = ['a', 'b'];

/** Generated commands carry no versions: the executor fills in the client's last-seen version. */
export const storeCommand: fc.Arbitrary<StoreInput> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), keys: fc.uniqueArray(fc.constantFrom(...STORE_KEYS), { minLength: 1, maxLength: 2 }) }),
  fc.record({
    kind: fc.constant('write' as const),
    items: fc.uniqueArray(fc.record({ key: fc.constantFrom(...STORE_KEYS), value: fc.constantFrom('x', 'y') }), {
      minLength: 1, maxLength: 2, selector: (item) => item.key,
    }),
  }),
);

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function versionedStore(racy: boolean): Executor<StoreInput, StoreOutput> {
  const items = new Map<string, StoreItem>();
  const lastSeen = new Map<string, Map<string, string | number | null>>();
  let counter = 0;
  let tokens = 0;
  const seen = (client: string) => {
    let m = lastSeen.get(client);
    if (!m) lastSeen.set(client, (m = new Map()));
    return m;
  };
  const current = (key: string): StoreItem => items.get(key) ?? { version: null, value: null };
  return async (clientId, op, context) => {
    const mine = seen(String(clientId));
    if (op.kind === 'read') {
      await tick();
      const snapshot = op.keys.map((key) => ({ ...current(key) }));
      op.keys.forEach((key, i) => mine.set(key, snapshot[i].version));
      return { outcome: 'ok', output: { items: snapshot } };
    }
    const sent: StoreInput = {
      kind: 'write',
      items: op.items.map((item) => ({ key: item.key, base: mine.get(item.key) ?? null, value: `${item.value}${++tokens}` })),
    };
    context.setInput(sent);
    await tick();
    const ok = sent.items.every((item) => current(item.key).version === item.base);
    if (racy) await tick();
    if (!ok) return { outcome: 'fail', output: {} };
    const versions = sent.items.map((item) => {
      const version = `${item.key}.${++counter}`;
      items.set(item.key, { version, value: item.value });
      mine.set(item.key, version);
      return version;
    });
    return { outcome: 'ok', output: { versions } };
  };
}
