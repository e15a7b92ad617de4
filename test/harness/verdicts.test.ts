import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { markNotImplemented, VerdictRecorder } from '../../suites/harness/verdicts.js';
import type { Exchange } from '../../suites/harness/verdict.js';

function ex(operation: string, status: number, errorType?: string): Exchange {
  return {
    client: 'c',
    operation,
    request: { method: 'POST', url: 'http://h/x', headers: {} },
    response: { status, headers: errorType ? { 'x-amzn-errortype': errorType } : {}, body: '{}' },
    callTime: 0,
    returnTime: 1,
  };
}

describe('verdict recorder', () => {
  test('the level comes from the catalog, not from the suite', () => {
    const rec = new VerdictRecorder('connect', 'connect/t', undefined);
    // COMMON-RESP-2 is SHOULD in the catalog: a violation is non-strict even if the suite says MUST.
    expect(rec.check('COMMON-RESP-2', { operation: 'Op', check: 'c', ok: false, level: 'MUST' })).toMatchObject({ level: 'SHOULD', status: 'non-strict' });
    expect(rec.check('COMMON-RESP-1', { operation: 'Op', check: 'c', ok: false, level: 'SHOULD' })).toMatchObject({ level: 'MUST', status: 'fail' });
  });

  test('an id missing from the catalog falls back to the suite level', () => {
    const rec = new VerdictRecorder('connect', 'connect/t', undefined);
    expect(rec.check('ZZZ-NOT-IN-CATALOG-1', { operation: 'Op', check: 'c', ok: false, level: 'SHOULD' })).toMatchObject({ level: 'SHOULD', status: 'non-strict' });
    expect(rec.check('ZZZ-NOT-IN-CATALOG-2', { operation: 'Op', check: 'c', ok: false, level: 'INFO' })).toMatchObject({ status: 'info' });
    expect(rec.check('ZZZ-NOT-IN-CATALOG-3', { operation: 'Op', check: 'c', ok: true, level: 'MUST' })).toMatchObject({ status: 'pass' });
  });

  test('a part level overrides the catalog (COMMON-VAL-2: some 4xx is MUST)', () => {
    const rec = new VerdictRecorder('connect', 'connect/t', undefined);
    expect(rec.check('COMMON-VAL-2', { operation: 'Op', check: 'c', ok: false, partLevel: 'MUST' })).toMatchObject({ level: 'MUST', status: 'fail' });
    expect(rec.check('COMMON-VAL-2', { operation: 'Op', check: 'c', ok: false })).toMatchObject({ level: 'SHOULD', status: 'non-strict' });
  });

  test('verdicts are appended as JSON lines to the named file', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lockstep-v-')), 'v.jsonl');
    const rec = new VerdictRecorder('cognito-sync', 'cognito-sync/t', file, 99);
    rec.check('COMMON-RESP-1', { operation: 'ListRecords', check: 'a', ok: true });
    rec.check('COMMON-RESP-1', { operation: 'ListRecords', check: 'b', ok: false, message: 'why' });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ requirement: 'COMMON-RESP-1', status: 'fail', service: 'cognito-sync', suite: 'cognito-sync/t', seed: 99, message: 'why' });
  });

  test('an operation answered 404 UnknownOperation on every call makes its checks n/a', () => {
    const rec = new VerdictRecorder('connect', 'connect/t', undefined);
    rec.observe(ex('BatchCreateDataTableValue', 404, 'UnknownOperationException'));
    rec.observe(ex('BatchCreateDataTableValue', 404, 'UnknownOperationException'));
    const v = rec.check('COMMON-RESP-1', { operation: 'BatchCreateDataTableValue', check: 'c', ok: false, evidence: [ex('BatchCreateDataTableValue', 404, 'UnknownOperationException')] });
    expect(v.status).toBe('n/a');
    // One real answer means the operation exists: failures count again.
    rec.observe(ex('BatchCreateDataTableValue', 400, 'InvalidRequestException'));
    expect(rec.check('COMMON-RESP-1', { operation: 'BatchCreateDataTableValue', check: 'c', ok: false }).status).toBe('fail');
    // A 404 ResourceNotFound is an answer, not a missing operation.
    const rnf = rec.check('COMMON-RESP-1', { operation: 'DescribeDataTable', check: 'c', ok: false, evidence: [ex('DescribeDataTable', 404, 'ResourceNotFoundException')] });
    expect(rnf.status).toBe('fail');
  });

  test('run level: an operation unknown in every verdict of the run is n/a everywhere', () => {
    const base = { level: 'MUST' as const, service: 'connect' as const, check: 'c', message: 'm' };
    const out = markNotImplemented([
      { ...base, requirement: 'R1', operation: 'A', status: 'fail', evidence: [ex('A', 404, 'UnknownOperationException')] },
      { ...base, requirement: 'R2', operation: 'A', status: 'fail', evidence: [] },
      { ...base, requirement: 'R3', operation: 'B', status: 'fail', evidence: [ex('B', 404, 'UnknownOperationException'), ex('B', 200)] },
    ]);
    expect(out.map((v) => v.status)).toEqual(['n/a', 'n/a', 'fail']);
  });
});
