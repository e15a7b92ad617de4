// Validation checks of the batch operations: every OpenAPI constraint probed just inside and just
// outside (COMMON-VAL-1 and the CONNECT-REQ-* it stems from), empty Values, unknown table, and item
// schema breaches handled as a 400 or a Failed entry with no effect (CONNECT-BATCH-2).
import { expectClientError } from '../harness/common.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi, Result } from './api.js';
import type { RawInput } from '../harness/builders.js';
import { applyProbe, probesFor, type Probe } from './constraint-probes.js';
import { RECORDS } from './layout.js';
import { provisionTable, dropTable, type Table } from './provision.js';

export const VALIDATION_ERRORS = ['InvalidParameterException', 'InvalidRequestException'];
export const BATCH_OPERATIONS = ['BatchCreateDataTableValue', 'BatchUpdateDataTableValue', 'BatchDeleteDataTableValue', 'BatchDescribeDataTableValue'] as const;
type BatchOp = (typeof BATCH_OPERATIONS)[number];

/** The CONNECT requirement a probe's constraint comes from (besides COMMON-VAL-1). */
export function requirementOfProbe(op: BatchOp, p: Probe): string | undefined {
  const last = String(p.at[p.at.length - 1]);
  if (p.where === 'path') return 'CONNECT-REQ-2';
  if (p.at.length === 1 && p.at[0] === 'Values') return op === 'BatchCreateDataTableValue' || op === 'BatchUpdateDataTableValue' ? 'CONNECT-REQ-1' : undefined;
  if (p.remove && last === 'LockVersion' && op === 'BatchDeleteDataTableValue') return 'CONNECT-DELETE-2';
  if (p.at.includes('PrimaryValues') && last === 'Value' && !p.remove) return 'CONNECT-PK-2';
  if (p.remove) return 'CONNECT-REQ-3';
  if (last === 'AttributeName') return 'CONNECT-REQ-4';
  if (last === 'LastModifiedRegion' || last === 'LastModifiedTime') return 'CONNECT-REQ-5';
  return undefined;
}

const SLOT = { PrimaryValues: RECORDS[1]!, AttributeName: 'txt' };

/** A valid request of each operation on the table, addressing SLOT (which exists with value 'a'). */
function baseBody(op: BatchOp, lock: Record<string, string>): Record<string, unknown> {
  const common = { PrimaryValues: SLOT.PrimaryValues, AttributeName: SLOT.AttributeName };
  switch (op) {
    case 'BatchCreateDataTableValue':
      return { Values: [{ ...common, AttributeName: 'num', Value: '5', LastModifiedRegion: 'us-east-1', LastModifiedTime: 1_700_000_000 }] };
    case 'BatchUpdateDataTableValue':
      return { Values: [{ ...common, Value: 'xy', LockVersion: lock, LastModifiedRegion: 'us-east-1', LastModifiedTime: 1_700_000_000 }] };
    case 'BatchDeleteDataTableValue':
      return { Values: [{ ...common, AttributeName: 'flag', LockVersion: lock }] };
    case 'BatchDescribeDataTableValue':
      return { Values: [common] };
  }
}

async function send(api: ConnectApi, table: Table, op: BatchOp, p: Probe | undefined, lock: Record<string, string>): Promise<Result<unknown>> {
  const base = baseBody(op, lock);
  const path: Record<string, unknown> = { InstanceId: api.instanceId, DataTableId: table.id };
  if (p?.where === 'path') path[String(p.at[0])] = p.value;
  const body = p?.where === 'body' ? applyProbe(base, p) : base;
  return api.rawCall(op, { path, body });
}

/** Item-level probe: breaks something inside Values[0] rather than the request itself. */
function itemLevel(p: Probe): boolean {
  return p.where === 'body' && p.at[0] === 'Values' && p.at.length >= 3;
}

export async function checkConstraintProbes(api: ConnectApi, rec: VerdictRecorder): Promise<void> {
  const table = await provisionTable(api, 'VALUE');
  try {
    const c = await api.batchCreate(table.id, [
      { ...SLOT, Value: 'a' },
      { ...SLOT, AttributeName: 'flag', Value: 'true' },
    ]);
    const lock = (c.body?.Successful?.[0]?.LockVersion ?? {}) as Record<string, string>;
    const flagLock = (c.body?.Successful?.[1]?.LockVersion ?? {}) as Record<string, string>;
    for (const op of BATCH_OPERATIONS) {
      // Outside probes first: an applied inside probe would change the slot they read back.
      const probes = probesFor(op).sort((a, b) => Number(a.inside) - Number(b.inside));
      for (const p of probes) {
        const r = await send(api, table, op, p, op === 'BatchDeleteDataTableValue' ? flagLock : lock);
        const what = `${op}: ${p.constraint}, ${p.inside ? 'just inside' : 'just outside'}`;
        const req = requirementOfProbe(op, p);
        if (p.inside) {
          const ok = r.status !== 400 && r.status < 500 && r.status !== 0;
          for (const id of ['COMMON-VAL-1', ...(req ? [req] : [])])
            rec.check(id, { operation: op, check: `${what}: not refused as invalid`, ok, message: ok ? `answered ${r.status}` : `answered ${r.status} ${r.errorType ?? r.failure ?? ''} ${r.message ?? ''}`, evidence: [r.exchange] });
          continue;
        }
        if (r.status === 200 && itemLevel(p)) {
          // CONNECT-BATCH-2 lets an item that breaks the input schema fail alone, if nothing of it applies.
          const body = r.body as { Failed?: unknown[]; Successful?: unknown[] } | undefined;
          const failedAlone = op === 'BatchDescribeDataTableValue' ? (body?.Successful?.length ?? 0) === 0 : (body?.Failed?.length ?? 0) === 1 && (body?.Successful?.length ?? 0) === 0;
          const after = await api.batchDescribe(table.id, [SLOT]);
          const unchanged = after.body?.Successful?.[0]?.Value === 'a';
          const ok = failedAlone && (op !== 'BatchUpdateDataTableValue' || unchanged);
          const message = ok ? 'item reported in Failed, nothing applied' : `answered 200 with ${JSON.stringify(body).slice(0, 300)}${unchanged ? '' : '; the slot changed'}`;
          for (const id of ['CONNECT-BATCH-2', 'COMMON-VAL-1', ...(req ? [req] : [])]) rec.check(id, { operation: op, check: `${what}: 400 or a Failed item with no effect`, ok, message, evidence: [r.exchange, after.exchange] });
          continue;
        }
        const ok = r.status === 400 && VALIDATION_ERRORS.includes(r.errorType ?? '');
        const message = ok ? `400 ${r.errorType}` : `answered ${r.status} ${r.errorType ?? r.failure ?? ''}, expected 400 ${VALIDATION_ERRORS.join(' or ')}`;
        const counterexample = ok ? undefined : [`${op} with ${p.where === 'path' ? 'path label' : 'body member'} ${p.at.join('.')} = ${p.remove ? '(removed)' : JSON.stringify(p.value)?.slice(0, 80)}`];
        for (const id of ['COMMON-VAL-1', ...(req ? [req] : [])]) rec.check(id, { operation: op, check: `${what}: 400 validation error`, ok, message, evidence: [r.exchange], ...(counterexample ? { counterexample } : {}) });
        if (r.status !== 0) expectClientError(rec, 'connect', op, r.raw, what);
      }
    }
  } finally {
    await dropTable(api, table);
  }
}

/** Request-level problems are whole-request errors (CONNECT-BATCH-2, CONNECT-REQ-1). */
export async function checkRequestLevelErrors(api: ConnectApi, rec: VerdictRecorder, seed: number): Promise<void> {
  const table = await provisionTable(api, 'VALUE');
  try {
    for (const op of ['BatchCreateDataTableValue', 'BatchUpdateDataTableValue'] as const) {
      const r = await api.rawCall(op, { path: { InstanceId: api.instanceId, DataTableId: table.id }, body: { Values: [] } });
      const ok = r.status === 400 && VALIDATION_ERRORS.includes(r.errorType ?? '');
      for (const id of ['CONNECT-BATCH-2', 'CONNECT-REQ-1'])
        rec.check(id, { operation: op, check: `${op} with empty Values is a 400 validation error`, ok, message: ok ? `400 ${r.errorType}` : `answered ${r.status} ${r.errorType ?? ''}`, evidence: [r.exchange] });
    }
  } finally {
    await dropTable(api, table);
  }
  for (const op of BATCH_OPERATIONS) {
    const missing = `lockstep-no-such-table-${seed}`;
    const body = baseBody(op, { Value: 'x' });
    const r = await api.rawCall(op, { path: { InstanceId: api.instanceId, DataTableId: missing }, body });
    const ok = r.status === 404 && r.errorType === 'ResourceNotFoundException';
    rec.check('CONNECT-BATCH-2', { operation: op, check: `${op} on an unknown table is a 404 ResourceNotFoundException`, ok, message: ok ? '404 ResourceNotFoundException' : `answered ${r.status} ${r.errorType ?? ''}`, evidence: [r.exchange] });
    if (r.status !== 0) expectClientError(rec, 'connect', op, r.raw, `${op} on an unknown table`, { shapes: ['ResourceNotFoundException'] });
  }
}

/** A valid request of each companion operation (on `table`), and what to undo after a 200. */
interface CompanionBase {
  input: RawInput;
  undo?: (r: Result<unknown>) => Promise<void>;
}

function companionBases(api: ConnectApi, table: Table): Record<string, CompanionBase> {
  const at = { InstanceId: api.instanceId, DataTableId: table.id };
  let n = 0;
  return {
    CreateDataTable: {
      input: { path: { InstanceId: api.instanceId }, body: { Name: `${table.name}-probe`, TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' } },
      undo: async (r) => {
        const id = (r.body as { Id?: unknown } | undefined)?.Id;
        if (typeof id === 'string') await api.deleteDataTable(id);
      },
    },
    CreateDataTableAttribute: { input: { path: at, body: { Name: `probe${++n}`, ValueType: 'TEXT' } } },
    UpdateDataTableMetadata: { input: { path: at, body: { Name: table.name, ValueLockLevel: table.level, TimeZone: 'UTC' } } },
    DescribeDataTable: { input: { path: at } },
    // Never the real table: a DataTableId probe "inside" must not delete what the others use.
    DeleteDataTable: { input: { path: { ...at, DataTableId: 'lockstep-absent-table' } } },
    DescribeDataTableAttribute: { input: { path: { ...at, AttributeName: 'txt' } } },
    ListDataTableAttributes: { input: { path: at, query: { maxResults: 10 }, body: {} } },
    ListDataTableValues: { input: { path: at, query: { maxResults: 10 }, body: {} } },
  };
}

function applyTo(base: RawInput, p: Probe): RawInput {
  if (p.where === 'body') return { ...base, body: applyProbe(base.body ?? {}, p) };
  const key = p.where === 'path' ? 'path' : 'query';
  return { ...base, [key]: { ...(base[key] ?? {}), [String(p.at[0])]: p.value } };
}

/** COMMON-VAL-1 (and CONNECT-REQ-2, CONNECT-ENUM-1) on the companion operations the suites use. */
export async function checkCompanionProbes(api: ConnectApi, rec: VerdictRecorder): Promise<void> {
  const table = await provisionTable(api, 'VALUE');
  try {
    for (const [op, base] of Object.entries(companionBases(api, table))) {
      for (const p of probesFor(op)) {
        const r = await api.rawCall(op, applyTo(base.input, p));
        if (r.status === 200 && base.undo) await base.undo(r);
        const what = `${op}: ${p.constraint}, ${p.inside ? 'just inside' : 'just outside'}`;
        const last = String(p.at[p.at.length - 1]);
        const extra = p.where === 'path' && (last === 'InstanceId' || last === 'DataTableId') ? ['CONNECT-REQ-2'] : p.constraint.endsWith(' enum') && (last === 'ValueLockLevel' || last === 'ValueType') ? ['CONNECT-ENUM-1'] : [];
        const ok = p.inside ? r.status !== 400 && r.status < 500 && r.status !== 0 : r.status === 400 && VALIDATION_ERRORS.includes(r.errorType ?? '');
        const message = ok ? `answered ${r.status} ${r.errorType ?? ''}`.trim() : `answered ${r.status} ${r.errorType ?? r.failure ?? ''} ${r.message ?? ''}`.trim();
        const counterexample = ok ? undefined : [`${op} with ${p.where} ${p.at.join('.')} = ${p.remove ? '(removed)' : JSON.stringify(p.value)?.slice(0, 80)}`];
        for (const id of ['COMMON-VAL-1', ...extra])
          rec.check(id, { operation: op, check: `${what}: ${p.inside ? 'not refused as invalid' : '400 validation error'}`, ok, message, evidence: [r.exchange], ...(counterexample ? { counterexample } : {}) });
        if (!p.inside && r.status !== 0) expectClientError(rec, 'connect', op, r.raw, what);
      }
    }
  } finally {
    await dropTable(api, table);
  }
}
