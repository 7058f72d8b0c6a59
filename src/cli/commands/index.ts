/** Every command of the CLI, in the order `--help` lists them. Add a command by adding its module here. */
import type { CommandModule } from '../program.js';
import { replayCommand } from './replay.js';
import { schemaCommand } from './schema.js';
import { stateCommand } from './state.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly CommandModule[] = [
  replayCommand,
  stateCommand,
  validateCommand,
  schemaCommand,
];
