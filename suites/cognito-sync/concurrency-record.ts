// Turns a concurrency outcome into its verdict: seed, replay path, shrunk counterexample and the
// timeline's path on failure; n/a when the property could not run at all.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { SyncConcurrencyOutcome } from './concurrency.js';

export function recordConcurrency(rec: VerdictRecorder, requirement: string, check: string, o: SyncConcurrencyOutcome, note?: string, controlMeans = 'in the control run'): void {
  if (o.error !== undefined) return void rec.notApplicable(requirement, 'UpdateRecords', check, `property could not run: ${o.error}`);
  if (o.controlFailed) {
    // The same program fails without the factor this check is about: a rule other checks judge is broken.
    const why = `not judged: the shrunk counterexample fails ${controlMeans} too, so the defect is not specific to it (see the sequential checks)`;
    return void rec.notApplicable(requirement, 'UpdateRecords', check, [why, o.explanation ?? ''].join('\n'));
  }
  const extra = [
    note,
    o.unexpected.length ? `unexpected answers (outcome taken as unknown): ${o.unexpected.slice(0, 5).join('; ')}` : undefined,
    o.inconclusive ? `${o.inconclusive} histories too costly to decide` : undefined,
  ].filter((s): s is string => s !== undefined);
  const passed = `${o.numRuns} parallel programs (${o.executions} executions), every history linearizable (seed ${o.seed})`;
  rec.check(requirement, {
    operation: 'UpdateRecords',
    check,
    ok: o.ok,
    message: o.ok ? [passed, ...extra].join('; ') : [o.explanation ?? 'history not linearizable', ...extra].join('\n'),
    ...(o.path !== undefined ? { path: o.path } : {}),
    ...(o.counterexample ? { counterexample: [...o.counterexample, ...(o.timeline ? [`timeline: ${o.timeline}`] : [])] } : {}),
  });
}
