// Each property of the Connect suites, run and recorded as verdicts. Shared by the *.suite.ts files
// (run by `lockstep run`) and by the project's tests (which pass their own recorder).
import { recordProperty } from '../harness/property.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi } from './api.js';
import { PARTIAL_REQUIREMENTS, runPartialFailure } from './partial-failure.js';
import type { ConnectSizes } from './profiles.js';
import { runSequential, SEQUENTIAL_REQUIREMENTS } from './sequential.js';
import type { LockLevel } from './types.js';
import { runConcurrency } from './concurrency.js';
import path from 'node:path';
import { runContextOutDir } from '../harness/run-context.js';

export function sequentialCheckName(level: LockLevel): string {
  return `sequential model-based run at lock level ${level}`;
}

export function partialCheckName(level: LockLevel): string {
  return `batches with bad items at random positions, lock level ${level}`;
}

export async function checkSequential(api: ConnectApi, rec: VerdictRecorder, level: LockLevel, seed: number, sizes: ConnectSizes): Promise<void> {
  const o = await runSequential(api, { level, seed, numRuns: sizes.sequentialRuns, maxCommands: sizes.maxCommands });
  recordProperty(rec, o, { operation: 'BatchUpdateDataTableValue', check: sequentialCheckName(level), covers: SEQUENTIAL_REQUIREMENTS });
}

export async function checkPartialFailure(api: ConnectApi, rec: VerdictRecorder, level: LockLevel, seed: number, sizes: ConnectSizes): Promise<void> {
  const o = await runPartialFailure(api, { level, seed, numRuns: sizes.partialRuns });
  recordProperty(rec, o, { operation: 'BatchUpdateDataTableValue', check: partialCheckName(level), covers: PARTIAL_REQUIREMENTS });
}

export function concurrencyCheckName(level: LockLevel): string {
  return `parallel conditional updates on shared values, lock level ${level}`;
}

export async function checkConcurrency(apiFor: (client: string) => ConnectApi, rec: VerdictRecorder, level: LockLevel, seed: number, sizes: ConnectSizes): Promise<void> {
  const outDir = runContextOutDir();
  const timelinePath = outDir ? path.join(outDir, 'lockstep-timelines', `connect-CONNECT-CONC-1-${level}-seed${seed}.html`) : undefined;
  const o = await runConcurrency({ level, seed, runs: sizes.concurrencyRuns, apiFor, ...(timelinePath ? { timelinePath } : {}) });
  const check = concurrencyCheckName(level);
  if (o.error !== undefined) return void rec.notApplicable('CONNECT-CONC-1', 'BatchUpdateDataTableValue', check, `property could not run: ${o.error}`);
  rec.check('CONNECT-CONC-1', {
    operation: 'BatchUpdateDataTableValue',
    check,
    ok: o.ok,
    message: o.ok ? `${o.numRuns} parallel programs, every history linearizable (seed ${o.seed})` : (o.explanation ?? 'history not linearizable'),
    ...(o.path !== undefined ? { path: o.path } : {}),
    ...(o.counterexample ? { counterexample: o.counterexample } : {}),
  });
}
