/**
 * Properties of replay and of the log format:
 * - replay is deterministic: the same events give the same state, however often and from whichever copy;
 * - resuming from a persisted state (persist → JSON text → parse → restore), cut anywhere, ends in the
 *   same state, with the same rejections, as a full replay;
 * - a log read back from its serialization holds the same events, whatever unicode the summaries and
 *   quotes carry.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseLog, serializeLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { type CaseSnapshot, persistSnapshot, replayAll, restoreSnapshot } from '../src/replay/replay.js';
import { legalHistories, mixedHistories } from './support/histories.js';

const stateOf = (s: CaseSnapshot) => ({ value: s.value, context: s.context });

/**
 * Text with any code point, plus the characters most likely to trouble a line-oriented JSON log. Lengths
 * are in code points, as zod counts them (two lone surrogates may pair up into one).
 */
function unicodeText(minLength: number, maxLength: number) {
  const tricky = fc.constantFrom(
    '\n',
    '\r',
    '\r\n',
    '"',
    '\\',
    '\u2028',
    '\u2029',
    '\ufeff',
    '\u0000',
    '\ud800',
    '\udfff',
    '😀',
    'é',
  );
  return fc
    .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), tricky), {
      minLength,
      maxLength,
    })
    .map((parts) => parts.join(''))
    .filter((text) => [...text].length >= minLength);
}

describe(`replay (seed ${fc.readConfigureGlobal().seed})`, () => {
  test.prop([mixedHistories])(
    'replay is deterministic: twice, and from a copy of the events, the same state',
    (events) => {
      const first = replayAll(events);
      const again = replayAll(events);
      const fromCopy = replayAll(structuredClone(events));
      expect(stateOf(again.snapshot)).toEqual(stateOf(first.snapshot));
      expect(stateOf(fromCopy.snapshot)).toEqual(stateOf(first.snapshot));
      expect(again.rejections).toEqual(first.rejections);
      expect(JSON.stringify(persistSnapshot(fromCopy.snapshot))).toBe(
        JSON.stringify(persistSnapshot(first.snapshot)),
      );
    },
  );

  test.prop([mixedHistories, fc.nat()])(
    'resuming from a persisted state at any cut ends where a full replay ends, with the same rejections',
    (events, cutSeed) => {
      const cut = cutSeed % (events.length + 1);
      const full = replayAll(events);
      const head = replayAll(events.slice(0, cut));
      const restored = restoreSnapshot(JSON.parse(JSON.stringify(persistSnapshot(head.snapshot))));
      expect(stateOf(restored)).toEqual(stateOf(head.snapshot));
      const tail = replayAll(events.slice(cut), restored);
      expect(stateOf(tail.snapshot)).toEqual(stateOf(full.snapshot));
      expect([...head.rejections, ...tail.rejections]).toEqual(full.rejections);
    },
  );
});

describe(`the log format (seed ${fc.readConfigureGlobal().seed})`, () => {
  test.prop([
    legalHistories,
    fc.array(fc.tuple(unicodeText(1, 80), unicodeText(3, 60)), { minLength: 40, maxLength: 40 }),
  ])(
    'parseLog(serializeLog(events)) gives back the same events, with any unicode in summaries and quotes',
    (history, texts) => {
      const events: CaseEvent[] = history.events.map((e, i) => {
        const [summary, quote] = texts[i] ?? ['summary', 'quote'];
        const source = { ...(e.sources[0] as CaseEvent['sources'][number]), quote };
        return { ...e, summary, sources: [source] } as CaseEvent;
      });
      const parsed = parseLog(serializeLog(events), 'round-trip.jsonl');
      expect(parsed.problems).toEqual([]);
      expect(parsed.events.map((l) => l.event)).toEqual(events);
      expect(parsed.events.map((l) => l.line)).toEqual(events.map((_, i) => i + 1));
    },
  );
});
