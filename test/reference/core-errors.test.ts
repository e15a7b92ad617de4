// How the core serialises what a handler returns or throws: modelled errors with their status and
// extra members, unmodelled shapes and crashes as the service's 500 (counted, logged, never hidden).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { ApiError, type ServiceHandler } from '../../fixtures/reference/types.js';
import { rawRequest } from './core-http.js';

const logged: string[] = [];
/** A Cognito Sync stand-in whose behaviour each test picks by dataset name. */
const scripted: ServiceHandler = {
  service: 'cognito-sync',
  validationErrorShape: 'InvalidParameterException',
  messageMember: 'message',
  handle(operation, input) {
    switch (input.DatasetName) {
      case 'conflict':
        throw new ApiError('ResourceConflictException', 'taken', { Detail: 7 });
      case 'unlisted':
        throw new ApiError('NoSuchShapeException', 'not in any operation');
      case 'crash':
        throw new TypeError('bug in the handler');
      case 'async':
        return Promise.resolve({ Dataset: { DatasetName: 'async' } });
      case 'async-crash':
        return Promise.reject(new RangeError('async bug'));
      default:
        return { operation, seen: input };
    }
  },
};

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ handlers: { 'cognito-sync': scripted }, log: (l) => logged.push(l) });
});
afterAll(async () => {
  await server.close();
});

const path = (ds: string) => `/identitypools/us-east-1:aa/identities/us-east-1:bb/datasets/${ds}`;

describe('error serialisation', () => {
  it('a modelled error gets its status, X-Amzn-ErrorType, the message member and extra members', async () => {
    const r = await rawRequest(server.url, 'GET', path('conflict'));
    expect(r.status).toBe(409);
    expect(r.headers['x-amzn-errortype']).toBe('ResourceConflictException');
    expect(r.json).toEqual({ message: 'taken', Detail: 7 });
  });

  it('hands the handler path, query and header members by member name, percent-decoded', async () => {
    const r = await rawRequest(server.url, 'POST', path('a%2Eb'), JSON.stringify({ SyncSessionToken: 't', DeviceId: 'dev' }), {
      'X-Amz-Client-Context': 'ctx-value',
    });
    expect(r.status).toBe(200);
    expect(r.json.seen).toEqual({
      IdentityPoolId: 'us-east-1:aa',
      IdentityId: 'us-east-1:bb',
      DatasetName: 'a.b',
      SyncSessionToken: 't',
      DeviceId: 'dev',
      ClientContext: 'ctx-value',
    });
  });

  it('a body member cannot override a path member', async () => {
    const r = await rawRequest(server.url, 'POST', path('real'), JSON.stringify({ SyncSessionToken: 't', DatasetName: 'spoofed' }));
    expect(r.json.seen.DatasetName).toBe('real');
  });

  it('awaits asynchronous results', async () => {
    const r = await rawRequest(server.url, 'GET', path('async'));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ Dataset: { DatasetName: 'async' } });
  });

  it('an unmodelled shape, a crash, or an async crash is a 500 InternalErrorException, logged and counted', async () => {
    const before = server.internalErrors();
    for (const ds of ['unlisted', 'crash', 'async-crash']) {
      const r = await rawRequest(server.url, 'GET', path(ds));
      expect(r.status, ds).toBe(500);
      expect(r.headers['x-amzn-errortype']).toBe('InternalErrorException');
      expect(r.json.message).toBe('Internal error');
      expect(r.text).not.toContain('bug'); // no internals on the wire
    }
    expect(server.internalErrors() - before).toBe(3);
    expect(logged.join('\n')).toMatch(/bug in the handler/);
    expect(logged.join('\n')).toMatch(/async bug/);
  });
});
