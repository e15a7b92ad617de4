// Reading reports from disk: normalised when members are missing, a one-line error when unusable.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReportInputError, parseReport, readReportFile } from '../../reporters/compare-input.js';
import { makeReport } from './helpers/reports.js';

describe('parseReport', () => {
  test('a written report reads back with the same verdicts and summary', () => {
    const r = makeReport([['CONNECT-LOCK-1', 'fail'], ['COMMON-RESP-2', 'pass', 'SHOULD']], { shard: '2/3' });
    const back = parseReport(JSON.stringify(r), 'r.json');
    expect(back.verdicts).toEqual(r.verdicts);
    expect(back.summary).toEqual(r.summary);
    expect(back.shard).toBe('2/3');
    expect(back.seed).toBe(42);
  });

  test('a minimal hand-written report is completed', () => {
    const back = parseReport('{"verdicts":[{"requirement":"X-1","status":"fail"}]}', 'min.json');
    expect(back.verdicts[0]).toMatchObject({ requirement: 'X-1', status: 'fail', level: 'MUST', evidence: [], message: '' });
    expect(back.summary.mustFailures).toBe(1);
    expect(back.timings.suites).toEqual([]);
    expect(Number.isNaN(back.seed)).toBe(true);
  });

  test.each([
    ['not json', /not valid JSON/],
    ['[]', /no "verdicts" list/],
    ['{"verdicts":{}}', /no "verdicts" list/],
    ['{"verdicts":[1]}', /verdict 1 is not an object/],
    ['{"verdicts":[{"status":"pass"}]}', /verdict 1 has no requirement id/],
    ['{"verdicts":[{"requirement":"A","status":"great"}]}', /status "great"/],
    ['{"schema":"lockstep-report/9","verdicts":[]}', /schema "lockstep-report\/9"/],
  ])('%s is refused', (text, msg) => {
    expect(() => parseReport(text, 'bad.json')).toThrow(ReportInputError);
    expect(() => parseReport(text, 'bad.json')).toThrow(msg);
  });

  test('any JSON value either parses or is a ReportInputError (never a crash)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 3 }), (v, vs) => {
        for (const text of [JSON.stringify(v), JSON.stringify({ verdicts: vs, timings: v, target: v, summary: v, apis: v })]) {
          try {
            const r = parseReport(text, 'x.json');
            expect(Array.isArray(r.verdicts)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(ReportInputError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('readReportFile', () => {
  test('a directory stands for its lockstep-report.json; a missing file is a ReportInputError', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lockstep-cmp-in-'));
    mkdirSync(path.join(dir, 'acme'));
    writeFileSync(path.join(dir, 'acme', 'lockstep-report.json'), JSON.stringify(makeReport([['A-1', 'pass']])));
    expect(readReportFile(path.join(dir, 'acme')).verdicts).toHaveLength(1);
    expect(() => readReportFile(path.join(dir, 'nope.json'))).toThrow(/cannot read report .*nope\.json: ENOENT/);
  });
});
