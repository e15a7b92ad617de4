// Validation: OpenAPI constraints just inside/outside, request-level errors, table id forms, enums,
// and the single-shot rules (ERR-1, RESP-3/4, PK-1's SHOULD part, SYS-1, AUTH-1).
import { afterAll, describe, test } from 'vitest';
import { checkIdForms } from './id-forms.js';
import { checkEnums, checkValueRules, recordUnprovokable } from './misc-checks.js';
import { guarded } from '../harness/property.js';
import { suiteTarget } from './target.js';
import { checkCompanionProbes, checkConstraintProbes, checkRequestLevelErrors } from './validation.js';
import { checkValueSamples } from './value-samples.js';

const t = suiteTarget('validation');
afterAll(() => t.client.close());

describe('connect validation', () => {
  const g = (name: string, covers: string[], run: () => Promise<void>) => test(name, () => guarded(t.rec, 'BatchUpdateDataTableValue', covers, name, run));
  g('constraints of the batch operations, just inside and just outside', ['COMMON-VAL-1'], () => checkConstraintProbes(t.api, t.rec));
  g('constraints of the companion operations, just inside and just outside', ['COMMON-VAL-1'], () => checkCompanionProbes(t.api, t.rec));
  g('request-level problems are whole-request errors', ['CONNECT-BATCH-2'], () => checkRequestLevelErrors(t.api, t.rec, t.seed));
  g('table id, ARN and :$LATEST forms', ['CONNECT-ID-1', 'CONNECT-ID-2'], () => checkIdForms(t.api, t.rec));
  g('enums of the companion operations', ['CONNECT-ENUM-1'], () => checkEnums(t.api, t.rec));
  g('update errors, timestamps, primary attribute as value', ['CONNECT-ERR-1', 'CONNECT-RESP-3', 'CONNECT-RESP-4', 'CONNECT-PK-1'], () => checkValueRules(t.api, t.rec));
  g('every value sample of every attribute (CONNECT-VAL-1)', ['CONNECT-VAL-1'], () => checkValueSamples(t.api, t.rec));
  test('rules the suite cannot provoke', () => recordUnprovokable(t.rec));
});
