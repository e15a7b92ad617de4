// Reads a lockstep-report.json written by another run (maybe another machine, maybe hand-edited)
// and normalises it into a complete Report, so that compare and merge never trip over a missing
// member. What cannot be placed (a verdict without requirement or status) is a ReportInputError.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Level } from '../spec/requirements/types.js';
import type { ServiceName } from '../spec/services.js';
import type { Verdict, VerdictStatus } from '../suites/harness/verdict.js';
import { REPORT_SCHEMA, type Report, type SuiteTiming } from './report.js';
import { summarise } from './summary.js';

export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

export const VERDICT_STATUSES: readonly VerdictStatus[] = ['pass', 'fail', 'non-strict', 'info', 'n/a'];
const LEVELS: readonly Level[] = ['MUST', 'SHOULD', 'INFO'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, dflt = ''): string => (typeof v === 'string' ? v : dflt);
const num = (v: unknown, dflt = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

function verdictFrom(raw: unknown, i: number, file: string): Verdict {
  if (!isObj(raw)) throw new ReportInputError(`${file}: verdict ${i + 1} is not an object`);
  const requirement = raw.requirement;
  const status = raw.status;
  if (typeof requirement !== 'string' || requirement === '') throw new ReportInputError(`${file}: verdict ${i + 1} has no requirement id`);
  if (typeof status !== 'string' || !(VERDICT_STATUSES as readonly string[]).includes(status)) {
    throw new ReportInputError(`${file}: verdict ${i + 1} (${requirement}) has status ${JSON.stringify(status)}; expected one of ${VERDICT_STATUSES.join(', ')}`);
  }
  const level = (LEVELS as readonly string[]).includes(str(raw.level)) ? (raw.level as Level) : status === 'non-strict' ? 'SHOULD' : status === 'info' ? 'INFO' : 'MUST';
  // Keep every member the run recorded (seed, path, counterexample, curl...), fixing only the typed ones.
  return {
    ...raw,
    requirement,
    level,
    status: status as VerdictStatus,
    service: str(raw.service, 'unknown') as ServiceName,
    operation: str(raw.operation),
    check: str(raw.check),
    message: str(raw.message),
    evidence: Array.isArray(raw.evidence) ? (raw.evidence as Verdict['evidence']) : [],
  };
}

function timingFrom(raw: unknown): SuiteTiming | undefined {
  if (!isObj(raw) || typeof raw.suite !== 'string') return undefined;
  const state = raw.state === 'passed' || raw.state === 'failed' || raw.state === 'skipped' ? raw.state : 'failed';
  const errors = Array.isArray(raw.errors) ? raw.errors.map((e) => String(e)) : [];
  return { suite: raw.suite, state, durationMs: num(raw.durationMs), checks: num(raw.checks), errors };
}

/** Parses and normalises a report's JSON text; `file` names it in error messages. */
export function parseReport(text: string, file: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReportInputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObj(raw) || !Array.isArray(raw.verdicts)) throw new ReportInputError(`${file} is not a lockstep report (no "verdicts" list)`);
  if (raw.schema !== undefined && raw.schema !== REPORT_SCHEMA) throw new ReportInputError(`${file} has schema ${JSON.stringify(raw.schema)}; this lockstep reads ${REPORT_SCHEMA}`);
  const verdicts = raw.verdicts.map((v, i) => verdictFrom(v, i, file));
  const t = isObj(raw.timings) ? raw.timings : {};
  const suites = (Array.isArray(t.suites) ? t.suites : []).map(timingFrom).filter((s): s is SuiteTiming => s !== undefined);
  const target = isObj(raw.target) ? raw.target : {};
  const endpoints: Report['target']['endpoints'] = {};
  if (isObj(target.endpoints)) {
    for (const [api, e] of Object.entries(target.endpoints)) {
      if (isObj(e)) endpoints[api as ServiceName] = { url: str(e.url), embedded: e.embedded === true };
    }
  }
  const strict = raw.strict === true;
  const oldSummary = isObj(raw.summary) ? raw.summary : {};
  // Suite errors are not derivable from verdicts: keep the run's count (it includes crashes outside any file).
  const suiteErrors = typeof oldSummary.suiteErrors === 'number' ? num(oldSummary.suiteErrors) : suites.filter((s) => s.errors.length > 0).length;
  const tool = isObj(raw.tool) ? raw.tool : {};
  return {
    ...(raw as object),
    schema: REPORT_SCHEMA,
    tool: { name: 'lockstep', version: str(tool.version, 'unknown') },
    target: { endpoints, region: str(target.region, 'us-east-1'), signed: target.signed === true },
    apis: (Array.isArray(raw.apis) ? raw.apis.filter((a) => typeof a === 'string') : [...new Set(verdicts.map((v) => v.service))]) as ServiceName[],
    seed: num(raw.seed, NaN),
    profile: str(raw.profile, 'unknown'),
    strict,
    ...(typeof raw.shard === 'string' ? { shard: raw.shard } : {}),
    timings: {
      startedAt: str(t.startedAt),
      finishedAt: str(t.finishedAt),
      totalMs: num(t.totalMs),
      probeMs: num(t.probeMs),
      suitesMs: num(t.suitesMs),
      suites,
    },
    verdicts,
    summary: summarise(verdicts, strict, suiteErrors),
  } as Report;
}

/** Reads a report file, or DIR/lockstep-report.json when given a directory. */
export function readReportFile(file: string): Report {
  let target = file;
  try {
    if (statSync(file).isDirectory()) target = path.join(file, 'lockstep-report.json');
  } catch {
    // Not there at all: reported by the read below with its system code.
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (e) {
    throw new ReportInputError(`cannot read report ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseReport(text, target);
}
