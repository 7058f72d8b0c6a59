import fc from 'fast-check';
import { loadZod } from '../src/events/parse.js';

// One seed for the whole run: printed on failure by fast-check, and replayable with CASESIM_SEED=<seed>.
const seed = process.env.CASESIM_SEED
  ? Number(process.env.CASESIM_SEED)
  : Date.now() ^ (Math.random() * 0x100000000);
fc.configureGlobal({ seed, numRuns: Number(process.env.CASESIM_RUNS ?? 1000) });

// The tests call the readers directly, as the library does: zod's verdict is loaded before any test runs (the
// CLI loads it only when a line needs it: tests/cold-start-loads.test.ts).
await loadZod();
