// Small shared readings of a BatchWrite answer, and recording a single-shot verdict with the batch
// it sent as counterexample (failures only).
import type { Level } from '../../spec/requirements/types.js';
import type { Exchange } from '../harness/verdict.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { isObject, type DirResult } from './api.js';
import { showOps } from './ops.js';

/** BatchWriteException Type values of the model (DIR-EXC-3). */
export const BATCH_WRITE_TYPES = [
  'InternalServiceException', 'ValidationException', 'InvalidArnException', 'LinkNameAlreadyInUseException', 'StillContainsLinksException',
  'FacetValidationException', 'ObjectNotDetachedException', 'ResourceNotFoundException', 'AccessDeniedException', 'InvalidAttachmentException',
  'NotIndexException', 'NotNodeException', 'IndexedAttributeMissingException', 'ObjectAlreadyDetachedException', 'NotPolicyException',
  'DirectoryNotEnabledException', 'LimitExceededException', 'UnsupportedIndexTypeException',
];

export interface BatchError {
  index?: unknown;
  type?: unknown;
}

/** The Index/Type of a 400 BatchWriteException, or undefined for any other answer. */
export function batchError(r: DirResult): BatchError | undefined {
  if (r.status !== 400 || r.errorType !== 'BatchWriteException') return undefined;
  return isObject(r.json) ? { index: r.json.Index, type: r.json.Type } : {};
}

/** A 400 ValidationException for the request, or a BatchWriteException of Type ValidationException. */
export function isValidationRefusal(r: DirResult, index?: number): boolean {
  if (r.status === 400 && r.errorType === 'ValidationException') return true;
  const e = batchError(r);
  return e !== undefined && e.type === 'ValidationException' && (index === undefined || e.index === index);
}

export function describe(r: DirResult): string {
  if (r.status === 0) return `no answer (${r.failure ?? '?'})`;
  const e = batchError(r);
  return `${r.status} ${r.errorType ?? ''}${e ? ` Index ${JSON.stringify(e.index)} Type ${JSON.stringify(e.type)}` : ''}`.trim();
}

export interface Shot {
  requirement: string;
  check: string;
  ok: boolean;
  message: string;
  ops?: unknown[];
  evidence?: Exchange[];
  partLevel?: Level;
  operation?: string;
}

export function record(rec: VerdictRecorder, s: Shot): void {
  rec.check(s.requirement, {
    operation: s.operation ?? 'BatchWrite',
    check: s.check,
    ok: s.ok,
    message: s.message,
    evidence: s.evidence ?? [],
    ...(s.partLevel ? { partLevel: s.partLevel } : {}),
    ...(!s.ok ? { counterexample: s.ops ? showOps(s.ops) : [s.check] } : {}),
  });
}
