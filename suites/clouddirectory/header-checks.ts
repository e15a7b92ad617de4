// DIR-HDR-1: the x-amz-data-partition header. Missing or malformed: 400 InvalidArnException; a
// well-formed ARN of no directory: 403 AccessDeniedException (BatchWrite does not list
// ResourceNotFoundException); a disabled directory: 400 DirectoryNotEnabledException, no effect.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { DirApi, DirResult } from './api.js';
import { describe, record } from './judge.js';
import { byPath, createObject } from './ops.js';
import { dropDirectory, provisionDirectory, type Directory } from './provision.js';

function expect(r: DirResult, status: number, type: string): boolean {
  return r.status === status && r.errorType === type;
}

/** The run's directory ARN with its id reversed: well-formed, of the same shape, naming no directory. */
export function unknownDirectoryArn(arn: string): string {
  const cut = arn.indexOf(':directory/') + ':directory/'.length;
  const id = arn.slice(cut);
  const reversed = [...id].reverse().join('');
  return arn.slice(0, cut) + (reversed === id ? `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}` : reversed);
}

export async function checkPartitionHeader(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  const ops = [createObject(dir.schemaArn, { parent: byPath('/'), link: `hdr${Date.now().toString(36)}` })];
  const cases: Array<[string, string | undefined, number, string]> = [
    ['missing x-amz-data-partition', undefined, 400, 'InvalidArnException'],
    ['malformed x-amz-data-partition', 'not-an-arn', 400, 'InvalidArnException'],
    ['unknown directory', unknownDirectoryArn(dir.arn), 403, 'AccessDeniedException'],
  ];
  for (const [check, partition, status, type] of cases) {
    const r = await api.batchWrite(partition, ops);
    const ok = expect(r, status, type);
    record(rec, { requirement: 'DIR-HDR-1', check, ok, message: ok ? describe(r) : `got ${describe(r)}, wanted ${status} ${type}`, ops, evidence: [r.exchange] });
  }

  // A directory of its own, disabled, then written to.
  let off: Directory | undefined;
  try {
    off = await provisionDirectory(api, 'disabled');
    const d = await api.withPartition('DisableDirectory', off.arn);
    if (d.status !== 200) return void rec.notApplicable('DIR-HDR-1', 'BatchWrite', 'disabled directory', `DisableDirectory answered ${describe(d)}`, [d.exchange]);
    const offOps = [createObject(off.schemaArn, { parent: byPath('/'), link: 'after-disable' })];
    const r = await api.batchWrite(off.arn, offOps);
    const ok = expect(r, 400, 'DirectoryNotEnabledException');
    record(rec, { requirement: 'DIR-HDR-1', check: 'disabled directory', ok, message: ok ? describe(r) : `got ${describe(r)}, wanted 400 DirectoryNotEnabledException`, ops: offOps, evidence: [r.exchange] });
  } finally {
    await dropDirectory(api, off);
  }
}
