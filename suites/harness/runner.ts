// `lockstep run` end to end: resolve targets (starting the embedded reference if none), probe
// them, run the selected suites through vitest's Node API, then turn the verdict lines into the
// report files and an exit code (0 conformant, 1 divergences; config problems throw ConfigError).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, type ServiceName } from '../../spec/services.js';
import { FILE_REPORTERS, type ReporterName } from '../../reporters/index.js';
import { consoleSummary } from '../../reporters/console.js';
import { REPORT_SCHEMA, type Report } from '../../reporters/report.js';
import { summarise } from '../../reporters/summary.js';
import { coverageOf } from '../../reporters/coverage.js';
import { suitesVitestOptions } from '../vitest.suites.config.js';
import { applyBaseline, readBaseline, type BaselineEntry, type BaselineOutcome } from './baseline.js';
import { ConfigError, credentialsFromEnv, type TargetConfig } from './config.js';
import { curlFor } from './curl.js';
import type { EmbeddedServer } from './embedded.js';
import { probeAll } from './probe.js';
import { ProgressReporter } from './progress.js';
import { CONTEXT_ENV, VERDICTS_ENV, type RunContext } from './run-context.js';
import { markNotImplemented } from './verdicts.js';
import type { Verdict } from './verdict.js';

export const VERSION = '0.1.0';

export interface RunOptions {
  config: TargetConfig;
  outDir: string;
  reporters: ReporterName[];
  baselineFile?: string;
  /** vitest file filters: only suite files whose path contains one of them. */
  filters?: string[];
  /** vitest shard `i/n`. */
  shard?: string;
  /** Probe budget per target. */
  probeTimeoutMs?: number;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The verdicts a run recorded; with `upTo`, only those written within its first `upTo` bytes. */
export function readVerdictLines(file: string, upTo?: number): Verdict[] {
  let text = '';
  try {
    const bytes = readFileSync(file);
    text = (upTo === undefined ? bytes : bytes.subarray(0, upTo)).toString('utf8');
  } catch {
    return [];
  }
  const out: Verdict[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Verdict);
    } catch {
      // A torn line (a worker killed mid-write) is dropped rather than failing the whole report.
    }
  }
  return out;
}

/**
 * Passing verdicts keep their evidence without bodies (method, URL, headers, status): the report of a
 * deep run would otherwise be mostly bodies nobody reads. Everything else keeps it whole.
 */
export function slimPassing(verdicts: Verdict[]): Verdict[] {
  return verdicts.map((v) => {
    if (v.status !== 'pass' || v.baselined) return v;
    const evidence = v.evidence.map((e) => ({
      client: e.client,
      operation: e.operation,
      request: { method: e.request.method, url: e.request.url, headers: e.request.headers },
      ...(e.response ? { response: { status: e.response.status, headers: e.response.headers } } : {}),
      ...(e.error ? { error: e.error } : {}),
      callTime: e.callTime,
      returnTime: e.returnTime,
    }));
    return { ...v, evidence };
  });
}

/** Adds a reproduction command to every failure. */
export function withCurl(verdicts: Verdict[], region: string): Verdict[] {
  return verdicts.map((v) => {
    if ((v.status !== 'fail' && v.status !== 'non-strict') || v.evidence.length === 0) return v;
    const last = v.evidence[v.evidence.length - 1]!;
    return { ...v, curl: curlFor(last, { service: v.service, region }) };
  });
}

export async function runLockstep(o: RunOptions, out: NodeJS.WritableStream): Promise<{ exitCode: 0 | 1; report: Report }> {
  const started = Date.now();
  const { config } = o;
  const baseline: BaselineEntry[] | undefined = o.baselineFile ? readBaseline(o.baselineFile) : undefined;

  // 1. Targets: probe the given ones before doing anything expensive.
  const given = config.apis.map((a) => config.urls[a]).filter((u): u is string => u !== undefined);
  const probeStart = Date.now();
  const probes = await probeAll(given, o.probeTimeoutMs ?? Math.min(2_000, config.timeoutMs));
  const down = probes.filter((p) => !p.reachable);
  if (down.length) throw new ConfigError(`target unreachable: ${down.map((d) => `${d.url}: ${d.reason}`).join('; ')}`);
  const probeMs = Date.now() - probeStart;

  let embedded: EmbeddedServer | undefined;
  const endpoints: Report['target']['endpoints'] = {};
  const urls: Partial<Record<ServiceName, string>> = {};
  if (config.apis.some((a) => config.urls[a] === undefined)) {
    const { startEmbeddedReference } = await import('./embedded.js');
    embedded = await startEmbeddedReference();
  }
  for (const a of config.apis) {
    urls[a] = config.urls[a] ?? embedded!.url;
    endpoints[a] = { url: urls[a]!, embedded: config.urls[a] === undefined };
  }

  const work = mkdtempSync(path.join(os.tmpdir(), 'lockstep-run-'));
  const verdictsFile = path.join(work, 'verdicts.jsonl');
  writeFileSync(verdictsFile, '');
  const signed = credentialsFromEnv() !== undefined;
  const ctx: RunContext = { urls, resources: config.resources, profile: config.profile, seed: config.seed, timeoutMs: config.timeoutMs, origin: started, signed, outDir: path.resolve(o.outDir) };
  const ctxFile = path.join(work, 'context.json');
  writeFileSync(ctxFile, JSON.stringify(ctx));

  out.write(`lockstep run: ${config.apis.map((a) => `${a} → ${endpoints[a]!.embedded ? 'embedded reference' : endpoints[a]!.url}`).join(', ')}\n`);
  out.write(`  profile ${config.profile}, seed ${config.seed}${signed ? ', SigV4 signing on' : ''}${config.strict ? ', strict' : ''}${o.shard ? `, shard ${o.shard}` : ''}\n`);

  const progress = new ProgressReporter(out, verdictsFile);
  const suitesStart = Date.now();
  const savedExit = process.exitCode;
  const env = { [CONTEXT_ENV]: ctxFile, [VERDICTS_ENV]: verdictsFile };
  const savedEnv = { c: process.env[CONTEXT_ENV], v: process.env[VERDICTS_ENV] };
  Object.assign(process.env, env);
  // The time budget counts from the start of the run; past it the unfinished suites are cancelled.
  let budgetNote: string | undefined;
  /** How much of the verdicts file was written when the budget ran out: later lines come from interrupted work. */
  let verdictsAtBudget: number | undefined;
  const budget =
    config.timeBudgetS === undefined
      ? undefined
      : setTimeout(
          () => {
            const running = progress.runningSuites();
            verdictsAtBudget = fileSize(verdictsFile);
            budgetNote = `time budget of ${config.timeBudgetS} s used up: cancelled the unfinished suites${running.length ? ` (${running.join(', ')} were running)` : ''}; their remaining checks did not run`;
            out.write(`  ✗ ${budgetNote}\n`);
            void progress.cancel('time-budget');
          },
          Math.max(0, config.timeBudgetS * 1000 - (Date.now() - started)),
        );
  budget?.unref();
  try {
    const { startVitest } = await import('vitest/node');
    const testTimeoutMs = config.profile === 'deep' ? 600_000 : 180_000;
    const vitest = await startVitest('test', o.filters ?? [], suitesVitestOptions({ root: projectRoot(), apis: config.apis, reporter: progress, env, testTimeoutMs, shard: o.shard }) as never);
    await vitest.close();
  } finally {
    if (budget) clearTimeout(budget);
    process.exitCode = savedExit;
    if (savedEnv.c === undefined) delete process.env[CONTEXT_ENV];
    else process.env[CONTEXT_ENV] = savedEnv.c;
    if (savedEnv.v === undefined) delete process.env[VERDICTS_ENV];
    else process.env[VERDICTS_ENV] = savedEnv.v;
    await embedded?.close();
  }
  const suitesMs = Date.now() - suitesStart;
  // Shown wherever suite errors are (report timings, JUnit errors, the summary's count).
  if (budgetNote) progress.timings.push({ suite: 'time-budget', state: 'failed', durationMs: 0, checks: 0, errors: [budgetNote] });
  if (progress.timings.length === 0 && progress.unhandled.length === 0) {
    rmSync(work, { recursive: true, force: true });
    const what = o.filters?.length ? `matches ${o.filters.map((f) => `'${f}'`).join(', ')}` : 'exists';
    throw new ConfigError(`no suite file ${what} for ${config.apis.join(', ')}${o.shard ? ` in shard ${o.shard}` : ''}`);
  }

  // After a cancel, requests in flight fail with the destroyed clients: those verdicts would blame the target.
  let verdicts = markNotImplemented(readVerdictLines(verdictsFile, verdictsAtBudget));
  rmSync(work, { recursive: true, force: true });
  let baselineOutcome: BaselineOutcome | undefined;
  if (baseline) {
    const applied = applyBaseline(verdicts, baseline, o.baselineFile!);
    verdicts = applied.verdicts;
    baselineOutcome = applied.outcome;
  }
  verdicts = slimPassing(withCurl(verdicts, config.resources.region));
  const suiteErrors = progress.timings.filter((t) => t.errors.length > 0).length + progress.unhandled.length;
  const summary = summarise(verdicts, config.strict, suiteErrors);
  const finished = Date.now();
  const report: Report = {
    schema: REPORT_SCHEMA,
    tool: { name: 'lockstep', version: VERSION },
    target: { endpoints, region: config.resources.region, signed },
    apis: config.apis,
    seed: config.seed,
    profile: config.profile,
    strict: config.strict,
    ...(o.shard ? { shard: o.shard } : {}),
    timings: { startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), totalMs: finished - started, probeMs, suitesMs, suites: progress.timings },
    verdicts,
    summary,
    coverage: coverageOf(verdicts, config.apis),
    ...(baselineOutcome ? { baseline: baselineOutcome } : {}),
  };

  mkdirSync(o.outDir, { recursive: true });
  const written: string[] = [];
  for (const name of o.reporters) {
    if (name === 'console') continue;
    const r = FILE_REPORTERS[name];
    const file = path.join(o.outDir, r.file);
    writeFileSync(file, r.render(report));
    written.push(file);
  }
  if (o.reporters.includes('console')) out.write(consoleSummary(report));
  if (written.length) out.write(`Reports: ${written.join(', ')}\n`);
  return { exitCode: summary.exitCode, report };
}
