// The reconciliation list (spec/generate/reconciliation.json): each entry settles one known
// disagreement between a page and the model. Unsettled disagreements and entries that settle
// nothing (stale) both fail generation.
import fs from 'node:fs';
import { GenerateError } from '../errors.js';
import type { Disagreement } from './crosscheck.js';

export interface Reconciliation {
  fact: string;
  pageSays: string;
  modelSays: string;
  winner: 'page' | 'model';
  reason: string;
}

export function readReconciliations(file: string): Reconciliation[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new GenerateError(`${file}: cannot read reconciliations (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new GenerateError(`${file}: must hold a JSON array`);
  return data.map((e: unknown, i) => {
    const r = e as Partial<Reconciliation> | null;
    const ok =
      r && typeof r === 'object' && typeof r.fact === 'string' && typeof r.pageSays === 'string' && typeof r.modelSays === 'string' &&
      (r.winner === 'page' || r.winner === 'model') && typeof r.reason === 'string' && r.reason.trim().length > 0;
    if (!ok) throw new GenerateError(`${file}: entry ${i} needs string fact, pageSays, modelSays, reason and winner "page" or "model"`);
    return r as Reconciliation;
  });
}

export interface Settled {
  disagreement: Disagreement;
  reconciliation: Reconciliation;
}

export interface ReconcileOutcome {
  settled: Settled[];
  unsettled: Disagreement[];
  stale: Reconciliation[];
}

export function reconcile(disagreements: Disagreement[], list: Reconciliation[]): ReconcileOutcome {
  const used = new Set<Reconciliation>();
  const settled: Settled[] = [];
  const unsettled: Disagreement[] = [];
  for (const d of disagreements) {
    const r = list.find((x) => x.fact === d.fact && x.pageSays === d.pageSays && x.modelSays === d.modelSays);
    if (r) {
      used.add(r);
      settled.push({ disagreement: d, reconciliation: r });
    } else unsettled.push(d);
  }
  return { settled, unsettled, stale: list.filter((r) => !used.has(r)) };
}

export function describeDisagreement(d: Disagreement): string {
  return `${d.fact}: ${d.page} says ${d.pageSays}, but ${d.model} says ${d.modelSays}`;
}

/** Throws with every problem listed when anything is unsettled or stale. */
export function assertReconciled(outcome: ReconcileOutcome, file: string): void {
  const lines: string[] = [];
  for (const d of outcome.unsettled) lines.push(`  page and model disagree on ${describeDisagreement(d)} (settle it in ${file})`);
  for (const r of outcome.stale) lines.push(`  stale reconciliation in ${file}: ${r.fact} (pageSays ${r.pageSays}, modelSays ${r.modelSays}) matches no disagreement`);
  if (lines.length > 0) throw new GenerateError(`the seed pages and models do not agree:\n${lines.join('\n')}`);
}
