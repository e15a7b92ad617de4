// Creates the table a property run works on (CreateDataTable at the lock level under test, then
// CreateDataTableAttribute for every attribute of the layout) and deletes it afterwards.
import type { ConnectApi, Result } from './api.js';
import { ALL_ATTRIBUTES } from './layout.js';
import { TableModel } from './model.js';
import type { AttributeDef, LockLevel } from './types.js';

export interface Table {
  id: string;
  arn: string;
  name: string;
  level: LockLevel;
  model: TableModel;
}

/** Setup failed: the target refused a companion operation the suite needs. */
export class ProvisionError extends Error {
  override name = 'ProvisionError';
  constructor(
    message: string,
    readonly result: Result<unknown>,
  ) {
    super(message);
  }
}

let counter = 0;

/** A table name unique within the process and across runs (pattern: letters, digits, - _ .). */
export function tableName(prefix = 'lockstep'): string {
  counter++;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export async function provisionTable(api: ConnectApi, level: LockLevel, attributes: AttributeDef[] = ALL_ATTRIBUTES): Promise<Table> {
  const name = tableName();
  const t = await api.createDataTable(name, level);
  if (t.status !== 200 || !t.body?.Id) throw new ProvisionError(`CreateDataTable answered ${t.status} ${t.errorType ?? ''} ${t.message ?? ''}`.trim(), t);
  const model = new TableModel(level, attributes);
  model.seedToken('T', t.body.LockVersion?.DataTable);
  for (const a of attributes) {
    const r = await api.createAttribute(t.body.Id, a);
    if (r.status !== 200) {
      await api.deleteDataTable(t.body.Id);
      throw new ProvisionError(`CreateDataTableAttribute ${a.name} answered ${r.status} ${r.errorType ?? ''} ${r.message ?? ''}`.trim(), r);
    }
    // Creating an attribute changes the table (LOCK-3): its newest token is the current one.
    model.seedToken('T', r.body?.LockVersion?.DataTable);
    model.seedToken(`A\u0000${a.name}`, r.body?.LockVersion?.Attribute);
  }
  return { id: t.body.Id, arn: t.body.Arn ?? '', name, level, model };
}

/** Best effort: a failed delete must not hide the property's own verdict. */
export async function dropTable(api: ConnectApi, t: Table | undefined): Promise<void> {
  if (!t) return;
  try {
    await api.deleteDataTable(t.id);
  } catch {
    /* the table stays; the reference forgets it at shutdown, a real target keeps a named leftover */
  }
}
