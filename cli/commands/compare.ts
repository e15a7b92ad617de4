// `lockstep compare`: the same suites, seed and profile against several endpoints (or several
// existing reports), laid out as one matrix: DIR/lockstep-compare.html, DIR/lockstep-compare.md and
// a console table. Exit 0 when every endpoint is conformant, 1 when any diverges, 2 on usage errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command, CommandIO } from '../command.js';
import { UsageError } from '../command.js';
import { ENDPOINT_KEYS, SHARED_KEYS, configFlagOptions } from '../config-flags.js';
import { ConfigError, readConfigFile, resolveConfig, type RawConfig, type TargetConfig } from '../../suites/harness/config.js';
import { ReportInputError, readReportFile } from '../../reporters/compare-input.js';
import { buildComparison, type CompareInput } from '../../reporters/compare-matrix.js';
import { compareHtml } from '../../reporters/compare-html.js';
import { compareMarkdown } from '../../reporters/compare-markdown.js';
import { compareConsole } from '../../reporters/compare-console.js';
import { resultWords } from '../../reporters/console.js';

// Names become directory names under --out: keep them to portable characters.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** `--target NAME=embedded` runs against a fresh embedded reference server. */
export const EMBEDDED = 'embedded';

export interface NamedTarget {
  name: string;
  /** undefined = the embedded reference. */
  url: string | undefined;
}

function checkName(name: string, what: string): void {
  if (!NAME.test(name)) throw new UsageError(`${what}: name '${name}' must be 1-64 letters, digits, '.', '_' or '-' (starting with a letter or digit)`);
}

function checkUnique(names: string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    // Case-insensitively: the names become directories, and some file systems fold case.
    const k = n.toLowerCase();
    if (seen.has(k)) throw new UsageError(`duplicate endpoint name '${n}': give each endpoint its own name`);
    seen.add(k);
  }
}

/** Parses the repeated `--target NAME=URL` values. */
export function parseTargets(raw: unknown): NamedTarget[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
  const targets = list.map((t): NamedTarget => {
    const eq = t.indexOf('=');
    if (eq <= 0) throw new UsageError(`--target '${t}' must be NAME=URL (e.g. acme=https://acme.example:8443) or NAME=${EMBEDDED}`);
    const name = t.slice(0, eq).trim();
    const value = t.slice(eq + 1).trim();
    checkName(name, `--target '${t}'`);
    if (value === EMBEDDED) return { name, url: undefined };
    try {
      // The same URL rules as `lockstep run --target`.
      return { name, url: resolveConfig({ target: value }, {}, () => 0).urls.connect };
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(`--target ${name}: ${e.message}`);
      throw e;
    }
  });
  checkUnique(targets.map((t) => t.name));
  return targets;
}

/** Parses report arguments: `NAME=FILE` or `FILE` (named after the file, or its directory for lockstep-report.json). */
export function parseReportArgs(args: string[]): { name: string; file: string }[] {
  const out = args.map((a) => {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})=(.+)$/.exec(a);
    if (m) return { name: m[1]!, file: m[2]! };
    const resolved = path.resolve(a);
    let base = path.basename(resolved);
    if (base === 'lockstep-report.json') base = path.basename(path.dirname(resolved));
    const name = base.replace(/\.json$/i, '').replace(/^lockstep-report[-_.]?/, '') || base;
    const clean = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
    if (!clean) throw new UsageError(`cannot name the report '${a}' after its file: pass NAME=${a}`);
    return { name: clean, file: a };
  });
  checkUnique(out.map((r) => r.name));
  return out;
}

const DEFAULT_CONFIG_FILE = 'lockstep.config.json';

/**
 * The settings every endpoint shares, from lockstep.config.json (or --config FILE): the file's
 * endpoint keys are left out, with a note, since one file's URL cannot stand for several columns.
 */
function sharedFileConfig(values: Record<string, unknown>, io: CommandIO): RawConfig {
  const explicit = typeof values.config === 'string';
  const file = explicit ? (values.config as string) : DEFAULT_CONFIG_FILE;
  const raw = readConfigFile(file, explicit);
  const skipped = ENDPOINT_KEYS.filter((k) => raw[k] !== undefined);
  for (const k of skipped) delete raw[k];
  if (skipped.length) io.out.write(`compare: ${file}: ${skipped.join(', ')} not used (endpoints come from --target)\n`);
  return raw;
}

function commonFlags(values: Record<string, unknown>): RawConfig {
  const flags: RawConfig = {};
  for (const k of SHARED_KEYS) if (values[k] !== undefined) flags[k] = values[k];
  return flags;
}

function writeOutputs(inputs: CompareInput[], outDir: string, strict: boolean, io: CommandIO): 0 | 1 {
  const cmp = buildComparison(inputs, { strict });
  mkdirSync(outDir, { recursive: true });
  const html = path.join(outDir, 'lockstep-compare.html');
  const md = path.join(outDir, 'lockstep-compare.md');
  writeFileSync(html, compareHtml(cmp));
  writeFileSync(md, compareMarkdown(cmp));
  io.out.write(compareConsole(cmp));
  io.out.write(`Comparison: ${html}, ${md}\n`);
  return cmp.exitCode;
}

async function runTargets(targets: NamedTarget[], values: Record<string, unknown>, filters: string[], outDir: string, io: CommandIO): Promise<CompareInput[]> {
  let configs: { target: NamedTarget; config: TargetConfig }[];
  try {
    // Flags win over the file, as for `lockstep run`.
    const file = sharedFileConfig(values, io);
    // One seed for every endpoint: drawn once here when neither --seed nor the file gives one.
    const base = resolveConfig(commonFlags(values), file);
    configs = targets.map((target) => {
      const config = resolveConfig({ ...commonFlags(values), seed: String(base.seed), ...(target.url ? { target: target.url } : {}) }, file);
      return { target, config };
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  // Probe every endpoint before running anything: an unreachable one should not cost a full run first.
  const { probeAll } = await import('../../suites/harness/probe.js');
  const timeoutMs = Math.min(2_000, configs[0]!.config.timeoutMs);
  const given = targets.filter((t) => t.url !== undefined);
  const probes = await probeAll(given.map((t) => t.url!), timeoutMs);
  const down = given.filter((t) => probes.some((p) => p.url === t.url && !p.reachable));
  if (down.length) {
    throw new UsageError(`target unreachable: ${down.map((t) => `${t.name} (${t.url}): ${probes.find((p) => p.url === t.url)!.reason}`).join('; ')}`);
  }

  const { runLockstep } = await import('../../suites/harness/runner.js');
  const inputs: CompareInput[] = [];
  for (const { target, config } of configs) {
    io.out.write(`\n== ${target.name} ==\n`);
    try {
      const { report } = await runLockstep({ config, outDir: path.join(outDir, target.name), reporters: ['json', 'junit', 'markdown'], filters }, io.out);
      io.out.write(`${target.name}: ${resultWords(report)}\n`);
      inputs.push({ name: target.name, source: target.url ?? 'embedded reference', report });
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(`${target.name}: ${e.message}`);
      throw e;
    }
  }
  return inputs;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'run the suites against several endpoints (or read their reports) and compare them side by side',
  usage: [
    '--target NAME=URL --target NAME=URL... [FILTER...] [--api LIST] [--profile P] [--seed N] [--strict] [--timeout-ms N] [--config FILE] [--out DIR]',
    '   or: lockstep compare [NAME=]REPORT.json [NAME=]REPORT.json... [--strict] [--out DIR]',
    '',
    `Runs the suites once per endpoint, one after the other, with the same seed and profile (URL may be '${EMBEDDED}'`,
    'for a fresh embedded reference); each run\'s reports go to DIR/NAME/. Or builds the matrix from existing',
    'reports (a directory stands for its lockstep-report.json; unnamed reports are named after their file).',
    'Also takes --time-budget (per endpoint), --region, --connect-instance-id, --identity-pool-id, --identity-id as',
    '`lockstep run` does, and reads the shared settings of lockstep.config.json (or --config FILE); its endpoint',
    'keys are not used.',
    'Writes DIR/lockstep-compare.html and DIR/lockstep-compare.md (DIR defaults to lockstep-out).',
    'Exit: 0 every endpoint conformant, 1 some endpoint diverges, 2 usage error or unreachable target.',
  ].join('\n'),
  options: {
    target: { type: 'string', multiple: true },
    ...configFlagOptions(SHARED_KEYS),
    out: { type: 'string' },
    config: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'lockstep-out');
    const strict = values.strict === true;
    if (values.target !== undefined) {
      const targets = parseTargets(values.target);
      if (targets.length < 2) throw new UsageError(`compare needs at least 2 targets, got ${targets.length}`);
      const inputs = await runTargets(targets, values, positionals, outDir, io);
      return writeOutputs(inputs, outDir, strict, io);
    }
    // --strict also judges existing reports; every other shared setting is fixed by them.
    const runOnly = [...SHARED_KEYS.filter((k) => k !== 'strict'), 'config'].filter((k) => values[k] !== undefined);
    if (runOnly.length) throw new UsageError(`--${runOnly[0]} applies only with --target (reports already fix it)`);
    const args = parseReportArgs(positionals);
    if (args.length < 2) throw new UsageError(`compare needs at least 2 reports (or --target NAME=URL twice), got ${args.length}`);
    const inputs: CompareInput[] = [];
    for (const a of args) {
      try {
        inputs.push({ name: a.name, source: a.file, report: readReportFile(a.file) });
      } catch (e) {
        if (e instanceof ReportInputError) throw new UsageError(e.message);
        throw e;
      }
    }
    return writeOutputs(inputs, outDir, strict, io);
  },
};
