import { readFileSync } from 'node:fs';
import { checkPartition } from '/work/main/suites/harness/linearizability/checker.js';
import { registerModel } from '/work/main/suites/harness/linearizability/models/register.js';
import { parseJepsenLog } from '/work/main/test/checker/helpers/jepsen-log.js';
const { ops } = parseJepsenLog(readFileSync(`/work/shared/peer-histories/porcupine/etcd_007.log`, 'utf8'));
const t = performance.now();
const r = checkPartition(registerModel, ops, performance.now() + 20000);
console.log(r.verdict, r.steps, performance.now() - t);
