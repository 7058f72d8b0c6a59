import fc from 'fast-check';

// One seed for the whole run: printed on failure by fast-check, and replayable with CASESIM_SEED=<seed>.
const seed = process.env.CASESIM_SEED
  ? Number(process.env.CASESIM_SEED)
  : Date.now() ^ (Math.random() * 0x100000000);
fc.configureGlobal({ seed, numRuns: Number(process.env.CASESIM_RUNS ?? 1000) });
