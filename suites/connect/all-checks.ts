// Every Connect check in suite order (validation, partial failure, sequential, concurrency), for the
// project's tests and benchmarks, which run them without vitest-in-vitest. `stop` ends the run
// early once it returns true (time to first failure).
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { ConnectApi } from './api.js';
import { checkIdForms } from './id-forms.js';
import { checkEnums, checkValueRules, recordUnprovokable } from './misc-checks.js';
import type { ConnectSizes } from './profiles.js';
import { checkConcurrency, checkPartialFailure, checkSequential } from './suite-checks.js';
import { LOCK_LEVELS } from './types.js';
import { checkConstraintProbes, checkRequestLevelErrors } from './validation.js';
import { checkValueSamples } from './value-samples.js';

export interface AllChecksOptions {
  apiFor: (client: string) => ConnectApi;
  rec: VerdictRecorder;
  seed: number;
  sizes: ConnectSizes;
  stop?: (rec: VerdictRecorder) => boolean;
}

export async function runAllConnectChecks(o: AllChecksOptions): Promise<void> {
  const api = o.apiFor('main');
  const steps: Array<() => Promise<void> | void> = [
    () => checkConstraintProbes(api, o.rec),
    () => checkRequestLevelErrors(api, o.rec, o.seed),
    () => checkIdForms(api, o.rec),
    () => checkEnums(api, o.rec),
    () => checkValueRules(api, o.rec),
    () => checkValueSamples(api, o.rec),
    () => recordUnprovokable(o.rec),
    ...LOCK_LEVELS.map((l) => () => checkPartialFailure(api, o.rec, l, o.seed, o.sizes)),
    ...LOCK_LEVELS.map((l) => () => checkSequential(api, o.rec, l, o.seed, o.sizes)),
    ...LOCK_LEVELS.map((l) => () => checkConcurrency(o.apiFor, o.rec, l, o.seed, o.sizes)),
  ];
  for (const step of steps) {
    await step();
    if (o.stop?.(o.rec)) return;
  }
}
