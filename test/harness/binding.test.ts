// COMMON-BIND-1 probe (suites/harness/binding.ts): the reference serves every seeded operation at
// its binding; each binding fault is a MUST failure naming the method the operation answers at; an
// endpoint implementing nothing gives n/a; no probe is sent at a method the model gives to another
// operation; a silent endpoint is n/a, not a failure.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINDING_FAULTS } from '../../fixtures/faults/binding.js';
import { startHostileServer } from '../../fixtures/hostile/index.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { SERVICES, type ServiceName } from '../../spec/services.js';
import { bindingRequest, checkBindings, PLACEHOLDER, presenceOf, probeBinding, seededOperations } from '../../suites/harness/binding.js';
import { ApiClient } from '../../suites/harness/client.js';
import { operationInfo } from '../../suites/harness/operations.js';
import type { HttpResult } from '../../suites/harness/transport.js';
import type { Exchange, Verdict } from '../../suites/harness/verdict.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';

// The bindings as the seed pages and the catalog text state them.
const BINDINGS: Record<string, { service: ServiceName; method: string; path: RegExp }> = {
  BatchCreateDataTableValue: { service: 'connect', method: 'POST', path: /^\/data-tables\/[^/]+\/[^/]+\/values\/create$/ },
  BatchUpdateDataTableValue: { service: 'connect', method: 'POST', path: /^\/data-tables\/[^/]+\/[^/]+\/values\/update$/ },
  UpdateRecords: { service: 'cognito-sync', method: 'POST', path: /^\/identitypools\/[^/]+\/identities\/[^/]+\/datasets\/[^/]+$/ },
  BatchWrite: { service: 'clouddirectory', method: 'PUT', path: /^\/amazonclouddirectory\/2017-01-11\/batchwrite$/ },
};

/** Every seeded operation of every service probed at `url`; verdicts plus the exchanges sent. */
async function probeAll(url: string, timeoutMs = 10_000): Promise<{ verdicts: Verdict[]; sent: Exchange[] }> {
  const verdicts: Verdict[] = [];
  const sent: Exchange[] = [];
  for (const service of SERVICES) {
    const rec = new VerdictRecorder(service, `${service}/binding-test`, undefined, 1);
    const api = new ApiClient<ServiceName>(service, url, { region: 'us-east-1', timeoutMs, signed: false, observe: (e) => (sent.push(e), rec.observe(e)) });
    try {
      verdicts.push(...(await checkBindings(api, rec)));
    } finally {
      await api.close();
    }
  }
  return { verdicts, sent };
}

/** A tiny endpoint answering every request with `answer(method)`; records method, path and body. */
async function fakeEndpoint(answer: (method: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: { method: string; path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', body });
      const a = answer(req.method ?? '');
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

const UNKNOWN = { status: 404, headers: { 'x-amzn-errortype': 'UnknownOperationException' }, body: '{"message":"no such operation"}' };

describe('what is probed', () => {
  it('the seeded operations are the four batch writes of the seed pages', () => {
    expect(seededOperations('connect')).toEqual(['BatchCreateDataTableValue', 'BatchUpdateDataTableValue']);
    expect(seededOperations('cognito-sync')).toEqual(['UpdateRecords']);
    expect(seededOperations('clouddirectory')).toEqual(['BatchWrite']);
  });

  it('the probe at the binding is the model binding with placeholders and an empty object body', () => {
    for (const [op, b] of Object.entries(BINDINGS)) {
      const req = bindingRequest(operationInfo(b.service, op));
      expect(req.method, op).toBe(b.method);
      expect(req.path, op).toMatch(b.path);
      expect(req.body, op).toBe('{}');
    }
    const dir = bindingRequest(operationInfo('clouddirectory', 'BatchWrite'));
    expect(dir.headers['x-amz-data-partition']).toBe(PLACEHOLDER);
  });
});

describe('presenceOf', () => {
  const info = operationInfo('connect', 'BatchUpdateDataTableValue');
  const dir = operationInfo('clouddirectory', 'BatchWrite');
  const answer = (status: number, headers: Record<string, string> = {}, json?: unknown): HttpResult =>
    ({ kind: 'response', status, headers, body: json === undefined ? '' : JSON.stringify(json), json, exchange: {} as Exchange });

  it('absent: UnknownOperation (header or body), 405, 501, a bare 404, a 404 naming no modelled error', () => {
    expect(presenceOf(info, answer(404, { 'X-Amzn-ErrorType': 'UnknownOperationException' }))).toBe('absent');
    expect(presenceOf(info, answer(404, {}, { __type: 'com.amazon#UnknownOperationException' }))).toBe('absent');
    expect(presenceOf(info, answer(405))).toBe('absent');
    expect(presenceOf(info, answer(501))).toBe('absent');
    expect(presenceOf(info, answer(404))).toBe('absent');
    // BatchWrite lists no 404 error at all.
    expect(presenceOf(dir, answer(404, { 'x-amzn-errortype': 'ResourceNotFoundException' }))).toBe('absent');
  });

  it('served: any other status, and a 404 or 5xx with one of the operation\'s modelled errors', () => {
    for (const s of [200, 400, 403, 409]) expect(presenceOf(info, answer(s)), String(s)).toBe('served');
    expect(presenceOf(info, answer(404, { 'x-amzn-errortype': 'ResourceNotFoundException' }))).toBe('served');
    expect(presenceOf(info, answer(500, { 'x-amzn-errortype': 'InternalServiceException' }))).toBe('served');
  });

  it('a 5xx that is not one of the operation\'s modelled errors tells nothing (a server failing everything)', () => {
    expect(presenceOf(info, answer(500))).toBe('no-answer');
    expect(presenceOf(info, answer(503, { 'x-amzn-errortype': 'ServiceUnavailable' }))).toBe('no-answer');
  });

  it('a transport failure is no answer', () => {
    expect(presenceOf(info, { kind: 'timeout', message: 'slow', exchange: {} as Exchange })).toBe('no-answer');
    expect(presenceOf(info, { kind: 'reset', message: 'gone', exchange: {} as Exchange })).toBe('no-answer');
  });
});

describe('against the reference', () => {
  let ref: ReferenceServer;
  beforeAll(async () => {
    ref = await startReferenceServer({ log: () => undefined });
  });
  afterAll(() => ref.close());

  it('every seeded operation passes, with one request at its binding', async () => {
    const { verdicts, sent } = await probeAll(ref.url);
    expect(verdicts.map((v) => [v.operation, v.requirement, v.status, v.level]).sort()).toEqual(
      Object.keys(BINDINGS).sort().map((op) => [op, 'COMMON-BIND-1', 'pass', 'MUST']),
    );
    expect(sent).toHaveLength(4);
    for (const v of verdicts) {
      const b = BINDINGS[v.operation]!;
      expect(v.message).toContain(`is served at ${b.method} `);
      expect(v.evidence).toHaveLength(1);
      expect(v.evidence[0]!.request.method).toBe(b.method);
      expect(v.evidence[0]!.response!.status).toBe(400); // refused placeholder input: there, but nothing written
    }
    expect(ref.internalErrors()).toBe(0);
  });
});

describe('against each binding fault', () => {
  for (const fault of BINDING_FAULTS) {
    it(`${fault.name}: ${fault.operation} fails, answering at ${fault.method}`, async () => {
      const ref = await startReferenceServer({ faults: [fault.name], log: () => undefined });
      try {
        const { verdicts } = await probeAll(ref.url);
        const hit = verdicts.find((v) => v.operation === fault.operation)!;
        const b = BINDINGS[fault.operation]!;
        expect(hit.status).toBe('fail');
        expect(hit.requirement).toBe('COMMON-BIND-1');
        expect(hit.message).toContain(`${fault.operation} is not served at ${b.method} `);
        expect(hit.message).toMatch(new RegExp(`but answers at ${fault.method} \\(400 `));
        expect(hit.evidence.some((e) => e.request.method === fault.method && e.response?.status === 400)).toBe(true);
        expect(Array.isArray(hit.counterexample)).toBe(true);
        // The other seeded operations are untouched.
        expect(verdicts.filter((v) => v !== hit).map((v) => v.status)).toEqual(['pass', 'pass', 'pass']);
        expect(ref.internalErrors()).toBe(0);
      } finally {
        await ref.close();
      }
    });
  }
});

describe('endpoints that do not serve the operations', () => {
  it('404 UnknownOperation everywhere: n/a, and no probe at a method the model gives to another operation', async () => {
    const fake = await fakeEndpoint(() => UNKNOWN);
    try {
      const { verdicts } = await probeAll(fake.url);
      expect(verdicts.map((v) => v.status)).toEqual(['n/a', 'n/a', 'n/a', 'n/a']);
      for (const v of verdicts) expect(v.message).toContain('not implemented');
      // At most five requests per operation, every one with an empty object body.
      const perPath = new Map<string, string[]>();
      for (const s of fake.seen) perPath.set(s.path, [...(perPath.get(s.path) ?? []), s.method]);
      for (const methods of perPath.values()) expect(methods.length).toBeLessThanOrEqual(5);
      expect(fake.seen.every((s) => s.body === '{}')).toBe(true);
      // UpdateRecords' path is also DescribeDataset (GET) and DeleteDataset (DELETE): never sent.
      const sync = fake.seen.filter((s) => s.path.startsWith('/identitypools/')).map((s) => s.method);
      expect(sync).toEqual(['POST', 'PUT', 'PATCH']);
      const dir = fake.seen.filter((s) => s.path.startsWith('/amazonclouddirectory/')).map((s) => s.method);
      expect(dir).toEqual(['PUT', 'GET', 'POST', 'DELETE', 'PATCH']);
    } finally {
      await fake.close();
    }
  });

  it('the probe lists the methods it left alone and why', async () => {
    const fake = await fakeEndpoint(() => UNKNOWN);
    const api = new ApiClient<ServiceName>('cognito-sync', fake.url, { region: 'us-east-1', timeoutMs: 10_000, signed: false });
    try {
      const o = await probeBinding(api, operationInfo('cognito-sync', 'UpdateRecords'));
      expect(o.boundElsewhere).toEqual([
        { method: 'GET', operation: 'DescribeDataset' },
        { method: 'DELETE', operation: 'DeleteDataset' },
      ]);
      expect(o.others.map((a) => a.method)).toEqual(['PUT', 'PATCH']);
    } finally {
      await api.close();
      await fake.close();
    }
  });

  it('405 everywhere is n/a too', async () => {
    const fake = await fakeEndpoint(() => ({ status: 405 }));
    try {
      const { verdicts } = await probeAll(fake.url);
      expect(verdicts.map((v) => v.status)).toEqual(['n/a', 'n/a', 'n/a', 'n/a']);
    } finally {
      await fake.close();
    }
  });

  it('an endpoint that answers only at PATCH fails, naming PATCH', async () => {
    const fake = await fakeEndpoint((m) => (m === 'PATCH' ? { status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: '{"Message":"bad"}' } : UNKNOWN));
    try {
      const { verdicts } = await probeAll(fake.url);
      expect(verdicts.map((v) => v.status)).toEqual(['fail', 'fail', 'fail', 'fail']);
      for (const v of verdicts) expect(v.message).toMatch(/but answers at PATCH \(400 ValidationException\)$/);
    } finally {
      await fake.close();
    }
  });

  it('an endpoint that never answers: n/a (no answer), one request per operation', async () => {
    const hang = await startHostileServer({ mode: 'hang' });
    try {
      const { verdicts, sent } = await probeAll(hang.url, 300);
      expect(verdicts.map((v) => v.status)).toEqual(['n/a', 'n/a', 'n/a', 'n/a']);
      for (const v of verdicts) expect(v.message).toMatch(/^no usable answer from /);
      expect(sent).toHaveLength(4);
    } finally {
      await hang.close();
    }
  });
});
