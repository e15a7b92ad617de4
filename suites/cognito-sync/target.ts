// The Cognito Sync API of the current `lockstep run` (target URL, identity, seed and profile sizes).
import { clientFor, type ApiClient } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import { VerdictRecorder } from '../harness/verdicts.js';
import { SyncApi } from './api.js';
import { SYNC_SIZES, type SyncSizes } from './profiles.js';

export interface SuiteTarget {
  api: SyncApi;
  client: ApiClient<'cognito-sync'>;
  rec: VerdictRecorder;
  seed: number;
  sizes: SyncSizes;
}

export function suiteTarget(suite: string): SuiteTarget {
  const ctx = runContext();
  const rec = new VerdictRecorder('cognito-sync', `cognito-sync/${suite}`, undefined, ctx.seed);
  const client = clientFor('cognito-sync', { name: `sync-${suite}`, observe: rec.observe });
  const api = new SyncApi(client, { IdentityPoolId: ctx.resources.identityPoolId, IdentityId: ctx.resources.identityId });
  return { api, client, rec, seed: ctx.seed, sizes: SYNC_SIZES[ctx.profile] };
}
