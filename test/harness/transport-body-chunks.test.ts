// The transport keeps a single-chunk body as is and joins a body that arrives in several
// chunks (separate writes with pauses between them), multi-byte characters split across chunks
// included; an empty body is an empty string. Also: an unsigned request still records redacted
// secret headers the caller set itself.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { Transport } from '../../suites/harness/transport.js';
import { REDACTED } from '../../suites/harness/redact.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function serve(handler: http.RequestListener): Promise<Transport> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const t = new Transport({ client: 'c', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2_000 });
  closers.push(() => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  }));
  closers.push(() => t.close());
  return t;
}

const GET = { operation: 'Op', method: 'GET', path: '/x', headers: {} };

test('a body written in several pieces arrives whole, a split multi-byte character included', async () => {
  const text = JSON.stringify({ a: 'x'.repeat(70_000), b: 'é€😀', c: [1, 2, 3] });
  const bytes = Buffer.from(text, 'utf8');
  // Cut inside the 4-byte emoji so that a per-chunk decode would corrupt it.
  const cut = bytes.indexOf(Buffer.from('😀', 'utf8')) + 2;
  const t = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(bytes.subarray(0, 10));
    setTimeout(() => {
      res.write(bytes.subarray(10, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 20);
    }, 20);
  });
  const r = await t.send(GET);
  expect(r.kind).toBe('response');
  if (r.kind !== 'response') return;
  expect(r.body).toBe(text);
  expect(r.json).toEqual(JSON.parse(text));
  expect(r.exchange.response?.body).toBe(text);
});

test('an empty body is the empty string with no JSON', async () => {
  const t = await serve((_req, res) => {
    res.writeHead(204);
    res.end();
  });
  const r = await t.send(GET);
  expect(r.kind).toBe('response');
  if (r.kind !== 'response') return;
  expect(r.status).toBe(204);
  expect(r.body).toBe('');
  expect(r.json).toBeUndefined();
});

test('secret headers set by the caller are sent but recorded redacted; the caller object is not changed', async () => {
  let seen: http.IncomingHttpHeaders = {};
  const t = await serve((req, res) => {
    seen = req.headers;
    res.writeHead(200, { 'set-cookie': 'k=v' });
    res.end('{}');
  });
  const headers = { Authorization: 'AWS4 secret', 'x-amz-security-token': 'tok', 'x-other': 'plain' };
  const r = await t.send({ operation: 'Op', method: 'POST', path: '/x', headers, body: '{}' });
  expect(seen.authorization).toBe('AWS4 secret');
  expect(seen['x-amz-security-token']).toBe('tok');
  expect(seen['content-length']).toBe('2');
  expect(r.exchange.request.headers).toEqual({ authorization: REDACTED, 'x-amz-security-token': REDACTED, 'x-other': 'plain', 'content-length': '2' });
  expect(r.exchange.response?.headers['set-cookie']).toBe(REDACTED);
  expect(headers).toEqual({ Authorization: 'AWS4 secret', 'x-amz-security-token': 'tok', 'x-other': 'plain' });
});
