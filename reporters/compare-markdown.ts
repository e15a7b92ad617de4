// lockstep-compare.md: the comparison matrix as a Markdown table for a CI step summary
// ($GITHUB_STEP_SUMMARY). Failure messages stay in the HTML page and the per-endpoint reports.
import { cellFigure, columnResult, type Comparison, type CompareCell } from './compare-matrix.js';

/** Text safe inside a Markdown table cell. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

const ICON: Record<string, string> = { pass: '✅', fail: '❌', 'non-strict': '⚠️', info: 'ℹ️', 'n/a': '➖' };

function cellMd(cell: CompareCell): string {
  if (!cell.checked) return '➖ n/a (not checked)';
  return `${ICON[cell.status] ?? ''} ${cell.status} ${cellFigure(cell)}`.trim();
}

export function compareMarkdown(cmp: Comparison): string {
  const lines: string[] = [];
  const diverging = cmp.columns.filter((c) => !c.summary.conformant).length;
  lines.push(`## lockstep comparison: ${cmp.conformant ? 'every endpoint is conformant' : `${diverging} of ${cmp.columns.length} endpoints diverge`}`, '');
  for (const w of cmp.warnings) lines.push(`> ⚠️ ${mdCell(w)}`, '>');
  if (cmp.warnings.length) lines.splice(lines.length - 1, 1, '');
  lines.push('| endpoint | result | seed | profile | checks | source |', '|---|---|---:|---|---:|---|');
  for (const c of cmp.columns) {
    lines.push(`| ${mdCell(c.name)} | ${mdCell(columnResult(c))} | ${Number.isFinite(c.seed) ? c.seed : '?'} | ${mdCell(c.profile)}${c.strict ? ' (strict)' : ''} | ${c.summary.totals.checks} | ${mdCell(c.source)} |`);
  }
  lines.push('', `| requirement | level | ${cmp.columns.map((c) => mdCell(c.name)).join(' | ')} |`, `|---|---|${cmp.columns.map(() => '---').join('|')}|`);
  for (const r of cmp.rows) lines.push(`| ${mdCell(r.requirement)} | ${r.level} | ${r.cells.map(cellMd).join(' | ')} |`);
  lines.push('', 'Cells: worst verdict of the requirement on that endpoint, then how many of its checks had that verdict. Failure messages: lockstep-compare.html and each endpoint\'s report.');
  return lines.join('\n') + '\n';
}
