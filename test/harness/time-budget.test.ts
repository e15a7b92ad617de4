// --time-budget: past it the unfinished suites are cancelled, the run fails (exit 1) saying so, and
// nothing the cancellation interrupted is reported as the target's divergence.
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../reporters/report.js';
import { resolveConfig } from '../../suites/harness/config.js';
import { cleanEnv, runCli } from './helpers/cli.js';

// Answers GETs (so the reachability probe passes) and never answers anything else: without a budget a
// quick Connect run against it takes more than a minute of timeouts.
const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"no"}');
    return;
  }
  req.resume();
});
const listening = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

describe('--time-budget', () => {
  it('is a whole number of seconds from 1 to a week', () => {
    expect(resolveConfig({ 'time-budget': '90' }).timeBudgetS).toBe(90);
    expect(resolveConfig({}).timeBudgetS).toBeUndefined();
    for (const bad of ['0', '1.5', 'soon', String(8 * 24 * 3600)]) expect(() => resolveConfig({ 'time-budget': bad })).toThrow(/time-budget must be an integer from 1 to 604800/);
  });

  it('cancels the unfinished suites, fails the run saying why, and keeps interrupted requests out of the verdicts', async () => {
    const url = await listening;
    const out = mkdtempSync(path.join(os.tmpdir(), 'lockstep-budget-'));
    const r = await runCli(['run', '--target', url, '--api', 'connect', '--profile', 'quick', '--seed', '1', '--time-budget', '4', '--out', out], { env: cleanEnv(), timeoutMs: 90_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/time budget of 4 s used up: cancelled the unfinished suites/);
    expect(r.stdout).toMatch(/suite error\(s\): conformance not established/);
    const report = JSON.parse(readFileSync(path.join(out, 'lockstep-report.json'), 'utf8')) as Report;
    const budget = report.timings.suites.find((s) => s.suite === 'time-budget');
    expect(budget?.errors[0]).toMatch(/time budget of 4 s used up/);
    expect(report.summary.suiteErrors).toBeGreaterThanOrEqual(1);
    // The cancelled suites' clients were destroyed mid-request: none of that may read as the target's fault.
    for (const v of report.verdicts) expect(v.message).not.toMatch(/destroyed/);
    expect(readFileSync(path.join(out, 'lockstep-report.md'), 'utf8')).toMatch(/### Suite errors[\s\S]*time budget of 4 s used up/);
  }, 120_000);

  it('a budget that runs out before the suites start still cancels them and fails the run (not "no suite file")', async () => {
    const url = await listening;
    const out = mkdtempSync(path.join(os.tmpdir(), 'lockstep-budget-'));
    const r = await runCli(['run', '--target', url, '--api', 'connect', '--profile', 'quick', '--seed', '1', '--time-budget', '1', '--out', out], { env: cleanEnv(), timeoutMs: 90_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/time budget of 1 s used up/);
    const report = JSON.parse(readFileSync(path.join(out, 'lockstep-report.json'), 'utf8')) as Report;
    expect(report.timings.suites.some((s) => s.suite === 'time-budget')).toBe(true);
  }, 120_000);
});
