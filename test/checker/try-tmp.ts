import { readFileSync } from 'node:fs';
import { checkHistory } from '../../suites/harness/linearizability/checker.js';
import { registerModel } from '../../suites/harness/linearizability/models/register.js';
import { kvModel } from '../../suites/harness/linearizability/models/kv.js';
import { parseJepsenLog, parseExpected } from '../../test/checker/helpers/jepsen-log.js';
import { parseKvLog } from '../../test/checker/helpers/kv-log.js';
const dir = '/work/shared/peer-histories/porcupine';
const exp = parseExpected(readFileSync(dir + '/jepsen_expected.txt', 'utf8'));
let bad = 0; const t0 = performance.now(); let worst = 0;
for (const [n, want] of exp) {
  const { ops, errors } = parseJepsenLog(readFileSync(`${dir}/etcd_${String(n).padStart(3, '0')}.log`, 'utf8'));
  if (errors.length) console.log(n, errors.slice(0, 3));
  const t = performance.now();
  const r = checkHistory(registerModel, ops);
  worst = Math.max(worst, performance.now() - t);
  if ((r.verdict === 'ok') !== want || r.verdict === 'unknown') { bad++; console.log('MISMATCH', n, want, r.verdict, r.partitions[0]?.reason); }
}
console.log('etcd mismatches', bad, 'total ms', (performance.now() - t0).toFixed(1), 'worst', worst.toFixed(1));
for (const f of ['c01-ok', 'c01-bad', 'c10-ok', 'c10-bad', 'c50-ok', 'c50-bad']) {
  const { ops, errors } = parseKvLog(readFileSync(`${dir}/${f}.txt`, 'utf8'));
  const t = performance.now();
  const r = checkHistory(kvModel, ops);
  console.log(f, ops.length, errors.length, r.verdict, (performance.now() - t).toFixed(1));
}
