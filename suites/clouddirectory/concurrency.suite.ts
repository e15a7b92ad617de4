// DIR-CONC-1: parallel BatchWrites and BatchReads on shared nodes, through the harness engine (no
// reader sees part of a batch; the final state is some serial order). DIR-RETRY-1 reports 409s.
import { afterAll, describe, test } from 'vitest';
import { concurrencyStep, runDirSteps } from './all-checks.js';
import { dirSuiteTarget } from './target.js';

const target = dirSuiteTarget('concurrency');

afterAll(() => target.close());

describe('clouddirectory concurrency', () => {
  test('concurrent BatchWrites are atomic and serializable', () => runDirSteps(target.options, [concurrencyStep(target.options)], 'concurrency'));
});
