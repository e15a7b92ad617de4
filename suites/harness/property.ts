// Runs one fast-check property with the run's seed and records its outcome as verdicts: the
// requirement of the first Divergence fails (seed, replay path, shrunk counterexample, exchanges of
// the last failing run); the property's other requirements pass, saying where it stopped. Any other
// exception makes the property's requirements n/a. API-neutral: every suite's properties use it.
import fc from 'fast-check';
import type { Level } from '../../spec/requirements/types.js';
import { Divergence } from './divergence.js';
import type { Exchange } from './verdict.js';
import type { VerdictRecorder } from './verdicts.js';

export interface PropertyOutcome {
  ok: boolean;
  /** Requirement named by the divergence; undefined when the run broke for another reason. */
  requirement?: string;
  /** The divergence's own level, for a part of a requirement weaker than the catalog's. */
  level?: Level;
  message?: string;
  seed: number;
  numRuns: number;
  /** Replays the failing case: fast-check's path, plus `~<commands replayPath>` for fc.commands. */
  path?: string;
  counterexample?: string[];
  evidence: Exchange[];
  /** Set when the property could not run (setup refused, transport failure, suite bug): not a divergence. */
  error?: string;
}

export interface PropertyOptions {
  seed: number;
  numRuns: number;
  /** Replays one case (a failing verdict's path). */
  path?: string;
}

/**
 * The arbitrary, or a function building it from the commands replayPath of a path being replayed
 * (a property built on fc.commands must hand that to fc.commands, or the path does not replay).
 */
export type PropertyArbitrary<T> = fc.Arbitrary<T> | ((replayPath: string | undefined) => fc.Arbitrary<T>);

/**
 * fast-check's path alone does not replay fc.commands: fc.commands needs its own replayPath too.
 * A verdict carries both as `<fast-check path>~<commands replayPath>` (neither uses `~`).
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

/** The replayPath fast-check prints into the text of a commands value (`/*replayPath="..."*\/`). */
export function commandsReplayPath(cmds: unknown): string | undefined {
  return /replayPath="([^"]*)"/.exec(String(cmds))?.[1];
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export async function runProperty<T>(arb: PropertyArbitrary<T>, predicate: (t: T) => Promise<void>, show: (t: T) => string[], o: PropertyOptions): Promise<PropertyOutcome> {
  const base = { seed: o.seed, numRuns: 0, evidence: [] as Exchange[] };
  // A run that broke for another reason than a divergence (setup refused, transport failure) is not
  // worth shrinking against a live target: later runs fail at once with the same error.
  let broken: unknown;
  const guardedPredicate = async (t: T): Promise<void> => {
    if (broken !== undefined) throw broken;
    try {
      await predicate(t);
    } catch (e) {
      if (!(e instanceof Divergence)) broken = e ?? new Error(String(e));
      throw e;
    }
  };
  const { fcPath, replay } = splitPath(o.path);
  let d: fc.RunDetails<[T]>;
  try {
    const a = typeof arb === 'function' ? arb(replay) : arb;
    d = await fc.check(fc.asyncProperty(a, guardedPredicate), { seed: o.seed, numRuns: o.numRuns, ...(fcPath ? { path: fcPath } : {}) });
  } catch (e) {
    // fast-check refuses a path that does not fit the arbitrary ("Unable to replay ..."): no crash.
    const text = o.path !== undefined ? `cannot replay path ${JSON.stringify(o.path)}: ${errorText(e)}` : errorText(e);
    return { ok: false, ...base, error: text, message: text };
  }
  const done = { ...base, numRuns: d.numRuns };
  if (!d.failed) return { ok: true, ...done };
  const err = d.errorInstance;
  const value = d.counterexample ? d.counterexample[0] : undefined;
  // The failing run's own transcript beats re-printing the shrunk value: commands are resolved
  // against the state at run time, and fast-check reuses command objects across shrink attempts.
  const counterexample = err instanceof Divergence && err.transcript ? err.transcript : d.counterexample ? show(value as T) : undefined;
  const path = joinPath(d.counterexamplePath ?? undefined, d.counterexample ? commandsReplayPath(value) : undefined);
  if (err instanceof Divergence)
    return { ok: false, ...done, requirement: err.requirement, ...(err.level ? { level: err.level } : {}), message: err.message, path, counterexample, evidence: err.evidence };
  const text = errorText(err);
  return { ok: false, ...done, error: text, message: text, path, counterexample };
}

export interface PropertyCheck {
  operation: string;
  /** The check's name; the verdicts of every requirement it covers share it. */
  check: string;
  covers: string[];
  /** Also write the seed and replay path into the failing verdict's message (they are fields of it anyway). */
  replayInMessage?: boolean;
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
  const text = o.message ?? 'divergence';
  rec.check(failed, {
    operation: c.operation,
    check: c.check,
    ok: false,
    message: c.replayInMessage ? `${text} (seed ${o.seed}${o.path ? `, path ${o.path}` : ''})` : text,
    evidence: o.evidence,
    ...(o.path !== undefined ? { path: o.path } : {}),
    counterexample: o.counterexample,
    ...(o.level ? { partLevel: o.level } : {}),
  });
}

/**
 * Runs a single-shot check (or a step of checks); if it throws (its setup was refused, the answers
 * were unusable) the requirements it covers get n/a verdicts instead of the suite stopping.
 */
export async function guarded(rec: VerdictRecorder, operation: string, covers: string[], check: string, run: () => Promise<void> | void): Promise<void> {
  try {
    await run();
  } catch (e) {
    for (const req of covers) rec.notApplicable(req, operation, check, `could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
