// Runs a parallel program against a system through an executor and records the history.
// Each client is sequential; clients start together from a barrier; every call has a timeout.
import type { Operation, Outcome } from '../linearizability/history.js';
import type { ParallelProgram } from './program.js';

export type ClientId = number | 'prefix' | 'final';

export interface ExecResult<Out> {
  outcome: Outcome;
  output?: Out;
}

export interface ExecContext<Cmd> {
  /**
   * Records the operation as actually sent, when the executor fills something in at run time (the
   * version this client last read, a unique value token). Call it before sending.
   */
  setInput(input: Cmd): void;
}

/** Performs one operation; transport-agnostic (HTTP, in-memory fake, ...). */
export type Executor<Cmd, Out> = (clientId: ClientId, op: Cmd, context: ExecContext<Cmd>) => Promise<ExecResult<Out>>;

export interface RunOptions<Cmd> {
  /** Per-operation timeout; past it the outcome is unknown (default 10 s). */
  opTimeoutMs?: number;
  /** Reads issued after every client has finished (the quiescent phase). */
  finalReads?: Cmd[];
  /** Time source (default performance.now). */
  clock?: () => number;
}

export async function runProgram<Cmd, Out>(
  program: ParallelProgram<Cmd>,
  executor: Executor<Cmd, Out>,
  options: RunOptions<Cmd> = {},
): Promise<Operation<Cmd, Out>[]> {
  const clock = options.clock ?? (() => performance.now());
  const timeoutMs = options.opTimeoutMs ?? 10_000;
  const history: Operation<Cmd, Out>[] = [];

  const perform = async (clientId: ClientId, input: Cmd): Promise<void> => {
    const op: Operation<Cmd, Out> = { id: history.length, clientId, input, output: undefined, call: clock(), ret: Infinity, outcome: 'unknown' };
    history.push(op);
    const context: ExecContext<Cmd> = { setInput: (sent) => void (op.input = sent) };
    const result = await callWithTimeout(() => executor(clientId, input, context), timeoutMs);
    const ret = clock();
    if (result && (result.outcome === 'ok' || result.outcome === 'fail')) {
      op.outcome = result.outcome;
      op.output = result.output;
      op.ret = ret;
    }
  };

  for (const cmd of program.prefix) await perform('prefix', cmd);

  let open!: () => void;
  const barrier = new Promise<void>((resolve) => (open = resolve));
  const clients = program.clients.map(async (ops, clientId) => {
    await barrier;
    for (const cmd of ops) await perform(clientId, cmd);
  });
  open();
  await Promise.all(clients);

  for (const cmd of options.finalReads ?? []) await perform('final', cmd);
  return history;
}

/** Resolves with the executor's result, or undefined on throw, malformed result or timeout. */
async function callWithTimeout<T>(call: () => Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const pending = Promise.resolve().then(call);
    pending.catch(() => undefined); // a late rejection after the timeout must not go unhandled
    return await Promise.race([pending, timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
