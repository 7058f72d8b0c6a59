/**
 * Holds the writers' lock on a log the way casesim does (flock on the file itself), to test how others wait:
 * prints `locked` once it holds it, then holds it for <ms> milliseconds (or until killed) and exits.
 *
 *   node hold-lock.mjs <log> <ms|forever>
 */
import { openSync, writeSync } from 'node:fs';
import { flockSync } from 'fs-ext';

const [log, ms] = process.argv.slice(2);
const fd = openSync(log, 'a');
flockSync(fd, 'ex');
writeSync(1, 'locked\n');
setTimeout(() => process.exit(0), ms === 'forever' ? 2 ** 31 - 1 : Number(ms));
