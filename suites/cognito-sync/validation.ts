// COMMON-VAL-1 on UpdateRecords and its companions: every OpenAPI constraint probed just inside (never
// refused as invalid) and just outside (400 InvalidParameterException), plus the SYNC-REQ/PATCH ids
// a constraint stems from. Each probe works on a dataset of its own, deleted after a write.
import { expectClientError } from '../harness/common.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { SyncApi } from './api.js';
import { applyProbe, probesFor, requirementOfProbe, type Probe } from './constraint-probes.js';
import { uniqueDataset } from './names.js';

export const PROBED_OPERATIONS = ['UpdateRecords', 'ListRecords', 'DescribeDataset', 'DeleteDataset', 'ListDatasets'];

/** A valid UpdateRecords body; the key is one character so that a Value at its maximum length still fits the 1 MB dataset quota. */
function baseBody(token: string): Record<string, unknown> {
  return { SyncSessionToken: token, DeviceId: 'lockstep-device', RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0, DeviceLastModifiedDate: 1_700_000_000 }] };
}

/**
 * A DatasetName inside probe names a dataset of its own, never a plain 'a' that could be someone's
 * data on a real target (the probe writes and deletes it): the unique name, padded to the probed
 * length when the length is what is probed. Both still match the pattern in full.
 */
function insideName(p: Probe, fresh: string): string | undefined {
  if (!p.inside || p.at[0] !== 'DatasetName' || typeof p.value !== 'string') return undefined;
  return p.value.length > fresh.length ? fresh.padEnd(p.value.length, 'a') : fresh;
}

function describeProbe(op: string, p: Probe): string {
  const v = p.remove ? '(removed)' : typeof p.value === 'string' && p.value.length > 40 ? `${p.value.length} characters` : JSON.stringify(p.value);
  return `${op} with ${p.where} ${p.at.join('.')} = ${v}`;
}

/** Probes in a row that got no answer before the check gives up (a silent target would take minutes). */
const MAX_SILENT = 2;

export async function checkConstraintProbes(api: SyncApi, rec: VerdictRecorder, seed: number): Promise<void> {
  let silent = 0;
  for (const op of PROBED_OPERATIONS) {
    for (const p of probesFor(op)) {
      const fresh = uniqueDataset('probe', seed);
      const path: Record<string, unknown> = api.address(fresh);
      if (p.where === 'path') path[String(p.at[0])] = insideName(p, fresh) ?? p.value;
      const query: Record<string, unknown> = op === 'ListRecords' || op === 'ListDatasets' ? { maxResults: 10 } : {};
      if (p.where === 'query') query[String(p.at[0])] = p.value;
      let body: unknown;
      if (op === 'UpdateRecords') {
        // A token for exactly this address, so that only the probed constraint can be wrong.
        const t = await api.send<{ SyncSessionToken?: string }>('ListRecords', { path });
        body = applyProbe(baseBody(t.body?.SyncSessionToken ?? 'lockstep-no-token'), p);
      }
      const r = await api.send(op, { path, query, ...(body !== undefined ? { body } : {}) });
      silent = r.status === 0 ? silent + 1 : 0;
      if (silent >= MAX_SILENT) throw new Error(`the target answered none of ${MAX_SILENT} probes in a row (${r.failure ?? 'no answer'})`);
      if (op === 'UpdateRecords' && r.status === 200) await api.send('DeleteDataset', { path });
      const what = `${op}: ${p.constraint}, ${p.inside ? 'just inside' : 'just outside'}`;
      const ids = ['COMMON-VAL-1', ...[requirementOfProbe(op, p)].filter((x): x is string => x !== undefined)];
      const answered = `answered ${r.status} ${r.errorType ?? r.failure ?? ''} ${r.message ?? ''}`.trim();
      if (p.inside) {
        // A quota (LimitExceededException) is not a validation refusal: the Value-at-maximum probe may meet it.
        const ok = r.status !== 0 && r.status < 500 && (r.status !== 400 || r.errorType === 'LimitExceededException');
        for (const id of ids)
          rec.check(id, { operation: op, check: `${what}: not refused as invalid`, ok, message: answered, evidence: [r.exchange], ...(ok ? {} : { counterexample: [describeProbe(op, p)] }) });
        continue;
      }
      const ok = r.status === 400 && r.errorType === 'InvalidParameterException';
      for (const id of ids)
        rec.check(id, { operation: op, check: `${what}: 400 InvalidParameterException`, ok, message: answered, evidence: [r.exchange], ...(ok ? {} : { counterexample: [describeProbe(op, p)] }) });
      if (r.status >= 400) expectClientError(rec, 'cognito-sync', op, r.raw, what);
    }
  }
}
