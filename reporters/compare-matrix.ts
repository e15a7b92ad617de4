// The vendor comparison matrix: one row per requirement, one column per endpoint, built only from
// reports (each endpoint's verdicts summarised by the same code as `lockstep run`). The renderers
// (compare-html, compare-markdown, compare-console) only lay this out.
import type { Level } from '../spec/requirements/types.js';
import type { VerdictStatus } from '../suites/harness/verdict.js';
import type { Report, Summary } from './report.js';
import { summarise } from './summary.js';

/** One endpoint's report, named as the user named it. */
export interface CompareInput {
  name: string;
  /** Where it came from: the report file, or the URL the comparison ran against. */
  source: string;
  report: Report;
}

export interface CompareColumn {
  name: string;
  source: string;
  seed: number;
  profile: string;
  strict: boolean;
  apis: string[];
  shard?: string;
  summary: Summary;
}

export interface CellFailure {
  status: 'fail' | 'non-strict';
  service: string;
  operation: string;
  check: string;
  message: string;
}

export interface CompareCell {
  status: VerdictStatus;
  /** False when the endpoint's report has no verdict for the requirement (shown as n/a). */
  checked: boolean;
  counts: Record<VerdictStatus, number> & { baselined: number };
  failures: CellFailure[];
}

export interface CompareRow {
  requirement: string;
  level: Level;
  cells: CompareCell[];
  /** Worst status over the cells. */
  worst: VerdictStatus;
  /** How many endpoints fail (or, under strict, non-strict) this requirement. */
  diverging: number;
}

export interface Comparison {
  columns: CompareColumn[];
  rows: CompareRow[];
  /** Reasons the columns are not like for like (different seeds, profiles...), shown above the matrix. */
  warnings: string[];
  conformant: boolean;
  exitCode: 0 | 1;
}

// Worst first, as in reporters/summary.ts.
export const SEVERITY: VerdictStatus[] = ['fail', 'non-strict', 'pass', 'info', 'n/a'];

const zero = (): CompareCell['counts'] => ({ pass: 0, fail: 0, 'non-strict': 0, info: 0, 'n/a': 0, baselined: 0 });

function divergesIn(status: VerdictStatus, strict: boolean): boolean {
  return status === 'fail' || (strict && status === 'non-strict');
}

function describeValues(columns: CompareColumn[], pick: (c: CompareColumn) => string): string {
  return columns.map((c) => `${c.name}=${pick(c)}`).join(', ');
}

function warningsFor(columns: CompareColumn[], inputs: CompareInput[]): string[] {
  const w: string[] = [];
  const differs = (pick: (c: CompareColumn) => string) => new Set(columns.map(pick)).size > 1;
  const seedOf = (c: CompareColumn) => (Number.isFinite(c.seed) ? String(c.seed) : 'unknown');
  if (differs(seedOf)) w.push(`seeds differ (${describeValues(columns, seedOf)}): the endpoints did not receive the same generated inputs`);
  if (differs((c) => c.profile)) w.push(`profiles differ (${describeValues(columns, (c) => c.profile)}): the endpoints were not checked equally hard`);
  if (differs((c) => String(c.strict))) w.push(`strict mode differs (${describeValues(columns, (c) => String(c.strict))})`);
  const apis = (c: CompareColumn) => [...c.apis].sort().join('+') || 'none';
  if (differs(apis)) w.push(`APIs differ (${describeValues(columns, apis)}): rows of an API one endpoint did not run show n/a there`);
  for (const c of columns) if (c.shard) w.push(`${c.name} is shard ${c.shard} of a run only: merge the shards first (lockstep merge) for a whole comparison`);
  for (const c of columns) if (c.summary.suiteErrors > 0) w.push(`${c.name}: ${c.summary.suiteErrors} suite error(s): its column is incomplete`);
  const versions = new Set(inputs.map((i) => i.report.tool.version));
  if (versions.size > 1) w.push(`reports come from different lockstep versions (${inputs.map((i) => `${i.name}=${i.report.tool.version}`).join(', ')})`);
  return w;
}

/**
 * Builds the matrix. `strict` (the compare command's --strict) makes SHOULD failures count as
 * divergences for every endpoint; otherwise each report's own strict setting applies.
 */
export function buildComparison(inputs: CompareInput[], opts: { strict?: boolean } = {}): Comparison {
  const columns: CompareColumn[] = inputs.map(({ name, source, report }) => {
    const strict = opts.strict === true || report.strict;
    return {
      name,
      source,
      seed: report.seed,
      profile: report.profile,
      strict,
      apis: [...report.apis],
      ...(report.shard ? { shard: report.shard } : {}),
      summary: summarise(report.verdicts, strict, report.summary.suiteErrors),
    };
  });

  const ids = new Map<string, Level>();
  for (const c of columns) for (const r of c.summary.requirements) if (!ids.has(r.requirement)) ids.set(r.requirement, r.level);

  const rows: CompareRow[] = [...ids].map(([requirement, level]) => {
    const cells = inputs.map((input, i): CompareCell => {
      const r = columns[i]!.summary.requirements.find((x) => x.requirement === requirement);
      if (!r) return { status: 'n/a', checked: false, counts: zero(), failures: [] };
      const failures = input.report.verdicts
        .filter((v) => v.requirement === requirement && !v.baselined && (v.status === 'fail' || v.status === 'non-strict'))
        .map((v) => ({ status: v.status as CellFailure['status'], service: v.service, operation: v.operation, check: v.check, message: v.message }));
      return { status: r.status, checked: true, counts: { ...r.counts }, failures };
    });
    const worst = SEVERITY.find((s) => cells.some((c) => c.status === s)) ?? 'n/a';
    const diverging = cells.filter((c, i) => divergesIn(c.status, columns[i]!.strict)).length;
    return { requirement, level, cells, worst, diverging };
  });
  // Worst first; among equals, the requirements more endpoints diverge on; then by id.
  rows.sort((a, b) => SEVERITY.indexOf(a.worst) - SEVERITY.indexOf(b.worst) || b.diverging - a.diverging || a.requirement.localeCompare(b.requirement));

  const conformant = columns.every((c) => c.summary.conformant);
  return { columns, rows, warnings: warningsFor(columns, inputs), conformant, exitCode: conformant ? 0 : 1 };
}

/** Checks a cell's status rests on, e.g. `1/4` for one failing check out of four. */
export function cellFigure(cell: CompareCell): string {
  if (!cell.checked) return '';
  const c = cell.counts;
  const total = c.pass + c.fail + c['non-strict'] + c.info + c['n/a'] + c.baselined;
  return `${c[cell.status]}/${total}`;
}

/** Every non-zero count of a cell in words, e.g. `1 fail, 3 pass`. */
export function cellCounts(cell: CompareCell): string {
  if (!cell.checked) return 'not checked';
  const order = ['fail', 'non-strict', 'pass', 'info', 'n/a', 'baselined'] as const;
  return order.filter((k) => cell.counts[k] > 0).map((k) => `${cell.counts[k]} ${k}`).join(', ') || 'no checks';
}

/** An endpoint's overall result in a few words. */
export function columnResult(c: CompareColumn): string {
  const s = c.summary;
  if (s.conformant) return 'conformant';
  const parts: string[] = [];
  if (s.mustFailures) parts.push(`${s.mustFailures} MUST fail`);
  if (s.shouldFailures) parts.push(`${s.shouldFailures} SHOULD fail`);
  if (s.suiteErrors) parts.push(`${s.suiteErrors} suite error`);
  return `diverges (${parts.join(', ')})`;
}
