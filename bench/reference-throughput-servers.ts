// Child process of `bench/reference-throughput.ts --isolated`: the reference server and the bare
// node:http server run here, the load generator stays in the parent, so each side has its own
// process (on a 2-core machine, its own core). Driven over IPC:
//   { type: 'bare', fixed }  -> { type: 'bare', url }   start the bare server answering `fixed`
//   { type: 'cpu' }          -> { type: 'cpu', us }      this process's CPU time so far (user + system)
// Argument: the path or file URL of the reference server module to load.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { startReferenceServer as StartReferenceServer } from '../fixtures/reference/server.js';

type Message = { type: 'bare'; fixed: string } | { type: 'cpu' };

async function main(): Promise<void> {
  const entry = process.argv[2];
  if (!entry || !process.send) throw new Error('run by bench/reference-throughput.ts --isolated');
  const { startReferenceServer } = (await import(entry)) as { startReferenceServer: typeof StartReferenceServer };
  const ref = await startReferenceServer({ log: (l) => process.stderr.write(`${l}\n`) });
  const servers: http.Server[] = [];
  process.on('message', (m: Message) => {
    if (m.type === 'cpu') {
      const c = process.cpuUsage();
      process.send!({ type: 'cpu', us: c.user + c.system });
      return;
    }
    const fixed = m.fixed;
    const server = http.createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(fixed) });
        res.end(fixed);
      });
    });
    servers.push(server);
    server.listen(0, '127.0.0.1', () => process.send!({ type: 'bare', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
  // The parent going away ends this process too.
  process.on('disconnect', () => {
    for (const s of servers) s.closeAllConnections();
    void ref.close().finally(() => process.exit(0));
  });
  process.send({ type: 'ready', url: ref.url });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
