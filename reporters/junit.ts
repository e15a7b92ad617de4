// JUnit XML from verdicts: one testsuite per suite file, one testcase per check. MUST failures
// (and SHOULD failures under --strict) are <failure>; n/a and baselined checks are <skipped>.
import { rerunCommand } from './rerun.js';
import type { Report } from './report.js';
import type { Verdict } from '../suites/harness/verdict.js';

export function xmlEscape(s: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials escaped.
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function isFailure(v: Verdict, strict: boolean): boolean {
  if (v.baselined) return false;
  return v.status === 'fail' || (strict && v.status === 'non-strict');
}

export function junitReport(report: Report): string {
  const groups = new Map<string, Verdict[]>();
  for (const v of report.verdicts) {
    const key = v.suite ?? v.service;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const timing = new Map(report.timings.suites.map((s) => [s.suite, s]));
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = report.verdicts.filter((v) => isFailure(v, report.strict)).length;
  const skipped = report.verdicts.filter((v) => v.status === 'n/a' || v.baselined).length;
  const errs = report.timings.suites.filter((s) => s.errors.length > 0);
  out.push(`<testsuites name="lockstep" tests="${report.verdicts.length + errs.length}" failures="${failures}" errors="${errs.length}" skipped="${skipped}" time="${(report.timings.totalMs / 1000).toFixed(3)}">`);
  for (const [suite, vs] of groups) {
    const t = timing.get(suite);
    const f = vs.filter((v) => isFailure(v, report.strict)).length;
    const sk = vs.filter((v) => v.status === 'n/a' || v.baselined).length;
    out.push(`  <testsuite name="${xmlEscape(suite)}" tests="${vs.length}" failures="${f}" errors="0" skipped="${sk}" time="${((t?.durationMs ?? 0) / 1000).toFixed(3)}">`);
    for (const v of vs) {
      const name = `${v.requirement} ${v.operation}: ${v.check}`;
      out.push(`    <testcase classname="${xmlEscape(`${v.service}.${v.requirement}`)}" name="${xmlEscape(name)}" time="0">`);
      if (isFailure(v, report.strict)) {
        const rerun = rerunCommand(report, v);
        const body = [v.message, rerun ? `re-run: ${rerun}` : v.curl ? `reproduce: ${v.curl}` : ''].filter(Boolean).join('\n');
        out.push(`      <failure type="${v.level}" message="${xmlEscape(v.message)}">${xmlEscape(body)}</failure>`);
      } else if (v.baselined) {
        out.push(`      <skipped message="${xmlEscape(`known divergence (baseline)${v.baselined.reason ? `: ${v.baselined.reason}` : ''}: ${v.message}`)}"/>`);
      } else if (v.status === 'n/a') {
        out.push(`      <skipped message="${xmlEscape(v.message)}"/>`);
      } else if (v.status !== 'pass') {
        out.push(`      <system-out>${xmlEscape(`${v.status}: ${v.message}`)}</system-out>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  for (const s of errs) {
    out.push(`  <testsuite name="${xmlEscape(s.suite)}" tests="1" failures="0" errors="1" skipped="0" time="${(s.durationMs / 1000).toFixed(3)}">`);
    out.push(`    <testcase classname="lockstep.suite" name="${xmlEscape(`${s.suite} ran to completion`)}" time="0"><error message="${xmlEscape(s.errors[0] ?? 'suite error')}">${xmlEscape(s.errors.join('\n'))}</error></testcase>`);
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
