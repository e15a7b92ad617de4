// SYNC-CONC-1 (and NET-1 when responses are lost on the way): generated parallel programs run over
// real HTTP, each history checked by the version invariants and the linearizability search; a
// failing program is shrunk, explained, and drawn as an HTML timeline.
import type { CheckResult } from '../harness/linearizability/checker.js';
import type { Operation } from '../harness/linearizability/history.js';
import type { Violation } from '../harness/linearizability/invariants.js';
import type { StoreOutput, StoreState } from '../harness/linearizability/models/versioned-store.js';
import { checkParallel } from '../harness/parallel/check-parallel.js';
import type { ParallelProgram } from '../harness/parallel/program.js';
import type { SyncApi } from './api.js';
import { describeCmd, syncInvariants, syncModel, type SyncCmd } from './concurrency-model.js';
import { failsInControl } from './concurrency-control.js';
import { describeFailure } from './concurrency-explain.js';
import { minimizeFailure } from './concurrency-minimize.js';
import { finalReadsFor, syncProgram } from './concurrency-program.js';
import { syncSystem } from './concurrency-system.js';

export interface SyncConcurrencyOptions {
  apiFor: (client: string) => SyncApi;
  /** Where session tokens are fetched (default apiFor). */
  tokenApiFor?: (client: string) => SyncApi;
  seed: number;
  runs: number;
  /** Runs per program (a race may be missed once); default 2. */
  repeats?: number;
  /** fast-check replay path. */
  path?: string;
  maxClients?: number;
  maxOpsPerClient?: number;
  keys?: number;
  /** Client-private keys (NET-1 runs: no contention between clients). */
  privateKeys?: boolean;
  /** Per-operation budget; past it the outcome is unknown. Keep it above the transport's timeout. */
  opTimeoutMs?: number;
  /** Where the timeline of a counterexample goes (HTML). */
  timelinePath?: string;
  datasetPrefix?: string;
  /**
   * The control run: the shrunk failing program again without the factor under test (one request
   * at a time for SYNC-CONC-1; no lost answers for NET-1). If it fails there too, the defect is not
   * that factor's, and the outcome says so (`controlFailed`) instead of blaming it.
   */
  control?: { serial?: boolean; apiFor?: (client: string) => SyncApi };
}

export interface SyncConcurrencyOutcome {
  ok: boolean;
  seed: number;
  numRuns: number;
  path?: string;
  /** Text account of the shrunk counterexample: program, history, broken rules, checker's order. */
  explanation?: string;
  program?: ParallelProgram<SyncCmd>;
  history?: Operation<SyncCmd, StoreOutput>[];
  violations?: Violation[];
  check?: CheckResult<SyncCmd, StoreOutput>;
  /** The counterexample as lines (program, then the history as sent). */
  counterexample?: string[];
  /** The HTML timeline written for the counterexample. */
  timeline?: string;
  /** Ids of the operations the checker could not order, or the invariants named. */
  illegalOps?: number[];
  /** Setup or property error (not a linearizability failure). */
  error?: string;
  /** The control run failed as well: the counterexample does not need the factor under test. */
  controlFailed?: boolean;
  unexpected: string[];
  lost: number;
  inconclusive: number;
  /** Programs (with repeats) actually run. */
  executions: number;
}

export async function runSyncConcurrency(o: SyncConcurrencyOptions): Promise<SyncConcurrencyOutcome> {
  const maxClients = o.maxClients ?? 8;
  const repeats = o.repeats ?? 2;
  const opTimeoutMs = o.opTimeoutMs ?? 15_000;
  const system = syncSystem({
    apiFor: o.apiFor,
    ...(o.tokenApiFor ? { tokenApiFor: o.tokenApiFor } : {}),
    maxClients,
    datasetPrefix: o.datasetPrefix ?? `lockstep-conc-${(o.seed >>> 0).toString(36)}-${Date.now().toString(36)}`,
  });
  try {
    const res = await checkParallel<StoreState, SyncCmd, StoreOutput>({
      arbitrary: syncProgram({ keys: o.keys, maxClients, maxOpsPerClient: o.maxOpsPerClient, privateKeys: o.privateKeys }),
      model: syncModel,
      setup: system.setup,
      finalReads: finalReadsFor,
      invariants: syncInvariants,
      runs: o.runs,
      seed: o.seed,
      ...(o.path ? { path: o.path } : {}),
      repeats,
      opTimeoutMs,
      checkTimeoutMs: CHECK_TIMEOUT_MS,
      describeCommand: describeCmd,
    });
    const base = {
      ok: res.ok,
      seed: res.seed,
      numRuns: res.numRuns,
      ...(res.path !== undefined ? { path: res.path } : {}),
      unexpected: system.unexpected,
      lost: system.lost.count,
      inconclusive: res.inconclusive,
      executions: system.runs.count,
    };
    if (res.ok) return base;
    if (!res.history || !res.program) return { ...base, error: res.error ?? 'the property failed without a recorded history' };
    const shrunk = { program: res.program, history: res.history, violations: res.violations ?? [], ...(res.check ? { check: res.check } : {}) };
    const { failure } = await minimizeFailure<StoreState, SyncCmd, StoreOutput>(shrunk, {
      model: syncModel,
      setup: system.setup,
      finalReads: finalReadsFor,
      invariants: syncInvariants,
      repeats,
      opTimeoutMs,
      checkTimeoutMs: CHECK_TIMEOUT_MS,
      maxAttempts: MINIMIZE_ATTEMPTS,
    });
    const controlFailed = o.control
      ? await failsInControl(failure.program, {
          apiFor: o.control.apiFor ?? o.apiFor,
          ...(o.tokenApiFor ? { tokenApiFor: o.tokenApiFor } : {}),
          serial: o.control.serial ?? false,
          maxClients,
          // A race may not show in one replay: several, so a defect that needs no lost answer is not blamed on one.
          repeats: Math.max(repeats, CONTROL_REPEATS),
          opTimeoutMs,
          checkTimeoutMs: CHECK_TIMEOUT_MS,
          datasetPrefix: `${o.datasetPrefix ?? 'lockstep-conc'}-control-${Date.now().toString(36)}`,
        })
      : undefined;
    return {
      ...base,
      ...describeFailure(failure, { seed: res.seed, path: res.path, timelinePath: o.timelinePath, checkTimeoutMs: CHECK_TIMEOUT_MS }),
      executions: system.runs.count,
      ...(controlFailed !== undefined ? { controlFailed } : {}),
    };
  } finally {
    await system.cleanup();
  }
}

export const CHECK_TIMEOUT_MS = 5_000;
/** Executions of the control replay (every client direct) before lost answers are blamed. */
export const CONTROL_REPEATS = 5;
/** Candidate programs the final shrinking pass may run (each up to `repeats` times). */
const MINIMIZE_ATTEMPTS = 40;
