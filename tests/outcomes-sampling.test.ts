/**
 * Monte Carlo samples of `outcomes` are walks of the project's one walker (src/generate/walk.ts) with an
 * odds-driven chooser. A decision asks the walker only for the event kinds its option labels name, so
 * every label must name its event's kind; and every sampled path is one the machine accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import { addDays, nextEvents } from '../src/generate/next.js';
import { labelOf, type Odds, parseOdds } from '../src/outcomes/odds.js';
import { type BranchCache, samplePath, startFrom } from '../src/outcomes/search.js';
import { mulberry32 } from '../src/random.js';
import { caseZone } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const events = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl')), 'wechat').events.map(
  (l) => l.event,
);
const zone = caseZone(events);
const odds = parseOdds(JSON.parse(readFileSync(path.join(root, 'events/odds/wechat.json'), 'utf8')))
  .odds as Odds;

describe('Monte Carlo samples', () => {
  test("an option label names its event's kind (alone, or before a ':'), so asking by kind misses no option", () => {
    for (let k = 0; k <= events.length; k++) {
      const { snapshot } = replayAll(events.slice(0, k));
      const at = addDays(events[Math.max(0, k - 1)]!.at, 30);
      for (const event of nextEvents(snapshot, at)) {
        const label = labelOf(event, snapshot.context);
        expect(label === event.type || label.startsWith(`${event.type}:`), `${label} for ${event.type}`).toBe(
          true,
        );
      }
    }
  });

  test('every sampled path, from every point of the real log, replays after it with no rejection', () => {
    for (let k = 1; k <= events.length; k += 4) {
      const prefix = events.slice(0, k);
      const start = startFrom(prefix, zone);
      const random = mulberry32(k);
      const cache: BranchCache = new Map();
      for (let i = 0; i < 40; i++) {
        const leaf = samplePath(start, odds, { depth: 12 }, random, cache);
        expect(replayAll([...prefix, ...leaf.events]).rejections).toEqual([]);
        expect(leaf.choices.length).toBeLessThanOrEqual(12);
      }
    }
  });
});
