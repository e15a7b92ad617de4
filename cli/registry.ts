import type { Command } from './command.js';
import { requirementsCommand } from './commands/requirements.js';
import { serveCommand } from './commands/serve.js';
import { runCommand } from './commands/run.js';
import { replayCommand } from './commands/replay.js';
import { compareCommand } from './commands/compare.js';
import { mergeCommand } from './commands/merge.js';

// Each issue's command registers here; keep the list in the order `--help` shows it.
export const COMMANDS: Command[] = [runCommand, compareCommand, mergeCommand, replayCommand, serveCommand, requirementsCommand];
