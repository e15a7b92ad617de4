// The sequential model-based property (fc.commands + fc.asyncModelRun) on a fresh dataset per run:
// UpdateRecords with replace/remove patches presenting current, stale or future SyncCounts (one to
// three keys per request), ListRecords with and without lastSyncCount and with small pages, and
// DeleteDataset. The model predicts each outcome; after every write the dataset is read back.
import fc from 'fast-check';
import { Divergence, stopAtFirst } from '../harness/divergence.js';
import { runProperty, type PropertyOutcome } from '../harness/property.js';
import type { Exchange } from '../harness/verdict.js';
import type { SyncApi } from './api.js';
import { KEYS, listSpec, patchSpecs, patchText, resolvePatch, resolveSince, type ListSpec, type PatchSpec } from './commands.js';
import { compareListing, DatasetModel, mismatchText, type Divergence as Finding, type Mismatch, type Patch } from './model.js';
import { listAllPages } from './readback.js';
import { uniqueDataset } from './names.js';

/** Requirements the sequential property judges. */
export const SEQUENTIAL_REQUIREMENTS = ['SYNC-COUNT-1', 'SYNC-COUNT-2', 'SYNC-ATOMIC-1', 'SYNC-REMOVE-1', 'SYNC-LIST-1', 'SYNC-TOKEN-2', 'SYNC-RESP-1'];

export function sequentialCheckName(withFuture: boolean): string {
  return withFuture
    ? 'sequential model-based run with future SyncCounts too (UpdateRecords, ListRecords, DeleteDataset)'
    : 'sequential model-based run (UpdateRecords, ListRecords, DeleteDataset)';
}

interface Real {
  api: SyncApi;
  dataset: string;
  token: string;
  model: DatasetModel;
  /** What this run sent, command by command (the counterexample when it fails). */
  transcript: string[];
}
type Cmd = fc.AsyncCommand<object, Real>;

/** Reads the whole dataset back and compares it with the model; `blame` names the requirement per mismatch. */
async function readBack(real: Real, evidence: Exchange[], blame: (m: Mismatch) => Finding): Promise<void> {
  const l = await listAllPages(real.api, real.dataset);
  if (!l.ok) throw new Error(`read-back failed: ${l.problem}`);
  stopAtFirst(compareListing(real.model, l.records).map(blame), [...evidence, ...l.exchanges]);
}

class UpdateCommand implements Cmd {
  private shown?: string[];
  constructor(
    readonly specs: PatchSpec[],
    readonly withFuture: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    const resolved = this.specs.map((s) => resolvePatch(real.model, s, this.withFuture));
    const patches = resolved.map((r) => r.patch);
    this.shown = resolved.map((r) => patchText(r.patch, r.count));
    real.transcript.push(this.toString());
    const prediction = real.model.predict(patches);
    const r = await real.api.update(real.dataset, real.token, patches);
    const ev = [r.exchange];
    const answer = `${r.status} ${r.errorType ?? r.failure ?? ''}`.trim();
    if (prediction.outcome === 'ok') {
      if (r.status !== 200) {
        const tokenRefused = r.status === 400 && /token/i.test(r.message ?? '');
        // A token ListRecords issued for this dataset must keep working across calls (SYNC-TOKEN-2).
        if (tokenRefused) throw new Divergence('SYNC-TOKEN-2', `a session token issued for this dataset was refused: ${answer} ${r.message ?? ''}`, ev);
        throw new Divergence('SYNC-COUNT-1', `every patch presented its record's current SyncCount, yet the request was answered ${answer}`, ev);
      }
      const divs = real.model.applySuccess(patches, r.body?.Records);
      stopAtFirst(divs.filter((d) => d.requirement !== 'SYNC-RESP-1'), ev);
      await readBack(real, ev, (m) => blameAfterSuccess(m, patches));
      stopAtFirst(divs, ev);
      return;
    }
    if (r.status !== 409 || r.errorType !== 'ResourceConflictException') {
      const why = prediction.kind === 'stale' ? 'a stale' : 'a future (our reading: not the current one, so also a conflict)';
      throw new Divergence(
        'SYNC-COUNT-2',
        `key ${JSON.stringify(prediction.key)} presented ${why} SyncCount ${prediction.presented} (current ${prediction.current}); expected 409 ResourceConflictException, got ${answer}`,
        ev,
        prediction.kind === 'future' ? 'SHOULD' : undefined,
      );
    }
    await readBack(real, ev, (m) => ({ requirement: 'SYNC-ATOMIC-1', message: `after a rejected UpdateRecords: ${mismatchText(m)}` }));
  }
  toString(): string {
    return `UpdateRecords[${(this.shown ?? this.specs.map((s) => `${s.op} ${KEYS[s.key]} (${s.count})`)).join('; ')}]`;
  }
}

function blameAfterSuccess(m: Mismatch, patches: Patch[]): Finding {
  const p = patches.find((x) => x.Key === m.key);
  const text = `after a successful UpdateRecords: ${mismatchText(m)}`;
  if (p?.Op === 'remove' && (m.kind === 'missing-tombstone' || m.kind === 'value')) return { requirement: 'SYNC-REMOVE-1', message: text };
  if (p) return { requirement: 'SYNC-COUNT-1', message: text };
  return { requirement: 'SYNC-LIST-1', message: `a record no patch touched: ${text}` };
}

class ListCommand implements Cmd {
  private shown?: string;
  constructor(readonly spec: ListSpec) {}
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    const since = resolveSince(real.model, this.spec.since);
    this.shown = `ListRecords(${[this.spec.maxResults !== undefined ? `maxResults ${this.spec.maxResults}` : '', since !== undefined ? `lastSyncCount ${since}` : ''].filter(Boolean).join(', ')})`;
    real.transcript.push(this.shown);
    const l = await listAllPages(real.api, real.dataset, { maxResults: this.spec.maxResults, lastSyncCount: since });
    if (!l.ok) throw new Divergence('SYNC-LIST-1', l.problem ?? 'listing failed', l.exchanges);
    const keys = l.records.map((r) => String(r.Key));
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup !== undefined) throw new Divergence('SYNC-LIST-1', `record ${JSON.stringify(dup)} listed twice across pages`, l.exchanges);
    const expected = since === undefined ? [...real.model.records.keys()] : real.model.changedAfter(since);
    const paged = l.exchanges.length > 1;
    const missing = expected.find((k) => !keys.includes(k));
    // Paging must never lose a record (MUST); the lastSyncCount filter itself is the SHOULD part.
    if (missing !== undefined)
      throw new Divergence('SYNC-LIST-1', `record ${JSON.stringify(missing)} (SyncCount ${real.model.current(missing)}) is missing from the ${paged ? `${l.exchanges.length} pages` : 'listing'}`, l.exchanges, since !== undefined && !paged ? 'SHOULD' : undefined);
    const extra = keys.find((k) => !expected.includes(k));
    if (extra !== undefined)
      throw new Divergence('SYNC-LIST-1', `record ${JSON.stringify(extra)} is listed but ${real.model.known(extra) ? `its SyncCount ${real.model.current(extra)} is not above lastSyncCount ${since}` : 'was never written'}`, l.exchanges, since !== undefined && real.model.known(extra) ? 'SHOULD' : undefined);
    const wrong = compareListing(real.model, l.records).find((m) => m.kind === 'value' || m.kind === 'count');
    if (wrong) throw new Divergence('SYNC-LIST-1', mismatchText(wrong), l.exchanges);
  }
  toString(): string {
    return this.shown ?? `ListRecords(${JSON.stringify(this.spec)})`;
  }
}

/** DeleteDataset, then the model takes whatever the target lists (what remains is SYNC-INFO-1's business). */
class DeleteCommand implements Cmd {
  check(): boolean {
    return true;
  }
  async run(_m: object, real: Real): Promise<void> {
    real.transcript.push(this.toString());
    const r = await real.api.drop(real.dataset);
    if (r.status !== 200 && r.status !== 404) throw new Error(`DeleteDataset answered ${r.status} ${r.errorType ?? r.failure ?? ''}`);
    const l = await listAllPages(real.api, real.dataset);
    if (!l.ok) throw new Error(`ListRecords after DeleteDataset failed: ${l.problem}`);
    real.model.adopt(l.records);
    if (l.token) real.token = l.token;
  }
  toString(): string {
    return 'DeleteDataset';
  }
}

export function sequentialCommands(maxCommands: number, withFuture: boolean, replayPath?: string): fc.Arbitrary<Iterable<Cmd>> {
  const update = patchSpecs(withFuture).map((s) => new UpdateCommand(s, withFuture));
  return fc.commands(
    [
      update,
      update,
      update,
      listSpec.map((s) => new ListCommand(s)),
      fc.constant(null).map(() => new DeleteCommand()),
    ],
    { maxCommands, ...(replayPath ? { replayPath } : {}) },
  );
}

export interface SequentialOptions {
  seed: number;
  numRuns: number;
  maxCommands: number;
  /** Also present SyncCounts above the current one (our SHOULD reading: a conflict too). */
  withFuture?: boolean;
  /** A failing verdict's path: replays exactly that case (with the same seed and sizes). */
  path?: string;
}

export function runSequential(api: SyncApi, o: SequentialOptions): Promise<PropertyOutcome> {
  return runProperty(
    (replayPath) => sequentialCommands(o.maxCommands, o.withFuture ?? false, replayPath),
    async (cmds) => {
      const dataset = uniqueDataset('seq', o.seed);
      const first = await api.listPage(dataset);
      const token = first.body?.SyncSessionToken;
      if (typeof token !== 'string' || token === '') throw new Error(`ListRecords gave no SyncSessionToken (${first.status} ${first.errorType ?? first.failure ?? ''})`);
      const transcript: string[] = [];
      try {
        await fc.asyncModelRun(() => ({ model: {}, real: { api, dataset, token, model: new DatasetModel(), transcript } }), cmds);
      } catch (e) {
        if (e instanceof Divergence) e.transcript = [...transcript];
        throw e;
      } finally {
        await api.drop(dataset).catch(() => undefined);
      }
    },
    (cmds) => [...cmds].map(String),
    o,
  );
}
