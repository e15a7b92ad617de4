// The comparison matrix from hand-made reports: cells, ordering, warnings, exit code.
import { describe, expect, test } from 'vitest';
import { buildComparison, cellCounts, cellFigure } from '../../reporters/compare-matrix.js';
import { makeReport } from './helpers/reports.js';

const a = makeReport([
  ['CONNECT-LOCK-1', 'pass'],
  ['CONNECT-LOCK-1', 'pass'],
  ['COMMON-RESP-2', 'pass', 'SHOULD'],
  ['CONNECT-BATCH-1', 'pass'],
]);
const b = makeReport([
  ['CONNECT-LOCK-1', 'pass'],
  ['CONNECT-LOCK-1', 'fail', 'MUST', 'item accepted with a stale token'],
  ['COMMON-RESP-2', 'non-strict', 'SHOULD', 'no request id'],
  ['CONNECT-PK-1', 'n/a'],
]);

describe('buildComparison', () => {
  const cmp = buildComparison([
    { name: 'alpha', source: 'a.json', report: a },
    { name: 'beta', source: 'b.json', report: b },
  ]);
  const row = (id: string) => cmp.rows.find((r) => r.requirement === id)!;

  test('one row per requirement seen in any report, one cell per endpoint', () => {
    expect(cmp.rows.map((r) => r.requirement).sort()).toEqual(['COMMON-RESP-2', 'CONNECT-BATCH-1', 'CONNECT-LOCK-1', 'CONNECT-PK-1']);
    for (const r of cmp.rows) expect(r.cells).toHaveLength(2);
    expect(cmp.columns.map((c) => c.name)).toEqual(['alpha', 'beta']);
  });

  test('cells carry the worst status and the counts of each endpoint', () => {
    expect(row('CONNECT-LOCK-1').cells.map((c) => c.status)).toEqual(['pass', 'fail']);
    expect(row('CONNECT-LOCK-1').cells[1]!.counts).toMatchObject({ pass: 1, fail: 1 });
    expect(cellFigure(row('CONNECT-LOCK-1').cells[1]!)).toBe('1/2');
    expect(cellCounts(row('CONNECT-LOCK-1').cells[1]!)).toBe('1 fail, 1 pass');
    expect(row('COMMON-RESP-2').cells.map((c) => c.status)).toEqual(['pass', 'non-strict']);
    expect(row('CONNECT-LOCK-1').cells[1]!.failures).toEqual([expect.objectContaining({ status: 'fail', message: 'item accepted with a stale token' })]);
  });

  test('a requirement an endpoint never checked is n/a there, marked unchecked', () => {
    const pk = row('CONNECT-PK-1');
    expect(pk.cells[0]).toMatchObject({ status: 'n/a', checked: false });
    expect(pk.cells[1]).toMatchObject({ status: 'n/a', checked: true });
    expect(row('CONNECT-BATCH-1').cells[1]).toMatchObject({ status: 'n/a', checked: false });
  });

  test('levels come from the catalog, rows are worst first', () => {
    expect(row('COMMON-RESP-2').level).toBe('SHOULD');
    expect(row('CONNECT-LOCK-1').level).toBe('MUST');
    expect(cmp.rows.map((r) => r.worst)).toEqual(['fail', 'non-strict', 'pass', 'n/a']);
  });

  test('exit 1 when one endpoint diverges; SHOULD failures count only under strict', () => {
    expect(cmp.exitCode).toBe(1);
    expect(cmp.columns.map((c) => c.summary.conformant)).toEqual([true, false]);
    const shouldOnly = makeReport([['COMMON-RESP-2', 'non-strict', 'SHOULD']]);
    const loose = buildComparison([
      { name: 'a', source: 'a', report: a },
      { name: 's', source: 's', report: shouldOnly },
    ]);
    expect(loose.exitCode).toBe(0);
    const strict = buildComparison(
      [
        { name: 'a', source: 'a', report: a },
        { name: 's', source: 's', report: shouldOnly },
      ],
      { strict: true },
    );
    expect(strict.exitCode).toBe(1);
    expect(strict.rows[0]!.diverging).toBe(1);
  });

  test('all conformant: exit 0 and no warnings for like-for-like reports', () => {
    const c = buildComparison([
      { name: 'a', source: 'a', report: a },
      { name: 'a2', source: 'a2', report: makeReport([['CONNECT-LOCK-1', 'pass']]) },
    ]);
    expect(c.exitCode).toBe(0);
    expect(c.conformant).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  test('different seeds, profiles and shards are flagged, and the matrix is still built', () => {
    const c = buildComparison([
      { name: 'a', source: 'a', report: a },
      { name: 'other', source: 'o', report: makeReport([['CONNECT-LOCK-1', 'pass']], { seed: 7, profile: 'deep', shard: '1/2' }) },
    ]);
    expect(c.warnings.find((w) => w.startsWith('seeds differ'))).toContain('a=42, other=7');
    expect(c.warnings.some((w) => w.startsWith('profiles differ'))).toBe(true);
    expect(c.warnings.some((w) => w.includes('shard 1/2'))).toBe(true);
    expect(c.rows.length).toBeGreaterThan(0);
  });

  test('a suite error makes an endpoint diverge even without failing verdicts', () => {
    const c = buildComparison([
      { name: 'a', source: 'a', report: a },
      { name: 'broken', source: 'b', report: makeReport([['CONNECT-LOCK-1', 'pass']], { suiteErrors: 1 }) },
    ]);
    expect(c.exitCode).toBe(1);
    expect(c.warnings.some((w) => w.startsWith('broken: 1 suite error'))).toBe(true);
  });

  test('baselined failures do not make a cell fail', () => {
    const r = makeReport([['CONNECT-LOCK-1', 'pass']]);
    r.verdicts.push({ ...r.verdicts[0]!, status: 'fail', baselined: { reason: 'ticket 1' } });
    const c = buildComparison([
      { name: 'a', source: 'a', report: a },
      { name: 'bl', source: 'b', report: r },
    ]);
    expect(c.rows.find((x) => x.requirement === 'CONNECT-LOCK-1')!.cells[1]).toMatchObject({ status: 'pass', counts: { baselined: 1 }, failures: [] });
    expect(c.exitCode).toBe(0);
  });
});
