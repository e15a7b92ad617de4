// `lockstep serve` as a user runs it: prints the URL, serves, stops cleanly; bad input exits 2.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFaults } from '../../fixtures/faults/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'lockstep.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `whenListening` gets the URL once printed and may then stop the process. */
function runCli(args: string[], whenListening?: (url: string, stop: (signal: NodeJS.Signals) => void) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let seen = false;
    const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m && !seen && whenListening) {
        seen = true;
        whenListening(m[1]!, (s) => child.kill(s)).catch((e: unknown) => {
          child.kill('SIGKILL');
          reject(e);
        });
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('lockstep serve', () => {
  it('prints its URL, answers requests, and exits 0 on SIGTERM', async () => {
    let status = 0;
    const run = await runCli(['serve', '--port', '0', '--fault', 'sync-tombstone-dropped'], async (url, stop) => {
      const r = await fetch(`${url}/identitypools/us-east-1:aa/identities/us-east-1:bb/datasets/d/records`);
      status = r.status;
      await r.text();
      stop('SIGTERM');
    });
    expect(status).toBe(200);
    expect(run.stdout).toContain('faults enabled: sync-tombstone-dropped');
    expect(run.code).toBe(0);
  });

  it('exits 0 on SIGINT too', async () => {
    const run = await runCli(['serve'], async (_url, stop) => stop('SIGINT'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('stopping');
  });

  it('exits 2 with a clear message for an unknown fault (repeatable or comma list)', async () => {
    const run = await runCli(['serve', '--fault', 'sync-tombstone-dropped,sync-made-up', '--fault', 'sync-conflict-500']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown fault sync-made-up');
  });

  it('exits 2 for a bad port, an unknown flag, or incomplete SigV4 options', async () => {
    for (const args of [['serve', '--port', '70000'], ['serve', '--bogus'], ['serve', '--auth', 'sigv4', '--access-key-id', 'K'], ['serve', '--auth', 'basic']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length).toBeGreaterThan(0);
    }
  });

  it('--list-faults prints every fault with its service and requirement id', async () => {
    const run = await runCli(['serve', '--list-faults']);
    expect(run.code).toBe(0);
    const faults = allFaults();
    expect(faults.length).toBeGreaterThan(0);
    for (const f of faults) {
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${f.name} `));
      expect(line, f.name).toBeDefined();
      expect(line).toContain(f.service);
      expect(line).toContain(f.requirement);
    }
  });
});
