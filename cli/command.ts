// What every CLI command looks like. Commands live one per file in cli/commands/ and are
// listed in cli/registry.ts; bin/lockstep.ts only dispatches.
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  name: string;
  summary: string;
  /** Usage text shown by `lockstep <name> --help` (after the first line). */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the process exit code: 0 ok, 1 divergences, 2 usage/config error. */
  run(values: Record<string, unknown>, positionals: string[], io: CommandIO): Promise<number>;
}

/** Where a command writes: the process's streams, or captured ones in tests. */
export interface CommandIO {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** A mistake in how lockstep was called or configured: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
