// lockstep-compare.html: the comparison matrix as one self-contained page (inline CSS, no script,
// no external assets) so it can be attached to a CI run or mailed. Failing checks sit in a
// <details> element in their cell, and in the cell's title as a tooltip.
import { requirementById } from '../spec/requirements/catalog.js';
import { cellCounts, cellFigure, columnResult, type Comparison, type CompareCell } from './compare-matrix.js';

/** Text safe inside HTML elements and quoted attributes; control characters dropped. */
export function htmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// How many failing checks a cell lists in full; the rest are counted.
const LISTED = 20;
const TOOLTIP_CHARS = 600;

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1b1b}
h1{font-size:1.3em}
table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
thead th{background:#f3f3f3}
td.cell{min-width:8em}
.s-pass{background:#e6f4e6}.s-fail{background:#fbdada}.s-non-strict{background:#fff1cc}
.s-info{background:#e6eefb}.s-n-a{background:#f4f4f4;color:#666}
.result-ok{color:#176117}.result-bad{color:#a31515}
small{color:#555}
ul.warnings{background:#fff7e0;border:1px solid #e6c65c;padding:.5em 2em}
details summary{cursor:pointer;color:#333}
details li{max-width:40em;white-space:pre-wrap;word-break:break-word}
`;

const statusClass = (status: string) => `s-${status.replace(/[^a-z]+/g, '-')}`;

function tooltip(cell: CompareCell): string {
  const text = cell.failures.map((f) => `${f.operation}: ${f.check}: ${f.message}`).join('\n');
  return text.length > TOOLTIP_CHARS ? `${text.slice(0, TOOLTIP_CHARS)}…` : text;
}

function cellHtml(cell: CompareCell): string {
  const label = cell.checked ? cell.status : 'n/a';
  const parts = [`<strong>${htmlEscape(label)}</strong>`];
  if (cell.checked) parts.push(` <small>${htmlEscape(cellFigure(cell))}</small>`);
  parts.push(`<br><small>${htmlEscape(cellCounts(cell))}</small>`);
  if (cell.failures.length) {
    const items = cell.failures.slice(0, LISTED).map((f) => `<li>[${htmlEscape(f.status)}] ${htmlEscape(f.service)} ${htmlEscape(f.operation)}: ${htmlEscape(f.check)} — ${htmlEscape(f.message)}</li>`);
    if (cell.failures.length > LISTED) items.push(`<li>… and ${cell.failures.length - LISTED} more</li>`);
    parts.push(`<details><summary>${cell.failures.length} failing check${cell.failures.length === 1 ? '' : 's'}</summary><ul>${items.join('')}</ul></details>`);
  }
  const title = cell.failures.length ? ` title="${htmlEscape(tooltip(cell))}"` : '';
  return `<td class="cell ${statusClass(label)}"${title}>${parts.join('')}</td>`;
}

export function compareHtml(cmp: Comparison, generatedAt = new Date().toISOString()): string {
  const diverging = cmp.columns.filter((c) => !c.summary.conformant).length;
  const headline = cmp.conformant ? 'every endpoint is conformant' : `${diverging} of ${cmp.columns.length} endpoints diverge`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<title>lockstep comparison</title>', `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>lockstep comparison: ${htmlEscape(headline)}</h1>`);
  out.push(`<p><small>Generated ${htmlEscape(generatedAt)}. One row per requirement (worst first), one column per endpoint; a cell shows the requirement's worst verdict there and the checks it rests on.</small></p>`);
  if (cmp.warnings.length) out.push(`<ul class="warnings">${cmp.warnings.map((w) => `<li>${htmlEscape(w)}</li>`).join('')}</ul>`);

  out.push('<table>', '<thead><tr><th>requirement</th><th>level</th>');
  for (const c of cmp.columns) {
    const cls = c.summary.conformant ? 'result-ok' : 'result-bad';
    const facts = `seed ${Number.isFinite(c.seed) ? c.seed : 'unknown'} · ${c.profile}${c.strict ? ' · strict' : ''}`;
    out.push(`<th>${htmlEscape(c.name)}<br><span class="${cls}">${htmlEscape(columnResult(c))}</span><br><small>${htmlEscape(facts)}</small><br><small>${htmlEscape(c.source)}</small></th>`);
  }
  out.push('</tr></thead>', '<tbody>');
  for (const r of cmp.rows) {
    // The catalog's paraphrase as the row header's tooltip: what the requirement asks.
    const text = requirementById(r.requirement)?.text;
    const title = text ? ` title="${htmlEscape(text)}"` : '';
    out.push(`<tr><th scope="row"${title}>${htmlEscape(r.requirement)}</th><td>${htmlEscape(r.level)}</td>${r.cells.map(cellHtml).join('')}</tr>`);
  }
  out.push('</tbody>', '</table>', '</body>', '</html>');
  return out.join('\n') + '\n';
}
