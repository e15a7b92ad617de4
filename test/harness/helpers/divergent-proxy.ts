// A deliberately non-conformant target for the harness's own tests: it forwards to the reference
// server but answers a body that is not valid JSON with a 500 (breaking COMMON-ERR-2) and drops
// x-amzn-RequestId from every answer (breaking COMMON-RESP-2).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

function isBadJson(body: string): boolean {
  if (body === '') return false;
  try {
    JSON.parse(body);
    return false;
  } catch {
    return true;
  }
}

export async function startDivergentProxy(upstream: string, opts: { unknownOperation?: boolean } = {}): Promise<Proxy> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (opts.unknownOperation) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException', 'x-amzn-requestid': 'r' });
        return void res.end('{"message":"unknown operation"}');
      }
      if (isBadJson(body)) {
        res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalServiceException' });
        return void res.end('{"Message":"could not parse"}');
      }
      try {
        const headers = { ...req.headers };
        delete headers.host;
        const up = await request(upstream + (req.url ?? '/'), { method: req.method as 'GET', headers, body: body === '' ? undefined : body });
        const text = await up.body.text();
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(up.headers)) {
          if (k === 'x-amzn-requestid' || k === 'content-length' || k === 'connection' || k === 'keep-alive' || k === 'transfer-encoding') continue;
          if (typeof v === 'string') out[k] = v;
        }
        res.writeHead(up.statusCode, out);
        res.end(text);
      } catch (e) {
        res.writeHead(502);
        res.end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
