// The set-up command `npm ci && npx lockstep run` runs the package's bin: npm ci builds dist/ (the
// `prepare` script) and npx executes dist/bin/lockstep.js directly, through its shebang. A freshly
// compiled file is not executable unless the build makes it so (a fresh clone once failed with
// "lockstep: Permission denied"), so check the built file as npx will use it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
const bin = path.join(ROOT, pkg.bin.lockstep ?? '');

describe('the lockstep bin as npx runs it', () => {
  it('is built by npm ci (prepare) and is an executable script with a node shebang', () => {
    expect(pkg.scripts.prepare).toMatch(/npm run build/);
    expect(existsSync(bin), `${bin} is missing: run npm ci (or npm run build)`).toBe(true);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(statSync(bin).mode & 0o111, `${bin} is not executable`).not.toBe(0);
  });

  it('runs when executed directly and prints its usage', () => {
    const r = spawnSync(bin, ['--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/lockstep run/);
  });
});
