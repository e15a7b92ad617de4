// Markdown report sized for a CI step summary ($GITHUB_STEP_SUMMARY): verdict line, table by
// requirement, divergences with a reproduction each (folded).
import { rerunCommand } from './rerun.js';
import type { Report } from './report.js';
import { coverageLine } from './coverage.js';
import { resultWords } from './console.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const ICON: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', 'non-strict': '⚠️ non-strict', info: 'ℹ️ info', 'n/a': '➖ n/a' };

export function markdownReport(report: Report): string {
  const s = report.summary;
  const t = s.totals;
  const lines: string[] = [];
  lines.push(`## lockstep: ${resultWords(report)}`, '');
  const endpoints = Object.entries(report.target.endpoints).map(([api, e]) => `\`${api}\` → ${e!.embedded ? 'embedded reference' : `\`${e!.url}\``}`);
  lines.push(`Target: ${endpoints.join(', ')} · profile \`${report.profile}\` · seed \`${report.seed}\` · ${(report.timings.totalMs / 1000).toFixed(1)} s`, '');
  lines.push(`**${t.checks} checks**: ${t.pass} pass, ${t.fail} fail (MUST), ${t['non-strict']} non-strict (SHOULD), ${t.baselined} baselined, ${t.info} info, ${t['n/a']} n/a${s.suiteErrors ? `, ${s.suiteErrors} suite error(s)` : ''}`, '');
  lines.push('| requirement | level | result | pass | fail | baselined | info | n/a |', '|---|---|---|---:|---:|---:|---:|---:|');
  for (const r of s.requirements) {
    lines.push(`| ${cell(r.requirement)} | ${r.level} | ${ICON[r.status] ?? r.status} | ${r.counts.pass} | ${r.counts.fail + r.counts['non-strict']} | ${r.counts.baselined} | ${r.counts.info} | ${r.counts['n/a']} |`);
  }
  const suiteErrors = report.timings.suites.filter((x) => x.errors.length > 0);
  if (suiteErrors.length) {
    // Not divergences of the target: the run itself did not complete these (a crash, the time budget).
    lines.push('', '### Suite errors', '');
    for (const x of suiteErrors) for (const e of x.errors.slice(0, 5)) lines.push(`- \`${cell(x.suite)}\`: ${cell(e)}`);
  }
  const failures = report.verdicts.filter((v) => (v.status === 'fail' || v.status === 'non-strict') && !v.baselined);
  if (failures.length) {
    lines.push('', '### Divergences', '');
    for (const v of failures.slice(0, 100)) {
      lines.push(`<details><summary>${v.status === 'fail' ? '❌' : '⚠️'} <code>${cell(v.requirement)}</code> ${cell(v.service)} ${cell(v.operation)}: ${cell(v.check)}</summary>`, '');
      lines.push(cell(v.message), '');
      const rerun = rerunCommand(report, v);
      if (rerun) lines.push('Reproduce (the same seed and profile regenerate the same case):', '', '```sh', rerun, '```', '');
      if (v.curl) lines.push(rerun ? 'Its last request:' : 'Reproduce:', '', '```sh', v.curl, '```', '');
      lines.push('</details>', '');
    }
    if (failures.length > 100) lines.push(`… and ${failures.length - 100} more in lockstep-report.json`, '');
  }
  const c = report.coverage;
  if (c) {
    lines.push('', '### Coverage', '', coverageLine(c), '', '<details><summary>Checks per requirement</summary>', '');
    lines.push('| requirement | level | checks |', '|---|---|---|');
    for (const e of c.requirements) {
      // A CI summary stays readable: a few names per requirement; the JSON report lists them all.
      const shown = e.checks.slice(0, 5).map(cell).join('<br>');
      const more = e.checks.length > 5 ? `<br>… and ${e.checks.length - 5} more checks` : '';
      const checks = e.checks.length ? shown + more : '**not checked**';
      lines.push(`| ${cell(e.requirement)} | ${e.level} | ${checks}${e.onlyNotApplicable ? ' (n/a on this target)' : ''} |`);
    }
    lines.push('', '</details>');
  }
  const b = report.baseline;
  if (b && (b.expired.length || b.stale.length)) {
    lines.push('', '### Baseline', '');
    for (const e of b.expired) lines.push(`- expired ${e.expires}: \`${e.requirement}\` ${e.operation}`);
    for (const e of b.stale) lines.push(`- no longer failing: \`${e.requirement}\` ${e.operation}`);
  }
  return lines.join('\n') + '\n';
}
