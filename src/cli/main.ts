#!/usr/bin/env node
import { COMMANDS } from './commands/index.js';
import { processIO, run } from './program.js';

// A reader that stops early (`casesim replay | head`) closes the pipe: that is the end of the output, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), COMMANDS, processIO);
