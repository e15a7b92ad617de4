// Runs one fast-check property with the run's seed and turns the result into an outcome a suite
// records as verdicts: the requirement of the first divergence, seed, replay path, the shrunk
// counterexample and the exchanges of its last failing run.
import fc from 'fast-check';
import type { Exchange } from '../harness/verdict.js';
import { DivergenceError } from './divergence.js';

export interface PropertyOutcome {
  ok: boolean;
  /** Requirement named by the divergence; undefined when the run broke for another reason. */
  requirement?: string;
  message?: string;
  seed: number;
  numRuns: number;
  path?: string;
  counterexample?: string[];
  evidence: Exchange[];
  /** Set when the property could not run (setup refused, suite bug): not a divergence. */
  error?: string;
}

export interface PropertyOptions {
  seed: number;
  numRuns: number;
  /** Replay one failing case (from a verdict's path). */
  path?: string;
}

export async function runProperty<T>(
  arb: fc.Arbitrary<T>,
  predicate: (t: T) => Promise<void>,
  show: (t: T) => string[],
  opts: PropertyOptions,
): Promise<PropertyOutcome> {
  // A run that breaks for another reason than a divergence (setup refused, transport failure) is
  // not worth shrinking against a live target: later runs fail at once with the same error.
  let broken: unknown;
  const guarded = async (t: T): Promise<void> => {
    if (broken !== undefined) throw broken;
    try {
      await predicate(t);
    } catch (e) {
      if (!(e instanceof DivergenceError)) broken = e;
      throw e;
    }
  };
  const details = await fc.check(fc.asyncProperty(arb, guarded), {
    seed: opts.seed,
    numRuns: opts.numRuns,
    ...(opts.path ? { path: opts.path } : {}),
  });
  const base = { seed: opts.seed, numRuns: details.numRuns, evidence: [] as Exchange[] };
  if (!details.failed) return { ok: true, ...base };
  const err = details.errorInstance;
  const counterexample = details.counterexample ? show(details.counterexample[0]) : undefined;
  const path = details.counterexamplePath ?? undefined;
  if (err instanceof DivergenceError)
    return { ok: false, ...base, requirement: err.requirement, message: err.message, path, counterexample, evidence: err.evidence };
  return { ok: false, ...base, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err), message: String(err), path, counterexample };
}
