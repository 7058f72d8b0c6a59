/**
 * The CLI as `src/cli/main.ts` runs it, with the commands these tests drive (validate, append, repair,
 * replay), so a child process does not depend on every other command compiling. Output goes through the
 * same edge as the real CLI: synchronous writes, control characters escaped, a lost stdout reported once.
 */
import { appendCommand } from '../../src/cli/commands/append.js';
import { repairCommand } from '../../src/cli/commands/repair.js';
import { replayCommand } from '../../src/cli/commands/replay.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { finishOutput } from '../../src/cli/io.js';
import { processIO, run } from '../../src/cli/program.js';

process.exitCode = finishOutput(
  await run(process.argv.slice(2), [validateCommand, appendCommand, repairCommand, replayCommand], processIO),
);
