/**
 * A reproducible synthetic corpus grown from the machine itself: a seeded random walk over
 * `legalNextEvents`, so every event in it is one the machine accepts. Walks are expensive to grow (each
 * step tries every candidate), so a pool of distinct walks is grown once and cases are drawn from it;
 * every case is replayed from the empty record, so ids need only be unique within a case.
 *
 * File format: JSON lines; a line `{"case":"<id>"}` opens each case, the case's events follow.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { addDays, legalNextEvents } from '../src/generate/next.js';
import { mulberry32 } from '../src/random.js';
import { type CaseSnapshot, initialSnapshot } from '../src/replay/replay.js';

/** The seeded generator the bench draws from (the project's one, so corpora reproduce from the seed). */
export const prng = mulberry32;

export const START: Instant = { local: '2020-08-06', zone: 'America/Los_Angeles' };

/** Events that end a case or its basis: rarer in the walk, so cases grow long enough to be worth querying. */
const ENDINGS: ReadonlySet<CaseEvent['type']> = new Set([
  'case.dismissed',
  'order.revoked',
  'identification.withdrawn',
  'identification.rescinded',
]);

function choose<T extends { event: CaseEvent }>(random: () => number, legal: readonly T[]): T {
  for (;;) {
    const pick = legal[Math.floor(random() * legal.length)]!;
    if (!ENDINGS.has(pick.event.type) || random() < 0.02) return pick;
  }
}

/** A random walk of up to `length` legal events from `from`, one to three days apart. */
export function randomWalk(
  random: () => number,
  length: number,
  from: CaseSnapshot = initialSnapshot(),
  start: Instant = START,
): { events: CaseEvent[]; snapshot: CaseSnapshot } {
  const events: CaseEvent[] = [];
  let snapshot = from;
  let at = start;
  for (let i = 0; i < length; i++) {
    at = addDays(at, Math.floor(random() * 3));
    const legal = legalNextEvents(snapshot, at);
    if (legal.length === 0) break;
    const pick = choose(random, legal);
    events.push(pick.event);
    snapshot = pick.snapshot;
  }
  return { events, snapshot };
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
