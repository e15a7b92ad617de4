// Partial failure: up to 25 items per batch with bad items at random positions, at each lock level.
import { afterAll, describe, test } from 'vitest';
import { checkPartialFailure } from './suite-checks.js';
import { suiteTarget } from './target.js';
import { LOCK_LEVELS } from './types.js';

const t = suiteTarget('partial-failure');
afterAll(() => t.client.close());

describe('connect partial failure', () => {
  for (const level of LOCK_LEVELS) {
    test(`lock level ${level}`, () => checkPartialFailure(t.api, t.rec, level, t.seed, t.sizes));
  }
});
