// The HTML timeline: one lane per client, a bar from call to return per operation, the operations that
// cannot be ordered in red, the found order numbered. Inline CSS only, no scripts or external assets.
import type { CheckResult } from './checker.js';
import type { Operation } from './history.js';
import { describeOp, type Model } from './model.js';

export function timelineHtml<S, I, O>(model: Model<S, I, O>, result: CheckResult<I, O>, title: string): string {
  const sections = result.partitions.map((partition, index) => {
    const order = new Map<number, number>();
    (partition.verdict === 'ok' ? partition.linearization : partition.longestPrefix).forEach((id, i) => order.set(id, i + 1));
    const stuck = new Set(partition.stuck);
    const heading = `Partition ${index + 1}: ${partition.verdict}${partition.reason ? ` (${partition.reason})` : ''}, ${partition.operations.length} operations`;
    return `<section><h2 class="${partition.verdict}">${escapeHtml(heading)}</h2>${partition.stateAfterPrefix !== undefined ? `<p>State after the longest order found: <code>${escapeHtml(partition.stateAfterPrefix)}</code></p>` : ''}${lanes(model, partition.operations, order, stuck)}</section>`;
  });
  const problems = result.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
h2.ok{color:#276738}h2.illegal{color:#a4161a}h2.unknown{color:#8a6d00}
.lane{position:relative;height:30px;border-bottom:1px solid #eee}
.lane-name{position:absolute;left:0;width:90px;font-size:12px;line-height:30px;overflow:hidden}
.track{position:absolute;left:95px;right:0;top:0;bottom:0}
.op{position:absolute;top:5px;height:20px;background:#cfe1f7;border:1px solid #5b8fd1;border-radius:3px;font-size:11px;line-height:20px;overflow:hidden;white-space:nowrap;box-sizing:border-box;padding:0 3px}
.op.fail{background:#eee;border-color:#999}
.op.unknown{background:repeating-linear-gradient(45deg,#fff3c4,#fff3c4 6px,#ffe38a 6px,#ffe38a 12px);border-style:dashed}
.op.stuck{background:#f8c9c9;border:2px solid #a4161a}
.legend span{display:inline-block;margin-right:1em;font-size:12px}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>Verdict: <strong>${escapeHtml(result.verdict)}</strong>. Bars run from call to return; numbers give the order the checker found; red bars cannot be ordered; hatched bars have unknown outcomes (no return).</p>
${problems ? `<ul>${problems}</ul>` : ''}
${sections.join('\n')}
</body></html>
`;
}

function lanes<S, I, O>(model: Model<S, I, O>, ops: Operation<I, O>[], order: Map<number, number>, stuck: Set<number>): string {
  if (ops.length === 0) return '<p>No operations.</p>';
  // reduce rather than Math.min(...): spreading a long history would overflow the stack
  const start = ops.reduce((m, op) => Math.min(m, op.call), Number.POSITIVE_INFINITY);
  const lastFinite = ops.reduce((m, op) => Math.max(m, Number.isFinite(op.ret) ? op.ret : op.call), start);
  const end = lastFinite + Math.max((lastFinite - start) * 0.05, 1e-9);
  const span = end - start || 1;
  const pct = (t: number) => (((Math.min(t, end) - start) / span) * 100).toFixed(3);
  const clients = [...new Set(ops.map((op) => String(op.clientId)))].sort();
  return clients
    .map((client) => {
      const bars = ops
        .filter((op) => String(op.clientId) === client)
        .map((op) => {
          const left = pct(op.call);
          const width = Math.max(Number(pct(Number.isFinite(op.ret) ? op.ret : end)) - Number(left), 0.3).toFixed(3);
          const classes = ['op', op.outcome, stuck.has(op.id) ? 'stuck' : ''].join(' ').trim();
          const label = `${order.has(op.id) ? `${order.get(op.id)}. ` : ''}${describe(model, op)}`;
          return `<div class="${classes}" style="left:${left}%;width:${width}%" title="${escapeHtml(`#${op.id} ${label}`)}">${escapeHtml(label)}</div>`;
        })
        .join('');
      return `<div class="lane"><div class="lane-name">client ${escapeHtml(client)}</div><div class="track">${bars}</div></div>`;
    })
    .join('\n');
}

function describe<S, I, O>(model: Model<S, I, O>, op: Operation<I, O>): string {
  try {
    return describeOp(model, op);
  } catch {
    return `#${op.id}`;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
