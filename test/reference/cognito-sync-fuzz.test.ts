// Negative fuzzing of the Cognito Sync routes (COMMON-ERR-2, COMMON-VAL-1/2): malformed and
// constraint-breaking requests never get a 5xx; every error is a 4xx the operation lists, in
// restJson1 form. Fixed seeds, bounded runs.
import fc from 'fast-check';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOperation } from '../../spec/load.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';

/** The address the valid session token is issued for. */
const HOME = { pool: 'us-east-1:0a1b', id: 'us-east-1:0a1b', ds: 'fuzz' };

let server: ReferenceServer;
let agent: Agent;
let validToken = '';
beforeAll(async () => {
  server = await startReferenceServer({ log: () => undefined });
  agent = new Agent({ connections: 4 });
  const r = await send('GET', `/identitypools/${HOME.pool}/identities/${HOME.id}/datasets/${HOME.ds}/records`);
  validToken = (JSON.parse(r.text) as { SyncSessionToken: string }).SyncSessionToken;
});
afterAll(async () => {
  await agent.close();
  await server.close();
});

async function send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await agent.request({ origin: server.url, method, path, body, headers, headersTimeout: 15_000, bodyTimeout: 15_000 });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

// Path parameter values: mostly valid (so bodies and queries get checked too), and ones breaking length or pattern (never empty: an empty
// segment addresses no operation at all).
const identityLike = fc.oneof(
  { arbitrary: fc.constantFrom('us-east-1:0a1b', 'eu-west-1:ffff-0000'), weight: 8 },
  fc.string({ minLength: 1, maxLength: 70, unit: 'grapheme-ascii' }),
  fc.string({ minLength: 56, maxLength: 80, unit: fc.constantFrom('a', '1', ':') }),
  fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }),
);
const datasetLike = fc.oneof(
  { arbitrary: fc.constantFrom('fuzz', 'Data.Set_1-x'), weight: 8 },
  fc.string({ minLength: 1, maxLength: 140, unit: 'grapheme-ascii' }),
  fc.string({ minLength: 129, maxLength: 140, unit: fc.constantFrom('a', '.') }),
  fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme' }),
);
const seg = (s: string) => encodeURIComponent(s);

const anyJsonValue = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

const patch = fc.record(
  {
    Op: fc.oneof(fc.constantFrom('replace', 'remove'), anyJsonValue),
    Key: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constant(''), fc.constant('k'.repeat(1025)), anyJsonValue),
    Value: fc.oneof(fc.string({ maxLength: 30 }), anyJsonValue),
    SyncCount: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.double(), fc.constant(2 ** 60), anyJsonValue),
    DeviceLastModifiedDate: fc.oneof(fc.integer(), fc.double(), anyJsonValue),
    Extra: anyJsonValue,
  },
  { requiredKeys: [] },
);

const wellFormedPatch = fc.record({
  Op: fc.constant('replace'),
  Key: fc.string({ minLength: 1, maxLength: 30 }),
  Value: fc.string({ maxLength: 30 }),
  SyncCount: fc.constant(0),
});

const updateBody = fc.oneof(
  // schema-valid (may still conflict): keeps the semantic paths under test too
  fc.array(wellFormedPatch, { maxLength: 3 }).map((RecordPatches) => JSON.stringify({ SyncSessionToken: 'VALID', RecordPatches }).replace('"VALID"', JSON.stringify(validToken))),
  // structured but possibly constraint-breaking
  fc
    .record(
      {
        SyncSessionToken: fc.oneof(fc.constant('VALID'), fc.string({ maxLength: 40 }), anyJsonValue),
        RecordPatches: fc.oneof(fc.array(patch, { maxLength: 4 }), anyJsonValue),
        DeviceId: fc.oneof(fc.string({ minLength: 0, maxLength: 260 }), anyJsonValue),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o).replace('"VALID"', JSON.stringify(validToken))),
  // any JSON text at all (arrays, scalars, objects)
  fc.json({ maxDepth: 3 }),
  // not JSON
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '{"RecordPatches": [', '\u0000', '{"SyncSessionToken": "x",}', ''),
);

const queryValue = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 50 }).map(String), weight: 4 }, fc.integer({ min: -3, max: 3000 }).map(String), fc.constantFrom('1.5', 'abc', '', '1e3', '-0', '99999999999999999999'), fc.string({ maxLength: 12 }));
const query = fc
  .record({ maxResults: queryValue, lastSyncCount: queryValue, nextToken: fc.oneof({ arbitrary: fc.constant('eyJhIjoiayJ9'), weight: 3 }, fc.string({ maxLength: 30 })), syncSessionToken: fc.string({ maxLength: 20 }) }, { requiredKeys: [] })
  .map((q) => {
    const s = new URLSearchParams(q as Record<string, string>).toString();
    return s ? `?${s}` : '';
  });

const updateAddress = fc.oneof({ arbitrary: fc.constant(HOME), weight: 2 }, fc.record({ pool: identityLike, id: identityLike, ds: datasetLike }));

const request = fc.oneof(
  fc.tuple(updateAddress, updateBody).map(([a, body]) => ({ op: 'UpdateRecords', ...a, body, q: '' })),
  fc.record({ op: fc.constant('ListRecords'), pool: identityLike, id: identityLike, ds: datasetLike, body: fc.constant(undefined), q: query }),
  fc.record({ op: fc.constant('ListDatasets'), pool: identityLike, id: identityLike, ds: fc.constant(''), body: fc.constant(undefined), q: query }),
  fc.record({ op: fc.constantFrom('DescribeDataset', 'DeleteDataset'), pool: identityLike, id: identityLike, ds: datasetLike, body: fc.constant(undefined), q: fc.constant('') }),
);

function target(r: { op: string; pool: string; id: string; ds: string; q: string }): { method: 'GET' | 'POST' | 'DELETE'; path: string } {
  const base = `/identitypools/${seg(r.pool)}/identities/${seg(r.id)}/datasets`;
  switch (r.op) {
    case 'UpdateRecords':
      return { method: 'POST', path: `${base}/${seg(r.ds)}` };
    case 'ListRecords':
      return { method: 'GET', path: `${base}/${seg(r.ds)}/records${r.q}` };
    case 'ListDatasets':
      return { method: 'GET', path: `${base}${r.q}` };
    case 'DeleteDataset':
      return { method: 'DELETE', path: `${base}/${seg(r.ds)}` };
    default:
      return { method: 'GET', path: `${base}/${seg(r.ds)}` };
  }
}

describe('Cognito Sync negative fuzzing', () => {
  it('never answers 5xx; every error is a listed 4xx in restJson1 form', async () => {
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { method, path } = target(r);
        const res = await send(method, path, r.body, r.body === undefined ? {} : { 'content-type': 'application/json' });
        const tag = `${r.op} ${res.status} ${String(res.headers['x-amzn-errortype'] ?? '')}`;
        statuses.set(tag, (statuses.get(tag) ?? 0) + 1);
        expect(res.status, `${method} ${path} ${r.body ?? ''} -> ${res.text}`).toBeLessThan(500);
        expect(res.headers['x-amzn-requestid']).toBeTruthy();
        expect(res.headers['content-type']).toBe('application/json');
        const body = JSON.parse(res.text) as Record<string, unknown>;
        if (res.status >= 400) {
          const listed = findOperation('cognito-sync', r.op)!.errors;
          const shape = res.headers['x-amzn-errortype'];
          expect(listed, `${r.op} answered ${res.status} ${String(shape)}`).toContainEqual({ shape, status: res.status });
          expect(typeof body.message).toBe('string');
        } else {
          expect(res.status).toBe(200);
        }
      }),
      { seed: 20261122, numRuns: 400, endOnFailure: true },
    );
    if (process.env.FUZZ_STATS) console.log([...statuses].sort());
    // The generators must actually reach validation errors, not only successes.
    expect([...statuses.keys()].some((k) => k.includes('400 InvalidParameterException'))).toBe(true);
    expect([...statuses.keys()].some((k) => k.startsWith('UpdateRecords 400'))).toBe(true);
    expect([...statuses.keys()].some((k) => k.startsWith('UpdateRecords 200'))).toBe(true);
    expect([...statuses.keys()].some((k) => k.startsWith('ListRecords 200'))).toBe(true);
    expect(server.internalErrors()).toBe(0);
  });
});
