// `lockstep compare` and `lockstep merge` through main(), in process: usage errors and report mode
// (no suites run here; the end-to-end runs are in e2e.test.ts).
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../cli/main.js';
import type { Report } from '../../reporters/report.js';
import { makeReport } from './helpers/reports.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err);
  return { code, out: out.text, err: err.text };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lockstep-compare-'));
function write(dir: string, name: string, r: Report | string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof r === 'string' ? r : JSON.stringify(r));
  return file;
}

describe('compare: usage errors exit 2 with one line', () => {
  const dir = tmp();
  const good = write(dir, 'good.json', makeReport([['CONNECT-LOCK-1', 'pass']]));
  test.each([
    [['compare'], /at least 2 reports .* got 0/],
    [['compare', good], /at least 2 reports .* got 1/],
    [['compare', '--target', 'a=http://127.0.0.1:9'], /at least 2 targets, got 1/],
    [['compare', '--target', 'http://127.0.0.1:9', '--target', 'b=embedded'], /must be NAME=URL/],
    [['compare', '--target', 'a=ftp://x', '--target', 'b=embedded'], /--target a: target "ftp:\/\/x" must be http/],
    [['compare', '--target', 'a=not a url', '--target', 'b=embedded'], /is not a URL/],
    [['compare', '--target', '../x=http://127.0.0.1:9', '--target', 'b=embedded'], /name '..\/x' must be/],
    [['compare', '--target', 'acme=embedded', '--target', 'ACME=embedded'], /duplicate endpoint name 'ACME'/],
    [['compare', `a=${good}`, `a=${good}`], /duplicate endpoint name 'a'/],
    [['compare', good, path.join(dir, 'missing.json')], /cannot read report .*missing\.json: ENOENT/],
    [['compare', good, 'x=' + write(dir, 'junk.json', '{"nope":1}')], /junk\.json is not a lockstep report/],
    [['compare', good, 'other=' + good, '--seed', '3'], /--seed applies only with --target/],
    [['compare', '--target', 'a=embedded', '--target', 'b=embedded', '--profile', 'huge'], /profile must be one of/],
  ])('%j', async (args, msg) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('an unreachable target is refused before anything runs', async () => {
    const out = tmp();
    const r = await cli(['compare', '--target', 'ok=embedded', '--target', 'gone=http://127.0.0.1:1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lockstep compare: target unreachable: gone \(http:\/\/127\.0\.0\.1:1\): /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(out, 'ok'))).toBe(false);
  });
});

describe('compare: lockstep.config.json', () => {
  const dir = tmp();
  const config = (name: string, body: unknown) => write(dir, name, JSON.stringify(body));

  test('its shared settings apply to every endpoint (a bad one is a usage error naming it)', async () => {
    const r = await cli(['compare', '--target', 'a=embedded', '--target', 'b=embedded', '--config', config('bad-profile.json', { profile: 'huge' })]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/profile must be one of/);
  });

  test('an unknown key or a missing explicit file is a usage error', async () => {
    const unknown = await cli(['compare', '--target', 'a=embedded', '--target', 'b=embedded', '--config', config('unknown.json', { colour: 'red' })]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown key "colour"/);
    const missing = await cli(['compare', '--target', 'a=embedded', '--target', 'b=embedded', '--config', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.json does not exist/);
  });

  test('its endpoint keys are not used, and it says so', async () => {
    const file = config('with-urls.json', { target: 'http://127.0.0.1:2', 'connect-url': 'http://127.0.0.1:3', profile: 'quick' });
    // Both endpoints unreachable: the command stops after reading the file, before any suite runs.
    const r = await cli(['compare', '--target', 'a=http://127.0.0.1:1', '--target', 'b=http://127.0.0.1:1', '--config', file]);
    expect(r.out).toMatch(/with-urls\.json: target, connect-url not used \(endpoints come from --target\)/);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/target unreachable: a \(http:\/\/127\.0\.0\.1:1\)/);
    expect(r.err).not.toMatch(/127\.0\.0\.1:[23]/);
  });

  test('--config with reports is refused (the reports already fix every setting)', async () => {
    const good = write(dir, 'r.json', makeReport([['CONNECT-LOCK-1', 'pass']]));
    const r = await cli(['compare', good, 'other=' + good, '--config', config('any.json', {})]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--config applies only with --target/);
  });
});

describe('compare: from reports', () => {
  test('conformant reports: exit 0, files written, names from the files and directories', async () => {
    const dir = tmp();
    const a = write(dir, 'acme.json', makeReport([['CONNECT-LOCK-1', 'pass']]));
    const b = write(dir, 'globex/lockstep-report.json', makeReport([['CONNECT-LOCK-1', 'pass']]));
    const out = path.join(dir, 'out');
    const r = await cli(['compare', a, path.dirname(b), '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/requirement\s+level\s+acme\s+globex/);
    const html = readFileSync(path.join(out, 'lockstep-compare.html'), 'utf8');
    expect(html).toContain('<th>acme<br>');
    expect(html).toContain('<th>globex<br>');
    expect(readFileSync(path.join(out, 'lockstep-compare.md'), 'utf8')).toContain('| requirement | level | acme | globex |');
  });

  test('a diverging report: exit 1; different seeds are flagged; --strict counts SHOULD failures', async () => {
    const dir = tmp();
    const a = write(dir, 'a.json', makeReport([['CONNECT-LOCK-1', 'pass'], ['COMMON-RESP-2', 'pass', 'SHOULD']]));
    const b = write(dir, 'b.json', makeReport([['CONNECT-LOCK-1', 'fail', 'MUST', 'bad <token>']], { seed: 99 }));
    const c = write(dir, 'c.json', makeReport([['CONNECT-LOCK-1', 'pass'], ['COMMON-RESP-2', 'non-strict', 'SHOULD']]));
    const out = path.join(dir, 'out');
    const r = await cli(['compare', `ref=${a}`, `vendor=${b}`, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('warning: seeds differ (ref=42, vendor=99)');
    expect(readFileSync(path.join(out, 'lockstep-compare.md'), 'utf8')).toContain('seeds differ');
    expect(readFileSync(path.join(out, 'lockstep-compare.html'), 'utf8')).toContain('bad &lt;token&gt;');
    expect((await cli(['compare', a, c, '--out', out])).code).toBe(0);
    expect((await cli(['compare', a, c, '--out', out, '--strict'])).code).toBe(1);
  });
});

describe('merge (in process, hand-made shards)', () => {
  const shards = (dir: string, seed2 = 42) => {
    write(dir, 'shard-1/lockstep-report.json', makeReport([['CONNECT-LOCK-1', 'pass'], ['CONNECT-LOCK-1', 'pass']], { shard: '1/2' }));
    write(dir, 'shard-2/lockstep-report.json', makeReport([['CONNECT-LOCK-1', 'fail'], ['COMMON-RESP-2', 'pass', 'SHOULD']], { shard: '2/2', seed: seed2 }));
  };

  test('a directory of shard reports merges into the usual files; exit as run would (1 here)', async () => {
    const dir = tmp();
    shards(dir);
    // The output inside the input directory must not be picked up as a third shard.
    const out = path.join(dir, 'merged');
    const first = await cli(['merge', dir, '--out', out]);
    const r = await cli(['merge', dir, '--out', out]);
    expect(first.code).toBe(1);
    expect(r.code, r.err).toBe(1);
    const rep = JSON.parse(readFileSync(path.join(out, 'lockstep-report.json'), 'utf8')) as Report;
    expect(rep.summary.totals).toMatchObject({ checks: 4, pass: 3, fail: 1 });
    expect(rep.summary.requirements.find((x) => x.requirement === 'CONNECT-LOCK-1')!.counts).toMatchObject({ pass: 2, fail: 1 });
    expect(existsSync(path.join(out, 'lockstep-junit.xml'))).toBe(true);
    expect(existsSync(path.join(out, 'lockstep-report.md'))).toBe(true);
    expect(r.out).toContain('Result: divergences found');
  });

  test('shards with different seeds are refused (exit 2) unless --force', async () => {
    const dir = tmp();
    shards(dir, 7);
    const out = path.join(dir, 'merged');
    const r = await cli(['merge', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not the shards of one run .*seeds differ/);
    expect(existsSync(path.join(out, 'lockstep-report.json'))).toBe(false);
    const forced = await cli(['merge', dir, '--out', out, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/warning \(forced\): seeds differ/);
  });

  test.each([
    [['merge'], /expected shard reports/],
    [['merge', '/nonexistent/lockstep-report.json'], /cannot read report/],
    [['merge', os.tmpdir() + '/lockstep-no-such-dir-x'], /cannot read report/],
    [['merge', 'x.json', '--reporter', 'html'], /unknown --reporter html/],
  ])('%j exits 2', async (args, msg) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
  });

  test('an empty directory exits 2', async () => {
    const r = await cli(['merge', tmp()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no lockstep-report\.json under/);
  });
});
