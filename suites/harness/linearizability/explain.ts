// Explaining a verdict: a plain-text account and a self-contained HTML timeline.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult, PartitionResult } from './checker.js';
import type { Operation } from './history.js';
import { describeOp, type Model } from './model.js';
import { timelineHtml } from './timeline-html.js';

export function explainResult<S, I, O>(model: Model<S, I, O>, result: CheckResult<I, O>): string {
  const lines: string[] = [`linearizability: ${result.verdict} (${result.partitions.length} partition(s), ${result.elapsedMs.toFixed(1)} ms)`];
  for (const problem of result.problems) lines.push(`  history problem: ${problem}`);
  result.partitions.forEach((partition, index) => {
    if (partition.verdict === 'ok') return;
    lines.push('', `partition ${index + 1} (${partition.operations.length} operations): ${partition.verdict}${partition.reason ? ` — ${partition.reason}` : ''}`);
    lines.push(...explainPartition(model, partition).map((line) => `  ${line}`));
  });
  return lines.join('\n');
}

export function explainPartition<S, I, O>(model: Model<S, I, O>, partition: PartitionResult<I, O>): string[] {
  const byId = new Map(partition.operations.map((op) => [op.id, op]));
  const show = (id: number) => {
    const op = byId.get(id);
    return op ? `#${id} client ${String(op.clientId)} [${time(op.call)}, ${time(op.ret)}] ${safeDescribe(model, op)}` : `#${id}`;
  };
  const lines: string[] = [];
  if (partition.longestPrefix.length > 0) {
    lines.push(`longest order found (${partition.longestPrefix.length} operations):`);
    for (const id of partition.longestPrefix) lines.push(`  ${show(id)}`);
    if (partition.stateAfterPrefix !== undefined) lines.push(`state after it: ${partition.stateAfterPrefix}`);
  } else if (partition.verdict === 'illegal') {
    lines.push('no operation can go first from the initial state');
  }
  if (partition.stuck.length > 0) {
    lines.push('cannot be ordered: the operation that could not be placed before its return, and all overlapping it:');
    for (const id of partition.stuck) lines.push(`  ${show(id)}`);
  }
  return lines;
}

export interface TimelineOptions {
  title?: string;
}

/** Writes the HTML timeline of a checked history to `file` (folders created as needed). */
export function writeTimeline<S, I, O>(file: string, model: Model<S, I, O>, result: CheckResult<I, O>, options: TimelineOptions = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, timelineHtml(model, result, options.title ?? 'linearizability timeline'), 'utf8');
}

function time(t: number): string {
  return Number.isFinite(t) ? String(Math.round(t * 1000) / 1000) : '∞';
}

function safeDescribe<S, I, O>(model: Model<S, I, O>, op: Operation<I, O>): string {
  try {
    return describeOp(model, op);
  } catch {
    return '(operation not describable)';
  }
}
