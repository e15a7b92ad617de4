// Cognito Sync's choices for the COMMON-VAL-1 probes the harness derives from the OpenAPI
// (suites/harness/constraint-probes.ts): values that fit its id patterns (`<region>:<hex>`), every
// enum value probed inside, and which SYNC-* requirement a probe's constraint stems from.
import { fullMatch, probesFor as harnessProbes, type Probe, type ProbeOptions, type Schema } from '../harness/constraint-probes.js';

export { applyProbe, fullMatch, type JsonPath, type Probe } from '../harness/constraint-probes.js';

/** A string of length n that fits the pattern (for patterns like `[\w-]+:[0-9a-f-]+`, a prefix, a colon and hex). */
export function filler(s: Schema, n: number): string {
  if (typeof s.pattern !== 'string') return 'a'.repeat(n);
  if (fullMatch(s.pattern, 'a'.repeat(Math.max(n, 1)))) return 'a'.repeat(n);
  const head = 'us-east-1:';
  return n > head.length ? head + 'a'.repeat(n - head.length) : 'a'.repeat(n);
}

export const SYNC_PROBE_OPTIONS: ProbeOptions = {
  patternFits: ['a', 'us-east-1:0a1b', 'x'],
  patternMisses: ['#', '!!', '\u0001', '{}'],
  filler,
  enumInsides: true,
  // The query members (maxResults, lastSyncCount) are integers in the model.
  numberWord: () => 'an integer',
};

/** Every probe of one Cognito Sync operation: path labels, query members, then the body. */
export function probesFor(operation: string): Probe[] {
  return harnessProbes('cognito-sync', operation, SYNC_PROBE_OPTIONS);
}

/** The SYNC-* requirement a probe's constraint comes from (besides COMMON-VAL-1). */
export function requirementOfProbe(operation: string, p: Probe): string | undefined {
  const last = String(p.at[p.at.length - 1]);
  const syncOp = operation === 'UpdateRecords' || operation === 'ListRecords';
  if (p.where === 'path') return !syncOp ? undefined : last === 'DatasetName' ? 'SYNC-REQ-2' : 'SYNC-REQ-1';
  if (operation !== 'UpdateRecords' || p.where !== 'body') return undefined;
  if (last === 'DeviceId') return 'SYNC-REQ-3';
  if (p.at[0] === 'RecordPatches' && p.at.length === 3) {
    if (last === 'Key' || last === 'Value') return p.remove ? 'SYNC-PATCH-1' : 'SYNC-PATCH-2';
    return 'SYNC-PATCH-1';
  }
  if (last === 'SyncSessionToken' && p.remove) return 'SYNC-TOKEN-1';
  return undefined;
}
