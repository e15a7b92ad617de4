// `npm run bench`: runs every benchmark one after the other, each in its own process so that one
// benchmark's heap and open sockets never skew the next. Each prints its own measured figures and
// ratios against a baseline measured in the same run. Pass names to run only some:
//   npm run bench -- checker harness-throughput
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = [
  { name: 'checker', file: 'checker.bench.ts', what: 'linearizability checker: 102 etcd histories, 10,000-op CAS history' },
  { name: 'reference-throughput', file: 'reference-throughput.ts', what: 'reference server req/s vs bare node:http; RSS at 100,000 values' },
  { name: 'harness-throughput', file: 'harness-throughput.ts', what: 'harness transport req/s vs autocannon' },
  { name: 'connect-run', file: 'connect-run.ts', what: 'standard Connect run wall time; time to first failure across faults' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
if (unknown.length) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const b of BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  console.log(`\n=== ${b.name}: ${b.what}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, b.file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`=== ${b.name} exited ${r.status ?? r.signal}`);
  }
}
process.exit(failed ? 1 : 0);
