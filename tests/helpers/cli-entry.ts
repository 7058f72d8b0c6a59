/**
 * The CLI as `src/cli/main.ts` runs it, with the commands these tests drive (validate, append, repair), so a
 * child process does not depend on every other command compiling.
 */
import { appendCommand } from '../../src/cli/commands/append.js';
import { repairCommand } from '../../src/cli/commands/repair.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { processIO, run } from '../../src/cli/program.js';

process.exitCode = await run(
  process.argv.slice(2),
  [validateCommand, appendCommand, repairCommand],
  processIO,
);
