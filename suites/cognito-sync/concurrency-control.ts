// The control run of a failing program: the same operations without the factor under test (one
// request at a time, or a route that loses no answers). If it fails there too, that factor is not
// what breaks it, and the concurrency check leaves the blame to the sequential checks.
import type { StoreOutput, StoreState } from '../harness/linearizability/models/versioned-store.js';
import type { ParallelProgram } from '../harness/parallel/program.js';
import type { Executor } from '../harness/parallel/run-program.js';
import type { SyncApi } from './api.js';
import { failingRun } from './concurrency-minimize.js';
import { syncInvariants, syncModel, type SyncCmd } from './concurrency-model.js';
import { finalReadsFor } from './concurrency-program.js';
import { syncSystem } from './concurrency-system.js';

export interface ControlOptions {
  apiFor: (client: string) => SyncApi;
  tokenApiFor?: (client: string) => SyncApi;
  /** Send one request at a time. */
  serial: boolean;
  maxClients: number;
  repeats: number;
  opTimeoutMs: number;
  checkTimeoutMs: number;
  datasetPrefix: string;
}

/** True when the program fails in the control setting as well. */
export async function failsInControl(program: ParallelProgram<SyncCmd>, o: ControlOptions): Promise<boolean> {
  const control = syncSystem({
    apiFor: o.apiFor,
    ...(o.tokenApiFor ? { tokenApiFor: o.tokenApiFor } : {}),
    maxClients: o.maxClients,
    datasetPrefix: o.datasetPrefix,
  });
  try {
    const setup = async () => (o.serial ? serialized(await control.setup()) : control.setup());
    const failure = await failingRun<StoreState, SyncCmd, StoreOutput>(program, {
      model: syncModel,
      setup,
      finalReads: finalReadsFor,
      invariants: syncInvariants,
      repeats: o.repeats,
      opTimeoutMs: o.opTimeoutMs,
      checkTimeoutMs: o.checkTimeoutMs,
      maxAttempts: 1,
    });
    return failure !== undefined;
  } finally {
    await control.cleanup();
  }
}

/** One request at a time: each call waits until the previous one has answered (or failed). */
export function serialized<C, O>(exec: Executor<C, O>): Executor<C, O> {
  let tail: Promise<unknown> = Promise.resolve();
  return (client, cmd, context) => {
    const run = tail.then(() => exec(client, cmd, context));
    tail = run.catch(() => undefined);
    return run;
  };
}
