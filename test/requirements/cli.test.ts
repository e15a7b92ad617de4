import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import path from 'node:path';
import { main } from '../../cli/main.js';
import { REQUIREMENTS, requirementsFor } from '../../spec/requirements/catalog.js';
import { projectRoot } from '../../spec/services.js';

/** Runs the CLI in-process; the command writes to process.stdout, so that is captured too. */
async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(String(chunk));
        cb();
      },
    });
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write);
  try {
    const code = await main(argv, sink((s) => (out += s)) as unknown as typeof process.stdout, sink((s) => (err += s)) as unknown as typeof process.stderr);
    return { code, out, err };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('lockstep requirements', () => {
  it('prints every id and exits 0', async () => {
    const { code, out } = await runCli(['requirements']);
    expect(code).toBe(0);
    const printed = new Set([...out.matchAll(/^(\S+)  (MUST|SHOULD|INFO)  /gm)].map((m) => m[1]));
    expect([...printed].sort()).toEqual(REQUIREMENTS.map((r) => r.id).sort());
    expect(out).toContain(`${REQUIREMENTS.length} requirements`);
  });

  it('--api narrows to one service', async () => {
    const { code, out } = await runCli(['requirements', '--api', 'cognito-sync']);
    expect(code).toBe(0);
    const printed = [...out.matchAll(/^(\S+)  (MUST|SHOULD|INFO)  /gm)].map((m) => m[1]);
    expect(printed).toEqual(requirementsFor('cognito-sync').map((r) => r.id));
    expect(printed).not.toContain('DIR-ATOMIC-1');
  });

  it('--json emits the catalog as JSON', async () => {
    const { code, out } = await runCli(['requirements', '--json', '--api', 'clouddirectory']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{ id: string; source: { doc: string } }>;
    expect(rows.map((r) => r.id)).toEqual(requirementsFor('clouddirectory').map((r) => r.id));
  });

  it('--api bogus is a usage error (exit 2)', async () => {
    const { code, err } = await runCli(['requirements', '--api', 'bogus']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown --api bogus/);
  });

  it('as a process: prints every id with exit 0, and exits 2 on --api bogus', () => {
    const root = projectRoot();
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'lockstep.ts'), ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const ok = run(['requirements']);
    expect(ok.status, ok.stderr).toBe(0);
    for (const r of REQUIREMENTS) expect(ok.stdout).toContain(`${r.id}  ${r.level}`);
    const bad = run(['requirements', '--api', 'bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bogus');
  });
});
