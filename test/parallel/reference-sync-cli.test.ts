// `lockstep run concurrency --api cognito-sync` end to end (child process): the embedded reference
// is conformant (exit 0), and a reference with sync-race-check-then-act fails SYNC-CONC-1 and only
// it (exit 1), with seed, replay path, the shrunk counterexample and a timeline file in the verdict.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import type { Verdict } from '../../suites/harness/verdict.js';
import { cleanEnv, runCli } from '../harness/helpers/cli.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'lockstep-sync-cli-'));
  dirs.push(d);
  return d;
};
const verdictsIn = (out: string): Verdict[] => (JSON.parse(readFileSync(path.join(out, 'lockstep-report.json'), 'utf8')) as { verdicts: Verdict[] }).verdicts;

let faulty: ReferenceServer;
beforeAll(async () => {
  faulty = await startReferenceServer({ port: 0, faults: ['sync-race-check-then-act'], log: () => undefined });
});
afterAll(async () => {
  await faulty.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.concurrent('lockstep run concurrency --api cognito-sync', () => {
  test('embedded reference: SYNC-CONC-1 and NET-1 pass, exit 0', async () => {
    const out = tmp();
    const r = await runCli(['run', 'concurrency', '--api', 'cognito-sync', '--profile', 'quick', '--seed', '4', '--out', out, '--reporter', 'json'], { env: cleanEnv(), timeoutMs: 150_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const verdicts = verdictsIn(out);
    expect(verdicts.find((v) => v.requirement === 'SYNC-CONC-1')).toMatchObject({ status: 'pass', suite: 'cognito-sync/concurrency', seed: 4 });
    expect(verdicts.find((v) => v.requirement === 'NET-1')).toMatchObject({ status: 'pass', suite: 'cognito-sync/concurrency' });
  });

  test('sync-race-check-then-act: exit 1 naming SYNC-CONC-1, with seed, path, counterexample and timeline', async () => {
    const out = tmp();
    // Standard sizes (40 programs): a race shows with high probability even on a loaded machine,
    // where the quick profile's 10 programs once missed it (about 3 s either way).
    const r = await runCli(['run', 'concurrency', '--api', 'cognito-sync', '--target', faulty.url, '--profile', 'standard', '--seed', '4', '--out', out, '--reporter', 'console,json'], {
      env: cleanEnv(),
      timeoutMs: 150_000,
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FAIL SYNC-CONC-1/);
    const verdicts = verdictsIn(out);
    expect(verdicts.filter((v) => v.status === 'fail').map((v) => v.requirement)).toEqual(['SYNC-CONC-1']);
    const v = verdicts.find((x) => x.requirement === 'SYNC-CONC-1')!;
    expect(v.seed).toBe(4);
    expect(v.path).toMatch(/^\d+(:\d+)*$/);
    const lines = v.counterexample as string[];
    expect(lines.filter((l) => /^#\d+ /.test(l)).length).toBeLessThanOrEqual(4);
    expect(lines.join('\n')).toMatch(/duplicate-base/);
    const timeline = lines.find((l) => l.startsWith('timeline: '))!.slice('timeline: '.length);
    expect(existsSync(timeline)).toBe(true);
    expect(readFileSync(timeline, 'utf8')).toContain('Verdict: <strong>illegal</strong>');
    rmSync(timeline, { force: true });
  });
});
