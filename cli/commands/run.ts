// `lockstep run`: flags (over lockstep.config.json) -> target config -> runner -> exit code.
import path from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { configFlagOptions } from '../config-flags.js';
import { CONFIG_KEYS, ConfigError, readConfigFile, resolveConfig, type RawConfig } from '../../suites/harness/config.js';
import { REPORTERS, type ReporterName } from '../../reporters/index.js';

const DEFAULT_CONFIG_FILE = 'lockstep.config.json';

export function parseReporters(v: unknown): ReporterName[] {
  if (v === undefined) return ['console', 'json', 'junit', 'markdown'];
  const names = String(v).split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(REPORTERS as readonly string[]).includes(n));
  if (bad.length || names.length === 0) throw new UsageError(`unknown --reporter ${bad.join(', ') || '(empty)'}; expected a comma list of ${REPORTERS.join(', ')}`);
  return [...new Set(names)] as ReporterName[];
}

/** `i/n` with 1 <= i <= n, as vitest's --shard takes it. */
export function parseShard(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(String(v).trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must be i/n with 1 <= i <= n, got '${String(v)}'`);
  return `${Number(m[1])}/${Number(m[2])}`;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'run the conformance suites against a target (default: the embedded reference)',
  usage: [
    '[FILTER...] [--target URL] [--api connect,cognito-sync,clouddirectory] [--profile quick|standard|deep] [--seed N]',
    '    [--strict] [--out DIR] [--reporter console,json,junit,markdown] [--baseline FILE] [--timeout-ms N]',
    '    [--connect-url URL] [--cognito-sync-url URL] [--clouddirectory-url URL] [--region R]',
    '    [--connect-instance-id ID] [--identity-pool-id ID] [--identity-id ID] [--config FILE] [--shard i/n]',
    '    [--time-budget SECONDS]',
    '',
    'FILTER: run only suite files whose path contains it (vitest file filters), e.g. `contract`.',
    `Options may also come from ${DEFAULT_CONFIG_FILE} (same keys as the flags; flags win).`,
    'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY [/ AWS_SESSION_TOKEN] switch SigV4 signing on.',
    'Writes DIR/lockstep-report.json, lockstep-junit.xml, lockstep-report.md (DIR defaults to lockstep-out).',
    '--time-budget: past it the unfinished suites are cancelled and the run fails (exit 1), saying which.',
    'Exit: 0 no MUST fails (with --strict no SHOULD either), 1 divergences, 2 usage/config error or unreachable target.',
  ].join('\n'),
  options: {
    ...configFlagOptions(CONFIG_KEYS),
    out: { type: 'string' },
    reporter: { type: 'string' },
    baseline: { type: 'string' },
    config: { type: 'string' },
    shard: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const flags: RawConfig = {};
    for (const k of CONFIG_KEYS) if (values[k] !== undefined) flags[k] = values[k];
    try {
      const explicit = typeof values.config === 'string';
      const file = readConfigFile(explicit ? (values.config as string) : DEFAULT_CONFIG_FILE, explicit);
      const config = resolveConfig(flags, file);
      const reporters = parseReporters(values.reporter);
      const shard = parseShard(values.shard);
      const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'lockstep-out');
      // The runner pulls in vitest: load it only once the flags are known to be good.
      const { runLockstep } = await import('../../suites/harness/runner.js');
      const { exitCode } = await runLockstep({ config, outDir, reporters, baselineFile: values.baseline as string | undefined, shard, filters: positionals }, io.out);
      return exitCode;
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }
  },
};
