// CONNECT-CONC-1: parallel programs (a prefix creating the values, then 2-4 clients with their own
// connection pools) of conditional updates and reads on shared values, at each lock level. The
// history is checked with the engine's versioned-store model: per lock scope (value, record,
// attribute or table), of updates presenting the same version at most one wins, no acknowledged
// write is lost, and versions never repeat.
import type { ProgramsOutcome } from '../harness/parallel/lossy-programs.js';
import fc from 'fast-check';
import { checkParallel } from '../harness/parallel/check-parallel.js';
import { parallelProgram, type ParallelProgram } from '../harness/parallel/program.js';
import type { ClientId, Executor } from '../harness/parallel/run-program.js';
import { checkVersionInvariants } from '../harness/linearizability/invariants.js';
import type { Model } from '../harness/linearizability/model.js';
import { toVersionedOps, versionedStoreModel, type StoreInput, type StoreOutput, type StoreState } from '../harness/linearizability/models/versioned-store.js';
import type { Operation } from '../harness/linearizability/history.js';
import type { ConnectApi } from './api.js';
import { PRIMARY_ATTRIBUTES, RECORDS } from './layout.js';
import { dropTable, provisionTable, type Table } from './provision.js';
import type { AttributeDef, LockComponent, LockLevel, PrimaryValue } from './types.js';

export interface ConcCmd {
  kind: 'create' | 'update' | 'read';
  key: number;
  value: string;
  /** update: present the version this client last saw, or the one everyone saw after the prefix. */
  base: 'own' | 'initial';
  /** Filled in when the command runs: the version actually presented (the model reads it). */
  presented?: string | null;
}

const CONC_ATTRIBUTES: AttributeDef[] = [...PRIMARY_ATTRIBUTES, ...['v0', 'v1', 'v2'].map((name) => ({ name, valueType: 'TEXT' as const, primary: false }))];

/** How a lock level maps onto the store model: one key per lock scope, one value slot per key. */
export interface LevelShape {
  keys: number;
  component: LockComponent;
  conditional: boolean;
  slot(key: number): { PrimaryValues: PrimaryValue[]; AttributeName: string };
}

export function levelShape(level: LockLevel): LevelShape {
  const byAttr = (k: number) => ({ PrimaryValues: RECORDS[0]!, AttributeName: `v${k}` });
  switch (level) {
    case 'VALUE':
      return { keys: 3, component: 'Value', conditional: true, slot: byAttr };
    case 'NONE':
      return { keys: 3, component: 'Value', conditional: false, slot: byAttr };
    case 'ATTRIBUTE':
      return { keys: 3, component: 'Attribute', conditional: true, slot: byAttr };
    case 'PRIMARY_VALUE':
      return { keys: 3, component: 'PrimaryValues', conditional: true, slot: (k) => ({ PrimaryValues: RECORDS[k]!, AttributeName: 'v0' }) };
    case 'DATA_TABLE':
      return { keys: 1, component: 'DataTable', conditional: true, slot: byAttr };
  }
}

function toStore(cmd: ConcCmd, shape: LevelShape): StoreInput {
  const key = `k${cmd.key}`;
  if (cmd.kind === 'read') return { kind: 'read', keys: Array.from({ length: shape.keys }, (_, i) => `k${i}`) };
  if (cmd.kind === 'create') return { kind: 'write', items: [{ key, base: null, value: cmd.value }] };
  return { kind: 'write', items: [{ key, ...(shape.conditional ? { base: cmd.presented ?? null } : {}), value: cmd.value }] };
}

function adapt(shape: LevelShape): Model<StoreState, ConcCmd, StoreOutput> {
  const m = versionedStoreModel;
  const conv = (h: Operation<ConcCmd, StoreOutput>[]) => h.map((op) => ({ ...op, input: toStore(op.input, shape) }));
  return {
    init: m.init,
    step: (s, i, o, outcome) => m.step(s, toStore(i, shape), o, outcome),
    stepUnknown: (s, i) => m.stepUnknown(s, toStore(i, shape)),
    hash: m.hash,
    partition: (h) => {
      const groups = m.partition!(conv(h));
      const byId = new Map(h.map((op) => [op.id, op]));
      return groups.map((g) => g.map((op) => byId.get(op.id)!));
    },
    describeOperation: (i, o, outcome) => m.describeOperation!(toStore(i, shape), o, outcome),
    describeState: m.describeState,
  };
}

export function showCmd(c: ConcCmd): string {
  if (c.kind === 'read') return 'read all';
  if (c.kind === 'create') return `create k${c.key}=${c.value}`;
  return `update k${c.key}=${c.value} with ${c.base} version`;
}

function programArb(shape: LevelShape): fc.Arbitrary<ParallelProgram<ConcCmd>> {
  const cmd = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant<'update'>('update'), key: fc.nat({ max: shape.keys - 1 }), value: fc.nat({ max: 99 }).map((n) => `w${n}`), base: fc.constantFrom<'own' | 'initial'>('initial', 'own') }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant<'read'>('read'), key: fc.constant(0), value: fc.constant(''), base: fc.constant<'own'>('own') }), weight: 1 },
  );
  const creates: ConcCmd[] = Array.from({ length: shape.keys }, (_, k) => ({ kind: 'create', key: k, value: `init${k}`, base: 'own' }));
  return parallelProgram<ConcCmd>(cmd, { maxPrefix: 0, minClients: 2, maxClients: 4, maxOpsPerClient: 3 }).map((p) => ({ prefix: creates.map((c) => ({ ...c })), clients: p.clients }));
}

export interface ConcurrencyOptions {
  level: LockLevel;
  seed: number;
  runs: number;
  path?: string;
  /** One API (own connection pool) per client; 'prefix' and 'final' share one. */
  apiFor: (client: string) => ConnectApi;
  /** Where to write the HTML timeline of a counterexample. */
  timelinePath?: string;
}

/** What a run of parallel programs found (the shape NET-1's lossy runs judge too). */
export type ConcurrencyOutcome = ProgramsOutcome;

export async function runConcurrency(o: ConcurrencyOptions): Promise<ConcurrencyOutcome> {
  const shape = levelShape(o.level);
  const setupApi = o.apiFor('setup');
  const tables: Table[] = [];
  let setupError: unknown;
  const setup = async (): Promise<Executor<ConcCmd, StoreOutput>> => {
    // A target that refuses the table once will refuse it again: fail fast while fast-check shrinks.
    if (setupError !== undefined) throw setupError;
    const table = await provisionTable(setupApi, o.level, CONC_ATTRIBUTES).catch((e: unknown) => {
      setupError = e;
      throw e;
    });
    tables.push(table);
    const initial = new Map<number, string>();
    const own = new Map<string, string>(); // `${client}/${key}` -> last version this client saw
    return async (clientId: ClientId, cmd: ConcCmd) => {
      const api = o.apiFor(typeof clientId === 'number' ? `client-${clientId}` : String(clientId));
      if (cmd.kind === 'read') {
        const slots = Array.from({ length: shape.keys }, (_, k) => shape.slot(k));
        const r = await api.batchDescribe(table.id, slots);
        if (r.status !== 200 || !r.body) throw new Error(`read answered ${r.status}`);
        const items = slots.map((s) => {
          const hit = (Array.isArray(r.body!.Successful) ? r.body!.Successful : []).find((x) => x?.AttributeName === s.AttributeName && sameRecord(x.PrimaryValues, s.PrimaryValues));
          return hit ? { version: hit.LockVersion?.[shape.component] ?? null, value: hit.Value ?? null } : { version: null, value: null };
        });
        return { outcome: 'ok', output: { items } };
      }
      const slot = shape.slot(cmd.key);
      const mine = `${String(clientId)}/${cmd.key}`;
      if (cmd.kind === 'update') {
        cmd.presented = cmd.base === 'initial' ? (initial.get(cmd.key) ?? null) : (own.get(mine) ?? initial.get(cmd.key) ?? null);
      }
      const item = { ...slot, Value: cmd.value, ...(cmd.kind === 'update' ? { LockVersion: cmd.presented ? { [shape.component]: cmd.presented } : {} } : {}) };
      const r = cmd.kind === 'create' ? await api.batchCreate(table.id, [item]) : await api.batchUpdate(table.id, [item]);
      if (r.status !== 200 || !r.body) throw new Error(`${cmd.kind} answered ${r.status}`);
      const ok = r.body.Successful?.[0];
      if (!ok) return { outcome: 'fail' };
      const version = ok.LockVersion?.[shape.component];
      if (typeof version !== 'string') throw new Error('success without the scope version');
      if (clientId === 'prefix') initial.set(cmd.key, version);
      own.set(mine, version);
      return { outcome: 'ok', output: { versions: [version] } };
    };
  };
  const model = adapt(shape);
  try {
    const res = await checkParallel<StoreState, ConcCmd, StoreOutput>({
      arbitrary: programArb(shape),
      model,
      setup,
      finalReads: () => [{ kind: 'read', key: 0, value: '', base: 'own' }],
      invariants: (h) => {
        // The command objects are shared by every run of a program and `presented` is set per run:
        // freeze this run's copy into its own history before anything reads it.
        for (const op of h) op.input = { ...op.input };
        return checkVersionInvariants(toVersionedOps(h.map((op) => ({ ...op, input: toStore(op.input, shape) }))));
      },
      runs: o.runs,
      seed: o.seed,
      ...(o.path ? { path: o.path } : {}),
      repeats: 2,
      opTimeoutMs: 10_000,
      checkTimeoutMs: 5_000,
      describeCommand: showCmd,
      ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
    });
    const counterexample = res.program
      ? [
          ...res.program.prefix.map((c) => `prefix: ${showCmd(c)}`),
          ...res.program.clients.map((ops, i) => `client ${i}: ${ops.map(showCmd).join('; ')}`),
          ...(res.timelinePath ? [`timeline: ${res.timelinePath}`] : []),
        ]
      : undefined;
    return { ok: res.ok, seed: res.seed, numRuns: res.numRuns, path: res.path, explanation: res.explanation, counterexample, error: res.error };
  } finally {
    for (const t of tables) await dropTable(setupApi, t);
  }
}

function sameRecord(a: Array<{ AttributeName?: string; Value?: string }> | undefined, b: PrimaryValue[]): boolean {
  const norm = (x: Array<{ AttributeName?: string; Value?: string }>) => JSON.stringify(x.map((p) => [p.AttributeName, p.Value]).sort());
  return norm(a ?? []) === norm(b);
}
