// The Connect API of the current `lockstep run` (target URL, instance id, seed and profile sizes).
import { clientFor, type ApiClient } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import { VerdictRecorder } from '../harness/verdicts.js';
import { ConnectApi } from './api.js';
import { CONNECT_SIZES, type ConnectSizes } from './profiles.js';

export interface SuiteTarget {
  api: ConnectApi;
  client: ApiClient<'connect'>;
  rec: VerdictRecorder;
  seed: number;
  sizes: ConnectSizes;
}

export function suiteTarget(suite: string, connections?: number): SuiteTarget {
  const ctx = runContext();
  const rec = new VerdictRecorder('connect', `connect/${suite}`, undefined, ctx.seed);
  const client = clientFor('connect', { name: `connect-${suite}`, observe: rec.observe, ...(connections ? { connections } : {}) });
  return { api: new ConnectApi(client, ctx.resources.connectInstanceId), client, rec, seed: ctx.seed, sizes: CONNECT_SIZES[ctx.profile] };
}
