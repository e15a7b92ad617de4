// Cloud Directory BatchWrite rules, one test per check group, each on a directory of its own
// (unique name; disabled and deleted after): responses and casing, failure Index/Type, selectors,
// limits, the partition header, validation probes, and the generated-batch property.
import { afterAll, describe, test } from 'vitest';
import { propertyStep, runDirSteps, singleShotSteps } from './all-checks.js';
import { dirSuiteTarget } from './target.js';

const target = dirSuiteTarget('batch');

afterAll(() => target.close());

describe('clouddirectory BatchWrite', () => {
  for (const step of singleShotSteps(target.options)) {
    test(step.name, () => runDirSteps(target.options, [step], step.name.replace(/\s+/g, '-')));
  }
  test('generated batches with one failing operation', () => runDirSteps(target.options, [propertyStep(target.options)], 'property'));
});
