// Turns a property outcome into verdicts: the requirement the first divergence names fails (with
// seed, replay path, shrunk counterexample and evidence); the property's other requirements pass.
import type { Level } from '../../spec/requirements/types.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { PropertyOutcome } from './property.js';

export interface PropertyCheck {
  operation: string;
  /** The check's name; the verdicts of every requirement it covers share it. */
  check: string;
  covers: string[];
  /** Level for a requirement part that is weaker than the catalog's (e.g. PK-1's SHOULD part). */
  partLevel?: Record<string, Level>;
}

export function recordProperty(rec: VerdictRecorder, o: PropertyOutcome, c: PropertyCheck): void {
  if (o.error !== undefined) {
    for (const req of c.covers) rec.notApplicable(req, c.operation, c.check, `property could not run: ${o.error}`, o.evidence);
    return;
  }
  const failed = o.ok ? undefined : o.requirement;
  for (const req of c.covers) {
    if (req === failed) continue;
    rec.check(req, {
      operation: c.operation,
      check: c.check,
      ok: true,
      message: o.ok
        ? `${o.numRuns} generated runs, no divergence (seed ${o.seed})`
        : `no divergence for this requirement before the property stopped on ${failed} (seed ${o.seed})`,
    });
  }
  if (failed !== undefined) {
    rec.check(failed, {
      operation: c.operation,
      check: c.check,
      ok: false,
      message: o.message ?? 'divergence',
      evidence: o.evidence,
      ...(o.path !== undefined ? { path: o.path } : {}),
      counterexample: o.counterexample,
      ...(c.partLevel?.[failed] ? { partLevel: c.partLevel[failed] } : {}),
    });
  }
}

/**
 * Runs a single-shot check; if it throws (its table could not be made, the answers were unusable)
 * its requirements get n/a verdicts instead of the suite stopping.
 */
export async function guarded(rec: VerdictRecorder, covers: string[], check: string, run: () => Promise<void> | void): Promise<void> {
  try {
    await run();
  } catch (e) {
    for (const req of covers) rec.notApplicable(req, 'BatchUpdateDataTableValue', check, `could not run: ${(e as Error).message}`);
  }
}
