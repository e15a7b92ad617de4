// Partial failure: batches of 1-25 items, k of them bad (invalid value, unknown attribute, wrong
// primary values, stale lock, absent value, duplicate create) at random positions. The good items
// must succeed as the model says, the bad ones land in Failed, and nothing of a failed item applies
// (CONNECT-BATCH-1/2/3); each response must match the output schema (CONNECT-RESP-1/2).
import fc from 'fast-check';
import { checkSuccess } from '../harness/checks.js';
import { Divergence, stopAtFirst } from '../harness/divergence.js';
import { runProperty, type PropertyOutcome } from '../harness/property.js';
import type { ConnectApi } from './api.js';
import { checkBatch, type Touch } from './check-batch.js';
import { VALUE_ATTRIBUTES } from './layout.js';
import { BOGUS_PREFIX, type Op } from './model.js';
import { dropTable, provisionTable, type Table } from './provision.js';
import { readBack } from './readback.js';
import type { LockLevel, PrimaryValue, ValueItem } from './types.js';
import { LOCK_COMPONENTS } from './types.js';

export const BAD_KINDS = ['invalid-value', 'unknown-attribute', 'bad-primary-values', 'stale-lock', 'absent-value', 'duplicate-create'] as const;
export type BadKind = (typeof BAD_KINDS)[number];

export interface PartialCase {
  op: Op;
  n: number;
  /** Bad kind per position (undefined = good item), length n. */
  bad: Array<BadKind | undefined>;
  /** Shifts which attribute each position writes. */
  shift: number;
}

export const PARTIAL_REQUIREMENTS = ['CONNECT-BATCH-1', 'CONNECT-BATCH-2', 'CONNECT-BATCH-3', 'CONNECT-RESP-1', 'CONNECT-RESP-2'];

export function partialCaseArb(): fc.Arbitrary<PartialCase> {
  return fc
    .record({
      op: fc.constantFrom<Op>('create', 'create', 'update', 'update', 'delete'),
      n: fc.integer({ min: 1, max: 25 }),
      k: fc.nat({ max: 25 }),
      positions: fc.array(fc.nat({ max: 24 }), { maxLength: 25 }),
      kinds: fc.array(fc.constantFrom(...BAD_KINDS), { minLength: 25, maxLength: 25 }),
      shift: fc.nat({ max: 6 }),
    })
    .map(({ op, n, k, positions, kinds, shift }) => {
      const bad: Array<BadKind | undefined> = Array.from({ length: n }, () => undefined);
      for (const p of positions.slice(0, Math.min(k, n))) bad[p % n] = applicable(op, kinds[p]!);
      return { op, n, bad, shift };
    });
}

/** Kinds that make sense for the operation (no value on delete, no lock on create). */
function applicable(op: Op, k: BadKind): BadKind {
  if (op === 'create' && (k === 'stale-lock' || k === 'absent-value')) return 'duplicate-create';
  if (op !== 'create' && k === 'duplicate-create') return 'absent-value';
  if (op === 'delete' && k === 'invalid-value') return 'stale-lock';
  return k;
}

function recordOf(i: number): PrimaryValue[] {
  return [
    { AttributeName: 'pk', Value: `p${i}` },
    { AttributeName: 'pn', Value: String(i) },
  ];
}

function attrOf(c: PartialCase, i: number): (typeof VALUE_ATTRIBUTES)[number] {
  return VALUE_ATTRIBUTES[(i + c.shift) % VALUE_ATTRIBUTES.length]!;
}

export function caseText(c: PartialCase): string[] {
  return [`${c.op} of ${c.n} items; bad: ${c.bad.map((b, i) => (b ? `#${i} ${b}` : '')).filter(Boolean).join(', ') || 'none'}`];
}

/** Creates the values the case's update/delete (or duplicate create) items need. */
async function prepare(api: ConnectApi, table: Table, c: PartialCase): Promise<void> {
  const need: ValueItem[] = [];
  for (let i = 0; i < c.n; i++) {
    const wanted = c.op === 'create' ? c.bad[i] === 'duplicate-create' : c.bad[i] !== 'absent-value';
    if (wanted) need.push({ PrimaryValues: recordOf(i), AttributeName: attrOf(c, i).name, Value: attrOf(c, i).samples.valid[0]! });
  }
  if (need.length === 0) return;
  const r = await api.batchCreate(table.id, need);
  stopAtFirst(checkBatch(table.model, 'create', need, r.status, r.body), [r.exchange]);
}

function itemFor(table: Table, c: PartialCase, i: number): ValueItem {
  const a = attrOf(c, i);
  const kind = c.bad[i];
  // Only pn: the missing pk would be a valid TEXT "" if an implementation filled it in.
  const pv = kind === 'bad-primary-values' ? recordOf(i).slice(1) : recordOf(i);
  const item: ValueItem = { PrimaryValues: pv, AttributeName: kind === 'unknown-attribute' ? 'nosuch' : a.name };
  if (c.op !== 'delete') item.Value = kind === 'invalid-value' ? a.samples.invalid[i % a.samples.invalid.length]! : a.samples.valid[(i + 1) % a.samples.valid.length]!;
  if (c.op !== 'create') {
    const rk = table.model.recordKey(recordOf(i));
    const record = 'key' in rk ? rk.key : '';
    const lv: Record<string, string> = {};
    for (const comp of LOCK_COMPONENTS) {
      const tok = kind === 'stale-lock' ? `${BOGUS_PREFIX}${i}` : table.model.currentToken(table.model.entityOf(comp, record, a.name));
      if (tok !== undefined) lv[comp] = tok;
    }
    item.LockVersion = lv;
  }
  return item;
}

export interface PartialOptions {
  level: LockLevel;
  seed: number;
  numRuns: number;
  path?: string;
}

export function runPartialFailure(api: ConnectApi, o: PartialOptions): Promise<PropertyOutcome> {
  return runProperty(
    partialCaseArb(),
    async (c) => {
      const table = await provisionTable(api, o.level);
      try {
        await prepare(api, table, c);
        const items = Array.from({ length: c.n }, (_, i) => itemFor(table, c, i));
        const call = c.op === 'create' ? api.batchCreate : c.op === 'update' ? api.batchUpdate : api.batchDelete;
        const r = await call.call(api, table.id, items);
        const opName = { create: 'BatchCreateDataTableValue', update: 'BatchUpdateDataTableValue', delete: 'BatchDeleteDataTableValue' }[c.op];
        if (r.status === 200) {
          const s = checkSuccess('connect', opName, r.raw);
          if (!s.ok) throw new Divergence(c.op === 'create' ? 'CONNECT-RESP-2' : 'CONNECT-RESP-1', s.message, [r.exchange]);
        }
        const touched = new Map<string, Touch>();
        const divs = checkBatch(table.model, c.op, items, r.status, r.body, { touched });
        stopAtFirst(divs.filter((d) => !d.deferred), [r.exchange]);
        const records = Array.from({ length: c.n }, (_, i) => recordOf(i));
        const attrs = [...new Set(Array.from({ length: c.n }, (_, i) => attrOf(c, i).name))];
        const rb = await readBack(api, table, records, attrs, touched);
        stopAtFirst(rb.divergences, [r.exchange, ...rb.evidence]);
        stopAtFirst(divs, [r.exchange]);
      } finally {
        await dropTable(api, table);
      }
    },
    caseText,
    o,
  );
}
