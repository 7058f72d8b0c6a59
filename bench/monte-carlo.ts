/**
 * The Monte Carlo figure of the bench: a future of FUTURE_STEPS random legal steps grown by the project's
 * walker from the middle of a case (through its checkpoints), against a replay of as many events. Run on
 * its own (`node dist-bench/bench/monte-carlo.js`, after `tsc -p tsconfig.bench.json`), it grows the bench's
 * pool of walks without the million-event corpus, so the ratio can be watched while the walker changes.
 */
import { pathToFileURL } from 'node:url';
import { rangeOf } from '../src/events/instant.js';
import type { CaseEvent } from '../src/events/schema.js';
import { legalEffects } from '../src/machine/effects.js';
import { buildCheckpoints, type Checkpoints, stateAfter } from '../src/replay/checkpoints.js';
import { type CaseSnapshot, replayAll } from '../src/replay/replay.js';
import { growPool, prng, randomWalk } from './corpus.js';

export const FUTURE_STEPS = 20;

/** Futures per second from the middle of the longest case, each from a checkpoint and a short tail. */
export function futures(
  cases: readonly CaseEvent[][],
  checkpoints: readonly Checkpoints[],
  seed: number,
  seconds = 3,
) {
  const random = prng(seed ^ 0xf00);
  let longest = 0;
  cases.forEach((c, i) => {
    if (c.length > cases[longest]!.length) longest = i;
  });
  const events = cases[longest]!;
  const middle = events.length >> 1;
  const start = events[middle - 1]!.at;
  let count = 0;
  let steps = 0;
  const t = performance.now();
  while (count < 20 || performance.now() - t < seconds * 1000) {
    // Each future branches from the middle of the case: a checkpoint and a short tail.
    const from: CaseSnapshot = stateAfter(checkpoints[longest]!, middle).snapshot;
    const walk = randomWalk(random, FUTURE_STEPS, from, start);
    legalEffects(walk.snapshot.context, rangeOf(walk.events.at(-1)?.at ?? start).end);
    steps += walk.events.length;
    count += 1;
  }
  const ms = performance.now() - t;
  return { perSecond: (count / ms) * 1000, stepsPerSecond: (steps / ms) * 1000, from: middle, count };
}

/** CPU milliseconds this process has used: on a shared machine, less disturbed by others than the wall clock. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU milliseconds per replayed event over the cases, replayed again and again for about `seconds`. */
function replayCpuMsPerEvent(cases: readonly CaseEvent[][], seconds: number): number {
  let events = 0;
  const t = performance.now();
  const cpu = cpuMs();
  while (events === 0 || performance.now() - t < seconds * 1000) {
    for (const c of cases) replayAll(c);
    events += cases.reduce((n, c) => n + c.length, 0);
  }
  return (cpuMs() - cpu) / events;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seed = Number(process.env.CASESIM_BENCH_SEED ?? 6);
  const rounds = Number(process.env.CASESIM_BENCH_ROUNDS ?? 9);
  const t = performance.now();
  const cases = growPool({ seed, events: 0, pool: 64, maxCaseLength: 120 }).map((lines) =>
    lines.map((l) => JSON.parse(l) as CaseEvent),
  );
  const growMs = performance.now() - t;
  const checkpoints = cases.map((c) => buildCheckpoints(c, 16));
  // The machine is shared: replay and futures are timed in alternating short rounds, in CPU time, so
  // that both see the same load, and the median round's ratio is reported.
  const ratios: number[] = [];
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const replayMs = replayCpuMsPerEvent(cases, 0.3);
    const cpu = cpuMs();
    const f = futures(cases, checkpoints, seed + i, 0.3);
    const futureMs = (cpuMs() - cpu) / f.count;
    ratios.push(futureMs / (FUTURE_STEPS * replayMs));
    rates.push(1000 / futureMs);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(
    `pool of ${cases.length} walks grown in ${Math.round(growMs)} ms; ${rounds} rounds: median ${Math.round(mid(rates))} futures per CPU second; ` +
      `a future of ${FUTURE_STEPS} steps / a replay of ${FUTURE_STEPS} events: median ${mid(ratios).toFixed(1)}x ` +
      `(${Math.min(...ratios).toFixed(1)}-${Math.max(...ratios).toFixed(1)})`,
  );
}
