// The sequential model-based property (fc.commands + fc.asyncModelRun): batches of create, update,
// delete and describe, and metadata updates, on a fresh table at one lock level; after every command
// the partition, echo, RecordIds and lock versions are compared with the model and the whole table
// is read back.
import fc from 'fast-check';
import type { ConnectApi } from './api.js';
import { checkBatch, identityOf, type Touch } from './check-batch.js';
import { effectiveSpec, isEdge, itemSpecArb, primaryValuesOf, resolveItem, specText, type ItemSpec } from './commands.js';
import { Divergence, stopAtFirst } from '../harness/divergence.js';
import { RECORDS } from './layout.js';
import type { Op } from './model.js';
import { dropTable, provisionTable, type Table } from './provision.js';
import { readBack } from './readback.js';
import type { LockLevel, PrimaryValue } from './types.js';
import { runProperty, type PropertyOutcome } from '../harness/property.js';
import type { Exchange } from '../harness/verdict.js';

/** Attributes the sequential property writes (few, so that commands meet the same values). */
export const SEQUENTIAL_ATTRIBUTES = ['txt', 'num', 'color', 'flag', 'tags'];

/** Requirements the sequential property judges. */
export const SEQUENTIAL_REQUIREMENTS = [
  'CONNECT-BATCH-1',
  'CONNECT-BATCH-2',
  'CONNECT-BATCH-3',
  'CONNECT-BATCH-4',
  'CONNECT-CREATE-1',
  'CONNECT-DELETE-1',
  'CONNECT-LOCK-1',
  'CONNECT-LOCK-2',
  'CONNECT-LOCK-3',
  'CONNECT-LOCK-4',
  'CONNECT-VAL-1',
  'CONNECT-PK-1',
];

interface Real {
  api: ConnectApi;
  table: Table;
  /** Attributes added by AddAttributeCommand so far (for unique names). */
  added?: number;
}
type Cmd = fc.AsyncCommand<object, Real>;

class BatchCommand implements Cmd {
  /** The items as last run (specs redirected to existing values), for the counterexample. */
  private shown?: ItemSpec[];
  constructor(
    readonly op: Op,
    readonly specs: ItemSpec[],
  ) {}
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    const { api, table } = real;
    const withValue = this.op !== 'delete';
    const specs = this.specs.map((s) => effectiveSpec(table.model, s, SEQUENTIAL_ATTRIBUTES));
    this.shown = specs;
    const items = specs.map((s) => resolveItem(table.model, s, withValue));
    const call = this.op === 'create' ? api.batchCreate : this.op === 'update' ? api.batchUpdate : api.batchDelete;
    const r = await call.call(api, table.id, items);
    const touched = new Map<string, Touch>();
    const evidence: Exchange[] = [r.exchange];
    const divs = checkBatch(table.model, this.op, items, r.status, r.body, { touched, edgeValue: (i) => isEdge(specs[i]!) });
    stopAtFirst(divs.filter((d) => !d.deferred), evidence);
    const rb = await readBack(api, table, RECORDS, SEQUENTIAL_ATTRIBUTES, touched);
    // A read-back that contradicts a returned token (LOCK-4) explains an unchanged-looking token better
    // than "the token did not move" (LOCK-2/3), so the read-back speaks first.
    stopAtFirst(rb.divergences, [...evidence, ...rb.evidence]);
    stopAtFirst(divs, [...evidence, ...rb.evidence]);
  }
  toString(): string {
    const name = { create: 'BatchCreate', update: 'BatchUpdate', delete: 'BatchDelete' }[this.op];
    return `${name}[${(this.shown ?? this.specs).map((s) => specText(s, this.op !== 'delete')).join('; ')}]`;
  }
}

/** BatchDescribe of chosen identities (bad primary values and unknown attributes included). */
class DescribeCommand implements Cmd {
  constructor(readonly specs: ItemSpec[]) {}
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    const { api, table } = real;
    const ids = this.specs.map((s) => ({ PrimaryValues: primaryValuesOf(s.rec), AttributeName: s.attr }));
    const r = await api.batchDescribe(table.id, ids);
    if (r.status !== 200 || !r.body) throw new Divergence('CONNECT-BATCH-2', `BatchDescribeDataTableValue answered ${r.status}`, [r.exchange]);
    const succ = new Map<string, number>();
    for (const s of Array.isArray(r.body.Successful) ? r.body.Successful.filter((x) => x !== null && typeof x === 'object') : []) {
      // Describe echoes primary values possibly with AttributeId; identity uses names and values only.
      const pv: PrimaryValue[] = (Array.isArray(s.PrimaryValues) ? s.PrimaryValues : []).map((p) => ({ AttributeName: String(p?.AttributeName), Value: String(p?.Value) }));
      const k = `${JSON.stringify(table.model.recordKey(pv))}|${s.AttributeName}`;
      succ.set(k, (succ.get(k) ?? 0) + 1);
    }
    for (const id of ids) {
      const res = table.model.resolve(id);
      const rk = table.model.recordKey(id.PrimaryValues);
      const k = `${JSON.stringify(rk)}|${id.AttributeName}`;
      const present = (succ.get(k) ?? 0) > 0;
      if ('error' in res) {
        if (present) throw new Divergence(res.rule, `describe of ${identityOf(id)} succeeded although ${res.error}`, [r.exchange]);
        continue;
      }
      const exists = table.model.hasValue(res.record, res.attr.name);
      if (exists !== present)
        throw new Divergence('CONNECT-DELETE-1', `describe of ${identityOf(id)}: ${exists ? 'existing value not returned' : 'absent value returned'}`, [r.exchange]);
    }
  }
  toString(): string {
    return `BatchDescribe[${this.specs.map((s) => specText({ ...s, lock: undefined }, false)).join('; ')}]`;
  }
}

class MetadataCommand implements Cmd {
  constructor(readonly n: number) {}
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    const { api, table } = real;
    const r = await api.updateDataTableMetadata(table.id, table.name, table.level, `metadata update ${this.n}`);
    if (r.status !== 200) throw new Divergence('CONNECT-LOCK-3', `UpdateDataTableMetadata answered ${r.status} ${r.errorType ?? ''}`, [r.exchange]);
    const issues = table.model.applyMetadataUpdate(r.body?.LockVersion?.DataTable);
    stopAtFirst(issues, [r.exchange]);
    const touched = new Map<string, Touch>([['T', 'success']]);
    const rb = await readBack(api, table, RECORDS, SEQUENTIAL_ATTRIBUTES, touched);
    stopAtFirst(rb.divergences, [r.exchange, ...rb.evidence]);
  }
  toString(): string {
    return `UpdateDataTableMetadata(${this.n})`;
  }
}

/** CreateDataTableAttribute mid-run: a change of the table's attributes moves its DataTable token (LOCK-3). */
class AddAttributeCommand implements Cmd {
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    const { api, table } = real;
    real.added = (real.added ?? 0) + 1;
    const name = `extra${real.added}`;
    const r = await api.createAttribute(table.id, { name, valueType: 'TEXT', primary: false });
    if (r.status !== 200) throw new Divergence('CONNECT-LOCK-3', `CreateDataTableAttribute answered ${r.status} ${r.errorType ?? ''}`, [r.exchange]);
    const issues = table.model.applyMetadataUpdate(r.body?.LockVersion?.DataTable);
    table.model.attrs.set(name, { name, valueType: 'TEXT', primary: false });
    stopAtFirst(issues, [r.exchange]);
    const rb = await readBack(api, table, RECORDS, SEQUENTIAL_ATTRIBUTES, new Map<string, Touch>([['T', 'success']]));
    stopAtFirst(rb.divergences, [r.exchange, ...rb.evidence]);
  }
  toString(): string {
    return 'CreateDataTableAttribute(TEXT)';
  }
}

function batchArb(attrs: string[]): fc.Arbitrary<ItemSpec[]> {
  // 1-4 items; sometimes the first item is repeated with another value (CONNECT-BATCH-4).
  return fc
    .tuple(fc.array(itemSpecArb(attrs), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.nat({ max: 20 }))
    .map(([items, dup, pick]) => (dup && items.length < 4 ? [...items, { ...items[0]!, pick: items[0]!.pick + 1 + pick }] : items));
}

/** `replayPath`: the commands part of a failing verdict's path, when replaying it. */
export function sequentialCommands(maxCommands: number, replayPath?: string): fc.Arbitrary<Iterable<Cmd>> {
  const attrs = SEQUENTIAL_ATTRIBUTES;
  const arbs: Array<fc.Arbitrary<Cmd>> = [
    batchArb(attrs).map((s) => new BatchCommand('create', s)),
    batchArb(attrs).map((s) => new BatchCommand('create', s)),
    batchArb(attrs).map((s) => new BatchCommand('update', s)),
    batchArb(attrs).map((s) => new BatchCommand('update', s)),
    batchArb(attrs).map((s) => new BatchCommand('update', s)),
    batchArb(attrs).map((s) => new BatchCommand('delete', s)),
    fc.array(itemSpecArb(attrs), { minLength: 1, maxLength: 4 }).map((s) => new DescribeCommand(s)),
    fc.nat({ max: 999 }).map((n) => new MetadataCommand(n)),
    fc.constant(null).map(() => new AddAttributeCommand()),
  ];
  return fc.commands(arbs, { maxCommands, ...(replayPath ? { replayPath } : {}) });
}

export interface SequentialOptions {
  level: LockLevel;
  seed: number;
  numRuns: number;
  maxCommands: number;
  path?: string;
}

export function runSequential(api: ConnectApi, o: SequentialOptions): Promise<PropertyOutcome> {
  return runProperty(
    (replayPath) => sequentialCommands(o.maxCommands, replayPath),
    async (cmds) => {
      const table = await provisionTable(api, o.level);
      try {
        await fc.asyncModelRun(() => ({ model: {}, real: { api, table } }), cmds);
      } finally {
        await dropTable(api, table);
      }
    },
    (cmds) => [...cmds].map(String),
    o,
  );
}
