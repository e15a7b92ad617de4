// Transport failures are results, never crashes or hangs; secrets never reach an Exchange.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { Transport } from '../../suites/harness/transport.js';
import { createSigner } from '../../suites/harness/signing.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function rawServer(onSocket: (s: net.Socket) => void): Promise<string> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function httpServer(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transport(baseUrl: string, extra: Partial<ConstructorParameters<typeof Transport>[0]> = {}): Transport {
  const t = new Transport({ client: 'c1', baseUrl, timeoutMs: 300, ...extra });
  closers.push(() => t.close());
  return t;
}

const GET = { operation: 'Op', method: 'GET', path: '/x', headers: {} };

describe('transport failures are results', () => {
  test('a server that never answers: timeout', async () => {
    const url = await rawServer(() => undefined);
    const r = await transport(url).send(GET);
    expect(r.kind).toBe('timeout');
    expect(r.exchange.error).toMatch(/^timeout/);
    expect(r.exchange.returnTime).toBeGreaterThanOrEqual(r.exchange.callTime);
  });

  test('a server that drips a body forever: timeout (overall deadline)', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    });
    expect((await transport(url).send(GET)).kind).toBe('timeout');
  });

  test('a reset connection: reset', async () => {
    const url = await rawServer((s) => s.once('data', () => s.resetAndDestroy()));
    expect((await transport(url).send(GET)).kind).toBe('reset');
  });

  test('garbage instead of HTTP: garbage', async () => {
    const url = await rawServer((s) => s.once('data', () => s.end('SSH-2.0-OpenSSH\r\nnot http at all\r\n\r\n')));
    expect((await transport(url).send(GET)).kind).toBe('garbage');
  });

  test('a response over the size cap: too-large, and the body is not kept', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('x'.repeat(64 * 1024));
    });
    const r = await transport(url, { maxResponseBytes: 1024 }).send(GET);
    expect(r.kind).toBe('too-large');
    expect(r.exchange.response).toBeUndefined();
  });

  test('nobody listening: refused', async () => {
    const url = await rawServer(() => undefined);
    await closers.pop()!(); // close it again: the port is free now
    expect((await transport(url).send(GET)).kind).toBe('refused');
  });

  test('an ordinary answer is recorded with status, headers and body', async () => {
    const url = await httpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'abc' });
      res.end(JSON.stringify({ method: req.method, url: req.url }));
    });
    const seen: unknown[] = [];
    const r = await transport(url, { observe: (e) => seen.push(e) }).send({ operation: 'Op', method: 'POST', path: '/a%2Fb?x=1', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.kind).toBe('response');
    if (r.kind !== 'response') return;
    expect(r.json).toEqual({ method: 'POST', url: '/a%2Fb?x=1' });
    expect(r.exchange.response?.headers['x-amzn-requestid']).toBe('abc');
    expect(r.exchange.request.body).toBe('{}');
    expect(seen).toEqual([r.exchange]);
  });

  test('no retries: a failed request reaches the server once', async () => {
    let hits = 0;
    const url = await rawServer((s) =>
      s.once('data', () => {
        hits++;
        s.resetAndDestroy();
      }),
    );
    await transport(url).send({ operation: 'Op', method: 'PUT', path: '/', headers: {}, body: '{}' });
    expect(hits).toBe(1);
  });
});

describe('redaction', () => {
  test('a signed request is signed on the wire, but no secret or signature is recorded', async () => {
    let wire: http.IncomingHttpHeaders = {};
    const url = await httpServer((req, res) => {
      wire = req.headers;
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=s3cr3t-cookie' });
      res.end('{}');
    });
    const creds = { accessKeyId: 'AKIDLOCKSTEPTEST0001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLOCKSTEPKEY', sessionToken: 'FQoGZXIvYXdzELOCKSTEPSESSIONTOKEN' };
    const t = transport(url, { signer: createSigner('connect', 'us-east-1', creds) });
    const r = await t.send({ operation: 'DescribeDataTable', method: 'GET', path: '/data-tables/i/t', headers: {} });
    expect(r.kind).toBe('response');
    const auth = String(wire.authorization);
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOCKSTEPTEST0001\/\d{8}\/us-east-1\/connect\/aws4_request/);
    const signature = /Signature=([0-9a-f]{64})/.exec(auth)![1]!;
    expect(wire['x-amz-security-token']).toBe(creds.sessionToken);
    const recorded = JSON.stringify(r.exchange);
    for (const secret of [creds.secretAccessKey, creds.sessionToken, signature, creds.accessKeyId, 's3cr3t-cookie']) expect(recorded).not.toContain(secret);
    expect(r.exchange.request.headers.authorization).toBe('[redacted]');
  });
});
