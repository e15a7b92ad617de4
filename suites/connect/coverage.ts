// Which check covers which CONNECT-* requirement: the listing a test compares with the catalog
// (none uncovered) and with the verdicts a run against the reference actually records.
import { PARTIAL_REQUIREMENTS } from './partial-failure.js';
import { SEQUENTIAL_REQUIREMENTS } from './sequential.js';

export interface CoveredCheck {
  suite: string;
  check: string;
  requirements: string[];
}

export const CONNECT_COVERAGE: CoveredCheck[] = [
  { suite: 'connect/sequential', check: 'sequential model-based run, each lock level', requirements: SEQUENTIAL_REQUIREMENTS },
  { suite: 'connect/partial-failure', check: 'batches with bad items at random positions, each lock level', requirements: PARTIAL_REQUIREMENTS },
  { suite: 'connect/concurrency', check: 'parallel conditional updates on shared values, each lock level', requirements: ['CONNECT-CONC-1'] },
  {
    suite: 'connect/validation',
    check: 'constraints of the batch operations, just inside and just outside',
    requirements: ['CONNECT-REQ-1', 'CONNECT-REQ-2', 'CONNECT-REQ-3', 'CONNECT-REQ-4', 'CONNECT-REQ-5', 'CONNECT-PK-2', 'CONNECT-DELETE-2', 'CONNECT-BATCH-2'],
  },
  { suite: 'connect/validation', check: 'constraints of the companion operations, just inside and just outside', requirements: ['CONNECT-REQ-2', 'CONNECT-ENUM-1'] },
  { suite: 'connect/validation', check: 'empty Values and unknown table are whole-request errors', requirements: ['CONNECT-BATCH-2', 'CONNECT-REQ-1'] },
  { suite: 'connect/validation', check: 'table id, ARN and :$LATEST forms', requirements: ['CONNECT-ID-1', 'CONNECT-ID-2'] },
  { suite: 'connect/validation', check: 'lock levels and value types of the companion operations', requirements: ['CONNECT-ENUM-1'] },
  {
    suite: 'connect/validation',
    check: 'update errors, read-back timestamps, client timestamps, primary attribute as value',
    requirements: ['CONNECT-ERR-1', 'CONNECT-RESP-3', 'CONNECT-RESP-4', 'CONNECT-PK-1'],
  },
  { suite: 'connect/validation', check: 'every value sample of every attribute, created and updated', requirements: ['CONNECT-VAL-1'] },
  { suite: 'connect/validation', check: 'rules the suite cannot provoke (reported)', requirements: ['CONNECT-SYS-1', 'CONNECT-AUTH-1'] },
];

/** requirement id -> the checks that cover it. */
export function coverageByRequirement(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const c of CONNECT_COVERAGE) for (const r of c.requirements) m.set(r, [...(m.get(r) ?? []), `${c.suite}: ${c.check}`]);
  return m;
}
