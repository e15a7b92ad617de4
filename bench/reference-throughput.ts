// Benchmark: the reference server's throughput on BatchUpdateDataTableValue (25 items) against a
// bare node:http server answering a fixed JSON body, measured in the same run (same machine
// load, same process, same autocannon load generator, alternating rounds), and the peak RSS after
// storing 100,000 Connect values. Prints figures; asserts nothing.
//   npx tsx bench/reference-throughput.ts [--server dist|source] [--isolated] [--rounds R] [--duration S] [--connections N] [--values N]
// By default both servers share the load generator's process ("same load generator, same run"):
// each request then costs autocannon's work plus the server's. With --isolated both servers run in
// a child process and autocannon alone in this one: the ratio then compares the servers' own costs
// per request (the bare server does almost nothing) and is lower. It is printed for information;
// the target is judged in the default set-up.
// --server dist (default) measures the compiled build users run (`npx lockstep` runs dist/); it is
// rebuilt first (`npm run build`) when any source under fixtures/ or spec/ is newer than its
// compiled file. --server source measures the TypeScript sources under tsx (esbuild adds a
// `__name` wrapper to every named closure, which costs a little on hot paths).
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { Agent } from 'undici';
import type { startReferenceServer as StartReferenceServer } from '../fixtures/reference/server.js';

// autocannon ships no types; the slice of its API used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: { url: string; method: string; body: string; headers: Record<string, string>; connections: number; duration: number }) => Promise<AutocannonResult>;
const requireHere = createRequire(import.meta.url);
const autocannon = requireHere('autocannon') as Autocannon;
const AUTOCANNON_VERSION = (requireHere('autocannon/package.json') as { version: string }).version;

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: 'dist' },
    rounds: { type: 'string', default: '9' },
    duration: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    values: { type: 'string', default: '100000' },
    isolated: { type: 'boolean', default: false },
  },
});
const ISOLATED = args.isolated === true;
const SERVER_BUILD = args.server === 'source' ? 'source' : 'dist';
const DURATION = Math.max(1, Number(args.duration) || 2);
const ROUNDS = Math.max(1, Number(args.rounds) || 9);
const CONNECTIONS = Math.max(1, Number(args.connections) || 16);
const STORED_VALUES = Math.max(25, Number(args.values) || 100_000);
const ITEMS = 25;
const INSTANCE = 'bench-instance';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Sources (relative to ROOT) whose compiled file in dist/ is missing or older than they are. */
function staleSources(): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (rel !== path.join('spec', 'generate') && rel !== path.join('spec', 'openapi')) walk(rel);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts')) {
        const built = path.join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'));
        if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(path.join(ROOT, rel)).mtimeMs) stale.push(rel);
      }
    }
  };
  walk('fixtures');
  walk('spec');
  return stale;
}

/** The reference server module: the compiled build (rebuilt first if stale) or the sources. */
async function serverModule(): Promise<string> {
  if (SERVER_BUILD === 'source') return pathToFileURL(path.join(ROOT, 'fixtures', 'reference', 'server.ts')).href;
  const stale = staleSources();
  if (stale.length) {
    console.log(`dist/ is older than ${stale.length} source file(s) (e.g. ${stale[0]}): running npm run build`);
    // tsc still writes every file when another part of the tree has type errors; only a missing output stops us.
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
    const left = staleSources();
    if (left.length) throw new Error(`npm run build (exit ${build.status}) left ${left.length} stale file(s), e.g. ${left[0]}`);
  }
  return pathToFileURL(path.join(ROOT, 'dist', 'fixtures', 'reference', 'server.js')).href;
}

/** Where the two servers run: in this process (default) or both in one child process (--isolated). */
interface Servers {
  refUrl: string;
  startBare(fixed: string): Promise<string>;
  /** CPU time (µs) of the process the servers run in; undefined when that is this process. */
  serverCpuUs(): Promise<number | undefined>;
  /** 500s caused by bugs in the reference (in-process only). */
  internalErrors?(): number;
  close(): Promise<void>;
}

async function inProcessServers(): Promise<Servers> {
  const { startReferenceServer } = (await import(await serverModule())) as { startReferenceServer: typeof StartReferenceServer };
  const ref = await startReferenceServer({ log: (l) => process.stderr.write(`${l}\n`) });
  const bares: { close(): Promise<void> }[] = [];
  return {
    refUrl: ref.url,
    async startBare(fixed) {
      const b = await bareServer(fixed);
      bares.push(b);
      return b.url;
    },
    serverCpuUs: async () => undefined,
    internalErrors: () => ref.internalErrors(),
    async close() {
      for (const b of bares) await b.close();
      await ref.close();
    },
  };
}

async function childServers(): Promise<Servers> {
  const child: ChildProcess = fork(path.join(ROOT, 'bench', 'reference-throughput-servers.ts'), [await serverModule()], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`server process exited (${code}) while waiting for '${type}'`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next<{ url: string }>('ready');
  return {
    refUrl: ready.url,
    async startBare(fixed) {
      const answer = next<{ url: string }>('bare');
      child.send({ type: 'bare', fixed });
      return (await answer).url;
    },
    async serverCpuUs() {
      const answer = next<{ us: number }>('cpu');
      child.send({ type: 'cpu' });
      return (await answer).us;
    },
    async close() {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await Promise.race([gone, new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
      if (child.exitCode === null) child.kill();
    },
  };
}

async function json(agent: Agent, origin: string, method: 'PUT' | 'POST', path: string, body: unknown): Promise<any> {
  const res = await agent.request({ origin, method, path, body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${method} ${path} -> ${res.statusCode} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** A table with `attributes` TEXT attributes (plus an optional primary one); returns its id. */
async function createTable(agent: Agent, origin: string, name: string, attributes: string[], primary?: string): Promise<string> {
  const table = await json(agent, origin, 'PUT', `/data-tables/${INSTANCE}`, { Name: name, Status: 'PUBLISHED', TimeZone: 'UTC', ValueLockLevel: 'NONE' });
  const id = encodeURIComponent(table.Id as string);
  if (primary) await json(agent, origin, 'PUT', `/data-tables/${INSTANCE}/${id}/attributes`, { Name: primary, ValueType: 'TEXT', Primary: true });
  for (const a of attributes) await json(agent, origin, 'PUT', `/data-tables/${INSTANCE}/${id}/attributes`, { Name: a, ValueType: 'TEXT' });
  return id;
}

interface RunFigures {
  rps: number;
  /** CPU time (user + system) per completed request of the servers' process: with the load generator by default, alone with --isolated. */
  cpuUsPerReq: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run; CPU per request is the servers' process's (this one, or the child's with --isolated). */
async function autocannonRun(servers: Servers, url: string, body: string, duration = DURATION): Promise<RunFigures> {
  const cpu0 = process.cpuUsage();
  const child0 = await servers.serverCpuUs();
  const r = await autocannon({ url, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: CONNECTIONS, duration });
  const cpu = process.cpuUsage(cpu0);
  const child1 = await servers.serverCpuUs();
  const cpuUs = child0 !== undefined && child1 !== undefined ? child1 - child0 : cpu.user + cpu.system;
  return {
    rps: r.requests.average,
    cpuUsPerReq: cpuUs / Math.max(1, r.requests.total),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

function bareServer(fixed: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(fixed) });
      res.end(fixed);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const servers = ISOLATED ? await childServers() : await inProcessServers();
  const ref = { url: servers.refUrl };
  const agent = new Agent({ connections: 8 });
  try {
    // 1. Throughput: the same 25-item update, over and over (lock level NONE: every one applies).
    const attrs = Array.from({ length: ITEMS }, (_, i) => `attr_${i}`);
    const tableId = await createTable(agent, ref.url, 'throughput', attrs);
    await json(agent, ref.url, 'POST', `/data-tables/${INSTANCE}/${tableId}/values/create`, {
      Values: attrs.map((a) => ({ PrimaryValues: [], AttributeName: a, Value: 'initial' })),
    });
    const updatePath = `/data-tables/${INSTANCE}/${tableId}/values/update`;
    const updateBody = JSON.stringify({ Values: attrs.map((a, i) => ({ PrimaryValues: [], AttributeName: a, Value: `value-${i}` })) });
    const sample = await json(agent, ref.url, 'POST', updatePath, JSON.parse(updateBody));
    if (sample.Successful?.length !== ITEMS) throw new Error(`warm-up update did not apply all items: ${JSON.stringify(sample).slice(0, 300)}`);

    // Alternate bare and reference runs so that a change in machine load hits both alike.
    const bare = { url: await servers.startBare(JSON.stringify(sample)) };
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const bareRuns: RunFigures[] = [];
    const refRuns: RunFigures[] = [];
    // Untimed warm-up of both (JIT), then alternating timed rounds.
    await autocannonRun(servers, bare.url, updateBody, 1);
    await autocannonRun(servers, ref.url + updatePath, updateBody, 1);
    const which = SERVER_BUILD === 'dist' ? 'compiled build (dist/)' : 'TypeScript sources under tsx';
    console.log(`BatchUpdateDataTableValue, ${ITEMS} items, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION}s per server (same run)`);
    console.log(
      ISOLATED
        ? `  reference server: ${which}; both servers in a child process, load generator autocannon ${AUTOCANNON_VERSION} alone in this one`
        : `  reference server: ${which}; load generator: autocannon ${AUTOCANNON_VERSION}, in this process for both servers`,
    );
    const line = (f: RunFigures) =>
      `${f.rps.toFixed(0)} req/s, ${f.cpuUsPerReq.toFixed(0)} µs CPU/req (p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx ${f.non2xx}, errors ${f.errors})`;
    for (let round = 1; round <= ROUNDS; round++) {
      const bareRun = await autocannonRun(servers, bare.url, updateBody);
      const refRun = await autocannonRun(servers, ref.url + updatePath, updateBody);
      bareRuns.push(bareRun);
      refRuns.push(refRun);
      ratios.push(refRun.rps / bareRun.rps);
      cpuRatios.push(bareRun.cpuUsPerReq / refRun.cpuUsPerReq);
      console.log(`  round ${round}: bare node:http fixed JSON ${line(bareRun)}`);
      console.log(`           reference server         ${line(refRun)} -> ratio ${(refRun.rps / bareRun.rps).toFixed(2)}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(ratios);
    const side = (runs: RunFigures[]) =>
      `${median(runs.map((r) => r.rps)).toFixed(0)} req/s, ${median(runs.map((r) => r.cpuUsPerReq)).toFixed(0)} µs CPU/req`;
    console.log(`  medians over ${ROUNDS} rounds: bare ${side(bareRuns)}; reference ${side(refRuns)}`);
    if (ISOLATED) {
      console.log(`  median ratio reference / bare (req/s), servers in their own process: ${ratio.toFixed(2)} (their own costs only; for information, the target is judged without --isolated)`);
      console.log(`  median ratio by the servers' CPU per request: ${median(cpuRatios).toFixed(2)}`);
      console.log(`  load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
      return;
    }
    console.log(`  median ratio reference / bare (req/s): ${ratio.toFixed(2)} (target >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
    console.log(`  median ratio by CPU per request (less sensitive to other load): ${median(cpuRatios).toFixed(2)}`);
    console.log(`  load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs; load generator and servers share this process`);

    // 2. Memory: store STORED_VALUES values (one per record, primary key pk) in batches of 25.
    const before = process.memoryUsage().rss;
    const big = await createTable(agent, ref.url, 'memory', ['payload'], 'pk');
    const createPath = `/data-tables/${INSTANCE}/${big}/values/create`;
    let stored = 0;
    const t0 = performance.now();
    const batches = Math.ceil(STORED_VALUES / ITEMS);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < batches) {
          const b = next++;
          const Values = [];
          for (let i = b * ITEMS; i < Math.min(STORED_VALUES, (b + 1) * ITEMS); i++) {
            Values.push({ PrimaryValues: [{ AttributeName: 'pk', Value: `record-${i}` }], AttributeName: 'payload', Value: `payload-${i}` });
          }
          const out = await json(agent, ref.url, 'POST', createPath, { Values });
          stored += (out.Successful as unknown[]).length;
          if ((out.Failed as unknown[]).length) throw new Error(`create failed: ${JSON.stringify(out.Failed[0])}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (global.gc) global.gc();
    const after = process.memoryUsage();
    const peakKb = process.resourceUsage().maxRSS;
    console.log(`Stored ${stored} Connect values in ${seconds.toFixed(1)} s (${(stored / seconds).toFixed(0)} values/s)`);
    console.log(`  RSS before ${mb(before)} MiB, after ${mb(after.rss)} MiB, heap used ${mb(after.heapUsed)} MiB, peak RSS ${mb(peakKb * 1024)} MiB (server and load generator share this process)`);
    console.log(`  internal errors: ${servers.internalErrors?.() ?? 'n/a'}`);
  } finally {
    await agent.close();
    await servers.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
