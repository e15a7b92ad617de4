import { describe, expect, test } from 'vitest';
import { junitReport, xmlEscape } from '../../reporters/junit.js';
import { markdownReport } from '../../reporters/markdown.js';
import { consoleSummary } from '../../reporters/console.js';
import { REPORT_SCHEMA, type Report } from '../../reporters/report.js';
import { summarise } from '../../reporters/summary.js';
import type { Verdict } from '../../suites/harness/verdict.js';

function report(verdicts: Verdict[], strict = false): Report {
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'lockstep', version: '0.1.0' },
    target: { endpoints: { connect: { url: 'http://127.0.0.1:9', embedded: false } }, region: 'us-east-1', signed: false },
    apis: ['connect'],
    seed: 1,
    profile: 'quick',
    strict,
    timings: { startedAt: '2026-11-22T00:00:00.000Z', finishedAt: '2026-11-22T00:00:01.000Z', totalMs: 1000, probeMs: 1, suitesMs: 900, suites: [{ suite: 'connect/contract', state: 'passed', durationMs: 800, checks: 3, errors: [] }] },
    verdicts,
    summary: summarise(verdicts, strict),
  };
}

const base = { service: 'connect' as const, operation: 'BatchUpdateDataTableValue', evidence: [], suite: 'connect/contract' };
const verdicts: Verdict[] = [
  { ...base, requirement: 'COMMON-RESP-1', level: 'MUST', status: 'pass', check: 'ok one', message: 'ok' },
  { ...base, requirement: 'COMMON-ERR-2', level: 'MUST', status: 'fail', check: 'malformed <body> & "quotes"', message: 'got 500 <bad>', curl: "curl -X POST 'http://h/x'" },
  { ...base, requirement: 'COMMON-RESP-2', level: 'SHOULD', status: 'non-strict', check: 'request id', message: 'missing' },
];

describe('reporters', () => {
  test('JUnit: one testcase per verdict, MUST failures as <failure>, escaped', () => {
    const xml = junitReport(report(verdicts));
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('malformed &lt;body&gt; &amp; &quot;quotes&quot;');
    expect(xml).not.toContain('<bad>');
    expect(xml).toContain('reproduce: curl');
    expect(xml).toMatch(/<testsuites name="lockstep" tests="3" failures="1"/);
  });

  test('JUnit: under --strict a SHOULD failure is a failure too', () => {
    expect(junitReport(report(verdicts, true)).match(/<failure /g)).toHaveLength(2);
  });

  test('xmlEscape drops characters XML cannot hold', () => {
    expect(xmlEscape('a\u0000b\u001bc')).toBe('abc');
  });

  test('Markdown: verdict line, one table row per requirement, the failure with its curl', () => {
    const md = markdownReport(report(verdicts));
    expect(md).toContain('## lockstep: divergences found');
    expect(md).toMatch(/\| COMMON-ERR-2 \| MUST \| ❌ fail \| 0 \| 1 \|/);
    expect(md).toMatch(/\| COMMON-RESP-1 \| MUST \| ✅ pass \| 1 \| 0 \|/);
    expect(md).toContain("curl -X POST 'http://h/x'");
  });

  test('a crashed suite file is not reported as conformant', () => {
    const r = report([verdicts[0]!]);
    r.summary = summarise([verdicts[0]!], false, 1);
    expect(r.summary.exitCode).toBe(1);
    expect(consoleSummary(r)).toContain('Result: suite error(s): conformance not established');
    expect(markdownReport(r)).toContain('## lockstep: suite error(s)');
  });

  test('console summary ends with the result', () => {
    const text = consoleSummary(report(verdicts));
    expect(text).toContain('3 checks: 1 pass, 1 fail (MUST), 1 non-strict (SHOULD)');
    expect(text.trimEnd().endsWith('Result: divergences found')).toBe(true);
    expect(consoleSummary(report([verdicts[0]!])).trimEnd().endsWith('Result: conformant')).toBe(true);
  });
});
