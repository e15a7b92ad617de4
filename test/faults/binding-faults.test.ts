// The binding faults (fixtures/faults/binding.ts): each moves one operation to another method on
// its own path. Against the correct reference the same requests show the difference: the binding
// answers there and the fault's method is unknown; with the fault it is the other way round, and
// every other operation answers as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINDING_FAULTS } from '../../fixtures/faults/binding.js';
import { allFaults, faultByName } from '../../fixtures/faults/index.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { findOperation, matchRoute, operations } from '../../spec/load.js';
import { requirementById } from '../../spec/requirements/catalog.js';
import type { ServiceName } from '../../spec/services.js';
import { bindingRequest, PROBE_METHODS, seededOperations } from '../../suites/harness/binding.js';
import { request } from '../../suites/harness/builders.js';
import { ApiClient } from '../../suites/harness/client.js';
import { DEFAULT_RESOURCES } from '../../suites/harness/config.js';
import { decodeError } from '../../suites/harness/errors.js';
import { operationInfo } from '../../suites/harness/operations.js';
import type { HttpResult, OutgoingRequest } from '../../suites/harness/transport.js';

const PREFIX = { connect: 'connect-', 'cognito-sync': 'sync-', clouddirectory: 'dir-' } as const;

/** Status and error type of an answer, e.g. '404 UnknownOperationException' or '200'. */
function shown(r: HttpResult): string {
  if (r.kind !== 'response') return r.kind;
  const code = r.status >= 300 ? decodeError(r.headers, r.json).code : undefined;
  return code ? `${r.status} ${code}` : String(r.status);
}

let correct: ReferenceServer;
const faulty = new Map<string, ReferenceServer>();
const clients: ApiClient<ServiceName>[] = [];
function client(server: ReferenceServer, service: ServiceName): ApiClient<ServiceName> {
  const c = new ApiClient<ServiceName>(service, server.url, { region: 'us-east-1', timeoutMs: 10_000, signed: false });
  clients.push(c);
  return c;
}
async function send(server: ReferenceServer, service: ServiceName, req: OutgoingRequest): Promise<string> {
  return shown(await client(server, service).transport.send(req));
}

beforeAll(async () => {
  correct = await startReferenceServer({ log: () => undefined });
  for (const f of BINDING_FAULTS) faulty.set(f.name, await startReferenceServer({ faults: [f.name], log: () => undefined }));
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await correct.close();
  for (const s of faulty.values()) await s.close();
});

describe('the binding fault catalog', () => {
  it('each fault moves a seeded operation of its service to a free method, breaking COMMON-BIND-1', () => {
    expect(BINDING_FAULTS.length).toBeGreaterThanOrEqual(2);
    for (const f of BINDING_FAULTS) {
      expect(f.name.startsWith(PREFIX[f.service]), f.name).toBe(true);
      expect(f.requirement).toBe('COMMON-BIND-1');
      expect(requirementById(f.requirement)?.services).toContain(f.service);
      expect(seededOperations(f.service)).toContain(f.operation);
      const op = findOperation(f.service, f.operation)!;
      expect((PROBE_METHODS as readonly string[]).includes(f.method)).toBe(true);
      expect(f.method).not.toBe(op.method);
      // Nothing in the model is bound there: the move shadows no other operation.
      expect(matchRoute(f.method, bindingRequest(operationInfo(f.service, f.operation)).path)).toBeUndefined();
      expect(faultByName(f.name)).toBe(f);
    }
    expect(allFaults().filter((f) => f.requirement === 'COMMON-BIND-1').map((f) => f.name).sort()).toEqual(BINDING_FAULTS.map((f) => f.name).sort());
  });
});

describe('each binding fault differs from the reference', () => {
  for (const f of BINDING_FAULTS) {
    it(`${f.name}: ${f.operation} answers at ${f.method}, not at its binding`, async () => {
      const server = faulty.get(f.name)!;
      const req = bindingRequest(operationInfo(f.service, f.operation));
      const atBinding = await send(correct, f.service, req);
      expect(atBinding).toMatch(/^400 /); // the placeholder input refused by the operation
      expect(await send(correct, f.service, { ...req, method: f.method })).toBe('404 UnknownOperationException');
      expect(await send(server, f.service, req)).toBe('404 UnknownOperationException');
      expect(await send(server, f.service, { ...req, method: f.method })).toBe(atBinding);
    });

    it(`${f.name}: every other operation of ${f.service} answers as on the reference`, async () => {
      const server = faulty.get(f.name)!;
      for (const op of operations(f.service)) {
        if (op.operationId === f.operation) continue;
        const req = bindingRequest(operationInfo(f.service, op.operationId));
        expect(await send(server, f.service, req), op.operationId).toBe(await send(correct, f.service, req));
      }
    });
  }

  it('sync-update-records-put: a real UpdateRecords at PUT writes, as POST does on the reference', async () => {
    const path = { IdentityPoolId: DEFAULT_RESOURCES.identityPoolId, IdentityId: DEFAULT_RESOURCES.identityId, DatasetName: 'binding-fault' };
    const write = async (server: ReferenceServer, method: string) => {
      const api = client(server, 'cognito-sync') as ApiClient<'cognito-sync'>;
      const list = await api.call('ListRecords', { path, query: { maxResults: 10 } });
      const token = list.data?.SyncSessionToken;
      expect(token).toBeTypeOf('string');
      const req = request('cognito-sync', 'UpdateRecords', { path, body: { SyncSessionToken: token!, RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }] } });
      const r = await api.transport.send({ ...req, method });
      return r.kind === 'response' ? { status: r.status, keys: ((r.json as { Records?: { Key: string }[] }).Records ?? []).map((x) => x.Key) } : r.kind;
    };
    expect(await write(correct, 'POST')).toEqual({ status: 200, keys: ['k'] });
    expect(await write(faulty.get('sync-update-records-put')!, 'PUT')).toEqual({ status: 200, keys: ['k'] });
  });
});
