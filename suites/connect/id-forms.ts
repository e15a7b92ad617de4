// CONNECT-ID-1 / ID-2: the table is reachable by id, by ARN, and by either with ":$LATEST"
// (one percent-encoded path segment); no alias behaves as $LATEST.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi } from './api.js';
import { RECORDS } from './layout.js';
import { dropTable, provisionTable } from './provision.js';

export async function checkIdForms(api: ConnectApi, rec: VerdictRecorder): Promise<void> {
  const table = await provisionTable(api, 'VALUE');
  try {
    const forms: Array<[string, string]> = [
      ['table id', table.id],
      ['table id with :$LATEST', `${table.id}:$LATEST`],
      ['table ARN', table.arn],
      ['table ARN with :$LATEST', `${table.arn}:$LATEST`],
    ];
    const attrs = ['txt', 'num', 'color', 'flag'];
    for (const [i, [label, id]] of forms.entries()) {
      const slot = { PrimaryValues: RECORDS[1]!, AttributeName: attrs[i]! };
      const value = { txt: 'id', num: '10', color: 'red', flag: 'true' }[attrs[i]!]!;
      const c = await api.batchCreate(id, [{ ...slot, Value: value }]);
      const lv = c.body?.Successful?.[0]?.LockVersion;
      const u = lv ? await api.batchUpdate(id, [{ ...slot, Value: value, LockVersion: lv }]) : undefined;
      const d = await api.batchDescribe(id, [slot]);
      const ok = c.status === 200 && c.body?.Successful?.length === 1 && u?.status === 200 && u.body?.Successful?.length === 1 && d.body?.Successful?.[0]?.Value === value;
      rec.check('CONNECT-ID-1', {
        operation: 'BatchUpdateDataTableValue',
        check: `create, update and describe a value addressing the table by ${label}`,
        ok,
        message: ok ? 'all three succeeded' : `create ${c.status} ${c.errorType ?? ''}, update ${u?.status ?? 'not sent'} ${u?.errorType ?? ''}, describe ${d.status} ${d.errorType ?? ''}`,
        evidence: [c.exchange, ...(u ? [u.exchange] : []), d.exchange],
        ...(ok ? {} : { counterexample: [`BatchCreateDataTableValue with DataTableId ${JSON.stringify(id)} (${label})`] }),
      });
    }
    // ID-2: what a plain id reads equals what :$LATEST reads (value and lock version).
    const slots = attrs.map((a) => ({ PrimaryValues: RECORDS[1]!, AttributeName: a }));
    const plain = await api.batchDescribe(table.id, slots);
    const latest = await api.batchDescribe(`${table.id}:$LATEST`, slots);
    const norm = (b: typeof plain.body) => JSON.stringify((Array.isArray(b?.Successful) ? b.Successful : []).map((s) => [s?.AttributeName, s?.Value, s?.LockVersion]).sort());
    const ok = plain.status === 200 && latest.status === 200 && norm(plain.body) === norm(latest.body) && (plain.body?.Successful?.length ?? 0) > 0;
    rec.check('CONNECT-ID-2', {
      operation: 'BatchDescribeDataTableValue',
      check: 'reading by plain id and by id:$LATEST shows the same values and lock versions',
      ok,
      message: ok ? 'identical' : `plain ${plain.status} ${norm(plain.body).slice(0, 200)} vs $LATEST ${latest.status} ${norm(latest.body).slice(0, 200)}`,
      evidence: [plain.exchange, latest.exchange],
    });
  } finally {
    await dropTable(api, table);
  }
}
