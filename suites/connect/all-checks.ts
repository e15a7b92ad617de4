// Every Connect check in suite order (validation, partial failure, sequential, concurrency), for the
// project's tests and benchmarks, which run them without vitest-in-vitest. `stop` ends the run
// early once it returns true (time to first failure).
import { guarded } from '../harness/property.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi } from './api.js';
import { checkIdForms } from './id-forms.js';
import { checkEnums, checkValueRules, recordUnprovokable } from './misc-checks.js';
import type { ConnectSizes } from './profiles.js';
import { checkConcurrency, checkPartialFailure, checkSequential } from './suite-checks.js';
import { LOCK_LEVELS } from './types.js';
import { checkCompanionProbes, checkConstraintProbes, checkRequestLevelErrors } from './validation.js';
import { checkValueSamples } from './value-samples.js';

export interface AllChecksOptions {
  apiFor: (client: string) => ConnectApi;
  rec: VerdictRecorder;
  seed: number;
  sizes: ConnectSizes;
  stop?: (rec: VerdictRecorder) => boolean;
}

interface Step {
  name: string;
  /** Requirements recorded as n/a if the step cannot run at all (setup refused, garbage answers). */
  covers: string[];
  run: () => Promise<void> | void;
}

export async function runAllConnectChecks(o: AllChecksOptions): Promise<void> {
  const api = o.apiFor('main');
  const steps: Step[] = [
    { name: 'constraint probes', covers: ['COMMON-VAL-1'], run: () => checkConstraintProbes(api, o.rec) },
    { name: 'companion constraint probes', covers: ['COMMON-VAL-1'], run: () => checkCompanionProbes(api, o.rec) },
    { name: 'request-level errors', covers: ['CONNECT-BATCH-2'], run: () => checkRequestLevelErrors(api, o.rec, o.seed) },
    { name: 'table id forms', covers: ['CONNECT-ID-1', 'CONNECT-ID-2'], run: () => checkIdForms(api, o.rec) },
    { name: 'enums', covers: ['CONNECT-ENUM-1'], run: () => checkEnums(api, o.rec) },
    { name: 'single-shot value rules', covers: ['CONNECT-ERR-1', 'CONNECT-RESP-3', 'CONNECT-RESP-4', 'CONNECT-PK-1'], run: () => checkValueRules(api, o.rec) },
    { name: 'value samples', covers: ['CONNECT-VAL-1'], run: () => checkValueSamples(api, o.rec) },
    { name: 'unprovokable rules', covers: [], run: () => recordUnprovokable(o.rec) },
    ...LOCK_LEVELS.map((l) => ({ name: `partial failure ${l}`, covers: [], run: () => checkPartialFailure(api, o.rec, l, o.seed, o.sizes) })),
    ...LOCK_LEVELS.map((l) => ({ name: `sequential ${l}`, covers: [], run: () => checkSequential(api, o.rec, l, o.seed, o.sizes) })),
    ...LOCK_LEVELS.map((l) => ({ name: `concurrency ${l}`, covers: [], run: () => checkConcurrency(o.apiFor, o.rec, l, o.seed, o.sizes) })),
  ];
  for (const step of steps) {
    // The properties record their own n/a verdicts; single-shot checks are guarded here.
    await guarded(o.rec, 'BatchUpdateDataTableValue', step.covers, step.name, step.run);
    if (o.stop?.(o.rec)) return;
  }
}
