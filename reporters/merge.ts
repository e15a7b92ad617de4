// Merges the reports of `lockstep run --shard i/n` runs into the report one unsharded run would
// have written: verdicts concatenated in shard order, summary recomputed by the run's own summary
// code, timings combined. Shards that do not belong together (another seed, profile, target...)
// are listed as problems; the caller refuses them unless forced.
import type { BaselineEntry, BaselineOutcome } from '../suites/harness/baseline.js';
import type { Report } from './report.js';
import { summarise } from './summary.js';
import { coverageOf } from './coverage.js';

export interface MergeInput {
  file: string;
  report: Report;
}

export interface MergeResult {
  report: Report;
  /** Reasons the inputs are not shards of one run; empty when they are. */
  problems: string[];
}

function shardOf(r: Report): { i: number; n: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(r.shard ?? '');
  return m ? { i: Number(m[1]), n: Number(m[2]) } : undefined;
}

/** What a target looks like for this purpose: embedded runs each pick their own port, so only "embedded" counts. */
function targetKey(r: Report): string {
  const e = r.target.endpoints;
  const parts = Object.keys(e)
    .sort()
    .map((api) => `${api}=${e[api as keyof typeof e]!.embedded ? 'embedded' : e[api as keyof typeof e]!.url}`);
  return `${parts.join(',')} region=${r.target.region}`;
}

function problemsOf(inputs: MergeInput[]): string[] {
  const problems: string[] = [];
  const differs = (what: string, pick: (r: Report) => string) => {
    const values = inputs.map((x) => pick(x.report));
    if (new Set(values).size > 1) problems.push(`${what} differ: ${inputs.map((x, i) => `${x.file}: ${values[i]}`).join('; ')}`);
  };
  differs('seeds', (r) => (Number.isFinite(r.seed) ? String(r.seed) : 'unknown'));
  differs('profiles', (r) => r.profile);
  differs('strict settings', (r) => String(r.strict));
  differs('APIs', (r) => [...r.apis].sort().join(','));
  differs('targets', targetKey);
  differs('baseline files', (r) => r.baseline?.file ?? 'none');

  const shards = inputs.map((x) => ({ file: x.file, s: shardOf(x.report) }));
  const unsharded = shards.filter((x) => !x.s);
  if (unsharded.length) problems.push(`not a shard report (no "shard"): ${unsharded.map((x) => x.file).join(', ')}`);
  const counts = new Set(shards.filter((x) => x.s).map((x) => x.s!.n));
  if (counts.size > 1) problems.push(`shard counts differ: ${shards.filter((x) => x.s).map((x) => `${x.file}: ${x.s!.i}/${x.s!.n}`).join('; ')}`);
  if (counts.size === 1 && unsharded.length === 0) {
    const n = [...counts][0]!;
    const seen = new Map<number, string>();
    for (const x of shards) {
      const prev = seen.get(x.s!.i);
      if (prev) problems.push(`shard ${x.s!.i}/${n} given twice: ${prev} and ${x.file}`);
      else seen.set(x.s!.i, x.file);
    }
    const missing = Array.from({ length: n }, (_, k) => k + 1).filter((i) => !seen.has(i));
    if (missing.length) problems.push(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing: the merged report would be incomplete`);
  }
  return problems;
}

const entryKey = (e: BaselineEntry) => `${e.requirement}\u0000${e.operation}\u0000${e.service ?? ''}`;

/** Baseline outcomes combined: applied counts summed, expired once, stale only if stale in every shard. */
function mergeBaselines(inputs: MergeInput[]): BaselineOutcome | undefined {
  const outcomes = inputs.map((x) => x.report.baseline).filter((b): b is BaselineOutcome => !!b && typeof b === 'object');
  if (outcomes.length === 0) return undefined;
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const applied = new Map<string, { entry: BaselineEntry; verdicts: number }>();
  const expired = new Map<string, BaselineEntry>();
  const staleCount = new Map<string, { entry: BaselineEntry; n: number }>();
  for (const b of outcomes) {
    for (const a of list<{ entry: BaselineEntry; verdicts: number }>(b.applied)) {
      if (!a?.entry) continue;
      const k = entryKey(a.entry);
      const prev = applied.get(k);
      applied.set(k, { entry: a.entry, verdicts: (prev?.verdicts ?? 0) + (Number(a.verdicts) || 0) });
    }
    for (const e of list<BaselineEntry>(b.expired)) if (e) expired.set(entryKey(e), e);
    for (const e of list<BaselineEntry>(b.stale)) {
      if (!e) continue;
      const k = entryKey(e);
      staleCount.set(k, { entry: e, n: (staleCount.get(k)?.n ?? 0) + 1 });
    }
  }
  // An entry that excused a failure in one shard is not stale, even if the other shards never met it.
  const stale = [...staleCount.entries()].filter(([k, v]) => v.n === outcomes.length && !applied.has(k)).map(([, v]) => v.entry);
  return { file: outcomes[0]!.file, applied: [...applied.values()], expired: [...expired.values()], stale };
}

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? NaN : t;
}

/** Merges shard reports (ordered by shard index when they have one). Never throws on a well-formed Report. */
export function mergeReports(inputs: MergeInput[]): MergeResult {
  if (inputs.length === 0) throw new Error('mergeReports needs at least one report');
  const problems = problemsOf(inputs);
  const ordered = [...inputs].sort((a, b) => (shardOf(a.report)?.i ?? Infinity) - (shardOf(b.report)?.i ?? Infinity));
  const first = ordered[0]!.report;
  const verdicts = ordered.flatMap((x) => x.report.verdicts);
  const suites = ordered.flatMap((x) => x.report.timings.suites);
  const suiteErrors = ordered.reduce((n, x) => n + x.report.summary.suiteErrors, 0);
  const strict = ordered.some((x) => x.report.strict);

  // Shards usually run side by side on several machines: the merged run spans the earliest start to
  // the latest finish; probe and suite times are the machine time summed over shards.
  const starts = ordered.map((x) => timeOf(x.report.timings.startedAt)).filter((t) => !Number.isNaN(t));
  const finishes = ordered.map((x) => timeOf(x.report.timings.finishedAt)).filter((t) => !Number.isNaN(t));
  const startedAt = starts.length ? Math.min(...starts) : NaN;
  const finishedAt = finishes.length ? Math.max(...finishes) : NaN;
  const span = Number.isNaN(startedAt) || Number.isNaN(finishedAt) ? Math.max(...ordered.map((x) => x.report.timings.totalMs)) : finishedAt - startedAt;
  const sum = (pick: (r: Report) => number) => ordered.reduce((n, x) => n + pick(x.report), 0);

  const baseline = mergeBaselines(ordered);
  const apis = [...new Set(ordered.flatMap((x) => x.report.apis))];
  const merged: Report & { mergedFrom: { file: string; shard?: string }[] } = {
    schema: first.schema,
    tool: first.tool,
    target: { endpoints: first.target.endpoints, region: first.target.region, signed: ordered.some((x) => x.report.target.signed) },
    apis,
    seed: first.seed,
    profile: first.profile,
    strict,
    timings: {
      startedAt: Number.isNaN(startedAt) ? first.timings.startedAt : new Date(startedAt).toISOString(),
      finishedAt: Number.isNaN(finishedAt) ? first.timings.finishedAt : new Date(finishedAt).toISOString(),
      totalMs: span,
      probeMs: sum((r) => r.timings.probeMs),
      suitesMs: sum((r) => r.timings.suitesMs),
      suites,
    },
    verdicts,
    summary: summarise(verdicts, strict, suiteErrors),
    coverage: coverageOf(verdicts, apis),
    ...(baseline ? { baseline } : {}),
    // Which reports went in, so a merged report can be traced back to its shards.
    mergedFrom: ordered.map((x) => ({ file: x.file, ...(x.report.shard ? { shard: x.report.shard } : {}) })),
  };
  return { report: merged, problems };
}
