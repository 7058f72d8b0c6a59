/**
 * Checkpoints and streaming give the answers of a full replay: a query at random instants (D, and K) through
 * checkpoints equals `caseAt`, the state after any prefix equals `replayAll` of it, persisted checkpoints
 * restore to the same answers, and a log streamed from a file in small chunks replays like the parsed log.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeOf } from '../src/events/instant.js';
import { parseLog, serializeLog } from '../src/events/parse.js';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { addDays, legalNextEvents, nextEvents } from '../src/generate/next.js';
import {
  buildCheckpoints,
  caseAtFromCheckpoints,
  checkpointsOf,
  persistCheckpoints,
  restoreCheckpoints,
  stateAfter,
} from '../src/replay/checkpoints.js';
import { caseAt } from '../src/replay/query.js';
import { applyEvent, initialSnapshot, replayAll } from '../src/replay/replay.js';
import { lineChunks, replayStream } from '../src/replay/stream.js';

const START: Instant = { local: '2020-08-06', zone: 'America/Los_Angeles' };

const step = fc.record({
  gap: fc.integer({ min: 0, max: 5 }),
  illegal: fc.nat({ max: 5 }).map((n) => n === 0),
  knownLater: fc.nat({ max: 30 }),
  choice: fc.nat({ max: 10_000 }),
});
const steps = fc.array(step, { minLength: 1, maxLength: 50, size: 'max' });

/** A history with some illegal events, and `knownAt` sometimes well after `at`. */
function history(picks: readonly Step[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  let snapshot = initialSnapshot();
  let at = START;
  for (const s of picks) {
    at = addDays(at, s.gap);
    const pool = s.illegal ? nextEvents(snapshot, at) : legalNextEvents(snapshot, at).map((l) => l.event);
    const picked = pool[s.choice % Math.max(1, pool.length)];
    if (!picked) break;
    const event = s.knownLater > 20 ? { ...picked, knownAt: addDays(at, s.knownLater - 20) } : picked;
    events.push(event);
    snapshot = applyEvent(snapshot, event).snapshot;
  }
  return events;
}
type Step = { gap: number; illegal: boolean; knownLater: number; choice: number };

/** An instant from a day before the first event to a day after the last, by a fraction in [0, 1]. */
function instantIn(events: readonly CaseEvent[], fraction: number): number {
  const first = rangeOf(events[0]?.at ?? START).start - 86_400_000;
  const last = rangeOf(events.at(-1)?.at ?? START).end + 86_400_000;
  return Math.floor(first + fraction * (last - first));
}

const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);

describe('checkpoints', () => {
  it('answer a query at (D, K) as a full replay does', () => {
    fc.assert(
      fc.property(
        steps,
        fc.integer({ min: 1, max: 9 }),
        fraction,
        fc.option(fraction),
        (picks, every, d, k) => {
          const events = history(picks as Step[]);
          const cp = buildCheckpoints(events, every);
          const asOf =
            k === null
              ? { at: instantIn(events, d) }
              : { at: instantIn(events, d), knownAt: instantIn(events, k) };
          const fast = caseAtFromCheckpoints(cp, asOf);
          const full = caseAt(events, asOf);
          expect(fast.events).toEqual(full.events);
          expect(fast.snapshot.value).toEqual(full.snapshot.value);
          expect(fast.snapshot.context).toEqual(full.snapshot.context);
          expect(fast.effects).toEqual(full.effects);
          expect(fast.rejections).toEqual(full.rejections);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('give the state after any prefix, also once persisted and restored', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 9 }), fraction, (picks, every, f) => {
        const events = history(picks as Step[]);
        const count = Math.round(f * events.length);
        const full = replayAll(events.slice(0, count));
        const cp = buildCheckpoints(events, every);
        const restored = restoreCheckpoints(events, JSON.parse(JSON.stringify(persistCheckpoints(cp))));
        for (const c of [cp, restored]) {
          const at = stateAfter(c, count);
          expect(at.snapshot.value).toEqual(full.snapshot.value);
          expect(at.snapshot.context).toEqual(full.snapshot.context);
          expect(at.rejections).toEqual(full.rejections);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are built once per log array', () => {
    const events = history([{ gap: 1, illegal: false, knownLater: 0, choice: 0 }]);
    expect(checkpointsOf(events)).toBe(checkpointsOf(events));
    expect(checkpointsOf([...events])).not.toBe(checkpointsOf(events));
  });
});

describe('a streamed replay', () => {
  it('equals the replay of the parsed log, whatever the chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        steps,
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (picks, sizes, torn) => {
          const events = history(picks as Step[]);
          let text = serializeLog(events);
          if (torn) text += '{"type":"context.no';
          const bytes = Buffer.from(text);
          const chunks: Buffer[] = [];
          for (let i = 0, s = 0; i < bytes.length; s++) {
            const size = sizes[s % sizes.length]!;
            chunks.push(bytes.subarray(i, i + size));
            i += size;
          }
          const parsed = parseLog(bytes, 'log.jsonl');
          const full = replayAll(parsed.events.map((l) => l.event));
          const streamed = await replayStream(Readable.from(chunks), 'log.jsonl');
          expect(streamed.events).toBe(parsed.events.length);
          expect(streamed.problems).toEqual(parsed.problems);
          expect(streamed.rejections.map((r) => r.rejection)).toEqual(full.rejections);
          expect(streamed.snapshot.value).toEqual(full.snapshot.value);
          expect(streamed.snapshot.context).toEqual(full.snapshot.context);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('hands on chunks that end at line boundaries', async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of lineChunks(Readable.from([Buffer.from('a\nb'), Buffer.from('c\n\nd')])))
      chunks.push(c);
    expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(['a\n', 'bc\n\n', 'd']);
  });
});
