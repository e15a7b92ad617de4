// Small hand-made reports for the compare and merge tests.
import { REPORT_SCHEMA, type Report } from '../../../reporters/report.js';
import { summarise } from '../../../reporters/summary.js';
import type { Verdict, VerdictStatus } from '../../../suites/harness/verdict.js';
import type { Level } from '../../../spec/requirements/types.js';

/** [requirement, status, level?, message?] */
export type Row = [string, VerdictStatus, Level?, string?];

export function verdict([requirement, status, level, message]: Row, extra: Partial<Verdict> = {}): Verdict {
  return {
    requirement,
    level: level ?? (status === 'non-strict' ? 'SHOULD' : 'MUST'),
    status,
    service: 'connect',
    operation: 'BatchUpdateDataTableValue',
    check: `check of ${requirement}`,
    message: message ?? `${status} seen`,
    evidence: [],
    suite: 'connect/contract',
    ...extra,
  };
}

export function makeReport(rows: Row[], o: Partial<Omit<Report, 'verdicts' | 'summary'>> & { suiteErrors?: number } = {}): Report {
  const verdicts = rows.map((r) => verdict(r));
  const { suiteErrors, ...rest } = o;
  const strict = o.strict ?? false;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'lockstep', version: '0.1.0' },
    target: { endpoints: { connect: { url: 'http://127.0.0.1:9', embedded: false } }, region: 'us-east-1', signed: false },
    apis: ['connect'],
    seed: 42,
    profile: 'quick',
    strict,
    timings: { startedAt: '2026-11-22T10:00:00.000Z', finishedAt: '2026-11-22T10:00:02.000Z', totalMs: 2000, probeMs: 5, suitesMs: 1900, suites: [{ suite: 'connect/contract', state: 'passed', durationMs: 1800, checks: rows.length, errors: [] }] },
    ...rest,
    verdicts,
    summary: summarise(verdicts, strict, suiteErrors ?? 0),
  };
}
