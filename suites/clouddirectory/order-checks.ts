// DIR-ORDER-1 / DIR-RESP-1 on one batch holding every kind the suites use (addressed by $id, so no
// other rule is involved), each kind's result member with its documented casing; two updates of
// one attribute (the later wins); DIR-EMPTY-1.
import type { VerdictRecorder } from '../harness/verdicts.js';
import { isObject, type DirApi } from './api.js';
import { homeStarts, makeHome } from './home.js';
import { describe, record } from './judge.js';
import { attachObject, attachPolicy, attachToIndex, byId, createIndex, createObject, deleteObject, detachFromIndex, detachObject, detachPolicy, updateAttrs } from './ops.js';
import type { Directory } from './provision.js';
import { readBack } from './readback.js';
import { responseProblems } from './responses.js';

export async function checkResponses(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  const h = await makeHome(api, dir);
  const arn = dir.schemaArn;
  const [n0, n1, n2] = h.nodes as [string, string, string];
  const ops = [
    createObject(arn, { attrs: [['label', 'free']] }),
    attachObject(byId(n0), byId(h.leaf), 'x1'),
    detachObject(byId(n0), 'x1'),
    updateAttrs(arn, byId(n1), [['label', 'u1']]),
    attachPolicy(byId(n1), byId(h.policy)),
    detachPolicy(byId(n1), byId(h.policy)),
    attachToIndex(byId(h.index), byId(n2)),
    detachFromIndex(byId(h.index), byId(n2)),
    createIndex(arn, {}),
    detachObject(byId(h.detachedParent), 'kid'),
    deleteObject(byId(h.detachedChild)),
  ];
  const r = await api.batchWrite(dir.arn, ops);
  const problems = r.status === 200 ? responseProblems(ops, r.json) : [`refused: ${describe(r)}`];
  // The identifiers must name the objects the operations touched.
  if (r.status === 200 && problems.length === 0 && isObject(r.json) && Array.isArray(r.json.Responses)) {
    const res = r.json.Responses as Array<Record<string, Record<string, unknown>>>;
    const want: Array<[number, string, string, string]> = [
      [1, 'AttachObject', 'attachedObjectIdentifier', h.leaf],
      [2, 'DetachObject', 'detachedObjectIdentifier', h.leaf],
      [3, 'UpdateObjectAttributes', 'ObjectIdentifier', n1],
      [6, 'AttachToIndex', 'AttachedObjectIdentifier', n2],
      [7, 'DetachFromIndex', 'DetachedObjectIdentifier', n2],
    ];
    for (const [i, kind, member, id] of want) if (res[i]?.[kind]?.[member] !== id) problems.push(`response ${i} ${kind}.${member} is ${JSON.stringify(res[i]?.[kind]?.[member])}, not ${id}`);
  }
  const message = problems.length === 0 ? `${ops.length} responses in order, members as documented` : problems.slice(0, 6).join('; ');
  for (const requirement of ['DIR-ORDER-1', 'DIR-RESP-1']) {
    record(rec, { requirement, check: 'every operation kind in one batch: one response each, in order, documented member casing', ok: problems.length === 0, message, ops, evidence: [r.exchange] });
  }

  // Two writes of one attribute in one batch: the later one is what stays.
  const twice = [updateAttrs(arn, byId(n0), [['label', 'first']]), updateAttrs(arn, byId(n0), [['label', 'second']])];
  const t = await api.batchWrite(dir.arn, twice);
  let why = t.status !== 200 ? `refused: ${describe(t)}` : undefined;
  if (!why) {
    const snap = await readBack(api, dir.arn, homeStarts(h));
    if (!snap[n0]?.attrs.includes('LsNode.label=StringValue:"second"')) why = `after two updates the label reads ${JSON.stringify(snap[n0]?.attrs)}`;
  }
  record(rec, { requirement: 'DIR-ORDER-1', check: 'two updates of one attribute: the later one stays', ok: !why, message: why ?? 'the later update stays', ops: twice, evidence: [t.exchange] });

  const empty = await api.batchWrite(dir.arn, []);
  const emptyOk = empty.status === 200 && isObject(empty.json) && Array.isArray(empty.json.Responses) && empty.json.Responses.length === 0;
  record(rec, { requirement: 'DIR-EMPTY-1', check: 'empty Operations: 200 with empty Responses', ok: emptyOk, message: emptyOk ? 'ok' : `got ${describe(empty)} ${JSON.stringify(empty.json ?? null).slice(0, 200)}`, ops: [], evidence: [empty.exchange] });
}
