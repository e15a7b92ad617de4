import type { Command } from './command.js';
import { requirementsCommand } from './commands/requirements.js';

// Each issue's command registers here; keep the list in the order `--help` shows it.
export const COMMANDS: Command[] = [requirementsCommand];
