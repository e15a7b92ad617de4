// Runs one fast-check property with the run's seed and records its outcome as verdicts: the
// requirement of the first divergence fails (seed, replay path, shrunk counterexample, exchanges of
// the last failing run); the property's other requirements pass, saying where it stopped.
import fc from 'fast-check';
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { SyncDivergence } from './divergence.js';

export interface PropertyOutcome {
  ok: boolean;
  requirement?: string;
  level?: 'SHOULD';
  message?: string;
  seed: number;
  numRuns: number;
  path?: string;
  counterexample?: string[];
  evidence: Exchange[];
  /** The property could not run (setup refused, transport failure): not a divergence. */
  error?: string;
}

export interface PropertyOptions {
  seed: number;
  numRuns: number;
  /** Replays one case (a failing verdict's path). */
  path?: string;
}

/**
 * fc.commands needs its own replay path next to fast-check's: the verdict carries both as
 * `<fast-check path>~<commands replayPath>`; these split it again.
 */
export function joinPath(fcPath: string | undefined, replay: string | undefined): string | undefined {
  if (fcPath === undefined) return undefined;
  return replay ? `${fcPath}~${replay}` : fcPath;
}

export function splitPath(path: string | undefined): { fcPath?: string; replay?: string } {
  if (path === undefined) return {};
  const i = path.indexOf('~');
  return i < 0 ? { fcPath: path } : { fcPath: path.slice(0, i), replay: path.slice(i + 1) };
}

/** The replayPath fast-check prints into a commands value (`/*replayPath="..."*\/`). */
export function commandsReplayPath(cmds: unknown): string | undefined {
  return /replayPath="([^"]*)"/.exec(String(cmds))?.[1];
}

export async function runProperty<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => Promise<void>, show: (t: T) => string[], o: PropertyOptions): Promise<PropertyOutcome> {
  // Not worth shrinking against a target that broke for another reason: fail fast with that error.
  let broken: unknown;
  const guardedPredicate = async (t: T): Promise<void> => {
    if (broken !== undefined) throw broken;
    try {
      await predicate(t);
    } catch (e) {
      if (!(e instanceof SyncDivergence)) broken = e;
      throw e;
    }
  };
  const { fcPath } = splitPath(o.path);
  const d = await fc.check(fc.asyncProperty(arb, guardedPredicate), { seed: o.seed, numRuns: o.numRuns, ...(fcPath ? { path: fcPath } : {}) });
  const base = { seed: o.seed, numRuns: d.numRuns, evidence: [] as Exchange[] };
  if (!d.failed) return { ok: true, ...base };
  const err = d.errorInstance;
  // The failing run's own transcript beats re-printing the shrunk value: commands are resolved
  // against the state at run time, and fast-check reuses command objects across shrink attempts.
  const counterexample = err instanceof SyncDivergence && err.transcript ? err.transcript : d.counterexample ? show(d.counterexample[0]) : undefined;
  const path = joinPath(d.counterexamplePath ?? undefined, d.counterexample ? commandsReplayPath(d.counterexample[0]) : undefined);
  if (err instanceof SyncDivergence)
    return { ok: false, ...base, requirement: err.requirement, ...(err.level ? { level: err.level } : {}), message: err.message, path, counterexample, evidence: err.evidence };
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { ok: false, ...base, error: text, message: text, path, counterexample };
}

export interface PropertyCheck {
  operation: string;
  check: string;
  covers: string[];
}

export function recordProperty(rec: VerdictRecorder, o: PropertyOutcome, c: PropertyCheck): void {
  if (o.error !== undefined) {
    for (const req of c.covers) rec.notApplicable(req, c.operation, c.check, `property could not run: ${o.error}`, o.evidence);
    return;
  }
  const failed = o.ok ? undefined : o.requirement;
  for (const req of c.covers) {
    if (req === failed) continue;
    const message = o.ok ? `${o.numRuns} generated runs, no divergence (seed ${o.seed})` : `no divergence for this requirement before the property stopped on ${failed} (seed ${o.seed})`;
    rec.check(req, { operation: c.operation, check: c.check, ok: true, message });
  }
  if (failed === undefined) return;
  rec.check(failed, {
    operation: c.operation,
    check: c.check,
    ok: false,
    message: `${o.message ?? 'divergence'} (seed ${o.seed}${o.path ? `, path ${o.path}` : ''})`,
    evidence: o.evidence,
    ...(o.path !== undefined ? { path: o.path } : {}),
    counterexample: o.counterexample,
    ...(o.level ? { partLevel: o.level } : {}),
  });
}

/** Runs a single-shot check; if it throws, its requirements get n/a verdicts instead of the suite stopping. */
export async function guarded(rec: VerdictRecorder, covers: string[], check: string, run: () => Promise<void> | void): Promise<void> {
  try {
    await run();
  } catch (e) {
    for (const req of covers) rec.notApplicable(req, 'UpdateRecords', check, `could not run: ${(e as Error).message}`);
  }
}
