// The report every reporter reads: the run's facts plus its verdicts and their summary.
// Its JSON form (lockstep-report.json) is documented in docs/report-schema.md.
import type { Level } from '../spec/requirements/types.js';
import type { ServiceName } from '../spec/services.js';
import type { Verdict, VerdictStatus } from '../suites/harness/verdict.js';
import type { BaselineOutcome } from '../suites/harness/baseline.js';
import type { Coverage } from './coverage.js';

export const REPORT_SCHEMA = 'lockstep-report/1';

export interface RequirementSummary {
  requirement: string;
  level: Level;
  services: ServiceName[];
  counts: Record<VerdictStatus, number> & { baselined: number };
  /** Worst status over its verdicts (baselined failures excluded). */
  status: VerdictStatus;
}

export interface Summary {
  totals: Record<VerdictStatus, number> & { baselined: number; checks: number };
  requirements: RequirementSummary[];
  /** MUST failures not excused by the baseline. */
  mustFailures: number;
  /** SHOULD failures not excused by the baseline. */
  shouldFailures: number;
  /** Suite files that crashed or whose tests failed outside any check. */
  suiteErrors: number;
  conformant: boolean;
  exitCode: 0 | 1;
}

export interface SuiteTiming {
  suite: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  checks: number;
  errors: string[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: 'lockstep'; version: string };
  target: {
    /** Base URL per API; `embedded` when the run started its own reference server. */
    endpoints: Partial<Record<ServiceName, { url: string; embedded: boolean }>>;
    region: string;
    signed: boolean;
  };
  apis: ServiceName[];
  seed: number;
  profile: string;
  strict: boolean;
  /** vitest shard `i/n` when the run was one slice of the suites. */
  shard?: string;
  timings: { startedAt: string; finishedAt: string; totalMs: number; probeMs: number; suitesMs: number; suites: SuiteTiming[] };
  verdicts: Verdict[];
  summary: Summary;
  /** Catalog requirements of the APIs run and the checks that reached each (absent in old reports). */
  coverage?: Coverage;
  baseline?: BaselineOutcome;
}
