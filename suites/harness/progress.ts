// A vitest reporter for `lockstep run`: one progress line per suite file (checks recorded so far,
// duration, elapsed) and the errors of suites that crashed. It never decides verdicts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import type { SerializedError } from 'vitest';
import type { SuiteTiming } from '../../reporters/report.js';

/** `suites/connect/contract.suite.ts` -> `connect/contract` (the suite name verdicts carry). */
export function suiteName(file: string): string {
  const rel = file.replace(/\\/g, '/');
  const m = /suites\/(.+?)\.suite\.[cm]?[jt]s$/.exec(rel);
  return m ? m[1]! : path.basename(rel);
}

function countChecks(file: string | undefined, suite: string): number {
  if (!file) return 0;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 0;
  }
  let n = 0;
  for (const line of text.split('\n')) if (line.includes(`"suite":${JSON.stringify(suite)}`)) n++;
  return n;
}

function countAll(file: string | undefined): number {
  if (!file) return 0;
  try {
    const text = readFileSync(file, 'utf8');
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return n;
  } catch {
    return 0;
  }
}

function errorText(e: SerializedError | { message?: string; stack?: string }): string {
  return (e.message ?? 'error').split('\n')[0]!.slice(0, 500);
}

export class ProgressReporter implements Reporter {
  readonly timings: SuiteTiming[] = [];
  readonly unhandled: string[] = [];
  private readonly start = Date.now();
  private readonly running = new Set<string>();
  private heartbeat: NodeJS.Timeout | undefined;
  private vitest: Vitest | undefined;
  private cancelled: string | undefined;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly verdictsFile: string | undefined,
    /** A long suite (deep profile) still shows signs of life this often. */
    private readonly heartbeatMs = 15_000,
  ) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  /** The suite files running now (for the time budget's message). */
  runningSuites(): string[] {
    return [...this.running];
  }

  /** Cancels the run: running suites stop, files not started are skipped (also when asked before the run started). */
  cancel(reason: string): Promise<void> {
    this.cancelled = reason;
    return this.vitest?.cancelCurrentRun(reason as never) ?? Promise.resolve();
  }

  onTestRunStart(): void {
    if (this.cancelled !== undefined) void this.vitest?.cancelCurrentRun(this.cancelled as never);
    this.heartbeat = setInterval(() => {
      if (this.running.size === 0) return;
      const elapsed = ((Date.now() - this.start) / 1000).toFixed(1);
      this.out.write(`  … running ${[...this.running].join(', ')}: ${countAll(this.verdictsFile)} checks so far   [${elapsed} s]\n`);
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  onTestModuleStart(module: TestModule): void {
    this.running.add(suiteName(module.moduleId));
  }

  onTestModuleEnd(module: TestModule): void {
    const suite = suiteName(module.moduleId);
    this.running.delete(suite);
    const errors: string[] = module.errors().map((e) => `${suite}: ${errorText(e)}`);
    for (const t of module.children.allTests() as Iterable<TestCase>) {
      const r = t.result();
      if (r.state === 'failed') for (const e of r.errors) errors.push(`${suite} > ${t.name}: ${errorText(e)}`);
    }
    const checks = countChecks(this.verdictsFile, suite);
    const ms = module.diagnostic().duration;
    const state = errors.length ? 'failed' : module.state() === 'skipped' ? 'skipped' : 'passed';
    this.timings.push({ suite, state, durationMs: Math.round(ms), checks, errors });
    const elapsed = ((Date.now() - this.start) / 1000).toFixed(1);
    this.out.write(`  ${errors.length ? '✗' : '✓'} ${suite.padEnd(32)} ${String(checks).padStart(5)} checks  ${(ms / 1000).toFixed(1).padStart(6)} s   [${elapsed} s]\n`);
    for (const e of errors) this.out.write(`      error: ${e}\n`);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const e of unhandledErrors) {
      const msg = `unhandled: ${errorText(e)}`;
      this.unhandled.push(msg);
      this.out.write(`  ✗ ${msg}\n`);
    }
  }
}
