// Every Cloud Directory check in suite order, shared by the *.suite.ts files and the project's tests.
// One directory per step group (provisioned with a unique name), dropped at the end. A step whose
// set-up is refused records n/a verdicts for what it covers instead of stopping the run.
import { guarded, recordProperty } from '../harness/property.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { DirApi } from './api.js';
import { BATCH_PROPERTY_REQUIREMENTS, runBatchProperty } from './batch-property.js';
import { runDirConcurrency } from './concurrency.js';
import { checkFailureTypes, checkUniqueClash } from './exc-checks.js';
import { checkPartitionHeader } from './header-checks.js';
import { checkLimits } from './limit-checks.js';
import { checkResponses } from './order-checks.js';
import type { DirSizes } from './profiles.js';
import { DirectoryPool, type Directory } from './provision.js';
import { checkSelectors } from './ref-checks.js';
import { checkValidationProbes } from './validation-checks.js';

export interface DirChecksOptions {
  apiFor: (client: string) => DirApi;
  rec: VerdictRecorder;
  seed: number;
  sizes: DirSizes;
  opTimeoutMs?: number;
  timelinePath?: string;
  /** Ends the run early once it returns true. */
  stop?: (rec: VerdictRecorder) => boolean;
}

export interface DirStep {
  name: string;
  covers: string[];
  run: (dir: Directory) => Promise<void>;
}

export const BATCH_PROPERTY_CHECK = 'generated batches: one failing operation at a random position, then the same batch without it';
export const CONCURRENCY_CHECK = 'parallel BatchWrites and BatchReads on shared nodes';

export function singleShotSteps(o: DirChecksOptions): DirStep[] {
  const api = o.apiFor('main');
  return [
    { name: 'responses', covers: ['DIR-ORDER-1', 'DIR-RESP-1', 'DIR-EMPTY-1'], run: (d) => checkResponses(api, o.rec, d) },
    { name: 'failure types', covers: ['DIR-EXC-1', 'DIR-ATOMIC-1', 'DIR-EXC-3'], run: (d) => checkFailureTypes(api, o.rec, d) },
    { name: 'unique index clash', covers: ['DIR-EXC-2'], run: (d) => checkUniqueClash(api, o.rec, d) },
    { name: 'selectors', covers: ['DIR-REF-1'], run: (d) => checkSelectors(api, o.rec, d) },
    { name: 'limits', covers: ['DIR-LIMIT-1'], run: (d) => checkLimits(api, o.rec, d) },
    { name: 'partition header', covers: ['DIR-HDR-1'], run: (d) => checkPartitionHeader(api, o.rec, d) },
    { name: 'validation probes', covers: ['COMMON-VAL-1', 'DIR-LINK-1', 'DIR-NAME-1', 'DIR-CREATE-1', 'DIR-OP-1', 'DIR-REQ-1'], run: (d) => checkValidationProbes(api, o.rec, d) },
  ];
}

export function propertyStep(o: DirChecksOptions, path?: string): DirStep {
  const api = o.apiFor('main');
  return {
    name: 'batch property',
    covers: BATCH_PROPERTY_REQUIREMENTS,
    run: async (dir) => {
      const out = await runBatchProperty(api, { dir, seed: o.seed, numRuns: o.sizes.batchRuns, ...(path ? { path } : {}) });
      recordProperty(o.rec, out, { operation: 'BatchWrite', check: BATCH_PROPERTY_CHECK, covers: BATCH_PROPERTY_REQUIREMENTS });
    },
  };
}

export function concurrencyStep(o: DirChecksOptions, path?: string): DirStep {
  return {
    name: 'concurrency',
    covers: ['DIR-CONC-1', 'DIR-RETRY-1'],
    run: async (dir) => {
      const out = await runDirConcurrency({
        apiFor: o.apiFor,
        dir,
        seed: o.seed,
        runs: o.sizes.concurrencyRuns,
        repeats: o.sizes.repeats,
        maxOpsPerClient: o.sizes.maxOpsPerClient,
        opTimeoutMs: o.opTimeoutMs ?? 15_000,
        ...(path ? { path } : {}),
        ...(o.timelinePath ? { timelinePath: o.timelinePath } : {}),
      });
      if (out.error !== undefined) return void o.rec.notApplicable('DIR-CONC-1', 'BatchWrite', CONCURRENCY_CHECK, `property could not run: ${out.error}`);
      const note = out.unexpected.length ? `; unexpected answers (outcome unknown): ${out.unexpected.slice(0, 3).join('; ')}` : '';
      o.rec.check('DIR-CONC-1', {
        operation: 'BatchWrite',
        check: CONCURRENCY_CHECK,
        ok: out.ok,
        message: out.ok ? `${out.numRuns} parallel programs, no partial batch seen, every history serializable (seed ${out.seed})${note}` : `${out.explanation ?? 'not serializable'}${note}`,
        ...(out.path !== undefined ? { path: out.path } : {}),
        ...(out.counterexample ? { counterexample: out.counterexample } : {}),
      });
      o.rec.check('DIR-RETRY-1', { operation: 'BatchWrite', check: CONCURRENCY_CHECK, ok: true, message: `${out.conflicts} RetryableConflictException answers under contention` });
    },
  };
}

/** Runs the steps on directories of their own (one per step), then drops them. */
export async function runDirSteps(o: DirChecksOptions, steps: DirStep[], tag: string): Promise<void> {
  const pool = new DirectoryPool(o.apiFor('setup'), tag);
  try {
    for (const step of steps) {
      await guarded(o.rec, 'BatchWrite', step.covers, step.name, async () => step.run(await pool.fresh()));
      if (o.stop?.(o.rec)) return;
    }
  } finally {
    await pool.dropAll();
  }
}

export async function runAllDirChecks(o: DirChecksOptions): Promise<void> {
  await runDirSteps(o, [...singleShotSteps(o), propertyStep(o), concurrencyStep(o)], 'all');
}
