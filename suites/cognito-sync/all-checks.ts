// Every Cognito Sync check of the conformance suites (not concurrency, which has its own suite) in
// suite order, for the project's tests and benchmarks, which run them without vitest-in-vitest.
import { guarded, recordProperty } from '../harness/property.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { SyncApi } from './api.js';
import type { SyncSizes } from './profiles.js';
import { runSequential, sequentialCheckName, SEQUENTIAL_REQUIREMENTS } from './sequential.js';
import { checkInfoRules } from './info-checks.js';
import { checkByteLimit, checkDatasetLimit } from './limit-checks.js';
import { checkTokens } from './token-checks.js';
import { checkConstraintProbes } from './validation.js';

export interface AllSyncChecksOptions {
  api: SyncApi;
  rec: VerdictRecorder;
  seed: number;
  sizes: SyncSizes;
  /** Ends the run early once it returns true (time to first failure). */
  stop?: (rec: VerdictRecorder) => boolean;
}

export async function checkSequential(api: SyncApi, rec: VerdictRecorder, seed: number, sizes: SyncSizes, withFuture = false): Promise<void> {
  const numRuns = withFuture ? sizes.futureRuns : sizes.sequentialRuns;
  const o = await runSequential(api, { seed, numRuns, maxCommands: sizes.maxCommands, withFuture });
  // The second property judges the future-count reading (SYNC-COUNT-2, SHOULD part) on top.
  recordProperty(rec, o, { operation: 'UpdateRecords', check: sequentialCheckName(withFuture), covers: withFuture ? ['SYNC-COUNT-2'] : SEQUENTIAL_REQUIREMENTS, replayInMessage: true });
}

export interface Step {
  name: string;
  covers: string[];
  run: () => Promise<void> | void;
}

export function syncSteps(o: AllSyncChecksOptions): Step[] {
  return [
    { name: 'constraint probes', covers: ['COMMON-VAL-1'], run: () => checkConstraintProbes(o.api, o.rec, o.seed) },
    { name: 'session tokens', covers: ['SYNC-TOKEN-1', 'SYNC-TOKEN-2'], run: () => checkTokens(o.api, o.rec, o.seed) },
    { name: 'open and SHOULD rules', covers: ['SYNC-INFO-1', 'SYNC-PATCH-3'], run: () => checkInfoRules(o.api, o.rec, o.seed) },
    { name: '1 MB per dataset', covers: ['SYNC-LIMIT-1'], run: () => checkByteLimit(o.api, o.rec, o.seed) },
    { name: '20 datasets per identity', covers: ['SYNC-LIMIT-1'], run: () => checkDatasetLimit(o.api, o.rec, o.seed) },
    { name: 'sequential', covers: [], run: () => checkSequential(o.api, o.rec, o.seed, o.sizes) },
    { name: 'sequential with future counts', covers: [], run: () => checkSequential(o.api, o.rec, o.seed, o.sizes, true) },
  ];
}

export async function runAllSyncChecks(o: AllSyncChecksOptions): Promise<void> {
  for (const step of syncSteps(o)) {
    await guarded(o.rec, 'UpdateRecords', step.covers, step.name, step.run);
    if (o.stop?.(o.rec)) return;
  }
}
