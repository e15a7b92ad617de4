// The system under test as the parallel engine sees it: a fresh dataset per run, one session token
// per client (fetched before the clients start, through that client's own pool), and an executor
// turning SyncCmds into ListRecords / UpdateRecords calls.
import type { ClientId, Executor } from '../harness/parallel/run-program.js';
import type { StoreOutput } from '../harness/linearizability/models/versioned-store.js';
import type { SyncApi } from './api.js';
import { versionOf, type SyncCmd } from './concurrency-model.js';

export interface SyncSystemOptions {
  /** One API (own connection pool) per logical client name: 'client-<n>', 'prefix', 'final', 'setup'. */
  apiFor: (client: string) => SyncApi;
  /** Dataset names are `<prefix>-<run>`; unique per suite run so concurrent runs do not meet. */
  datasetPrefix: string;
  /** Clients the programs may have (tokens are fetched for each before a run starts). */
  maxClients: number;
  /** Where setup fetches each client's token (default apiFor): a direct path when apiFor loses answers. */
  tokenApiFor?: (client: string) => SyncApi;
}

export interface SyncSystem {
  /** A fresh executor on a new dataset (the previous run's dataset is deleted first). */
  setup(): Promise<Executor<SyncCmd, StoreOutput>>;
  /** Deletes the datasets still held; never throws. */
  cleanup(): Promise<void>;
  /** Answers other than 200/409 (never expected; they make the operation's outcome unknown). */
  readonly unexpected: string[];
  /** Requests that got no answer (timeouts, resets): unknown outcomes. */
  readonly lost: { count: number };
  /** Runs set up so far. */
  readonly runs: { count: number };
}

/** Bodies come from the target: anything may arrive where a record object is expected. */
function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function clientName(id: ClientId): string {
  return typeof id === 'number' ? `client-${id}` : id;
}

const TOKEN_ATTEMPTS = 3;

export function syncSystem(o: SyncSystemOptions): SyncSystem {
  const unexpected: string[] = [];
  const lost = { count: 0 };
  const runs = { count: 0 };
  const held: string[] = [];
  const setupApi = o.apiFor('setup');
  const note = (what: string) => {
    if (unexpected.length < 20) unexpected.push(what);
  };

  const drop = async () => {
    for (const dataset of held.splice(0)) await setupApi.deleteDataset(dataset).catch(() => undefined);
  };

  const tokenFor = async (api: SyncApi, dataset: string): Promise<string> => {
    let why = '';
    for (let i = 0; i < TOKEN_ATTEMPTS; i++) {
      const r = await api.listRecords(dataset);
      if (r.status === 200 && typeof r.body?.SyncSessionToken === 'string') return r.body.SyncSessionToken;
      why = r.failure ?? `${r.status} ${r.errorType ?? ''}`.trim();
    }
    throw new Error(`ListRecords gave no SyncSessionToken (${why})`);
  };

  const setup = async (): Promise<Executor<SyncCmd, StoreOutput>> => {
    await drop();
    const run = ++runs.count;
    const dataset = `${o.datasetPrefix}-${run}`;
    held.push(dataset);
    const names = ['prefix', 'final', ...Array.from({ length: o.maxClients }, (_, i) => clientName(i))];
    const tokens = new Map<string, string>();
    await Promise.all(names.map(async (n) => tokens.set(n, await tokenFor((o.tokenApiFor ?? o.apiFor)(n), dataset))));
    const seen = new Map<string, number>(); // `${client}/${key}` -> the SyncCount that client last saw
    let seq = 0;

    return async (clientId, cmd, context) => {
      const name = clientName(clientId);
      const api = o.apiFor(name);
      const mine = `${name}/${cmd.key}`;
      if (cmd.kind === 'read') {
        const r = await api.listAll(dataset);
        if (r.status !== 200 || !r.body) {
          if (r.status === 0) lost.count++;
          else note(`ListRecords answered ${r.status} ${r.errorType ?? ''}`.trim());
          throw new Error(r.failure ?? `ListRecords answered ${r.status}`);
        }
        const rec = r.body.records.find((x) => isObject(x) && x.Key === cmd.key);
        if (rec && typeof rec.SyncCount !== 'number') {
          note(`ListRecords listed ${cmd.key} without a numeric SyncCount`);
          throw new Error('record without SyncCount');
        }
        const count = rec?.SyncCount ?? 0;
        seen.set(mine, count);
        return { outcome: 'ok', output: { items: [{ version: versionOf(count), value: typeof rec?.Value === 'string' ? rec.Value : null }] } };
      }
      const presented = seen.get(mine) ?? 0;
      const value = `${name}.${run}.${seq++}`;
      context.setInput({ kind: 'write', key: cmd.key, presented, value });
      const r = await api.updateRecords(dataset, tokens.get(name)!, [{ Op: 'replace', Key: cmd.key, Value: value, SyncCount: presented }]);
      if (r.status === 200) {
        const listed = isObject(r.body) && Array.isArray(r.body.Records) ? r.body.Records : [];
        const rec = listed.find((x) => isObject(x) && x.Key === cmd.key);
        if (typeof rec?.SyncCount !== 'number') {
          note(`UpdateRecords 200 without the record's new SyncCount for ${cmd.key}`);
          throw new Error('success without a SyncCount');
        }
        seen.set(mine, rec.SyncCount);
        return { outcome: 'ok', output: { versions: [rec.SyncCount] } };
      }
      if (r.status === 409) return { outcome: 'fail' };
      if (r.status === 0) lost.count++;
      else note(`UpdateRecords answered ${r.status} ${r.errorType ?? ''}`.trim());
      throw new Error(r.failure ?? `UpdateRecords answered ${r.status}`);
    };
  };

  return { setup, cleanup: drop, unexpected, lost, runs };
}
