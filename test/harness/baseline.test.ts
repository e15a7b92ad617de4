import { describe, expect, test } from 'vitest';
import { applyBaseline, parseBaseline } from '../../suites/harness/baseline.js';
import { summarise } from '../../reporters/summary.js';
import type { Verdict } from '../../suites/harness/verdict.js';

function v(requirement: string, operation: string, status: Verdict['status'], level: Verdict['level'] = 'MUST'): Verdict {
  return { requirement, level, status, service: 'connect', operation, check: 'c', message: 'm', evidence: [] };
}

describe('baseline', () => {
  test('a matching active entry excuses the failure; the run becomes conformant', () => {
    const verdicts = [v('CONNECT-LOCK-3', 'BatchUpdateDataTableValue', 'fail'), v('COMMON-RESP-1', 'BatchUpdateDataTableValue', 'pass')];
    expect(summarise(verdicts, false).exitCode).toBe(1);
    const entries = parseBaseline(JSON.stringify([{ requirement: 'CONNECT-LOCK-3', operation: 'BatchUpdateDataTableValue', reason: 'tracked in #12' }]), 'b.json');
    const { verdicts: out, outcome } = applyBaseline(verdicts, entries, 'b.json', '2026-11-22');
    expect(out[0]!.baselined).toEqual({ reason: 'tracked in #12' });
    expect(out[0]!.status).toBe('fail');
    expect(outcome.applied).toHaveLength(1);
    const s = summarise(out, false);
    expect(s).toMatchObject({ exitCode: 0, mustFailures: 0 });
    expect(s.totals.baselined).toBe(1);
  });

  test('the entry must match the operation too', () => {
    const entries = parseBaseline('[{"requirement":"CONNECT-LOCK-3","operation":"BatchCreateDataTableValue"}]', 'b');
    const { verdicts, outcome } = applyBaseline([v('CONNECT-LOCK-3', 'BatchUpdateDataTableValue', 'fail')], entries, 'b', '2026-11-22');
    expect(verdicts[0]!.baselined).toBeUndefined();
    expect(outcome.stale).toHaveLength(1);
  });

  test('an expired entry is reported and no longer excuses', () => {
    const entries = parseBaseline('{"entries":[{"requirement":"CONNECT-LOCK-3","operation":"BatchUpdateDataTableValue","expires":"2026-11-01"}]}', 'b');
    const { verdicts, outcome } = applyBaseline([v('CONNECT-LOCK-3', 'BatchUpdateDataTableValue', 'fail')], entries, 'b', '2026-11-22');
    expect(verdicts[0]!.baselined).toBeUndefined();
    expect(outcome.expired.map((e) => e.requirement)).toEqual(['CONNECT-LOCK-3']);
    expect(summarise(verdicts, false).exitCode).toBe(1);
  });

  test('an entry expiring in the future still applies', () => {
    const entries = parseBaseline('[{"requirement":"X-1","operation":"Op","expires":"2027-01-01"}]', 'b');
    const { outcome } = applyBaseline([v('X-1', 'Op', 'fail')], entries, 'b', '2026-11-22');
    expect(outcome.applied).toHaveLength(1);
    expect(outcome.expired).toHaveLength(0);
  });

  test('an entry whose divergence is gone is reported as stale', () => {
    const entries = parseBaseline('[{"requirement":"X-1","operation":"Op"}]', 'b');
    const { outcome } = applyBaseline([v('X-1', 'Op', 'pass')], entries, 'b', '2026-11-22');
    expect(outcome.stale.map((e) => e.requirement)).toEqual(['X-1']);
  });

  test('SHOULD failures can be baselined for --strict runs', () => {
    const verdicts = [v('COMMON-RESP-2', 'Op', 'non-strict', 'SHOULD')];
    expect(summarise(verdicts, true).exitCode).toBe(1);
    expect(summarise(verdicts, false).exitCode).toBe(0);
    const { verdicts: out } = applyBaseline(verdicts, parseBaseline('[{"requirement":"COMMON-RESP-2","operation":"Op"}]', 'b'), 'b');
    expect(summarise(out, true).exitCode).toBe(0);
  });

  test.each([
    ['{', /not valid JSON/],
    ['{"x":1}', /list of entries/],
    ['[{"operation":"Op"}]', /requirement/],
    ['[{"requirement":"R"}]', /operation/],
    ['[{"requirement":"R","operation":"O","expires":"next week"}]', /YYYY-MM-DD/],
    ['[{"requirement":"R","operation":"O","service":"s3"}]', /service/],
    ['[{"requirement":"R","operation":"O","note":"x"}]', /unknown key/],
  ])('malformed baseline %s is a clear error', (text, msg) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(msg);
  });
});
