// `lockstep run` / `lockstep replay` end to end, as a user calls them (child processes).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { startDivergentProxy, type Proxy } from './helpers/divergent-proxy.js';
import type { Report } from '../../reporters/report.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lockstep-cli-'));
const readReport = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'lockstep-report.json'), 'utf8')) as Report;

describe.concurrent('usage errors exit 2 with a one-line reason', () => {
  test('unreachable target', async () => {
    const r = await runCli(['run', '--target', 'http://127.0.0.1:1'], { env: cleanEnv(), timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unreachable: http:\/\/127\.0\.0\.1:1/);
  }, 90_000);

  test.each([
    [['run', '--bogus'], /Unknown option '--bogus'/],
    [['run', '--api', 'dynamodb'], /unknown api dynamodb/],
    [['run', '--profile', 'huge'], /profile/],
    [['run', '--reporter', 'console,html'], /unknown --reporter html/],
    [['run', '--config', '/nonexistent/lockstep.config.json'], /does not exist/],
    [['run', '--baseline', '/nonexistent/baseline.json'], /cannot read baseline/],
    [['run', '--shard', '3/2'], /--shard must be i\/n/],
    [['run', 'no-such-suite-name', '--api', 'cognito-sync'], /no suite file matches 'no-such-suite-name'/],
    [['replay'], /exactly one report/],
    [['replay', '/nonexistent/report.json'], /cannot read report/],
  ])('%j', async (args, msg) => {
    const r = await runCli(args, { env: cleanEnv(), timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  }, 90_000);

  test('a config file with an unknown key', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'lockstep.config.json'), '{"api":"connect","tagret":"http://x"}');
    const r = await runCli(['run'], { env: cleanEnv(), cwd: dir, timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "tagret"/);
  }, 90_000);
});

describe('no target: the embedded reference passes, and fake credentials leave no trace', () => {
  const creds = {
    AWS_ACCESS_KEY_ID: 'AKIDLOCKSTEPFAKE0042',
    AWS_SECRET_ACCESS_KEY: 'lockstepFakeSecretKey/DoNotLeak+0123456789ab',
    AWS_SESSION_TOKEN: 'LockstepFakeSessionTokenDoNotLeak0123456789',
  };
  let out: string;
  let code: number | null;
  let stdout: string;

  beforeAll(async () => {
    out = tmp();
    // Only the smoke suites: this tests the harness, not every API suite (they have their own tests).
    const r = await runCli(['run', 'contract', '--out', out, '--seed', '5', '--profile', 'quick'], { env: cleanEnv(creds), timeoutMs: 180_000 });
    code = r.code;
    stdout = r.stdout + r.stderr;
  }, 200_000);

  test('exit 0 with every API run and a documented report', () => {
    expect(code, stdout).toBe(0);
    const rep = readReport(out);
    expect(rep.schema).toBe('lockstep-report/1');
    expect(rep.apis).toEqual(['connect', 'cognito-sync', 'clouddirectory']);
    expect(rep.seed).toBe(5);
    expect(rep.target.signed).toBe(true);
    expect(Object.values(rep.target.endpoints).every((e) => e!.embedded)).toBe(true);
    expect(rep.summary).toMatchObject({ conformant: true, exitCode: 0, mustFailures: 0 });
    const services = new Set(rep.verdicts.map((v) => v.service));
    expect(services).toEqual(new Set(['connect', 'cognito-sync', 'clouddirectory']));
    for (const id of ['COMMON-RESP-1', 'COMMON-RESP-2', 'COMMON-ERR-1', 'COMMON-ERR-2', 'COMMON-VAL-2']) {
      expect(rep.summary.requirements.find((r) => r.requirement === id)?.status, id).toBe('pass');
    }
    expect(new Set(rep.verdicts.map((v) => v.suite))).toEqual(new Set(['connect/contract', 'cognito-sync/contract', 'clouddirectory/contract']));
    expect(readdirSync(out).sort()).toEqual(['lockstep-junit.xml', 'lockstep-report.json', 'lockstep-report.md']);
  });

  test('requests were signed, yet no report file holds a secret, token, key id or signature', () => {
    const rep = readReport(out);
    const signedExchange = rep.verdicts.flatMap((v) => v.evidence).find((e) => e.request.headers.authorization !== undefined);
    expect(signedExchange?.request.headers.authorization).toBe('[redacted]');
    for (const f of readdirSync(out)) {
      const text = readFileSync(path.join(out, f), 'utf8');
      for (const secret of Object.values(creds)) expect(text, f).not.toContain(secret);
      expect(text, f).not.toMatch(/Signature=[0-9a-f]{16}/);
      expect(text, f).not.toMatch(/AWS4-HMAC-SHA256 Credential/);
    }
    expect(stdout).not.toContain(creds.AWS_SECRET_ACCESS_KEY);
  });
});

describe('a divergent target', () => {
  let ref: ReferenceServer;
  let proxy: Proxy;
  let unknown: Proxy;
  beforeAll(async () => {
    ref = await startReferenceServer({ port: 0 });
    proxy = await startDivergentProxy(ref.url);
    unknown = await startDivergentProxy(ref.url, { unknownOperation: true });
  });
  afterAll(async () => {
    await proxy?.close();
    await unknown?.close();
    await ref?.close();
  });

  test('exit 1; failures carry curl; baseline entries are applied, expired or stale; replay reproduces', async () => {
    const out = tmp();
    const baseline = path.join(out, 'baseline.json');
    writeFileSync(
      baseline,
      JSON.stringify([
        { requirement: 'COMMON-RESP-2', operation: 'ListRecords', reason: 'known' },
        { requirement: 'COMMON-ERR-2', operation: 'UpdateRecords', expires: '2020-01-01' },
        { requirement: 'COMMON-TS-1', operation: 'ListRecords' },
      ]),
    );
    const r = await runCli(['run', 'contract', '--target', proxy.url, '--api', 'cognito-sync', '--out', out, '--baseline', baseline, '--reporter', 'console,json,markdown'], { env: cleanEnv(), timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const rep = readReport(out);
    expect(rep.summary.mustFailures).toBeGreaterThan(0);
    const err2 = rep.verdicts.filter((v) => v.requirement === 'COMMON-ERR-2' && v.status === 'fail');
    expect(err2.length).toBeGreaterThan(0);
    expect(err2.every((v) => v.baselined === undefined)).toBe(true);
    expect(err2[0]!.curl).toMatch(/^curl -sS -i -X POST '.*\/identitypools\/.*' .*--data-binary/);
    expect(rep.verdicts.filter((v) => v.requirement === 'COMMON-RESP-2' && v.operation === 'ListRecords').every((v) => v.baselined)).toBe(true);
    expect(rep.baseline?.applied.map((a) => a.entry.requirement)).toEqual(['COMMON-RESP-2']);
    expect(rep.baseline?.expired.map((e) => e.requirement)).toEqual(['COMMON-ERR-2']);
    expect(rep.baseline?.stale.map((e) => e.requirement)).toEqual(['COMMON-TS-1']);
    expect(r.stdout).toMatch(/expired on 2020-01-01/);
    expect(r.stdout).toMatch(/COMMON-TS-1 ListRecords matched no failure/);
    expect(readFileSync(path.join(out, 'lockstep-report.md'), 'utf8')).toContain('❌');

    // Replay the first MUST failure: it still diverges on the proxy, and not on the reference.
    const failures = rep.verdicts.filter((v) => (v.status === 'fail' || v.status === 'non-strict') && !v.baselined && v.evidence.length > 0);
    const index = String(failures.findIndex((v) => v.requirement === 'COMMON-ERR-2') + 1);
    const again = await runCli(['replay', path.join(out, 'lockstep-report.json'), '--index', index], { env: cleanEnv(), timeoutMs: 30_000 });
    expect(again.code, again.stdout + again.stderr).toBe(1);
    expect(again.stdout).toMatch(/still-diverges/);
    const fixed = await runCli(['replay', path.join(out, 'lockstep-report.json'), '--index', index, '--target', ref.url], { env: cleanEnv(), timeoutMs: 30_000 });
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/no-longer-diverges/);
  }, 150_000);

  test('a target implementing nothing (404 UnknownOperation everywhere): checks are n/a, exit 0', async () => {
    const out = tmp();
    const r = await runCli(['run', 'contract', '--target', unknown.url, '--api', 'cognito-sync', '--out', out, '--reporter', 'json'], { env: cleanEnv(), timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const rep = readReport(out);
    expect(rep.verdicts.length).toBeGreaterThan(0);
    expect(rep.verdicts.filter((v) => v.status !== 'n/a')).toEqual([]);
  }, 150_000);
});
