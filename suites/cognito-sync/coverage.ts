// Which check covers which SYNC-* requirement: the listing a test compares with the catalog (every
// SYNC-* id but SYNC-CONC-1, which the concurrency suite owns) and with the verdicts a run against
// the reference records.
import { SEQUENTIAL_REQUIREMENTS } from './sequential.js';

export interface CoveredCheck {
  suite: string;
  check: string;
  requirements: string[];
}

export const SYNC_COVERAGE: CoveredCheck[] = [
  { suite: 'cognito-sync/sequential', check: 'sequential model-based run, with and without future SyncCounts', requirements: SEQUENTIAL_REQUIREMENTS },
  {
    suite: 'cognito-sync/validation',
    check: 'constraints of UpdateRecords and its companions, just inside and just outside',
    requirements: ['COMMON-VAL-1', 'SYNC-REQ-1', 'SYNC-REQ-2', 'SYNC-REQ-3', 'SYNC-PATCH-1', 'SYNC-PATCH-2'],
  },
  { suite: 'cognito-sync/validation', check: 'session tokens: issued, missing, never issued, foreign, reused', requirements: ['SYNC-TOKEN-1', 'SYNC-TOKEN-2', 'SYNC-ERR-1'] },
  { suite: 'cognito-sync/validation', check: '1 MB per dataset and 20 datasets per identity', requirements: ['SYNC-LIMIT-1'] },
  {
    suite: 'cognito-sync/validation',
    check: 'open rules, bare token call, recreate after remove',
    requirements: ['SYNC-INFO-1', 'SYNC-INFO-2', 'SYNC-PATCH-3', 'SYNC-REMOVE-1', 'SYNC-COUNT-2'],
  },
];
