/** Every command of the CLI, in the order `--help` lists them. Add a command by adding its module here. */
import type { CommandModule } from '../program.js';
import { appendCommand } from './append.js';
import { diagramCommand } from './diagram.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { outcomesCommand } from './outcomes.js';
import { repairCommand } from './repair.js';
import { replayCommand } from './replay.js';
import { schemaCommand } from './schema.js';
import { serveCommand } from './serve.js';
import { stateCommand } from './state.js';
import { validateCommand } from './validate.js';
import { whatifCommand } from './whatif.js';

export const COMMANDS: readonly CommandModule[] = [
  replayCommand,
  stateCommand,
  validateCommand,
  appendCommand,
  repairCommand,
  schemaCommand,
  explainCommand,
  diagramCommand,
  exportCommand,
  serveCommand,
  whatifCommand,
  outcomesCommand,
];
