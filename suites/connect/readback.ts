// Reads the whole table back after a command (BatchDescribeDataTableValue over every record and
// attribute of the layout, DescribeDataTable, ListDataTableAttributes) and compares with the model:
// values (CONNECT-BATCH-3, DELETE-1, LOCK-4), lock versions (LOCK-2/3/4), RecordIds (CREATE-1).
import type { ConnectApi } from './api.js';
import type { Divergence, Touch } from './check-batch.js';
import { TableModel } from './model.js';
import type { Table } from './provision.js';
import { LOCK_COMPONENTS, type PrimaryValue } from './types.js';
import type { Exchange } from '../harness/verdict.js';

export interface ReadbackResult {
  divergences: Divergence[];
  evidence: Exchange[];
}

/** Which requirement a wrong read-back of an entity breaks, given how the command touched it. */
function ruleFor(touch: Touch | undefined, fallback: string): string {
  if (touch === 'failed') return 'CONNECT-BATCH-3';
  if (touch === 'deleted') return 'CONNECT-DELETE-1';
  if (touch === 'success') return 'CONNECT-LOCK-4';
  if (touch === 'several') return 'CONNECT-BATCH-4'; // written more than once in one batch: the last must win
  return fallback;
}

export async function readBack(
  api: ConnectApi,
  table: Table,
  records: PrimaryValue[][],
  attributes: string[],
  touched: Map<string, Touch> = new Map(),
): Promise<ReadbackResult> {
  const model = table.model;
  const out: Divergence[] = [];
  const ids = records.flatMap((pv) => attributes.map((a) => ({ PrimaryValues: pv, AttributeName: a })));
  const r = await api.batchDescribe(table.id, ids);
  const evidence = [r.exchange];
  if (r.status !== 200 || !r.body) {
    out.push({ requirement: 'CONNECT-LOCK-4', message: `read-back BatchDescribeDataTableValue answered ${r.status} ${r.errorType ?? r.failure ?? ''}` });
    return { divergences: out, evidence };
  }
  if (!Array.isArray(r.body.Successful)) {
    out.push({ requirement: 'CONNECT-LOCK-4', message: 'read-back BatchDescribeDataTableValue answer has no Successful list' });
    return { divergences: out, evidence };
  }
  const found = new Map<string, NonNullable<typeof r.body.Successful>[number]>();
  for (const s of r.body.Successful.filter((x) => x !== null && typeof x === 'object')) {
    const rk = model.recordKey(s.PrimaryValues as PrimaryValue[] | undefined);
    if ('key' in rk && s.AttributeName) found.set(TableModel.valueKey(rk.key, s.AttributeName), s);
  }
  for (const pv of records) {
    const rk = model.recordKey(pv);
    if (!('key' in rk)) continue;
    for (const a of attributes) {
      const vk = TableModel.valueKey(rk.key, a);
      const expected = model.values.get(vk);
      const got = found.get(vk);
      const where = `${rk.key || '(default record)'}/${a}`;
      if (expected === undefined) {
        if (got) out.push({ requirement: ruleFor(touched.get(vk), 'CONNECT-BATCH-3'), message: `${where} reads back ${JSON.stringify(got.Value)} but should not exist` });
        continue;
      }
      if (!got) {
        out.push({ requirement: ruleFor(touched.get(vk), 'CONNECT-LOCK-4'), message: `${where} should read back ${JSON.stringify(expected)} but is not found` });
        continue;
      }
      if (got.Value !== expected)
        out.push({ requirement: ruleFor(touched.get(vk), 'CONNECT-LOCK-4'), message: `${where} reads back ${JSON.stringify(got.Value)}, expected ${JSON.stringify(expected)}` });
      const knownId = model.recordIds.get(rk.key);
      if (knownId !== undefined && got.RecordId !== knownId)
        out.push({ requirement: 'CONNECT-CREATE-1', message: `${where} reads back RecordId ${got.RecordId}, created as ${knownId}` });
      for (const comp of LOCK_COMPONENTS) {
        const tok = got.LockVersion?.[comp];
        if (typeof tok !== 'string' || tok === '') {
          out.push({ requirement: 'CONNECT-LOCK-4', message: `${where} reads back without a ${comp} lock version` });
          continue;
        }
        const entity = model.entityOf(comp, rk.key, a);
        for (const issue of model.observe(entity, comp, tok)) {
          const rule = issue.requirement === 'CONNECT-LOCK-2' ? issue.requirement : ruleFor(touched.get(entity), issue.requirement);
          out.push({ requirement: rule, message: `${where}: ${issue.message}` });
        }
      }
    }
  }
  const t = await api.describeDataTable(table.id);
  evidence.push(t.exchange);
  const dt = t.body?.DataTable?.LockVersion?.DataTable;
  if (t.status === 200 && dt) for (const issue of model.observe('T', 'DataTable', dt)) out.push({ requirement: ruleFor(touched.get('T'), issue.requirement), message: `table: ${issue.message}` });
  const l = await api.listAttributes(table.id);
  evidence.push(l.exchange);
  for (const at of Array.isArray(l.body?.Attributes) ? l.body.Attributes.filter((x) => x !== null && typeof x === 'object') : []) {
    const tok = at.LockVersion?.Attribute;
    if (!at.Name || !tok || !model.attrs.has(at.Name)) continue;
    const entity = `A\u0000${at.Name}`;
    for (const issue of model.observe(entity, 'Attribute', tok)) out.push({ requirement: ruleFor(touched.get(entity), issue.requirement), message: `attribute ${at.Name}: ${issue.message}` });
  }
  return { divergences: out, evidence };
}
