// The report's coverage section: computed from the verdicts of the run, against the catalog.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { coverageLine, coverageOf } from '../../reporters/coverage.js';
import type { Report } from '../../reporters/report.js';
import { REQUIREMENTS } from '../../spec/requirements/catalog.js';
import type { Verdict } from '../../suites/harness/verdict.js';
import { cleanEnv, runCli } from './helpers/cli.js';

function verdict(requirement: string, check: string, status: Verdict['status'], suite = 'connect/x'): Verdict {
  return { requirement, level: 'MUST', status, service: 'connect', operation: 'BatchUpdateDataTableValue', check, message: '', evidence: [], suite };
}

describe('coverageOf', () => {
  test('lists the checks per requirement, once each, and the catalog ids no verdict names', () => {
    const c = coverageOf([verdict('CONNECT-LOCK-1', 'a', 'pass'), verdict('CONNECT-LOCK-1', 'a', 'fail'), verdict('CONNECT-LOCK-1', 'b', 'pass'), verdict('CONNECT-ID-1', 'c', 'n/a')], ['connect']);
    const lock = c.requirements.find((e) => e.requirement === 'CONNECT-LOCK-1')!;
    expect(lock.checks).toEqual(['connect/x: a', 'connect/x: b']);
    expect(lock.onlyNotApplicable).toBe(false);
    expect(c.requirements.find((e) => e.requirement === 'CONNECT-ID-1')!.onlyNotApplicable).toBe(true);
    expect(c.uncovered).toContain('CONNECT-LOCK-2');
    expect(c.uncovered).not.toContain('CONNECT-LOCK-1');
    expect(coverageLine(c)).toMatch(/^Coverage: 2 of \d+ catalog requirements checked; not checked: .*CONNECT-LOCK-2/);
  });

  test('only the APIs run are listed; common requirements once', () => {
    const c = coverageOf([], ['clouddirectory', 'cognito-sync']);
    const ids = c.requirements.map((e) => e.requirement);
    expect(ids.some((id) => id.startsWith('CONNECT-'))).toBe(false);
    expect(ids).toContain('DIR-ATOMIC-1');
    expect(ids).toContain('SYNC-COUNT-1');
    expect(ids.filter((id) => id === 'COMMON-ERR-1')).toHaveLength(1);
  });
});

describe('a Connect run against the reference', () => {
  test('the report covers every CONNECT-* requirement of the catalog with at least one check', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'lockstep-coverage-'));
    const r = await runCli(['run', '--api', 'connect', '--profile', 'quick', '--seed', '3', '--out', out, '--reporter', 'console,json,markdown'], { env: cleanEnv(), timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'lockstep-report.json'), 'utf8')) as Report;
    const connectIds = REQUIREMENTS.filter((q) => q.id.startsWith('CONNECT-')).map((q) => q.id);
    expect(connectIds.length).toBeGreaterThan(15);
    const listed = new Map(report.coverage!.requirements.map((e) => [e.requirement, e]));
    for (const id of connectIds) expect(listed.get(id)?.checks.length ?? 0, id).toBeGreaterThan(0);
    expect(report.coverage!.uncovered.filter((id) => id.startsWith('CONNECT-'))).toEqual([]);
    expect(r.stdout).toMatch(/Coverage: \d+ of \d+ catalog requirements checked/);
    expect(readFileSync(path.join(out, 'lockstep-report.md'), 'utf8')).toContain('### Coverage');
  });
});
