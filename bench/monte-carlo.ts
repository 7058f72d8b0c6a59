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
  return { perSecond: (count / ms) * 1000, stepsPerSecond: (steps / ms) * 1000, from: middle };
}

/** Milliseconds per replayed event over the cases, replayed again and again for about `seconds`. */
function replayMsPerEvent(cases: readonly CaseEvent[][], seconds: number): number {
  let events = 0;
  const t = performance.now();
  while (events === 0 || performance.now() - t < seconds * 1000) {
    for (const c of cases) replayAll(c);
    events += cases.reduce((n, c) => n + c.length, 0);
  }
  return (performance.now() - t) / events;
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
  // The machine is shared: replay and futures are timed in alternating short rounds, so that both see the
  // same load, and the median round's ratio is reported.
  const ratios: number[] = [];
  let last = { perSecond: 0, stepsPerSecond: 0, from: 0 };
  let replayMs = 0;
  for (let i = 0; i < rounds; i++) {
    replayMs = replayMsPerEvent(cases, 0.3);
    last = futures(cases, checkpoints, seed + i, 0.3);
    ratios.push(1000 / last.perSecond / (FUTURE_STEPS * replayMs));
  }
  ratios.sort((a, b) => a - b);
  console.log(
    `pool of ${cases.length} walks grown in ${Math.round(growMs)} ms; last round: replay ${Math.round(1 / replayMs)} events/ms, ` +
      `${Math.round(last.perSecond)} futures/s (${Math.round(last.stepsPerSecond)} steps/s) from event ${last.from}; ` +
      `future / replay of ${FUTURE_STEPS} events over ${rounds} rounds: median ${ratios[rounds >> 1]!.toFixed(1)}x ` +
      `(${ratios[0]!.toFixed(1)}-${ratios.at(-1)!.toFixed(1)})`,
  );
}
