// Cognito Sync smoke suite: ListRecords for a session token, then UpdateRecords, plus a few
// refused requests, so every run exercises the COMMON-* checks on Cognito Sync.
import { afterAll, describe, test } from 'vitest';
import { checkServedAtBindings } from '../harness/binding.js';
import { clientFor } from '../harness/client.js';
import { expectClientError, expectMalformedRejected, expectSuccess } from '../harness/common.js';
import { runContext } from '../harness/run-context.js';
import { VerdictRecorder } from '../harness/verdicts.js';

const ctx = runContext();
const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/contract', undefined, ctx.seed);
const api = clientFor('cognito-sync', { name: 'sync-contract', observe: rec.observe });
const path = {
  IdentityPoolId: ctx.resources.identityPoolId,
  IdentityId: ctx.resources.identityId,
  DatasetName: `lockstep-contract-${ctx.seed}-${Date.now().toString(36)}`,
};
let token: string | undefined;
let created = false;

afterAll(async () => {
  if (created) await api.call('DeleteDataset', { path });
  await api.close();
});

describe('cognito-sync contract', () => {
  test('ListRecords returns a valid 200 with a session token', async () => {
    const r = await api.call('ListRecords', { path, query: { maxResults: 10 } });
    if (expectSuccess(rec, 'cognito-sync', 'ListRecords', r, 'list records of a new dataset', { timestamps: true })) token = r.data?.SyncSessionToken;
  });

  test('UpdateRecords with SyncCount 0 returns a valid 200', async () => {
    if (!token) return void rec.notApplicable('COMMON-RESP-1', 'UpdateRecords', 'update a record', 'no SyncSessionToken from ListRecords');
    const r = await api.call('UpdateRecords', {
      path,
      body: { SyncSessionToken: token, RecordPatches: [{ Op: 'replace', Key: 'greeting', Value: 'hello', SyncCount: 0 }] },
    });
    created = expectSuccess(rec, 'cognito-sync', 'UpdateRecords', r, 'create a record with SyncCount 0', { timestamps: true });
    if (!created) return;
    // The same SyncCount again is stale now: a listed 409.
    const stale = await api.call('UpdateRecords', {
      path,
      body: { SyncSessionToken: token, RecordPatches: [{ Op: 'replace', Key: 'greeting', Value: 'again', SyncCount: 0 }] },
    });
    expectClientError(rec, 'cognito-sync', 'UpdateRecords', stale, 'update with a stale SyncCount', { shapes: ['ResourceConflictException'] });
  });

  test('UpdateRecords without a session token is a listed 400', async () => {
    const r = await api.raw('UpdateRecords', { path, body: { RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }] } });
    expectClientError(rec, 'cognito-sync', 'UpdateRecords', r, 'update without SyncSessionToken', { shapes: ['InvalidParameterException'] });
  });

  test('malformed and non-object bodies are refused as validation errors', async () => {
    const bad = await api.raw('UpdateRecords', { path }, { rawBody: '{"SyncSessionToken": "x", ' });
    expectMalformedRejected(rec, 'cognito-sync', 'UpdateRecords', bad, 'truncated JSON body');
    const str = await api.raw('UpdateRecords', { path }, { rawBody: '"just a string"' });
    expectMalformedRejected(rec, 'cognito-sync', 'UpdateRecords', str, 'JSON string as body');
  });

  test('each seeded operation is served at its model binding (COMMON-BIND-1)', async () => {
    await checkServedAtBindings('cognito-sync', 'cognito-sync/contract');
  });
});
