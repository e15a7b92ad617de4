// When a target stops answering, every later request would wait out the full per-request timeout:
// against an endpoint that hangs on writes, the quick Connect profile took about four minutes of
// mostly waiting. After a few timeouts in a row at one origin, later requests there get a short
// deadline, until any request is answered again (a complete response of any status, or a failure
// that is not a timeout, ends the streak). A slow but working endpoint never meets this: its
// requests complete, so the streak never builds.

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

/** Records how a request to `origin` ended. */
export function noteOutcome(origin: string, timedOut: boolean): void {
  if (timedOut) streaks.set(origin, (streaks.get(origin) ?? 0) + 1);
  else if (streaks.has(origin)) streaks.delete(origin);
}
