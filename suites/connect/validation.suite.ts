// Validation: OpenAPI constraints just inside/outside, request-level errors, table id forms, enums,
// and the single-shot rules (ERR-1, RESP-3/4, PK-1's SHOULD part, SYS-1, AUTH-1).
import { afterAll, describe, test } from 'vitest';
import { checkIdForms } from './id-forms.js';
import { checkEnums, checkValueRules, recordUnprovokable } from './misc-checks.js';
import { suiteTarget } from './target.js';
import { checkConstraintProbes, checkRequestLevelErrors } from './validation.js';
import { checkValueSamples } from './value-samples.js';

const t = suiteTarget('validation');
afterAll(() => t.client.close());

describe('connect validation', () => {
  test('constraints of the batch operations, just inside and just outside', () => checkConstraintProbes(t.api, t.rec));
  test('request-level problems are whole-request errors', () => checkRequestLevelErrors(t.api, t.rec, t.seed));
  test('table id, ARN and :$LATEST forms', () => checkIdForms(t.api, t.rec));
  test('enums of the companion operations', () => checkEnums(t.api, t.rec));
  test('update errors, timestamps, primary attribute as value', () => checkValueRules(t.api, t.rec));
  test('every value sample of every attribute (CONNECT-VAL-1)', () => checkValueSamples(t.api, t.rec));
  test('rules the suite cannot provoke', () => recordUnprovokable(t.rec));
});
