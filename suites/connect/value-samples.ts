// CONNECT-VAL-1, exhaustively over the layout's samples: every valid, edge and invalid sample of
// every attribute is created on a fresh record and written by an update over a valid value (lock
// level NONE, so only the value rules decide). One verdict per attribute and operation.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi } from './api.js';
import { checkBatch } from './check-batch.js';
import { VALUE_ATTRIBUTES } from './layout.js';
import { dropTable, provisionTable } from './provision.js';
import type { PrimaryValue, ValueItem } from './types.js';

const rec = (tag: string, i: number): PrimaryValue[] => [
  { AttributeName: 'pk', Value: `${tag}${i}` },
  { AttributeName: 'pn', Value: String(i) },
];

export async function checkValueSamples(api: ConnectApi, verdicts: VerdictRecorder): Promise<void> {
  const table = await provisionTable(api, 'NONE');
  try {
    for (const a of VALUE_ATTRIBUTES) {
      const samples = [...a.samples.valid, ...a.samples.edge, ...a.samples.invalid];
      const isEdge = (i: number) => i >= a.samples.valid.length && i < a.samples.valid.length + a.samples.edge.length;
      const creates: ValueItem[] = samples.map((v, i) => ({ PrimaryValues: rec(`c-${a.name}-`, i), AttributeName: a.name, Value: v }));
      const c = await api.batchCreate(table.id, creates);
      const cd = checkBatch(table.model, 'create', creates, c.status, c.body, { edgeValue: isEdge });
      record(verdicts, 'BatchCreateDataTableValue', `create every ${a.valueType} sample of attribute ${a.name}`, cd, creates, [c.exchange]);

      const base: ValueItem[] = samples.map((_, i) => ({ PrimaryValues: rec(`u-${a.name}-`, i), AttributeName: a.name, Value: a.samples.valid[0]! }));
      const b = await api.batchCreate(table.id, base);
      const bd = checkBatch(table.model, 'create', base, b.status, b.body);
      if (bd.length) {
        record(verdicts, 'BatchUpdateDataTableValue', `update to every sample of attribute ${a.name}`, bd, base, [b.exchange]);
        continue;
      }
      const updates: ValueItem[] = samples.map((v, i) => ({ PrimaryValues: rec(`u-${a.name}-`, i), AttributeName: a.name, Value: v, LockVersion: {} }));
      const u = await api.batchUpdate(table.id, updates);
      const ud = checkBatch(table.model, 'update', updates, u.status, u.body, { edgeValue: isEdge });
      record(verdicts, 'BatchUpdateDataTableValue', `update to every ${a.valueType} sample of attribute ${a.name}`, ud, updates, [u.exchange]);
    }
  } finally {
    await dropTable(api, table);
  }
}

function record(v: VerdictRecorder, operation: string, check: string, divs: Array<{ requirement: string; message: string }>, items: ValueItem[], evidence: import('../harness/verdict.js').Exchange[]): void {
  // Lock versions are judged by the properties, with a read-back; here only the partition counts.
  const first = divs.filter((d) => !d.requirement.startsWith('CONNECT-LOCK-'))[0];
  if (!first) {
    v.check('CONNECT-VAL-1', { operation, check, ok: true, message: `${items.length} samples decided as the value rules say` });
    return;
  }
  // The item the divergence names, alone, is the reproduction.
  const m = /item (\d+)/.exec(first.message);
  const item = m ? items[Number(m[1])] : undefined;
  v.check(first.requirement, { operation, check, ok: false, message: first.message, evidence, counterexample: item ? [`${operation} ${JSON.stringify(item)}`] : [first.message] });
  if (first.requirement !== 'CONNECT-VAL-1') v.check('CONNECT-VAL-1', { operation, check, ok: true, message: `no value-rule divergence before ${first.requirement}` });
}
