// Against the misbehaving endpoint (fixtures/hostile) every breakage becomes a result the checks
// judge: no crash, no hang; and `lockstep run` answers with an exit code.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startHostileServer } from '../../fixtures/hostile/server.js';
import type { HostileMode, HostileOptions, HostileServer } from '../../fixtures/hostile/types.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { request } from '../../suites/harness/builders.js';
import { checkNot5xx, checkSuccess } from '../../suites/harness/checks.js';
import { Transport, type FailureKind } from '../../suites/harness/transport.js';
import { cleanEnv, runCli } from './helpers/cli.js';

const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.close();
});

async function hostile(opts: HostileOptions): Promise<HostileServer> {
  const s = await startHostileServer(opts);
  servers.push(s);
  return s;
}

const describeReq = () => request('connect', 'DescribeDataTable', { path: { InstanceId: 'i', DataTableId: 't' } });

async function send(url: string): Promise<Awaited<ReturnType<Transport['send']>>> {
  const t = new Transport({ client: 'hostile', baseUrl: url, timeoutMs: 400, maxResponseBytes: 256 * 1024 });
  try {
    return await t.send(describeReq());
  } finally {
    await t.close();
  }
}

describe('transport against each hostile mode', () => {
  test.each<[HostileMode, Partial<HostileOptions>, FailureKind | 'response']>([
    ['hang', {}, 'timeout'],
    ['reset', {}, 'reset'],
    ['garbage', {}, 'garbage'],
    ['slow-drip', { dripIntervalMs: 50 }, 'timeout'],
    ['huge-body', {}, 'too-large'],
    ['wrong-content-type', {}, 'response'],
    ['invalid-json', {}, 'response'],
    ['500-everything', {}, 'response'],
    ['empty-200', {}, 'response'],
  ])('%s', async (mode, extra, kind) => {
    const s = await hostile({ mode, ...extra });
    const r = await send(s.url);
    expect(r.kind).toBe(kind);
    // Whatever came back, the success check judges it as a failure rather than throwing.
    expect(checkSuccess('connect', 'DescribeDataTable', r).ok).toBe(false);
    if (mode === '500-everything') expect(checkNot5xx(r).ok).toBe(false);
  });

  test('lost-response: the request reached the real server, the answer never came back', async () => {
    const ref: ReferenceServer = await startReferenceServer({ port: 0, log: () => undefined });
    servers.push(ref);
    const s = await hostile({ mode: 'lost-response', upstream: ref.url });
    const r = await send(s.url);
    expect(['reset', 'garbage', 'timeout']).toContain(r.kind);
    expect(s.stats.dropped).toBe(1);
  });
});

describe('lockstep run against hostile targets', () => {
  test('a target that hangs fails the probe: exit 2, no hang', async () => {
    const s = await hostile({ mode: 'hang' });
    const r = await runCli(['run', '--target', s.url], { env: cleanEnv(), timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unreachable: .*no answer within/);
  }, 90_000);

  test('a target answering 500 to everything: exit 1', async () => {
    const s = await hostile({ mode: '500-everything' });
    const r = await runCli(['run', 'contract', '--target', s.url, '--api', 'cognito-sync', '--reporter', 'console', '--out', mkdtempSync(path.join(os.tmpdir(), 'lockstep-hostile-'))], { env: cleanEnv(), timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FAIL COMMON-RESP-1/);
  }, 150_000);
});
