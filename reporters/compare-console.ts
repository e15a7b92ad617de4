// The comparison matrix on the terminal: endpoints and their results, the warnings, then one row
// per requirement with a column per endpoint.
import { cellFigure, columnResult, type Comparison, type CompareCell } from './compare-matrix.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

function cellText(cell: CompareCell): string {
  if (!cell.checked) return '-';
  return `${cell.status === 'fail' ? 'FAIL' : cell.status} ${cellFigure(cell)}`;
}

export function compareConsole(cmp: Comparison): string {
  const lines: string[] = [''];
  for (const c of cmp.columns) lines.push(`  ${c.name}: ${columnResult(c)} (${c.summary.totals.checks} checks, seed ${Number.isFinite(c.seed) ? c.seed : '?'}, ${c.profile}) — ${c.source}`);
  for (const w of cmp.warnings) lines.push(`  warning: ${w}`);
  const head = ['requirement', 'level', ...cmp.columns.map((c) => c.name)];
  const rows = cmp.rows.map((r) => [r.requirement, r.level, ...r.cells.map(cellText)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => '  ' + cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  lines.push('', fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt));
  const diverging = cmp.columns.filter((c) => !c.summary.conformant).map((c) => c.name);
  lines.push('', `Result: ${cmp.conformant ? 'every endpoint is conformant' : `divergences on ${diverging.join(', ')}`}`);
  return lines.join('\n') + '\n';
}
