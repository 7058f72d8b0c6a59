#!/usr/bin/env node
import { COMMANDS } from './commands/index.js';
import { processIO, run } from './program.js';

process.exitCode = await run(process.argv.slice(2), COMMANDS, processIO);
