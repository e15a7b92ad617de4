// `lockstep run contract` against a reference with every binding fault: the contract suites report
// COMMON-BIND-1 failing for exactly the moved operations, naming the method each answers at, and
// nothing else fails (the moved operations' other checks are n/a: not served at their binding).
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BINDING_FAULTS } from '../../fixtures/faults/binding.js';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import type { Report } from '../../reporters/report.js';
import { cleanEnv, runCli } from '../harness/helpers/cli.js';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ faults: BINDING_FAULTS.map((f) => f.name), log: () => undefined });
});
afterAll(() => server.close());

test('the contract suites catch every binding fault under COMMON-BIND-1', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'lockstep-binding-'));
  const r = await runCli(['run', 'contract', '--target', server.url, '--seed', '3', '--out', out, '--reporter', 'json'], { env: cleanEnv(), timeoutMs: 120_000 });
  expect(r.code, r.stdout + r.stderr).toBe(1);
  const rep = JSON.parse(readFileSync(path.join(out, 'lockstep-report.json'), 'utf8')) as Report;
  const failing = rep.verdicts.filter((v) => v.status === 'fail' || v.status === 'non-strict');
  expect(failing.map((v) => `${v.requirement} ${v.service} ${v.operation}`).sort()).toEqual(
    BINDING_FAULTS.map((f) => `COMMON-BIND-1 ${f.service} ${f.operation}`).sort(),
  );
  for (const f of BINDING_FAULTS) {
    const v = failing.find((x) => x.operation === f.operation)!;
    expect(v.message).toContain(`but answers at ${f.method} `);
    expect(v.evidence.some((e) => e.request.method === f.method)).toBe(true);
    // The operation's other checks went to its binding and were told it is unknown there.
    const others = rep.verdicts.filter((x) => x.operation === f.operation && x.requirement !== 'COMMON-BIND-1');
    expect(others.every((x) => x.status === 'n/a')).toBe(true);
  }
  const bind = rep.coverage?.requirements.find((c) => c.requirement === 'COMMON-BIND-1');
  expect(bind?.checks.length).toBeGreaterThan(0);
  expect(rep.coverage?.uncovered).not.toContain('COMMON-BIND-1');
  expect(server.internalErrors()).toBe(0);
}, 150_000);
