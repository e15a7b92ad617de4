// DIR-CONC-1: parallel BatchWrites and BatchReads on shared nodes, through the harness engine (no
// reader sees part of a batch; the final state is some serial order). DIR-RETRY-1 reports 409s.
// NET-1: a five-operation batch whose answer is lost, then resent, and the same parallel programs
// with every third answer lost (net-checks.ts); n/a when the lost-response proxy cannot be placed.
import { afterAll, describe, test } from 'vitest';
import { runContext } from '../harness/run-context.js';
import { concurrencyStep, runDirSteps } from './all-checks.js';
import { netStep } from './net-checks.js';
import { dirNetRun } from './net-run-target.js';
import { DIR_NET_SIZES } from './net-target.js';
import { dirSuiteTarget } from './target.js';

const target = dirSuiteTarget('concurrency');
const net = dirNetRun(target.options.apiFor, target.options.rec, 'concurrency');

afterAll(async () => {
  await net.close();
  await target.close();
});

describe('clouddirectory concurrency', () => {
  test('concurrent BatchWrites are atomic and serializable', () => runDirSteps(target.options, [concurrencyStep(target.options)], 'concurrency'));
  test('answers lost after the batch applied: every application whole (NET-1)', () =>
    runDirSteps(target.options, [netStep(target.options, net.target, { sizes: DIR_NET_SIZES[runContext().profile], timelinePath: net.timelinePath })], 'net'));
});
