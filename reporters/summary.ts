// Summarises verdicts by requirement and decides the run's exit code: 0 when no MUST fails
// (with --strict, no SHOULD either), 1 otherwise. Baselined failures never count.
import { requirementById } from '../spec/requirements/catalog.js';
import type { Verdict, VerdictStatus } from '../suites/harness/verdict.js';
import type { RequirementSummary, Summary } from './report.js';

// Worst first: which status a requirement shows when its verdicts disagree.
const SEVERITY: VerdictStatus[] = ['fail', 'non-strict', 'pass', 'info', 'n/a'];

function zero(): Record<VerdictStatus, number> & { baselined: number } {
  return { pass: 0, fail: 0, 'non-strict': 0, info: 0, 'n/a': 0, baselined: 0 };
}

export function summarise(verdicts: Verdict[], strict: boolean, suiteErrors = 0): Summary {
  const totals = { ...zero(), checks: verdicts.length };
  const byReq = new Map<string, RequirementSummary>();
  for (const v of verdicts) {
    let r = byReq.get(v.requirement);
    if (!r) {
      r = { requirement: v.requirement, level: requirementById(v.requirement)?.level ?? v.level, services: [], counts: zero(), status: 'n/a' };
      byReq.set(v.requirement, r);
    }
    if (!r.services.includes(v.service)) r.services.push(v.service);
    if (v.baselined) {
      r.counts.baselined++;
      totals.baselined++;
    } else {
      r.counts[v.status]++;
      totals[v.status]++;
    }
  }
  for (const r of byReq.values()) r.status = SEVERITY.find((s) => r.counts[s] > 0) ?? (r.counts.baselined > 0 ? 'pass' : 'n/a');
  const requirements = [...byReq.values()].sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status) || a.requirement.localeCompare(b.requirement));
  const mustFailures = totals.fail;
  const shouldFailures = totals['non-strict'];
  const conformant = mustFailures === 0 && (!strict || shouldFailures === 0) && suiteErrors === 0;
  return { totals, requirements, mustFailures, shouldFailures, suiteErrors, conformant, exitCode: conformant ? 0 : 1 };
}
