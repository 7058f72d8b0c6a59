/**
 * A reproducible synthetic corpus grown from the machine itself: a seeded random walk (src/generate/walk.ts)
 * over `legalNextEvents`, so every event in it is one the machine accepts. Walks are expensive to grow (each
 * step tries every candidate), so a pool of distinct walks is grown once and cases are drawn from it;
 * every case is replayed from the empty record, so ids need only be unique within a case.
 *
 * File format: JSON lines; a line `{"case":"<id>"}` opens each case, the case's events follow.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { randomSteps, WALK_START, walk } from '../src/generate/walk.js';
import { mulberry32 } from '../src/random.js';
import { type CaseSnapshot, initialSnapshot } from '../src/replay/replay.js';

/** The seeded generator the bench draws from (the project's one, so corpora reproduce from the seed). */
export const prng = mulberry32;

export const START: Instant = WALK_START;

/** A random walk of up to `length` legal events from `from`, zero to two days apart (the project's walker). */
export function randomWalk(
  random: () => number,
  length: number,
  from: CaseSnapshot = initialSnapshot(),
  start: Instant = START,
): { events: CaseEvent[]; snapshot: CaseSnapshot } {
  const { events, snapshots } = walk(randomSteps(random, length), from, start);
  return { events, snapshot: snapshots.at(-1) ?? from };
}

export interface CorpusSpec {
  readonly seed: number;
  /** Total events wanted (the corpus stops at the first case boundary past it). */
  readonly events: number;
  /** Distinct walks in the pool. */
  readonly pool: number;
  /** Longest walk. */
  readonly maxCaseLength: number;
}

export interface CorpusInfo {
  readonly path: string;
  readonly cases: number;
  readonly events: number;
  readonly bytes: number;
  readonly meanCaseLength: number;
  readonly generateMs: number;
}

/** Grows the pool of walks; each walk's lines are serialized once. */
export function growPool(spec: CorpusSpec): string[][] {
  const random = prng(spec.seed);
  const pool: string[][] = [];
  while (pool.length < spec.pool) {
    const length = Math.floor(spec.maxCaseLength / 4 + random() * (spec.maxCaseLength * 0.75));
    const { events } = randomWalk(random, length);
    if (events.length < 2) continue;
    pool.push(events.map((e) => JSON.stringify(e)));
  }
  return pool;
}

/** Writes the corpus to `path`: cases drawn from the pool with the same seeded generator. */
export async function writeCorpus(path: string, spec: CorpusSpec): Promise<CorpusInfo> {
  const t0 = performance.now();
  const pool = growPool(spec);
  const random = prng(spec.seed ^ 0x5eed);
  const out = createWriteStream(path);
  let events = 0;
  let cases = 0;
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  while (events < spec.events) {
    const walk = pool[Math.floor(random() * pool.length)]!;
    await write(`{"case":"c${cases}"}\n${walk.join('\n')}\n`);
    cases += 1;
    events += walk.length;
  }
  out.end();
  await once(out, 'finish');
  return {
    path,
    cases,
    events,
    bytes,
    meanCaseLength: events / cases,
    generateMs: performance.now() - t0,
  };
}
