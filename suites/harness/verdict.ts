// A verdict is one record per check. Reporters only read these; suites only produce them.
import type { Level } from '../../spec/requirements/types.js';
import type { ServiceName } from '../../spec/services.js';

export type VerdictStatus = 'pass' | 'fail' | 'non-strict' | 'info' | 'n/a';

/** One HTTP exchange as recorded by the transport (secrets redacted). */
export interface Exchange {
  client: string;
  operation: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body?: string };
  /** Transport failure (timeout, reset, garbage) instead of a response. */
  error?: string;
  /** Milliseconds since the run's origin (performance.now based). */
  callTime: number;
  returnTime: number;
}

export interface Verdict {
  requirement: string;
  level: Level;
  status: VerdictStatus;
  service: ServiceName;
  operation: string;
  /** The check's name, e.g. 'update with stale Value version fails the item'. */
  check: string;
  message: string;
  evidence: Exchange[];
  seed?: number;
  /** fast-check replay path, when the check is a property. */
  path?: string;
  counterexample?: unknown;
  /** The suite file that produced it, e.g. 'connect/contract'. */
  suite?: string;
  /** A shell command reproducing the last evidence request (added to failures in reports). */
  curl?: string;
  /** Set when a baseline entry excuses this failure: reported, not counted. */
  baselined?: { reason?: string; expires?: string };
}
