/**
 * An ending says only what its path holds: one that speaks of "its injunction" (vacated, left standing,
 * ended with the case, affirmed) has an injunction in the path; one about a denial, or a dismissal before any
 * relief, has none. Checked on every exact path of the WeChat odds from the complaint, where both kinds occur.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import { analyse } from '../src/outcomes/analyse.js';
import { type Odds, parseOdds } from '../src/outcomes/odds.js';
import { startFrom } from '../src/outcomes/search.js';
import { caseZone } from '../src/replay/query.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wechat = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl')), 'wechat').events.map(
  (l) => l.event,
);
// Every exact path from the complaint, under the core odds (tests/fixtures/outcomes/wechat-core.json): under
// the shipped odds the tree from the complaint has hundreds of thousands of paths; their endings are checked
// on samples in tests/outcomes-remedies.test.ts.
const odds = parseOdds(
  JSON.parse(readFileSync(path.join(root, 'tests/fixtures/outcomes/wechat-core.json'), 'utf8')),
).odds as Odds;
const prefix = wechat.slice(0, wechat.findIndex((e) => e.id === 'complaint-filed') + 1);
const { leaves } = analyse(startFrom(prefix, caseZone(wechat)), odds, {
  method: 'exact',
  maxLeaves: 200_000,
  samples: 1,
  seed: 1,
  depth: 12,
  adapt: { cut: 0.001, max: 100 },
});

/** Endings whose label speaks of an injunction the path entered. */
const NEED_AN_INJUNCTION = [
  'moot-vacated',
  'moot-left-standing',
  'moot-case-dismissed',
  'affirmed',
  'stands',
];
/** Endings whose label says no injunction was entered. */
const NEED_NONE = ['moot-before-relief', 'no-motion'];

const granted = (events: readonly { type: string }[]) =>
  events.some((e) => e.type === 'injunction.granted' || e.type === 'case.judgment');

describe('an ending presupposes only what its path holds', () => {
  test('"its injunction" endings (vacated, left standing, ended with the case) have an injunction in the path', () => {
    const offending = (leaves ?? []).filter(
      (l) => NEED_AN_INJUNCTION.includes(l.ending.id) && !granted(l.events),
    );
    expect(offending.map((l) => `${l.ending.id}: ${l.events.map((e) => e.type).join(' → ')}`)).toEqual([]);
  });

  test('a moot appeal from a denial, and a moot case with no injunction, are endings of their own', () => {
    const seen = new Set((leaves ?? []).map((l) => l.ending.id));
    expect(seen.has('moot-denial-appeal')).toBe(true);
    expect(seen.has('moot-before-relief')).toBe(true);
    const offending = (leaves ?? []).filter((l) => NEED_NONE.includes(l.ending.id) && granted(l.events));
    expect(offending.map((l) => l.ending.id)).toEqual([]);
    // A denial appealed and then mooted: the appeal is from the denial, whatever TRO came before.
    const denialMoot = (leaves ?? []).filter((l) => l.ending.id === 'moot-denial-appeal');
    for (const l of denialMoot) expect(l.events.map((e) => e.type)).toContain('injunction.denied');
  });
});
