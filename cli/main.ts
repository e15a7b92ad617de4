// CLI dispatch: usage, per-command flag parsing (strict: unknown flags are errors), exit codes.
import { parseArgs } from 'node:util';
import { COMMANDS } from './registry.js';
import { UsageError, type Command } from './command.js';

export function topUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'lockstep: conformance suite for conditional batch-write APIs',
    '(Amazon Connect data tables, Cloud Directory BatchWrite, Cognito Sync UpdateRecords)',
    '',
    'Usage: lockstep <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `lockstep <command> --help` for its options.',
    'Exit codes: 0 conformant / ok, 1 divergences found, 2 usage or configuration error, unreachable target.',
  ].join('\n');
}

function commandUsage(c: Command): string {
  return `Usage: lockstep ${c.name} ${c.usage}`.trimEnd();
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.write(topUsage() + '\n');
    return 0;
  }
  if (name === '--version' || name === '-v') {
    out.write('lockstep 0.1.0\n');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    err.write(`lockstep: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...cmd.options },
      allowPositionals: cmd.allowPositionals ?? false,
      strict: true,
    }) as typeof parsed;
  } catch (e) {
    err.write(`lockstep ${cmd.name}: ${(e as Error).message}\n${commandUsage(cmd)}\n`);
    return 2;
  }
  if (parsed.values.help) {
    out.write(commandUsage(cmd) + '\n');
    return 0;
  }
  try {
    return await cmd.run(parsed.values, parsed.positionals, { out, err });
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`lockstep ${cmd.name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
