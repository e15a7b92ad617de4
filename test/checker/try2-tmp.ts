import { readFileSync } from 'node:fs';
import { checkPartition } from '../../suites/harness/linearizability/checker.js';
import { kvModel } from '../../suites/harness/linearizability/models/kv.js';
import { parseKvLog } from './helpers/kv-log.js';
const dir = '/work/shared/peer-histories/porcupine';
for (const f of ['c50-ok', 'c50-bad']) {
  const { ops } = parseKvLog(readFileSync(`${dir}/${f}.txt`, 'utf8'));
  for (const part of kvModel.partition!(ops)) {
    const t = performance.now();
    const r = checkPartition(kvModel, part, performance.now() + 3000);
    console.log(f, part[0].input.key, part.length, r.verdict, r.steps, (performance.now() - t).toFixed(1), r.longestPrefix.length);
  }
}
