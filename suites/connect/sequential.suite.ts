// Sequential model-based conformance (fc.commands + fc.asyncModelRun) at each of the five lock levels.
import { afterAll, describe, test } from 'vitest';
import { checkSequential } from './suite-checks.js';
import { suiteTarget } from './target.js';
import { LOCK_LEVELS } from './types.js';

const t = suiteTarget('sequential');
afterAll(() => t.client.close());

describe('connect sequential', () => {
  for (const level of LOCK_LEVELS) {
    test(`lock level ${level}`, () => checkSequential(t.api, t.rec, level, t.seed, t.sizes));
  }
});
