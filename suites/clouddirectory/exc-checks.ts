// DIR-EXC-1 per listed cause (Index and Type), DIR-ATOMIC-1 for each (no effect), DIR-EXC-3 (status,
// integer Index, Type from the model's list), DIR-EXC-2 (Type of a unique-index clash, reported).
// Each failing operation sits at index 1, after a valid create, so Index 0 or 2 would be wrong.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { DirApi, DirResult } from './api.js';
import { FAILURE_KINDS } from './failures.js';
import { homeStarts, makeHome, type Home } from './home.js';
import { BATCH_WRITE_TYPES, batchError, describe, isValidationRefusal, record } from './judge.js';
import { attachToIndex, byId, createIndex, createObject, detachObject, updateAttrs, type WriteOp } from './ops.js';
import type { Directory } from './provision.js';
import { diffSnapshots, readBack } from './readback.js';

let n = 0;

/** Sends [valid create, failing op], returns the answer and the read-back difference. */
async function sendFailing(api: DirApi, h: Home, failing: WriteOp, extra: WriteOp[] = []): Promise<{ ops: WriteOp[]; r: DirResult; diff: string[] }> {
  const ops = [createObject(h.dir.schemaArn, { parent: byId(h.home), link: `e${(n++).toString(36)}`, attrs: [['label', 'e']] }), ...extra, failing];
  const before = await readBack(api, h.dir.arn, homeStarts(h));
  const r = await api.batchWrite(h.dir.arn, ops);
  const after = await readBack(api, h.dir.arn, homeStarts(h));
  return { ops, r, diff: diffSnapshots(before, after) };
}

function exc3(rec: VerdictRecorder, check: string, ops: WriteOp[], r: DirResult): void {
  if (r.errorType !== 'BatchWriteException') return;
  const e = batchError(r);
  const ok = r.status === 400 && e !== undefined && Number.isInteger(e.index) && BATCH_WRITE_TYPES.includes(String(e.type));
  record(rec, { requirement: 'DIR-EXC-3', check: `${check}: BatchWriteException shape`, ok, message: ok ? describe(r) : `BatchWriteException answered as ${describe(r)}`, ops, evidence: [r.exchange] });
}

export async function checkFailureTypes(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  for (const kind of FAILURE_KINDS) {
    const h = await makeHome(api, dir);
    const { ops, r, diff } = await sendFailing(api, h, kind.build(h));
    const e = batchError(r);
    const check = `${kind.name}: BatchWriteException Index 1, Type ${kind.type}`;
    const ok = e !== undefined && e.index === 1 && e.type === kind.type;
    record(rec, { requirement: 'DIR-EXC-1', check, ok, message: ok ? describe(r) : `got ${describe(r)}`, ops, evidence: [r.exchange] });
    if (r.status !== 200) record(rec, { requirement: 'DIR-ATOMIC-1', check: `${kind.name}: the refused batch has no effect`, ok: diff.length === 0, message: diff.length === 0 ? 'read-back unchanged' : diff.slice(0, 5).join('; '), ops, evidence: [r.exchange] });
    exc3(rec, kind.name, ops, r);
  }
  // A malformed operation (LinkName below its minimum length): ValidationException, for the request or at its index.
  const h = await makeHome(api, dir);
  const bad = await sendFailing(api, h, detachObject(byId(h.home), ''));
  const okBad = isValidationRefusal(bad.r, 1) && bad.diff.length === 0;
  record(rec, { requirement: 'DIR-EXC-1', check: 'malformed operation (empty LinkName): ValidationException', ok: okBad, message: okBad ? describe(bad.r) : `got ${describe(bad.r)}${bad.diff.length ? `; effects: ${bad.diff[0]}` : ''}`, ops: bad.ops, evidence: [bad.r.exchange] });
  exc3(rec, 'malformed operation', bad.ops, bad.r);
}

/** A unique index clash: the Type is reported (DIR-EXC-2); the Index and the lack of effect are judged. */
export async function checkUniqueClash(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  const h = await makeHome(api, dir);
  const arn = dir.schemaArn;
  const made = await api.batchWrite(dir.arn, [createIndex(arn, { parent: byId(h.home), link: 'uix', unique: true }), updateAttrs(arn, byId(h.nodes[1]!), [['label', 'a0']])]);
  const uix = (made.json as { Responses?: Array<{ CreateIndex?: { ObjectIdentifier?: string } }> } | undefined)?.Responses?.[0]?.CreateIndex?.ObjectIdentifier;
  const check = 'two objects with one value in a unique index';
  if (made.status !== 200 || typeof uix !== 'string') return void rec.notApplicable('DIR-EXC-2', 'BatchWrite', check, `could not create a unique index: ${describe(made)}`, [made.exchange]);
  const { ops, r, diff } = await sendFailing(api, h, attachToIndex(byId(uix), byId(h.nodes[1]!)), [attachToIndex(byId(uix), byId(h.nodes[0]!))]);
  const e = batchError(r);
  rec.check('DIR-EXC-2', { operation: 'BatchWrite', check, ok: true, message: `answered ${describe(r)}`, evidence: [r.exchange] });
  record(rec, { requirement: 'DIR-EXC-1', check: `${check}: BatchWriteException Index 2`, ok: e !== undefined && e.index === 2, message: `got ${describe(r)}`, ops, evidence: [r.exchange] });
  record(rec, { requirement: 'DIR-ATOMIC-1', check: `${check}: no effect`, ok: r.status !== 200 && diff.length === 0, message: r.status === 200 ? 'the clash was accepted' : diff.length === 0 ? 'read-back unchanged' : diff.slice(0, 5).join('; '), ops, evidence: [r.exchange] });
}
