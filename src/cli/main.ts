#!/usr/bin/env node
import { COMMANDS } from './commands/index.js';
import { finishOutput } from './io.js';
import { processIO, run } from './program.js';

// Output is written synchronously by io.ts; a closed or full stdout ends the output, not the command.
process.exitCode = finishOutput(await run(process.argv.slice(2), COMMANDS, processIO));
