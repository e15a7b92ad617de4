// Every NET-1 check of the Connect suites, recorded as verdicts: the targeted retry at VALUE level,
// then the lossy parallel programs at each conditional lock level. All n/a, with the reason, when
// the lost-response proxy cannot be placed in front of the target (https, a base path, signing).
import path from 'node:path';
import { guarded } from '../harness/property.js';
import { lossyNotApplicable } from '../harness/parallel/lossy-route.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { checkLossyConcurrency, lossyCheckName, LOSSY_LEVELS } from './net-lossy.js';
import { checkLostRetry, RETRY_CHECK } from './net-retry.js';
import type { NetSizes, NetTarget } from './net-target.js';

export interface NetCheckOptions {
  seed: number;
  sizes: NetSizes;
  /** Where HTML timelines of counterexamples go (none when undefined). */
  timelineDir?: string;
}

export async function checkNet(t: NetTarget, rec: VerdictRecorder, o: NetCheckOptions): Promise<void> {
  const why = lossyNotApplicable(t.url, t.signed);
  const op = 'BatchUpdateDataTableValue';
  if (why) {
    rec.notApplicable('NET-1', op, RETRY_CHECK, why);
    for (const level of LOSSY_LEVELS) rec.notApplicable('NET-1', op, lossyCheckName(level, o.sizes.dropEvery), why);
    return;
  }
  // A step that throws (the proxy could not start, say) becomes an n/a verdict, not a stopped suite.
  await guarded(rec, op, ['NET-1'], RETRY_CHECK, () => checkLostRetry(t, rec));
  for (const level of LOSSY_LEVELS) {
    const timelinePath = o.timelineDir ? path.join(o.timelineDir, `connect-NET-1-${level}-seed${o.seed}.html`) : undefined;
    const check = lossyCheckName(level, o.sizes.dropEvery);
    await guarded(rec, op, ['NET-1'], check, () =>
      checkLossyConcurrency(t, rec, { level, seed: o.seed, runs: o.sizes.lossyRuns, dropEvery: o.sizes.dropEvery, ...(timelinePath ? { timelinePath } : {}) }),
    );
  }
}
