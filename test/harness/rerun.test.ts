// Generated failures (properties, concurrency programs) are reproduced by re-running their suite
// with the run's seed and profile: every report format says how, and only for those verdicts.
import { describe, expect, it } from 'vitest';
import { consoleSummary } from '../../reporters/console.js';
import { junitReport } from '../../reporters/junit.js';
import { markdownReport } from '../../reporters/markdown.js';
import { rerunCommand } from '../../reporters/rerun.js';
import { makeReport, verdict } from '../compare/helpers/reports.js';

const generated = verdict(['CONNECT-LOCK-1', 'fail'], { suite: 'connect/sequential', seed: 42, path: '1:2~/J:D', check: 'sequential run' });
const plain = verdict(['COMMON-ERR-1', 'fail'], { suite: 'connect/contract', curl: "curl -sS -X POST 'http://127.0.0.1:9/x'" });

function reportWith(endpoint: { url: string; embedded: boolean }) {
  const r = makeReport([], { seed: 42, profile: 'standard', target: { endpoints: { connect: endpoint }, region: 'us-east-1', signed: false } });
  return { ...r, verdicts: [generated, plain] };
}

describe('rerunCommand', () => {
  it('names the suite, the API, the profile and the run seed, and the target unless it was the embedded reference', () => {
    expect(rerunCommand(reportWith({ url: 'http://10.0.0.7:8080', embedded: false }), generated)).toBe(
      'npx lockstep run connect/sequential --api connect --profile standard --seed 42 --target http://10.0.0.7:8080',
    );
    expect(rerunCommand(reportWith({ url: 'http://127.0.0.1:40111', embedded: true }), generated)).toBe('npx lockstep run connect/sequential --api connect --profile standard --seed 42');
  });

  it('uses the run seed even when the verdict recorded another one', () => {
    expect(rerunCommand(reportWith({ url: 'http://h', embedded: false }), { ...generated, seed: 7 })).toMatch(/--seed 42 /);
  });

  it('quotes what a shell would split', () => {
    expect(rerunCommand(reportWith({ url: "http://h/a b'c", embedded: false }), generated)).toMatch(/--target 'http:\/\/h\/a b'\\''c'$/);
  });

  it('has nothing for a verdict that is not a generated case (no replay path), even when its suite recorded the seed', () => {
    expect(rerunCommand(reportWith({ url: 'http://h', embedded: false }), plain)).toBeUndefined();
    expect(rerunCommand(reportWith({ url: 'http://h', embedded: false }), { ...plain, seed: 42 })).toBeUndefined();
  });
});

describe('in the reports', () => {
  const report = reportWith({ url: 'http://10.0.0.7:8080', embedded: false });
  const cmd = 'npx lockstep run connect/sequential --api connect --profile standard --seed 42 --target http://10.0.0.7:8080';

  it('console, markdown and JUnit show the re-run for the generated failure only', () => {
    for (const text of [consoleSummary(report), markdownReport(report), junitReport(report)]) {
      expect(text).toContain(cmd);
      expect(text.split(cmd).length - 1).toBe(1);
    }
    // the plain failure keeps its curl
    expect(markdownReport(report)).toContain("curl -sS -X POST 'http://127.0.0.1:9/x'");
    expect(junitReport(report)).toContain('reproduce: curl -sS -X POST');
  });
});

describe('lockstep replay', () => {
  it('lists the re-run commands of generated failures, which have no single request to re-send', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { cleanEnv, runCli } = await import('./helpers/cli.js');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lockstep-rerun-')), 'report.json');
    // Only the generated failure: it has no evidence to re-send, so nothing is replayed.
    writeFileSync(file, JSON.stringify({ ...reportWith({ url: 'http://10.0.0.7:8080', embedded: false }), verdicts: [generated] }));
    const recorded = await runCli(['replay', file], { env: cleanEnv(), timeoutMs: 60_000 });
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('nothing to replay');
    expect(recorded.stdout).toContain('npx lockstep run connect/sequential --api connect --profile standard --seed 42 --target http://10.0.0.7:8080');
  }, 90_000);
});
