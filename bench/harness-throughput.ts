// Benchmark: requests/s the harness transport sustains against the reference server (16
// concurrent logical clients, each with its own undici pool, typed builder + transport +
// exchange recording, BatchUpdateDataTableValue) beside autocannon on the same server and the
// same request, in the same run. Prints the ratio harness / autocannon (target >= 0.8).
//   npx tsx bench/harness-throughput.ts [--rounds R] [--duration S] [--clients N]
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { ApiClient } from '../suites/harness/client.js';
import { request } from '../suites/harness/builders.js';
import { Transport } from '../suites/harness/transport.js';

// autocannon ships no types: the part of its API used here.
interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (o: { url: string; method: string; body?: string; headers: Record<string, string>; connections: number; duration: number }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, duration: { type: 'string', default: '3' }, clients: { type: 'string', default: '16' } } });
const ROUNDS = Math.max(1, Number(args.rounds) || 3);
const DURATION_S = Math.max(1, Number(args.duration) || 3);
const CLIENTS = Math.max(1, Number(args.clients) || 16);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const InstanceId = 'bench-instance';
const SAME_VALUE = 'bench-value';

/** The reference runs in its own process so that it does not share an event loop with the load generators. */
function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'bin', 'lockstep.ts'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('reference server did not start within 30 s')), 30_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
}

async function setup(url: string): Promise<string> {
  const c = new ApiClient('connect', url, { region: 'us-east-1', timeoutMs: 10_000, signed: false });
  const t = await c.call('CreateDataTable', { path: { InstanceId }, body: { Name: 'harness-bench', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' } });
  const DataTableId = t.data?.Id;
  if (!DataTableId) throw new Error(`CreateDataTable failed: ${t.kind === 'response' ? t.body : t.kind}`);
  await c.call('CreateDataTableAttribute', { path: { InstanceId, DataTableId }, body: { Name: 'note', ValueType: 'TEXT' } });
  const v = await c.call('BatchCreateDataTableValue', { path: { InstanceId, DataTableId }, body: { Values: [{ PrimaryValues: [], AttributeName: 'note', Value: 'v0' }] } });
  if (v.data?.Successful?.length !== 1) throw new Error('BatchCreateDataTableValue did not create the value');
  await c.close();
  return DataTableId;
}

/** CLIENTS logical clients, each looping build -> send -> record for the duration. */
async function harnessRun(url: string, DataTableId: string, seconds = DURATION_S): Promise<{ rps: number; ok: number; other: number }> {
  const transports = Array.from({ length: CLIENTS }, (_, i) => new Transport({ client: `bench-${i}`, baseUrl: url, timeoutMs: 10_000, connections: 1, observe: () => undefined }));
  const deadline = performance.now() + seconds * 1000;
  let ok = 0;
  let other = 0;
  const start = performance.now();
  await Promise.all(
    transports.map(async (t) => {
      while (performance.now() < deadline) {
        // Built afresh every time, as suites do; the same request autocannon sends.
        const req = request('connect', 'BatchUpdateDataTableValue', {
          path: { InstanceId, DataTableId },
          body: { Values: [{ PrimaryValues: [], AttributeName: 'note', Value: SAME_VALUE }] },
        });
        const r = await t.send(req);
        if (r.kind === 'response' && r.status === 200) ok++;
        else other++;
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  await Promise.all(transports.map((t) => t.close()));
  return { rps: ok / secs, ok, other };
}

async function autocannonRun(url: string, DataTableId: string): Promise<{ rps: number; non2xx: number; errors: number }> {
  const req = request('connect', 'BatchUpdateDataTableValue', { path: { InstanceId, DataTableId }, body: { Values: [{ PrimaryValues: [], AttributeName: 'note', Value: SAME_VALUE }] } });
  const r = await autocannon({ url: url + req.path, method: 'POST', body: req.body, headers: req.headers, connections: CLIENTS, duration: DURATION_S });
  return { rps: r.requests.average, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function main(): Promise<void> {
  const { url, child } = await startServer();
  try {
    const DataTableId = await setup(url);
    console.log(`BatchUpdateDataTableValue (1 item), ${CLIENTS} concurrent clients, ${ROUNDS} rounds of ${DURATION_S}s each (same run, reference in its own process)`);
    // Warm-up (JIT, connections) that is not counted.
    await harnessRun(url, DataTableId, 1);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which one goes first, so that drift in machine load hits both alike.
      let h, a;
      if (round % 2 === 1) {
        h = await harnessRun(url, DataTableId);
        a = await autocannonRun(url, DataTableId);
      } else {
        a = await autocannonRun(url, DataTableId);
        h = await harnessRun(url, DataTableId);
      }
      ratios.push(h.rps / a.rps);
      console.log(`  round ${round}: harness ${h.rps.toFixed(0)} req/s (${h.ok} ok, ${h.other} other) | autocannon ${a.rps.toFixed(0)} req/s (non-2xx ${a.non2xx}, errors ${a.errors}) -> ratio ${(h.rps / a.rps).toFixed(2)}`);
    }
    const median = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)]!;
    console.log(`  median ratio harness / autocannon: ${median.toFixed(2)} (target >= 0.80: ${median >= 0.8 ? 'met' : 'NOT met'}); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
