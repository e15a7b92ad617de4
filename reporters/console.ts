// Console summary: one row per requirement, then the failures with their one-line reasons.
import { rerunCommand } from './rerun.js';
import type { Report } from './report.js';
import { coverageLine } from './coverage.js';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The one-line outcome every reporter shows. */
export function resultWords(report: Report): string {
  const s = report.summary;
  const strict = report.strict ? ' (strict)' : '';
  if (s.conformant) return `conformant${strict}`;
  const diverges = s.mustFailures > 0 || (report.strict && s.shouldFailures > 0);
  if (!diverges && s.suiteErrors > 0) return 'suite error(s): conformance not established';
  return `divergences found${strict}${s.suiteErrors > 0 ? ', and suite error(s)' : ''}`;
}

export function consoleSummary(report: Report): string {
  const s = report.summary;
  const lines: string[] = [];
  const rows = s.requirements.map((r) => [r.requirement, r.level, r.status, String(r.counts.pass), String(r.counts.fail + r.counts['non-strict']), String(r.counts.baselined), String(r.counts.info), String(r.counts['n/a'])]);
  const head = ['requirement', 'level', 'result', 'pass', 'fail', 'baselined', 'info', 'n/a'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => '  ' + cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  lines.push('', fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt));
  const failures = report.verdicts.filter((v) => (v.status === 'fail' || v.status === 'non-strict') && !v.baselined);
  if (failures.length) {
    lines.push('', 'Divergences:');
    for (const v of failures.slice(0, 50)) {
      lines.push(`  ${v.status === 'fail' ? 'FAIL' : 'SHOULD'} ${v.requirement} ${v.service} ${v.operation}: ${v.check} — ${v.message}`);
      const rerun = rerunCommand(report, v);
      if (rerun) lines.push(`    re-run: ${rerun}`);
    }
    if (failures.length > 50) lines.push(`  … and ${failures.length - 50} more (see lockstep-report.json)`);
  }
  const b = report.baseline;
  if (b) {
    for (const e of b.expired) lines.push(`  baseline: entry ${e.requirement} ${e.operation} expired on ${e.expires}; its failures count again`);
    for (const e of b.stale) lines.push(`  baseline: entry ${e.requirement} ${e.operation} matched no failure; remove it from ${b.file}`);
  }
  const t = s.totals;
  lines.push(
    '',
    `${t.checks} checks: ${t.pass} pass, ${t.fail} fail (MUST), ${t['non-strict']} non-strict (SHOULD), ${t.baselined} baselined, ${t.info} info, ${t['n/a']} n/a` +
      (s.suiteErrors ? `, ${s.suiteErrors} suite error(s)` : ''),
    ...(report.coverage ? [coverageLine(report.coverage)] : []),
    `Result: ${resultWords(report)}`,
  );
  return lines.join('\n') + '\n';
}
