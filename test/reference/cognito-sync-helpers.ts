// Calls the Cognito Sync handler directly (no HTTP) with a controllable clock.
import { expect } from 'vitest';
import { ApiError, type RequestContext } from '../../fixtures/reference/types.js';
import { responseValidator } from '../../spec/validators.js';
import { createCognitoSyncHandler } from '../../fixtures/reference/cognito-sync/handler.js';

export const POOL = 'us-east-1:0f1e2d3c-aaaa-bbbb-cccc-000000000001';
export const IDENTITY = 'us-east-1:0f1e2d3c-aaaa-bbbb-cccc-0000000000a1';

export function syncHarness(faults: string[] = [], start = Date.UTC(2026, 10, 22, 12)) {
  const handler = createCognitoSyncHandler();
  const clock = { now: start };
  const ctx = (): RequestContext => ({
    faults: new Set(faults),
    requestId: 'test',
    now: () => clock.now,
    region: 'us-east-1',
    accountId: '123456789012',
  });
  /** Runs an operation; every success must match the operation's OpenAPI output schema (COMMON-RESP-1). */
  const call = async (op: string, input: Record<string, unknown>): Promise<Record<string, any>> => {
    const out = (await handler.handle(op, { IdentityPoolId: POOL, IdentityId: IDENTITY, ...input }, ctx())) as Record<string, any>;
    const checked = responseValidator('cognito-sync', op)(JSON.parse(JSON.stringify(out)));
    expect(checked.errors, `${op} output against its schema`).toEqual([]);
    return out;
  };
  /** The error shape name a call fails with, or 'ok'. */
  const outcome = async (op: string, input: Record<string, unknown>): Promise<string> => {
    try {
      await call(op, input);
      return 'ok';
    } catch (e) {
      if (e instanceof ApiError) return e.shape;
      throw e;
    }
  };
  const token = async (dataset: string): Promise<string> => (await call('ListRecords', { DatasetName: dataset })).SyncSessionToken;
  const update = async (dataset: string, patches: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    call('UpdateRecords', { DatasetName: dataset, SyncSessionToken: await token(dataset), RecordPatches: patches, ...extra });
  const records = async (dataset: string, extra: Record<string, unknown> = {}) => call('ListRecords', { DatasetName: dataset, ...extra });
  return { handler, clock, call, outcome, token, update, records };
}

export const replace = (Key: string, Value: string, SyncCount: number) => ({ Op: 'replace', Key, Value, SyncCount });
export const remove = (Key: string, SyncCount: number) => ({ Op: 'remove', Key, SyncCount });
