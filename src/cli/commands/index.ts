/**
 * Every command of the CLI, in the order `--help` lists them. Add a command by adding its module here.
 * Each is loaded only when it runs (or when help lists them all), so `casesim replay` does not pay for the
 * page server, the diagram layout or the odds model at start-up.
 */
import type { LazyCommand } from '../program.js';

export const COMMANDS: readonly LazyCommand[] = [
  { name: 'replay', load: async () => (await import('./replay.js')).replayCommand },
  { name: 'state', load: async () => (await import('./state.js')).stateCommand },
  { name: 'validate', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'append', load: async () => (await import('./append.js')).appendCommand },
  { name: 'repair', load: async () => (await import('./repair.js')).repairCommand },
  { name: 'schema', load: async () => (await import('./schema.js')).schemaCommand },
  { name: 'explain', load: async () => (await import('./explain.js')).explainCommand },
  { name: 'diagram', load: async () => (await import('./diagram.js')).diagramCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'whatif', load: async () => (await import('./whatif.js')).whatifCommand },
  { name: 'outcomes', load: async () => (await import('./outcomes.js')).outcomesCommand },
];
