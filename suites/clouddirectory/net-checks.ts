// Every NET-1 check of the Cloud Directory suites as one step (a directory of its own): the lost
// five-operation batch and its retry, then the DIR-CONC-1 programs with answers lost. Both n/a, with
// the reason, when the lost-response proxy cannot be placed in front of the target (https, a base
// path, signing).
import { guarded } from '../harness/property.js';
import { lossyNotApplicable } from '../harness/parallel/lossy-route.js';
import type { DirChecksOptions, DirStep } from './all-checks.js';
import { checkDirLossy, lossyCheckName } from './net-lossy.js';
import { checkLostBatch, LOST_BATCH_CHECK } from './net-retry.js';
import type { DirNetSizes, DirNetTarget } from './net-target.js';

export interface DirNetOptions {
  sizes: DirNetSizes;
  /** Where the HTML timeline of a lossy counterexample goes (none when undefined). */
  timelinePath?: string;
}

export function netStep(o: DirChecksOptions, t: DirNetTarget, n: DirNetOptions): DirStep {
  const op = 'BatchWrite';
  return {
    name: 'lost answers',
    covers: ['NET-1'],
    run: async (dir) => {
      const why = lossyNotApplicable(t.url, t.signed);
      if (why) {
        o.rec.notApplicable('NET-1', op, LOST_BATCH_CHECK, why);
        o.rec.notApplicable('NET-1', op, lossyCheckName(n.sizes.dropEvery), why);
        return;
      }
      // A step that throws (the proxy could not start, say) becomes an n/a verdict of its check only.
      await guarded(o.rec, op, ['NET-1'], LOST_BATCH_CHECK, () => checkLostBatch(t, o.rec, dir).then(() => undefined));
      await guarded(o.rec, op, ['NET-1'], lossyCheckName(n.sizes.dropEvery), () =>
        checkDirLossy(t, o.rec, {
          dir,
          seed: o.seed,
          runs: n.sizes.lossyRuns,
          repeats: n.sizes.repeats,
          maxOpsPerClient: o.sizes.maxOpsPerClient,
          dropEvery: n.sizes.dropEvery,
          opTimeoutMs: o.opTimeoutMs ?? 15_000,
          ...(n.timelinePath ? { timelinePath: n.timelinePath } : {}),
        }).then(() => undefined),
      );
    },
  };
}
