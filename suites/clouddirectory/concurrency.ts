// DIR-CONC-1 through the harness engine: generated parallel programs (2–4 clients, each its own
// connection pool) of BatchWrites setting the `val` attribute of 1–3 home nodes to unique tokens, and
// BatchReads of all three nodes (one BatchRead is read as one snapshot: our reading). Each history
// goes through the version invariants (a reader seeing part of a batch is `partial-batch`) and the
// linearizability search over the versioned-store model (the final reads must be some serial order
// of the successful batches). A key's version is the token last written to it.
import type { ProgramsOutcome } from '../harness/parallel/lossy-programs.js';
import fc from 'fast-check';
import type { Operation } from '../harness/linearizability/history.js';
import { checkVersionInvariants, type Violation } from '../harness/linearizability/invariants.js';
import type { Model } from '../harness/linearizability/model.js';
import { toVersionedOps, versionedStoreModel, type StoreInput, type StoreOutput, type StoreState } from '../harness/linearizability/models/versioned-store.js';
import { checkParallel } from '../harness/parallel/check-parallel.js';
import { parallelProgram, type ParallelProgram } from '../harness/parallel/program.js';
import type { ClientId, Executor } from '../harness/parallel/run-program.js';
import { isObject, type DirApi } from './api.js';
import { makeHome } from './home.js';
import { byId, updateAttrs } from './ops.js';
import type { Directory } from './provision.js';

export const KEYS = ['k0', 'k1', 'k2'] as const;

export type DirCmd = { kind: 'write'; keys: string[]; values?: string[] } | { kind: 'read'; keys: string[] };

const cmdArb: fc.Arbitrary<DirCmd> = fc.oneof(
  fc.subarray([...KEYS], { minLength: 1 }).map((keys): DirCmd => ({ kind: 'write', keys })),
  fc.constant<DirCmd>({ kind: 'read', keys: [...KEYS] }),
);

function toStore(cmd: DirCmd): StoreInput {
  if (cmd.kind === 'read') return { kind: 'read', keys: cmd.keys };
  return { kind: 'write', items: cmd.keys.map((key, i) => ({ key, value: cmd.values?.[i] ?? '' })) };
}

export const dirModel: Model<StoreState, DirCmd, StoreOutput> = {
  init: versionedStoreModel.init,
  step: (s, input, output, outcome) => versionedStoreModel.step(s, toStore(input), output, outcome),
  stepUnknown: (s, input) => versionedStoreModel.stepUnknown(s, toStore(input)),
  hash: versionedStoreModel.hash,
  describeOperation: (input, output, outcome) => versionedStoreModel.describeOperation!(toStore(input), output, outcome),
  describeState: versionedStoreModel.describeState,
};

export function dirInvariants(history: Operation<DirCmd, StoreOutput>[]): Violation[] {
  return checkVersionInvariants(toVersionedOps(history.map((op) => ({ ...op, input: toStore(op.input) }))));
}

export const describeCmd = (c: DirCmd): string => (c.kind === 'read' ? `read ${c.keys.join(',')}` : `write ${c.keys.join(',')}`);

export interface DirConcurrencyOptions {
  apiFor: (client: string) => DirApi;
  dir: Directory;
  seed: number;
  runs: number;
  repeats: number;
  maxOpsPerClient: number;
  opTimeoutMs: number;
  path?: string;
  timelinePath?: string;
}

export interface DirConcurrencyOutcome extends ProgramsOutcome {
  /** 409 RetryableConflictException answers (DIR-RETRY-1). */
  conflicts: number;
  unexpected: string[];
}

const clientName = (id: ClientId) => (typeof id === 'number' ? `client-${id}` : id);

export async function runDirConcurrency(o: DirConcurrencyOptions): Promise<DirConcurrencyOutcome> {
  const setupApi = o.apiFor('setup');
  let conflicts = 0;
  const unexpected: string[] = [];
  let run = 0;
  const setup = async (): Promise<Executor<DirCmd, StoreOutput>> => {
    const h = await makeHome(setupApi, o.dir);
    const ids = new Map(KEYS.map((k, i) => [k as string, h.nodes[i]!]));
    const r = ++run;
    let seq = 0;
    return async (clientId, cmd, context) => {
      const api = o.apiFor(clientName(clientId));
      if (cmd.kind === 'write') {
        const values = cmd.keys.map(() => `${clientName(clientId)}.${r}.${seq++}`);
        context.setInput({ ...cmd, values });
        const res = await api.batchWrite(o.dir.arn, cmd.keys.map((k, i) => updateAttrs(o.dir.schemaArn, byId(ids.get(k)!), [['val', values[i]!]])));
        if (res.status === 200) return { outcome: 'ok', output: { versions: values } };
        if (res.status === 409) {
          conflicts++;
          return { outcome: 'fail' };
        }
        if (unexpected.length < 10) unexpected.push(`BatchWrite ${res.status} ${res.errorType ?? res.failure ?? ''}`);
        throw new Error(`BatchWrite answered ${res.status}`);
      }
      const res = await api.batchRead(o.dir.arn, cmd.keys.map((k) => ({ ListObjectAttributes: { ObjectReference: byId(ids.get(k)!), MaxResults: 50 } })));
      const list = isObject(res.json) && Array.isArray(res.json.Responses) ? res.json.Responses : undefined;
      if (res.status !== 200 || !list || list.length !== cmd.keys.length) {
        if (unexpected.length < 10) unexpected.push(`BatchRead ${res.status} ${res.errorType ?? res.failure ?? ''}`);
        throw new Error(`BatchRead answered ${res.status}`);
      }
      const items = list.map((entry) => {
        const attrs = (entry as { SuccessfulResponse?: { ListObjectAttributes?: { Attributes?: unknown } } })?.SuccessfulResponse?.ListObjectAttributes?.Attributes;
        const hit = Array.isArray(attrs) ? attrs.find((a) => isObject(a) && isObject(a.Key) && a.Key.Name === 'val') : undefined;
        const v = isObject(hit) && isObject(hit.Value) && typeof hit.Value.StringValue === 'string' ? hit.Value.StringValue : null;
        return { version: v, value: v };
      });
      return { outcome: 'ok', output: { items } };
    };
  };
  const res = await checkParallel<StoreState, DirCmd, StoreOutput>({
    arbitrary: parallelProgram(cmdArb, { maxPrefix: 1, minClients: 2, maxClients: 4, maxOpsPerClient: o.maxOpsPerClient }),
    model: dirModel,
    setup,
    finalReads: () => [{ kind: 'read', keys: [...KEYS] }],
    invariants: dirInvariants,
    runs: o.runs,
    seed: o.seed,
    ...(o.path ? { path: o.path } : {}),
    repeats: o.repeats,
    opTimeoutMs: o.opTimeoutMs,
    checkTimeoutMs: 5_000,
    describeCommand: describeCmd,
    ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
  });
  const base = { ok: res.ok, seed: res.seed, numRuns: res.numRuns, ...(res.path !== undefined ? { path: res.path } : {}), conflicts, unexpected };
  if (res.ok) return base;
  if (!res.program) return { ...base, error: res.error ?? 'the property failed without a program' };
  return { ...base, explanation: res.explanation, counterexample: (res.explanation ?? describeProgram(res.program)).split('\n') };
}

function describeProgram(p: ParallelProgram<DirCmd>): string {
  return [`prefix: ${p.prefix.map(describeCmd).join('; ')}`, ...p.clients.map((ops, i) => `client ${i}: ${ops.map(describeCmd).join('; ')}`)].join('\n');
}
