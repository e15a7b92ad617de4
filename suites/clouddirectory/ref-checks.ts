// DIR-REF-1: `#name` for objects created or detached earlier in the batch, `$id`, `$"id"` (SHOULD),
// `/path` selectors, and CreateObject without a parent making a detached object reachable by `$id`.
import type { VerdictRecorder } from '../harness/verdicts.js';
import { isObject, type DirApi } from './api.js';
import { homeStarts, makeHome } from './home.js';
import { describe, record } from './judge.js';
import { attachObject, byId, byPath, byRef, createObject, detachObject, updateAttrs, type WriteOp } from './ops.js';
import type { Directory } from './provision.js';
import { readBack, type Snapshot } from './readback.js';

const labelOf = (snap: Snapshot, id: string | undefined) => (id ? snap[id]?.attrs.find((a) => a.startsWith('LsNode.label=')) : undefined);
const childId = (snap: Snapshot, parent: string, link: string) => snap[parent]?.children.find((c) => c.startsWith(`${link}->`))?.slice(link.length + 2);

export async function checkSelectors(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  const h = await makeHome(api, dir);
  const arn = dir.schemaArn;
  const run = async (check: string, ops: WriteOp[], verify: (s: Snapshot) => string | undefined, partLevel?: 'SHOULD') => {
    const r = await api.batchWrite(dir.arn, ops);
    let why = r.status === 200 ? undefined : `refused: ${describe(r)}`;
    if (!why) why = verify(await readBack(api, dir.arn, homeStarts(h)));
    record(rec, { requirement: 'DIR-REF-1', check, ok: !why, message: why ?? 'accepted, effects read back', ops, evidence: [r.exchange], ...(partLevel ? { partLevel } : {}) });
  };

  await run(
    '#name of an object created earlier in the batch',
    [createObject(arn, { parent: byId(h.home), link: 'made', ref: 'made' }), updateAttrs(arn, byRef('made'), [['label', 'via-ref']]), attachObject(byRef('made'), byId(h.leaf), 'leaf-under-made')],
    (s) => {
      const id = childId(s, h.home, 'made');
      if (!id) return 'created object not under home';
      if (labelOf(s, id) !== 'LsNode.label=StringValue:"via-ref"') return `label through #made not applied (${labelOf(s, id) ?? 'absent'})`;
      return s[id]?.children.includes(`leaf-under-made->${h.leaf}`) ? undefined : 'leaf not attached under #made';
    },
  );
  await run(
    '#name of an object detached earlier in the batch',
    [detachObject(byId(h.home), 'n2', 'moved'), attachObject(byId(h.nodes[0]!), byRef('moved'), 'moved-here')],
    (s) => (s[h.nodes[0]!]?.children.includes(`moved-here->${h.nodes[2]}`) ? undefined : 'detached n2 not re-attached under n0 through #moved'),
  );
  await run('$ObjectIdentifier selector', [updateAttrs(arn, byId(h.nodes[0]!), [['label', 'by-id']])], (s) =>
    labelOf(s, h.nodes[0]) === 'LsNode.label=StringValue:"by-id"' ? undefined : 'update through $id not applied',
  );
  await run(
    '$"ObjectIdentifier" (quoted) selector',
    [updateAttrs(arn, { Selector: `$"${h.nodes[1]}"` }, [['label', 'quoted']])],
    (s) => (labelOf(s, h.nodes[1]) === 'LsNode.label=StringValue:"quoted"' ? undefined : 'update through $"id" not applied'),
    'SHOULD',
  );
  await run('/path selector from the root', [updateAttrs(arn, byPath(`/${h.link}/victim`), [['note', 'by-path']])], (s) =>
    s[h.victim]?.attrs.includes('LsNode.note=StringValue:"by-path"') ? undefined : 'update through /path not applied',
  );

  // A detached object: created without ParentReference, answered with an id, under no parent, reachable by $id.
  const ops = [createObject(arn, { attrs: [['label', 'loose']] })];
  const r = await api.batchWrite(dir.arn, ops);
  const id = isObject(r.json) && Array.isArray(r.json.Responses) ? (r.json.Responses[0] as { CreateObject?: { ObjectIdentifier?: unknown } })?.CreateObject?.ObjectIdentifier : undefined;
  let why: string | undefined = r.status !== 200 ? `refused: ${describe(r)}` : typeof id !== 'string' ? 'no ObjectIdentifier' : undefined;
  const evidence = [r.exchange];
  if (!why) {
    const upd = await api.batchWrite(dir.arn, [updateAttrs(arn, byId(id as string), [['label', 'loose2']])]);
    evidence.push(upd.exchange);
    const read = await api.batchRead(dir.arn, [{ ListObjectParents: { ObjectReference: byId(id as string) } }, { ListObjectAttributes: { ObjectReference: byId(id as string) } }]);
    evidence.push(read.exchange);
    const text = JSON.stringify(read.json ?? null);
    if (upd.status !== 200) why = `update through $id refused: ${describe(upd)}`;
    else if (read.status !== 200) why = `BatchRead of the detached object: ${describe(read)}`;
    else if (!text.includes('loose2')) why = 'the detached object does not read back with its update';
    else if (/"ParentLinks":\[\{/.test(text)) why = `the detached object has a parent: ${text.slice(0, 300)}`;
  }
  record(rec, { requirement: 'DIR-REF-1', check: 'CreateObject without ParentReference: detached, reachable by $id', ok: !why, message: why ?? 'detached object made and reached by $id', ops, evidence });
}
