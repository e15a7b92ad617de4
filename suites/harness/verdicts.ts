// The verdict recorder suites use: every check names a requirement; the level comes from the
// catalog (the suite's own level is the fallback for ids the catalog lacks). Verdicts are appended
// as JSON lines to the file named by LOCKSTEP_VERDICTS_FILE (suites run in vitest workers).
import { appendFileSync } from 'node:fs';
import { requirementById } from '../../spec/requirements/catalog.js';
import type { Level } from '../../spec/requirements/types.js';
import type { ServiceName } from '../../spec/services.js';
import type { Exchange, Verdict, VerdictStatus } from './verdict.js';
import { VERDICTS_ENV } from './run-context.js';
import { isUnknownOperation } from './errors.js';

export interface CheckInput {
  operation: string;
  /** Short name of what is checked. */
  check: string;
  /** true = holds, false = violated. */
  ok: boolean;
  /** Why it failed (or what was observed, for INFO). */
  message?: string;
  evidence?: Exchange[];
  /** Level used when the catalog does not know the id. */
  level?: Level;
  /**
   * A level that overrides the catalog, for a part of a requirement the profile levels on its own
   * (COMMON-VAL-2 is SHOULD, but "some 4xx" in it is MUST).
   */
  partLevel?: Level;
  path?: string;
  counterexample?: unknown;
}

export function statusFor(level: Level, ok: boolean): VerdictStatus {
  if (level === 'INFO') return 'info';
  if (ok) return 'pass';
  return level === 'MUST' ? 'fail' : 'non-strict';
}

function exchangeUnknownOp(e: Exchange): boolean {
  if (!e.response) return false;
  let body: unknown;
  try {
    body = e.response.body ? JSON.parse(e.response.body) : undefined;
  } catch {
    body = undefined;
  }
  return isUnknownOperation(e.response.status, e.response.headers, body);
}

export class VerdictRecorder {
  readonly verdicts: Verdict[] = [];
  /** Per operation: calls seen, and how many were answered "unknown operation". */
  private readonly seen = new Map<string, { calls: number; unknown: number }>();

  constructor(
    readonly service: ServiceName,
    readonly suite: string,
    private readonly file: string | undefined = process.env[VERDICTS_ENV],
    private readonly seed?: number,
  ) {}

  /** Give this to the transport's `observe` so the recorder sees every call. */
  observe = (e: Exchange): void => {
    const s = this.seen.get(e.operation) ?? { calls: 0, unknown: 0 };
    s.calls++;
    if (exchangeUnknownOp(e)) s.unknown++;
    this.seen.set(e.operation, s);
  };

  /** True when every call to `operation` so far got 404 UnknownOperation. */
  notImplemented(operation: string): boolean {
    const s = this.seen.get(operation);
    return s !== undefined && s.calls > 0 && s.unknown === s.calls;
  }

  check(requirement: string, c: CheckInput): Verdict {
    const level = c.partLevel ?? requirementById(requirement)?.level ?? c.level ?? 'MUST';
    const evidence = c.evidence ?? [];
    const unimplemented = this.notImplemented(c.operation) || (evidence.length > 0 && evidence.every(exchangeUnknownOp));
    const status: VerdictStatus = unimplemented ? 'n/a' : statusFor(level, c.ok);
    const v: Verdict = {
      requirement,
      level,
      status,
      service: this.service,
      operation: c.operation,
      check: c.check,
      message: unimplemented ? `${c.operation} is not implemented by the target (404 UnknownOperation)` : (c.message ?? (c.ok ? 'ok' : 'violated')),
      evidence,
      suite: this.suite,
      ...(this.seed !== undefined ? { seed: this.seed } : {}),
      ...(c.path !== undefined ? { path: c.path } : {}),
      ...(c.counterexample !== undefined ? { counterexample: c.counterexample } : {}),
    };
    this.verdicts.push(v);
    if (this.file) appendFileSync(this.file, JSON.stringify(v) + '\n');
    return v;
  }

  /** Records that a check could not be made (e.g. its setup call failed). */
  notApplicable(requirement: string, operation: string, check: string, reason: string, evidence: Exchange[] = []): Verdict {
    const level = requirementById(requirement)?.level ?? 'MUST';
    const v: Verdict = { requirement, level, status: 'n/a', service: this.service, operation, check, message: reason, evidence, suite: this.suite };
    this.verdicts.push(v);
    if (this.file) appendFileSync(this.file, JSON.stringify(v) + '\n');
    return v;
  }
}

/**
 * Run-level pass over all verdicts: an operation whose every recorded call (in any suite) was
 * answered 404 UnknownOperation is not implemented, so its checks are n/a rather than failures.
 */
export function markNotImplemented(verdicts: Verdict[]): Verdict[] {
  const byOp = new Map<string, { calls: number; unknown: number }>();
  for (const v of verdicts) {
    for (const e of v.evidence) {
      const key = `${v.service} ${e.operation}`;
      const s = byOp.get(key) ?? { calls: 0, unknown: 0 };
      s.calls++;
      if (exchangeUnknownOp(e)) s.unknown++;
      byOp.set(key, s);
    }
  }
  return verdicts.map((v) => {
    const s = byOp.get(`${v.service} ${v.operation}`);
    if (!s || s.calls === 0 || s.unknown !== s.calls || v.status === 'n/a') return v;
    return { ...v, status: 'n/a', message: `${v.operation} is not implemented by the target (404 UnknownOperation on every call); was: ${v.message}` };
  });
}
