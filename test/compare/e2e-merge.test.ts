// `lockstep merge` on real shard reports: `run --shard 1/2` and `2/2` merged equal an unsharded run
// with the same seed, requirement by requirement; shards of another seed are refused.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, runCli } from '../harness/helpers/cli.js';
import type { Report } from '../../reporters/report.js';

const readReport = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'lockstep-report.json'), 'utf8')) as Report;
const countsByRequirement = (r: Report) => Object.fromEntries(r.summary.requirements.map((x) => [x.requirement, x.counts]));
// cognito-sync has two suite files (contract, concurrency): one per shard.
const RUN = ['run', '--api', 'cognito-sync', '--profile', 'quick', '--seed', '21', '--reporter', 'json'];

describe('merge of real shard reports', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lockstep-merge-e2e-'));
    const runs = await Promise.all([
      runCli([...RUN, '--shard', '1/2', '--out', path.join(dir, 'shards', 's1')], { env: cleanEnv(), timeoutMs: 120_000 }),
      runCli([...RUN, '--shard', '2/2', '--out', path.join(dir, 'shards', 's2')], { env: cleanEnv(), timeoutMs: 120_000 }),
    ]);
    const whole = await runCli([...RUN, '--out', path.join(dir, 'whole')], { env: cleanEnv(), timeoutMs: 120_000 });
    for (const r of [...runs, whole]) expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 180_000);

  test('the shards split the suites, and their merge has the unsharded counts per requirement', async () => {
    const s1 = readReport(path.join(dir, 'shards', 's1'));
    const s2 = readReport(path.join(dir, 'shards', 's2'));
    expect([s1.shard, s2.shard]).toEqual(['1/2', '2/2']);
    expect(s1.verdicts.length).toBeGreaterThan(0);
    expect(s2.verdicts.length).toBeGreaterThan(0);

    const r = await runCli(['merge', path.join(dir, 'shards'), '--out', path.join(dir, 'merged')], { env: cleanEnv(), timeoutMs: 60_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const merged = readReport(path.join(dir, 'merged'));
    const whole = readReport(path.join(dir, 'whole'));
    expect(merged.summary.totals).toEqual(whole.summary.totals);
    expect(countsByRequirement(merged)).toEqual(countsByRequirement(whole));
    expect(merged.verdicts).toHaveLength(s1.verdicts.length + s2.verdicts.length);
    expect(new Set(merged.timings.suites.map((s) => s.suite))).toEqual(new Set(whole.timings.suites.map((s) => s.suite)));
    expect(merged.seed).toBe(21);
    expect(merged.shard).toBeUndefined();
  });

  test('a shard from a run with another seed is refused with exit 2', async () => {
    const other = readReport(path.join(dir, 'shards', 's2'));
    other.seed = 22;
    mkdirSync(path.join(dir, 'bad'), { recursive: true });
    writeFileSync(path.join(dir, 'bad', 'lockstep-report.json'), JSON.stringify(other));
    const r = await runCli(['merge', path.join(dir, 'shards', 's1', 'lockstep-report.json'), path.join(dir, 'bad'), '--out', path.join(dir, 'refused')], { env: cleanEnv(), timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/seeds differ: .*: 21; .*: 22/);
  });
});
