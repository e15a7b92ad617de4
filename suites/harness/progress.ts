// A vitest reporter for `lockstep run`: one progress line per suite file (checks recorded so far,
// duration, elapsed) and the errors of suites that crashed. It never decides verdicts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
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

function errorText(e: SerializedError | { message?: string; stack?: string }): string {
  return (e.message ?? 'error').split('\n')[0]!.slice(0, 500);
}

export class ProgressReporter implements Reporter {
  readonly timings: SuiteTiming[] = [];
  readonly unhandled: string[] = [];
  private readonly start = Date.now();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly verdictsFile: string | undefined,
  ) {}

  onTestModuleEnd(module: TestModule): void {
    const suite = suiteName(module.moduleId);
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
    for (const e of unhandledErrors) {
      const msg = `unhandled: ${errorText(e)}`;
      this.unhandled.push(msg);
      this.out.write(`  ✗ ${msg}\n`);
    }
  }
}
