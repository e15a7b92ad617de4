import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../spec/services.js';

// The CLI's failure contract: exit 2, one message naming the file, never a stack trace.
function runCli(args: string[]) {
  const tsx = path.join(projectRoot(), 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, ['spec/generate/cli.ts', ...args], { cwd: projectRoot(), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('spec:generate command line', () => {
  it('a missing documents directory exits 2 naming it', () => {
    const missing = path.join(os.tmpdir(), 'lockstep-no-such-docs');
    const r = runCli(['--docs', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a model that is not JSON exits 2 naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockstep-bad-docs-'));
    try {
      fs.mkdirSync(path.join(dir, 'seeds'));
      fs.mkdirSync(path.join(dir, 'models'));
      fs.writeFileSync(path.join(dir, 'models', 'connect.service-2.json'), '{ not json');
      const r = runCli(['--docs', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('connect.service-2.json: not valid JSON');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown flag exits 2 with usage', () => {
    const r = runCli(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage');
  });
});
