// The batch the targeted NET-1 check loses the answer of, and what one whole application of it does
// to a read-back of the home. Five operations:
//   0 n0.val := <tok>-early
//   1 create an LsNode under home, link `net<tok>`, label <tok>, named #made
//   2 attach the home's leaf under #made, link `leaf`
//   3 n1.val := <tok>
//   4 n0.val := <tok>-late
// Applied a second time, operation 1 meets its own link name and the batch must fail whole; a server
// that keeps operation 0 of that failed retry shows n0.val = <tok>-early, which no whole number of
// applications explains (operation 4 always overwrites it).
import type { Home } from './home.js';
import { attachObject, byId, byPath, byRef, createObject, updateAttrs, type WriteOp } from './ops.js';
import { FACETS } from './provision.js';
import { canonical, diffSnapshots, type ObjectSnapshot, type Snapshot } from './readback.js';

export interface NetBatch {
  ops: WriteOp[];
  /** Link name of the created object under home. */
  link: string;
  token: string;
}

export function netBatch(h: Home, token: string): NetBatch {
  const arn = h.dir.schemaArn;
  const link = `net${token}`;
  const ops: WriteOp[] = [
    updateAttrs(arn, byId(h.nodes[0]!), [['val', `${token}-early`]]),
    createObject(arn, { parent: byPath(`/${h.link}`), link, ref: 'made', attrs: [['label', token]] }),
    attachObject(byRef('made'), byId(h.leaf), 'leaf'),
    updateAttrs(arn, byId(h.nodes[1]!), [['val', token]]),
    updateAttrs(arn, byId(h.nodes[0]!), [['val', `${token}-late`]]),
  ];
  return { ops, link, token };
}

/** The read-back form of a string attribute of LsNode (as readback.ts writes it). */
export function attrEntry(name: string, value: string): string {
  return `${FACETS.node}.${name}=StringValue:${JSON.stringify(value)}`;
}

function withAttr(o: ObjectSnapshot, name: string, value: string): ObjectSnapshot {
  const prefix = `${FACETS.node}.${name}=`;
  return { ...o, attrs: [...o.attrs.filter((a) => !a.startsWith(prefix)), attrEntry(name, value)].sort() };
}

/** Ids of objects `after` holds under home at the batch's link that `before` does not. */
export function createdIds(h: Home, b: NetBatch, before: Snapshot, after: Snapshot): string[] {
  const old = new Set(before[h.home]?.children ?? []);
  return (after[h.home]?.children ?? []).filter((c) => c.startsWith(`${b.link}->`) && !old.has(c)).map((c) => c.slice(c.indexOf('->') + 2));
}

/** `before` with the batch applied once, its created object having id `made`. */
export function appliedOnce(h: Home, b: NetBatch, before: Snapshot, made: string): Snapshot | undefined {
  const home = before[h.home];
  const n0 = before[h.nodes[0]!];
  const n1 = before[h.nodes[1]!];
  if (!home || !n0 || !n1 || before[made]) return undefined;
  return {
    ...before,
    [h.home]: { ...home, children: [...home.children, `${b.link}->${made}`].sort() },
    [h.nodes[0]!]: withAttr(n0, 'val', `${b.token}-late`),
    [h.nodes[1]!]: withAttr(n1, 'val', b.token),
    [made]: { facets: [FACETS.node], attrs: [attrEntry('label', b.token)], children: [`leaf->${h.leaf}`], policies: [], indices: [] },
  };
}

/** Which of the batch's effects `after` shows that `before` did not (for the message of a partial application). */
export function effectsSeen(h: Home, b: NetBatch, before: Snapshot, after: Snapshot): string[] {
  // Only what `before` did not already show.
  const has = (id: string, entry: string) => (after[id]?.attrs.includes(entry) ?? false) && !(before[id]?.attrs.includes(entry) ?? false);
  const made = createdIds(h, b, before, after);
  const seen: string[] = [];
  if (has(h.nodes[0]!, attrEntry('val', `${b.token}-early`))) seen.push('n0.val holds the value of operation 0 (operation 4 overwrites it in a whole application)');
  if (has(h.nodes[0]!, attrEntry('val', `${b.token}-late`))) seen.push('n0.val holds the value of operation 4');
  if (has(h.nodes[1]!, attrEntry('val', b.token))) seen.push('n1.val holds the value of operation 3');
  for (const id of made) {
    seen.push(`a new object ${id} under home at ${b.link} (operation 1)`);
    if (after[id]?.children.includes(`leaf->${h.leaf}`)) seen.push(`the leaf attached under ${id} (operation 2)`);
  }
  return seen;
}

/** What a read-back shows of one more application of the batch, compared with the one before it. */
export type Application =
  | { kind: 'none' }
  | { kind: 'whole'; made: string }
  /** Neither unchanged nor the batch applied whole: the changes, and which of the batch's effects are among them. */
  | { kind: 'part'; diff: string[]; seen: string[] };

export function classify(h: Home, b: NetBatch, before: Snapshot, after: Snapshot): Application {
  if (canonical(after) === canonical(before)) return { kind: 'none' };
  const made = createdIds(h, b, before, after);
  if (made.length === 1) {
    const expected = appliedOnce(h, b, before, made[0]!);
    if (expected && canonical(expected) === canonical(after)) return { kind: 'whole', made: made[0]! };
  }
  return { kind: 'part', diff: diffSnapshots(before, after), seen: effectsSeen(h, b, before, after) };
}
