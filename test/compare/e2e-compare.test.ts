// `lockstep compare` against two live endpoints (child process, as a user runs it): the embedded
// reference, and a reference server with a lock-level fault. Same seed and profile for both.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { cleanEnv, runCli, type CliResult } from '../harness/helpers/cli.js';
import type { Report } from '../../reporters/report.js';

describe('compare: embedded reference vs connect-lock-wrong-component', () => {
  let faulty: ReferenceServer;
  let out: string;
  let r: CliResult;

  beforeAll(async () => {
    faulty = await startReferenceServer({ port: 0, faults: ['connect-lock-wrong-component'] });
    out = mkdtempSync(path.join(os.tmpdir(), 'lockstep-compare-e2e-'));
    // Only the sequential suite: it is the one that exercises lock levels (CONNECT-LOCK-1).
    r = await runCli(['compare', '--target', 'reference=embedded', '--target', `faulty=${faulty.url}`, '--api', 'connect', '--profile', 'quick', '--seed', '11', 'sequential', '--out', out], {
      env: cleanEnv(),
      timeoutMs: 150_000,
    });
  }, 180_000);
  afterAll(async () => {
    await faulty?.close();
  });

  test('exit 1: one endpoint diverges', () => {
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('Result: divergences on faulty');
  });

  test('each run keeps its full report, both with the same seed and profile', () => {
    const reports = ['reference', 'faulty'].map((n) => JSON.parse(readFileSync(path.join(out, n, 'lockstep-report.json'), 'utf8')) as Report);
    expect(reports.map((x) => [x.seed, x.profile])).toEqual([
      [11, 'quick'],
      [11, 'quick'],
    ]);
    expect(reports[0]!.target.endpoints.connect?.embedded).toBe(true);
    expect(reports[1]!.target.endpoints.connect?.url).toBe(faulty.url.replace(/\/+$/, ''));
    for (const n of ['reference', 'faulty']) expect(existsSync(path.join(out, n, 'lockstep-junit.xml'))).toBe(true);
  });

  test('the faulty column fails CONNECT-LOCK-1, the reference column passes it', () => {
    const md = readFileSync(path.join(out, 'lockstep-compare.md'), 'utf8');
    expect(md).toContain('| requirement | level | reference | faulty |');
    expect(md).toMatch(/\| CONNECT-LOCK-1 \| MUST \| ✅ pass \d+\/\d+ \| ❌ fail \d+\/\d+ \|/);
    expect(r.stdout).toMatch(/CONNECT-LOCK-1\s+MUST\s+pass \d+\/\d+\s+FAIL \d+\/\d+/);
    // Worst first: the divergence heads the table.
    const firstRow = md.split('\n').find((l) => /^\| [A-Z]+-/.test(l) && !l.startsWith('| endpoint'));
    expect(firstRow).toMatch(/^\| CONNECT-LOCK-1 /);
  });

  test('the HTML page names both endpoints and explains the failure', () => {
    const html = readFileSync(path.join(out, 'lockstep-compare.html'), 'utf8');
    expect(html).toContain('<th>reference<br>');
    expect(html).toContain('<th>faulty<br>');
    const row = html.split('\n').find((l) => l.startsWith('<tr><th scope="row"') && l.includes('>CONNECT-LOCK-1</th>'))!;
    expect(row).toMatch(/<td class="cell s-pass">.*<td class="cell s-fail" title="[^"]+">.*<details>/);
    expect(html).not.toMatch(/seeds differ/);
  });
});
