// The coverage section of a report: for every catalog requirement of the APIs run, the checks that
// produced a verdict for it in this run, and the requirements no check reached. It is computed from
// the verdicts themselves, so it shows what a run really checked, not what the suites claim to check.
import { requirementsFor } from '../spec/requirements/catalog.js';
import type { Level } from '../spec/requirements/types.js';
import type { ServiceName } from '../spec/services.js';
import type { Verdict } from '../suites/harness/verdict.js';

export interface CoverageEntry {
  requirement: string;
  level: Level;
  /** Distinct `service/suite: check` names with at least one verdict for the requirement. */
  checks: string[];
  /** True when every verdict of it is n/a (the target did not let it be checked). */
  onlyNotApplicable: boolean;
}

export interface Coverage {
  /** Catalog requirements of the APIs run, in catalog order, each with its checks. */
  requirements: CoverageEntry[];
  /** Ids of catalog requirements that no verdict names. */
  uncovered: string[];
}

function checkName(v: Verdict): string {
  return `${v.suite ?? v.service}: ${v.check}`;
}

export function coverageOf(verdicts: Verdict[], apis: ServiceName[]): Coverage {
  const byReq = new Map<string, Verdict[]>();
  for (const v of verdicts) byReq.set(v.requirement, [...(byReq.get(v.requirement) ?? []), v]);
  const seen = new Set<string>();
  const requirements: CoverageEntry[] = [];
  for (const api of apis) {
    for (const r of requirementsFor(api)) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const vs = byReq.get(r.id) ?? [];
      requirements.push({
        requirement: r.id,
        level: r.level,
        checks: [...new Set(vs.map(checkName))].sort(),
        onlyNotApplicable: vs.length > 0 && vs.every((v) => v.status === 'n/a'),
      });
    }
  }
  return { requirements, uncovered: requirements.filter((e) => e.checks.length === 0).map((e) => e.requirement) };
}

/** One console line: how much of the catalog this run reached. */
export function coverageLine(c: Coverage): string {
  const n = c.requirements.length;
  const reached = n - c.uncovered.length;
  return `Coverage: ${reached} of ${n} catalog requirements checked` + (c.uncovered.length ? `; not checked: ${c.uncovered.join(', ')}` : '');
}
