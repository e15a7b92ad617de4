// The batch property: generated batches of valid operations with one failing operation at a random
// position. The failing batch must be a BatchWriteException naming that position and its documented
// Type, and leave a full read-back (children, attributes, facets, policies, index entries)
// unchanged; the same batch without the failing operation must succeed with one response per
// operation, in order, and leave every effect behind. Each case gets its own home in one directory.
import fc from 'fast-check';
import { Divergence } from '../harness/divergence.js';
import { runProperty, type PropertyOutcome } from '../harness/property.js';
import type { Exchange } from '../harness/verdict.js';
import { isObject, type DirApi } from './api.js';
import { FAILURE_KINDS } from './failures.js';
import { homeStarts, makeHome, type Home } from './home.js';
import { selectorsOf, showOps } from './ops.js';
import { planSteps, stepArb, type Expected, type Step } from './plan.js';
import { FACETS, type Directory } from './provision.js';
import { diffSnapshots, readBack, type Snapshot } from './readback.js';
import { responseProblems } from './responses.js';

export const BATCH_PROPERTY_REQUIREMENTS = ['DIR-ATOMIC-1', 'DIR-ORDER-1', 'DIR-EXC-1', 'DIR-REF-1'];

export interface BatchCase {
  steps: Step[];
  failing: number;
  position: number;
}

export const batchCaseArb: fc.Arbitrary<BatchCase> = fc
  .record({ steps: fc.array(stepArb, { maxLength: 8 }), failing: fc.nat({ max: FAILURE_KINDS.length - 1 }), position: fc.nat({ max: 8 }) })
  .map((c) => ({ ...c, position: Math.min(c.position, c.steps.length) }));

export function showCase(c: BatchCase, h?: Home, tag = 'x'): string[] {
  const kind = FAILURE_KINDS[c.failing]!;
  const head = `failing operation "${kind.name}" (${kind.type}) at index ${c.position} of ${c.steps.length + 1}`;
  if (!h) return [head, ...c.steps.map((s) => JSON.stringify(s))];
  const { ops } = planSteps(h, c.steps, tag);
  ops.splice(c.position, 0, kind.build(h));
  return [head, ...showOps(ops)];
}

const hasRef = (op: unknown) => selectorsOf(op).some((s) => s.startsWith('#'));

function errorShape(json: unknown): { index?: unknown; type?: unknown } {
  return isObject(json) ? { index: json.Index, type: json.Type } : {};
}

export async function checkFailingBatch(api: DirApi, h: Home, c: BatchCase, tag: string, evidence: Exchange[]): Promise<void> {
  const kind = FAILURE_KINDS[c.failing]!;
  const { ops } = planSteps(h, c.steps, tag);
  ops.splice(c.position, 0, kind.build(h));
  const before = await readBack(api, h.dir.arn, homeStarts(h));
  const r = await api.batchWrite(h.dir.arn, ops);
  evidence.push(r.exchange);
  const where = `failing operation "${kind.name}" at index ${c.position}`;
  if (r.status === 200) throw new Divergence('DIR-EXC-1', `batch with ${where} succeeded (200) instead of a BatchWriteException with Type ${kind.type}`, evidence);
  const after = await readBack(api, h.dir.arn, homeStarts(h));
  const diff = diffSnapshots(before, after);
  if (diff.length > 0) throw new Divergence('DIR-ATOMIC-1', `batch with ${where} was refused (${r.status} ${r.errorType ?? ''}) but left effects: ${diff.slice(0, 5).join('; ')}`, evidence);
  if (r.status !== 400 || r.errorType !== 'BatchWriteException') {
    throw new Divergence('DIR-EXC-1', `batch with ${where}: ${r.status} ${r.errorType ?? r.failure ?? ''} instead of 400 BatchWriteException`, evidence);
  }
  const e = errorShape(r.json);
  if (e.index !== c.position) {
    const j = typeof e.index === 'number' ? e.index : -1;
    if (j >= 0 && j < c.position && hasRef(ops[j])) {
      throw new Divergence('DIR-REF-1', `batch with ${where} failed earlier, at index ${j}, an operation using a #name selector (Type ${String(e.type)})`, evidence);
    }
    throw new Divergence('DIR-EXC-1', `batch with ${where}: BatchWriteException Index ${JSON.stringify(e.index)} instead of ${c.position}`, evidence);
  }
  if (e.type !== kind.type) throw new Divergence('DIR-EXC-1', `batch with ${where}: Type ${JSON.stringify(e.type)} instead of ${kind.type}`, evidence);
}

function label(snap: Snapshot, id: string | undefined): string | undefined {
  const a = id ? snap[id]?.attrs.find((x) => x.startsWith('LsNode.label=')) : undefined;
  return a === undefined ? undefined : a.slice('LsNode.label=StringValue:'.length);
}

function effectProblems(h: Home, snap: Snapshot, x: Expected): { atomic: string[]; order: string[] } {
  const atomic: string[] = [];
  const order: string[] = [];
  const children = new Map((snap[h.home]?.children ?? []).map((c) => [c.slice(0, c.indexOf('->')), c.slice(c.indexOf('->') + 2)]));
  for (const l of x.homeLinks) if (!children.has(l)) atomic.push(`created ${l} is not a child of home`);
  for (const l of x.goneLinks) if (children.has(l)) atomic.push(`detached ${l} is still a child of home`);
  for (const [key, want] of x.labels) {
    const id = key.startsWith('n') ? h.nodes[Number(key.slice(1))] : children.get(key);
    const got = label(snap, id);
    if (got !== JSON.stringify(want)) order.push(`label of ${key} is ${got ?? 'absent'}, the last write was ${JSON.stringify(want)}`);
  }
  for (const [n, link] of x.leafLinks) if (!snap[h.nodes[n]!]?.children.includes(`${link}->${h.leaf}`)) atomic.push(`leaf not attached under n${n} as ${link}`);
  for (const n of x.policies) if (!snap[h.nodes[n]!]?.policies.includes(h.policy)) atomic.push(`policy not attached to n${n}`);
  for (const n of x.indexed) if (!snap[h.nodes[n]!]?.indices.includes(h.index)) atomic.push(`n${n} not attached to the index`);
  for (const [n, v] of x.extraFacet) {
    const o = snap[h.nodes[n]!];
    if (!o?.facets.includes(FACETS.extra) || !o.attrs.includes(`${FACETS.extra}.extra=StringValue:${JSON.stringify(v)}`)) atomic.push(`n${n} lacks the ${FACETS.extra} facet or its extra attribute`);
  }
  return { atomic, order };
}

export async function checkValidBatch(api: DirApi, h: Home, c: BatchCase, tag: string, evidence: Exchange[]): Promise<void> {
  const { ops, expected } = planSteps(h, c.steps, tag);
  const r = await api.batchWrite(h.dir.arn, ops);
  evidence.push(r.exchange);
  if (r.status !== 200) {
    const e = errorShape(r.json);
    const j = typeof e.index === 'number' ? e.index : -1;
    const req = j >= 0 && hasRef(ops[j]) ? 'DIR-REF-1' : 'DIR-ORDER-1';
    throw new Divergence(req, `a batch of ${ops.length} valid operations was refused: ${r.status} ${r.errorType ?? r.failure ?? ''} (Index ${String(e.index)}, Type ${String(e.type)})`, evidence);
  }
  const problems = responseProblems(ops, r.json);
  if (problems.length > 0) throw new Divergence('DIR-ORDER-1', problems.slice(0, 5).join('; '), evidence);
  const snap = await readBack(api, h.dir.arn, homeStarts(h));
  const p = effectProblems(h, snap, expected);
  if (p.atomic.length > 0) throw new Divergence('DIR-ATOMIC-1', `a successful batch left out effects: ${p.atomic.slice(0, 5).join('; ')}`, evidence);
  if (p.order.length > 0) throw new Divergence('DIR-ORDER-1', `operations not applied in order: ${p.order.slice(0, 5).join('; ')}`, evidence);
}

export interface BatchPropertyOptions {
  dir: Directory;
  seed: number;
  numRuns: number;
  path?: string;
}

export async function runBatchProperty(api: DirApi, o: BatchPropertyOptions): Promise<PropertyOutcome> {
  // The failing batch exactly as sent (ids of that case's home), for the counterexample.
  const sent = new WeakMap<BatchCase, string[]>();
  let run = 0;
  return runProperty(
    batchCaseArb,
    async (c) => {
      const h = await makeHome(api, o.dir);
      const tag = `c${(run++).toString(36)}x`;
      sent.set(c, showCase(c, h, tag));
      const evidence: Exchange[] = [];
      await checkFailingBatch(api, h, c, tag, evidence);
      await checkValidBatch(api, h, c, tag, evidence);
    },
    (c) => sent.get(c) ?? showCase(c),
    { seed: o.seed, numRuns: o.numRuns, ...(o.path ? { path: o.path } : {}) },
  );
}
