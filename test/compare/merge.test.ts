// Merging shard reports: verdicts and timings combined, summary recomputed, mismatches refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergeReports } from '../../reporters/merge.js';
import { summarise } from '../../reporters/summary.js';
import { makeReport, type Row } from './helpers/reports.js';

const shard1 = makeReport([['CONNECT-LOCK-1', 'pass'], ['CONNECT-LOCK-1', 'fail', 'MUST', 'stale token accepted'], ['COMMON-RESP-2', 'pass', 'SHOULD']], {
  shard: '1/2',
  timings: { startedAt: '2026-11-22T10:00:00.000Z', finishedAt: '2026-11-22T10:00:05.000Z', totalMs: 5000, probeMs: 3, suitesMs: 4800, suites: [{ suite: 'connect/sequential', state: 'passed', durationMs: 4700, checks: 3, errors: [] }] },
});
const shard2 = makeReport([['COMMON-RESP-2', 'non-strict', 'SHOULD', 'no request id'], ['CONNECT-BATCH-1', 'pass'], ['CONNECT-PK-1', 'n/a']], {
  shard: '2/2',
  suiteErrors: 1,
  timings: { startedAt: '2026-11-22T10:00:01.000Z', finishedAt: '2026-11-22T10:00:09.000Z', totalMs: 8000, probeMs: 4, suitesMs: 7900, suites: [{ suite: 'connect/contract', state: 'failed', durationMs: 7800, checks: 3, errors: ['boom'] }] },
});

describe('mergeReports', () => {
  test('verdicts in shard order, summary as one run would compute it', () => {
    // Given out of order: the merge orders by shard index.
    const { report, problems } = mergeReports([
      { file: 's2.json', report: shard2 },
      { file: 's1.json', report: shard1 },
    ]);
    expect(problems).toEqual([]);
    expect(report.verdicts).toEqual([...shard1.verdicts, ...shard2.verdicts]);
    expect(report.summary).toEqual(summarise([...shard1.verdicts, ...shard2.verdicts], false, 1));
    expect(report.summary.totals).toMatchObject({ checks: 6, pass: 3, fail: 1, 'non-strict': 1, 'n/a': 1 });
    expect(report.summary.exitCode).toBe(1);
    expect(report.shard).toBeUndefined();
    expect(report.seed).toBe(42);
  });

  test('timings: wall span from first start to last finish, per-shard times summed, suites concatenated', () => {
    const { report } = mergeReports([
      { file: 's1.json', report: shard1 },
      { file: 's2.json', report: shard2 },
    ]);
    expect(report.timings).toMatchObject({ startedAt: '2026-11-22T10:00:00.000Z', finishedAt: '2026-11-22T10:00:09.000Z', totalMs: 9000, probeMs: 7, suitesMs: 12700 });
    expect(report.timings.suites.map((s) => s.suite)).toEqual(['connect/sequential', 'connect/contract']);
    expect((report as unknown as { mergedFrom: unknown }).mergedFrom).toEqual([
      { file: 's1.json', shard: '1/2' },
      { file: 's2.json', shard: '2/2' },
    ]);
  });

  test('shards of a conformant run merge to exit 0', () => {
    const ok1 = makeReport([['CONNECT-LOCK-1', 'pass']], { shard: '1/2' });
    const ok2 = makeReport([['COMMON-RESP-2', 'non-strict', 'SHOULD']], { shard: '2/2' });
    expect(mergeReports([{ file: 'a', report: ok1 }, { file: 'b', report: ok2 }]).report.summary.exitCode).toBe(0);
  });

  test.each([
    ['seeds', { seed: 7 }, /seeds differ: s1\.json: 42; s2\.json: 7/],
    ['profiles', { profile: 'deep' }, /profiles differ/],
    ['strict settings', { strict: true }, /strict settings differ/],
    ['APIs', { apis: ['connect', 'cognito-sync'] as const }, /APIs differ/],
    ['targets', { target: { endpoints: { connect: { url: 'http://other:1', embedded: false } }, region: 'us-east-1', signed: false } }, /targets differ/],
    ['shard counts', { shard: '2/3' }, /shard counts differ/],
    ['duplicate shards', { shard: '1/2' }, /shard 1\/2 given twice/],
  ])('%s that differ are problems', (_what, change, msg) => {
    const other = makeReport([['CONNECT-BATCH-1', 'pass']], { shard: '2/2', ...(change as object) });
    const { problems } = mergeReports([
      { file: 's1.json', report: shard1 },
      { file: 's2.json', report: other },
    ]);
    expect(problems.join('\n')).toMatch(msg);
  });

  test('embedded targets on different ports are the same target', () => {
    const emb = (port: number) => ({ endpoints: { connect: { url: `http://127.0.0.1:${port}`, embedded: true } }, region: 'us-east-1', signed: false });
    const { problems } = mergeReports([
      { file: 'a', report: makeReport([['A-1', 'pass']], { shard: '1/2', target: emb(1000) }) },
      { file: 'b', report: makeReport([['A-1', 'pass']], { shard: '2/2', target: emb(2000) }) },
    ]);
    expect(problems).toEqual([]);
  });

  test('a missing shard or an unsharded report is a problem', () => {
    expect(mergeReports([{ file: 'a', report: shard1 }]).problems.join()).toMatch(/shard 2\/2 missing/);
    const whole = makeReport([['A-1', 'pass']]);
    expect(mergeReports([{ file: 'a', report: shard1 }, { file: 'w.json', report: whole }]).problems.join()).toMatch(/not a shard report \(no "shard"\): w\.json/);
  });

  test('baseline outcomes: applied summed, stale only when stale in every shard', () => {
    const e1 = { requirement: 'CONNECT-LOCK-1', operation: 'BatchUpdateDataTableValue' };
    const e2 = { requirement: 'COMMON-RESP-2', operation: 'ListRecords' };
    const b1 = makeReport([['A-1', 'pass']], { shard: '1/2', baseline: { file: 'bl.json', applied: [{ entry: e1, verdicts: 2 }], expired: [], stale: [e2] } });
    const b2 = makeReport([['A-1', 'pass']], { shard: '2/2', baseline: { file: 'bl.json', applied: [{ entry: e1, verdicts: 1 }, { entry: e2, verdicts: 1 }], expired: [], stale: [] } });
    const { report, problems } = mergeReports([{ file: 'a', report: b1 }, { file: 'b', report: b2 }]);
    expect(problems).toEqual([]);
    expect(report.baseline).toEqual({ file: 'bl.json', applied: [{ entry: e1, verdicts: 3 }, { entry: e2, verdicts: 1 }], expired: [], stale: [] });
  });
});

test('property: any split of a run into n shards merges back to the whole run\'s summary', () => {
  const status = fc.constantFrom('pass', 'fail', 'non-strict', 'info', 'n/a' as const);
  const row = fc.tuple(fc.constantFrom('CONNECT-LOCK-1', 'COMMON-RESP-2', 'SYNC-CONC-1', 'X-UNKNOWN-1'), status) as fc.Arbitrary<Row>;
  fc.assert(
    fc.property(fc.array(fc.tuple(row, fc.nat()), { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (rows, n, strict) => {
      const whole = makeReport(rows.map(([r]) => r), { strict });
      const shards = Array.from({ length: n }, (_, k) =>
        makeReport(rows.filter(([, slot]) => slot % n === k).map(([r]) => r), { strict, shard: `${k + 1}/${n}` }),
      );
      const { report, problems } = mergeReports(shards.reverse().map((r, k) => ({ file: `s${k}.json`, report: r })));
      expect(problems).toEqual([]);
      expect(report.summary.totals).toEqual(whole.summary.totals);
      expect(report.summary.exitCode).toBe(whole.summary.exitCode);
      const byReq = (r: typeof whole) => Object.fromEntries(r.summary.requirements.map((x) => [x.requirement, [x.status, x.counts]]));
      expect(byReq(report)).toEqual(byReq(whole));
    }),
    { numRuns: 200 },
  );
});
