// The reference core on the wire: routing, request ids, malformed bodies, size limit, errors, close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { BODY_LIMIT } from '../../fixtures/reference/limits.js';
import { rawRequest } from './core-http.js';

const SYNC = '/identitypools/us-east-1:00aa/identities/us-east-1:11bb/datasets/games';
const CONNECT_UPDATE = '/data-tables/instance-1/table-1/values/update';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

describe('routing', () => {
  it('answers an unknown route with 404 UnknownOperationException in restJson1 form', async () => {
    const r = await rawRequest(server.url, 'GET', '/no/such/thing');
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.Message).toContain('/no/such/thing');
  });

  it('answers a known path with the wrong method as unknown', async () => {
    const r = await rawRequest(server.url, 'PATCH', SYNC, '{}');
    expect(r.status).toBe(404);
  });

  it('gives every response its own request id', async () => {
    const a = await rawRequest(server.url, 'GET', `${SYNC}/records`);
    const b = await rawRequest(server.url, 'GET', `${SYNC}/records`);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/json');
    expect(a.headers['x-amzn-requestid']).toBeTruthy();
    expect(a.headers['x-amzn-requestid']).not.toBe(b.headers['x-amzn-requestid']);
  });
});

describe('bodies that are not a JSON object (COMMON-VAL-2)', () => {
  const cases: [string, string][] = [
    ['truncated JSON', '{"SyncSessionToken": "x"'],
    ['garbage', '\u0000\u00ff not json'],
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['null', 'null'],
  ];
  for (const [label, body] of cases) {
    it(`Cognito Sync: ${label} -> 400 InvalidParameterException`, async () => {
      const r = await rawRequest(server.url, 'POST', SYNC, body, { 'content-type': 'application/json' });
      expect(r.status).toBe(400);
      expect(r.headers['x-amzn-errortype']).toBe('InvalidParameterException');
      expect(typeof r.json.message).toBe('string');
    });
    it(`Connect: ${label} -> 400 InvalidRequestException`, async () => {
      const r = await rawRequest(server.url, 'POST', CONNECT_UPDATE, body, { 'content-type': 'application/json' });
      expect(r.status).toBe(400);
      expect(r.headers['x-amzn-errortype']).toBe('InvalidRequestException');
      expect(typeof r.json.Message).toBe('string');
    });
  }

  it('names the offending member in a schema violation', async () => {
    const body = JSON.stringify({ SyncSessionToken: 't', RecordPatches: [{ Op: 'replace', Key: 'k'.repeat(1025), SyncCount: 0, Value: 'v' }] });
    const r = await rawRequest(server.url, 'POST', SYNC, body);
    expect(r.status).toBe(400);
    expect(r.json.message).toContain('RecordPatches[0].Key');
  });

  it('names a missing required member', async () => {
    const r = await rawRequest(server.url, 'POST', SYNC, JSON.stringify({ RecordPatches: [] }));
    expect(r.status).toBe(400);
    expect(r.json.message).toContain('SyncSessionToken');
  });

  it('converts query parameters to their types and rejects ones that do not convert', async () => {
    const ok = await rawRequest(server.url, 'GET', `${SYNC}/records?maxResults=2&lastSyncCount=0`);
    expect(ok.status).toBe(200);
    const bad = await rawRequest(server.url, 'GET', `${SYNC}/records?maxResults=two`);
    expect(bad.status).toBe(400);
    expect(bad.headers['x-amzn-errortype']).toBe('InvalidParameterException');
    expect(bad.json.message).toContain('MaxResults');
  });
});

describe('body size limit', () => {
  it('refuses a declared oversize body with 413 before reading it', async () => {
    const big = Buffer.alloc(BODY_LIMIT.connect + 10, 0x20);
    const r = await rawRequest(server.url, 'POST', CONNECT_UPDATE, big);
    expect(r.status).toBe(413);
    expect(r.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(r.headers['x-amzn-requestid']).toBeTruthy();
    expect(typeof r.json.Message).toBe('string');
  });

  it('cuts off a chunked upload at the limit with 413', async () => {
    const big = Buffer.alloc(BODY_LIMIT['cognito-sync'] + 100_000, 0x20);
    const r = await rawRequest(server.url, 'POST', SYNC, big, { 'content-type': 'application/json' }, { chunked: true });
    expect(r.status).toBe(413);
    expect(r.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(typeof r.json.message).toBe('string');
  });

  it('accepts a Cognito Sync body a little over 1 MiB (a full dataset in one request)', async () => {
    const list = await rawRequest(server.url, 'GET', '/identitypools/us-east-1:00aa/identities/us-east-1:11bb/datasets/full/records');
    const body = JSON.stringify({
      SyncSessionToken: list.json.SyncSessionToken,
      RecordPatches: [{ Op: 'replace', Key: 'k', SyncCount: 0, Value: 'v'.repeat(1024 * 1024 - 1) }],
    });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const r = await rawRequest(server.url, 'POST', '/identitypools/us-east-1:00aa/identities/us-east-1:11bb/datasets/full', body);
    expect(r.status).toBe(200);
    expect(r.json.Records[0].Key).toBe('k');
  });
});

describe('lifecycle', () => {
  it('rejects unknown fault names with a clear error', async () => {
    await expect(startReferenceServer({ faults: ['sync-no-such-fault'] })).rejects.toThrow(/unknown fault sync-no-such-fault/);
  });

  it('close() returns although a keep-alive connection is open', async () => {
    const s = await startReferenceServer();
    const r = await fetch(`${s.url}${SYNC}/records`, { headers: { connection: 'keep-alive' } });
    expect(r.status).toBe(200);
    await r.text();
    await s.close();
    await expect(fetch(`${s.url}${SYNC}/records`)).rejects.toThrow();
  });

  it('reports no internal errors after all of the above', () => {
    expect(server.internalErrors()).toBe(0);
  });
});

describe('requests the HTTP parser refuses', () => {
  it('answers a garbage request line with a JSON 400 carrying a request id', async () => {
    const net = await import('node:net');
    const url = new URL(server.url);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let got = '';
      socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
      socket.on('data', (d) => (got += d.toString()));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toMatch(/x-amzn-RequestId: [0-9a-f-]{36}/);
    expect(text).toContain('X-Amzn-ErrorType: BadRequestException');
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).Message).toBe('Bad Request');
  });
});
