import { readFileSync } from 'node:fs';
import { checkPartition } from '../../suites/harness/linearizability/checker.js';
import { registerModel } from '../../suites/harness/linearizability/models/register.js';
import { parseJepsenLog } from './helpers/jepsen-log.js';
const dir = '/work/shared/peer-histories/porcupine';
const rows = [];
for (let n = 0; n <= 102; n++) {
  if (n === 95) continue;
  const { ops } = parseJepsenLog(readFileSync(`${dir}/etcd_${String(n).padStart(3, '0')}.log`, 'utf8'));
  const t = performance.now();
  const r = checkPartition(registerModel, ops, performance.now() + 5000);
  rows.push([n, ops.length, ops.filter(o => o.outcome === 'unknown').length, r.verdict, r.steps, +(performance.now() - t).toFixed(1)]);
}
rows.sort((a: any, b: any) => b[5] - a[5]);
console.log(rows.slice(0, 8));
