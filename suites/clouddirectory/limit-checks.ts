// DIR-LIMIT-1 (SHOULD): more than 20 written objects, or more than 1000 written attribute values, in
// one call fails as LimitExceededException (or BatchWriteException Type LimitExceededException) and
// has no effect.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { DirApi } from './api.js';
import { homeStarts, makeHome } from './home.js';
import { batchError, describe, record } from './judge.js';
import { byId, createObject, updateAttrs, type WriteOp } from './ops.js';
import type { Directory } from './provision.js';
import { diffSnapshots, readBack } from './readback.js';

export async function checkLimits(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  const h = await makeHome(api, dir);
  const arn = dir.schemaArn;
  const cases: Array<[string, WriteOp[]]> = [
    ['21 objects created in one call', Array.from({ length: 21 }, (_, i) => createObject(arn, { parent: byId(h.home), link: `lim${i}`, attrs: [['label', 'l']] }))],
    ['1001 attribute values written in one call', [updateAttrs(arn, byId(h.nodes[0]!), Array.from({ length: 1001 }, (_, i) => ['label', `v${i}`] as [string, string]))]],
  ];
  for (const [check, ops] of cases) {
    const before = await readBack(api, dir.arn, homeStarts(h));
    const r = await api.batchWrite(dir.arn, ops);
    const diff = diffSnapshots(before, await readBack(api, dir.arn, homeStarts(h)));
    const e = batchError(r);
    const limit = (r.status === 400 && r.errorType === 'LimitExceededException') || e?.type === 'LimitExceededException';
    const ok = limit && diff.length === 0;
    const message = ok ? describe(r) : !limit ? `got ${describe(r)} instead of a LimitExceededException` : `refused but left effects: ${diff.slice(0, 3).join('; ')}`;
    record(rec, { requirement: 'DIR-LIMIT-1', check, ok, message, ops: ops.length > 1 ? ops : [`UpdateObjectAttributes of n0 with 1001 updates of label`], evidence: [r.exchange] });
  }
}
