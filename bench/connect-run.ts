// Connect suite benchmark: npx tsx bench/connect-run.ts [--seed N] [--profile standard]
// Prints (1) the wall time of every Connect check at the chosen profile against the embedded
// reference server, with the verdict count, and (2) the time to the first failing verdict against
// each Connect fault of the reference (quick sizes, same seed), with the median over the faults.
import { parseArgs } from 'node:util';
import { FAULTS } from '../fixtures/faults/connect.js';
import type { Verdict } from '../suites/harness/verdict.js';
import { CONNECT_SIZES, type ConnectSizes } from '../suites/connect/profiles.js';
// The same in-process runner the fault tests use, so the bench measures what they check.
import { runChecksOnReference } from '../test/connect-suite/run-checks.js';

const { values: args } = parseArgs({ options: { seed: { type: 'string', default: '1' }, profile: { type: 'string', default: 'standard' } } });
const SEED = Number(args.seed) || 1;
const PROFILE = (args.profile ?? 'standard') as keyof typeof CONNECT_SIZES;
if (!CONNECT_SIZES[PROFILE]) throw new Error(`unknown profile ${PROFILE}`);

interface Timed {
  ms: number;
  verdicts: number;
  failed: number;
  firstFailure?: string;
}

/** One run of every Connect check against a fresh reference (with `faults`), timed from server start. */
async function timedRun(faults: string[], sizes: ConnectSizes, stopAtFirstFailure: boolean): Promise<Timed> {
  const failing = (v: Verdict) => v.status === 'fail' || v.status === 'non-strict';
  const start = performance.now();
  const run = await runChecksOnReference(faults, SEED, sizes, stopAtFirstFailure ? failing : undefined);
  const ms = performance.now() - start;
  const f = run.verdicts.filter(failing);
  return { ms, verdicts: run.verdicts.length, failed: f.length, ...(f[0] ? { firstFailure: f[0].requirement } : {}) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const full = await timedRun([], CONNECT_SIZES[PROFILE], false);
console.log(`Connect ${PROFILE} run against the reference (seed ${SEED}): ${(full.ms / 1000).toFixed(1)} s wall, ${full.verdicts} verdicts, ${full.failed} failing`);

const times: number[] = [];
for (const fault of FAULTS) {
  const r = await timedRun([fault.name], CONNECT_SIZES.quick, true);
  times.push(r.ms);
  const named = r.firstFailure === fault.requirement ? 'names it' : `first names ${r.firstFailure ?? 'nothing'}`;
  console.log(`  ${fault.name.padEnd(42)} ${(r.ms / 1000).toFixed(2).padStart(7)} s to first failure (${fault.requirement}: ${named})`);
}
console.log(`Median time to first failure over ${FAULTS.length} Connect faults (quick sizes): ${(median(times) / 1000).toFixed(2)} s`);
