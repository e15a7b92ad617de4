// When a target stops answering, every later request would wait out the full per-request timeout:
// against an endpoint that hangs on writes, the quick Connect profile took about four minutes of
// mostly waiting. After a few timeouts in a row at one origin, later requests there get a short
// deadline, until any request is answered again (a complete response of any status, or a failure
// that is not a timeout, ends the streak). A slow but working endpoint never meets this: its
// requests complete, so the streak never builds.
// Suite files run in separate worker processes: a worker that finds a target silent leaves a mark
// beside the run's context file, and a worker whose request to that target times out reads it and
// shortens at once instead of building its own streak. The mark is looked at only after a timeout
// (which has already cost its whole deadline), never on the path of an answered request.
import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { CONTEXT_ENV } from './run-context.js';

/** Timeouts in a row at one origin before its deadlines are shortened. */
export const TIMEOUT_STREAK = 3;

/** The shortened deadline: a tenth of the configured timeout, at least 200 ms, never more than it. */
export function shortDeadlineMs(timeoutMs: number): number {
  return Math.min(timeoutMs, Math.max(200, Math.floor(timeoutMs / 10)));
}

/** Consecutive timeouts per origin (process-wide: every client of a run shares what it learns). */
const streaks = new Map<string, number>();

export interface Deadline {
  ms: number;
  /** Why it is shorter than configured, for the timeout message; undefined when it is not. */
  shortened?: string;
}

export function deadlineFor(origin: string, timeoutMs: number): Deadline {
  const streak = streaks.get(origin) ?? 0;
  if (streak < TIMEOUT_STREAK) return { ms: timeoutMs };
  const ms = shortDeadlineMs(timeoutMs);
  return ms < timeoutMs ? { ms, shortened: `shortened from ${timeoutMs} ms: the last ${streak} requests to this target timed out` } : { ms };
}

/** The run-wide mark of a silent origin, or undefined outside `lockstep run`. */
export function sharedMarkFile(origin: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const context = env[CONTEXT_ENV];
  return context ? `${context}.silent-${createHash('sha256').update(origin).digest('hex').slice(0, 16)}` : undefined;
}

/** Records how a request to `origin` ended. */
export function noteOutcome(origin: string, timedOut: boolean): void {
  const before = streaks.get(origin) ?? 0;
  if (timedOut) {
    const mark = sharedMarkFile(origin);
    // Another worker already found this target silent: no need to wait out a streak of our own.
    const streak = before + 1 < TIMEOUT_STREAK && mark !== undefined && existsSync(mark) ? TIMEOUT_STREAK : before + 1;
    streaks.set(origin, streak);
    if (streak === TIMEOUT_STREAK && mark !== undefined) tryFs(() => writeFileSync(mark, origin));
    return;
  }
  if (before === 0) return;
  streaks.delete(origin);
  if (before >= TIMEOUT_STREAK) {
    const mark = sharedMarkFile(origin);
    if (mark !== undefined) tryFs(() => rmSync(mark, { force: true }));
  }
}

/** The marks only save time: a file-system error must never fail a request. */
function tryFs(f: () => void): void {
  try {
    f();
  } catch {
    // ignored on purpose
  }
}

/** Test hook: forget every streak of this process (as a fresh worker would start). */
export function forgetStreaks(): void {
  streaks.clear();
}
