// The command that reproduces a generated failure. A property or concurrency verdict depends on the
// state its earlier steps built, so re-sending its last request proves little; the same suite file
// with the same seed and profile regenerates the same inputs and, against a deterministic target,
// the same failure with the same path and counterexample.
import type { Verdict } from '../suites/harness/verdict.js';
import type { Report } from './report.js';

/** Quotes an argument for a POSIX shell when it needs it. */
function shellArg(s: string): string {
  return /^[A-Za-z0-9._:/=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * `npx lockstep run SUITE --api API --profile P --seed N [--target URL]`, or undefined when the
 * verdict is not a generated case (no replay path: its curl reproduces it). N is the run's seed:
 * suites derive their own from it.
 */
export function rerunCommand(report: Pick<Report, 'profile' | 'target' | 'seed'>, v: Verdict): string | undefined {
  if (v.path === undefined || v.suite === undefined) return undefined;
  const endpoint = report.target.endpoints[v.service];
  const args = ['npx', 'lockstep', 'run', v.suite, '--api', v.service, '--profile', report.profile, '--seed', String(report.seed)];
  if (endpoint && !endpoint.embedded) args.push('--target', endpoint.url);
  return args.map(shellArg).join(' ');
}
