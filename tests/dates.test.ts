/**
 * Dates as the record gives them (EDTF): every command counts an uncertain instant by the one rule of
 * `events/instant.ts`, so validate, replay, state, whatif and export give one answer. The two logs here are
 * the examples of issue 12, each of which made two commands disagree.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countedBy, countingMoments } from '../src/events/instant.js';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { effectIntervals, statusAt } from '../src/replay/intervals.js';
import { caseAt } from '../src/replay/query.js';
import { isoDay } from '../web/src/format.js';
import { buildStops } from '../web/src/model.js';
import { complaint, granted, identified, motion, orderSigned, PACIFIC } from './support/case-events.js';
import { cli } from './support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'casesim-dates-'));

function writeLog(name: string, events: readonly CaseEvent[]): string {
  const file = path.join(dir, `${name}.jsonl`);
  writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  return file;
}

const dated = (event: CaseEvent, local: string): CaseEvent => {
  const at: Instant = { local, zone: PACIFIC };
  return { ...event, at, knownAt: at };
};

/** A PI motion the record dates only to September, ruled on the 19th. */
const monthDatedMotion = [
  orderSigned(),
  identified(),
  complaint(),
  dated(motion('pi-motion', '2020-09-08'), '2020-09'),
  granted('pi', 'pi-motion', '2020-09-19'),
];

/** A PI granted on the day the prohibitions take effect at 23:59 ET, the record giving only the day. */
const dayDatedRuling = [
  orderSigned(),
  identified(),
  complaint(),
  motion('pi-motion', '2020-09-08'),
  granted('pi', 'pi-motion', '2020-09-20'),
];

interface StateJson {
  eventsCounted: number;
  effects: { prohibition: string; status: string }[];
  rejections: unknown[];
}

async function stateAt(log: string, at: string): Promise<StateJson & { code: number }> {
  const run = await cli('state', log, '--at', at, '--json');
  expect(run.err).toBe('');
  return { ...(JSON.parse(run.out) as StateJson), code: run.code };
}

describe('a motion dated only to the month, ruled on a day of that month', () => {
  const log = writeLog('month-dated-motion', monthDatedMotion);

  it('is valid, and `state --at` any day of the month counts it without rejecting the ruling', async () => {
    expect((await cli('validate', log)).code).toBe(0);
    for (const day of ['2020-09-02', '2020-09-10', '2020-09-19', '2020-09-19T12:00', '2020-09-30']) {
      const state = await stateAt(log, day);
      expect(state.code, day).toBe(0);
      expect(state.rejections, day).toEqual([]);
    }
  });

  it('counts the motion from the first moment of its month, but never before the event logged before it', () => {
    const moments = countingMoments(monthDatedMotion);
    expect(moments[3]).toBe(moments[2]); // the complaint (3 Sept) comes first in the log: the motion follows it
    expect(countedBy(monthDatedMotion, moments[2]!).map((e) => e.id)).toContain('pi-motion');
  });
});

describe('a ruling dated only to the day on which the prohibitions take effect at 23:59 ET', () => {
  const log = writeLog('day-dated-ruling', dayDatedRuling);

  it('counts from the first moment of its day, so `state` at 23:59:30 ET finds the prohibitions enjoined', async () => {
    const state = await stateAt(log, '2020-09-20T23:59:30-04:00');
    expect(state.code).toBe(0);
    expect(state.effects.map((e) => e.status)).toEqual(['enjoined', 'enjoined']);
  });

  it('replays with the effective instant after the ruling, nothing taking effect: the same answer', async () => {
    const run = await cli('replay', log, '--json');
    const timeline = JSON.parse(run.out).timeline as { kind: string; effects?: { status: string }[] }[];
    const due = timeline.find((e) => e.kind === 'effective-date');
    expect(timeline.indexOf(due!)).toBe(timeline.length - 1);
    expect(due?.effects?.map((e) => e.status)).toEqual(['enjoined', 'enjoined']);
  });

  it('exports no "in force" era: the prohibitions never bound anyone', async () => {
    const run = await cli('export', log);
    const eras = JSON.parse(run.out).eras as { text: { headline: string } }[];
    expect(eras.map((e) => e.text.headline)).toEqual(['Enjoined: app-store, payments']);
  });

  it('before that day, `state` finds the motion pending and the prohibitions not yet effective', async () => {
    const state = await stateAt(log, '2020-09-19T23:00');
    expect(state.effects.map((e) => e.status)).toEqual(['not-yet-effective', 'not-yet-effective']);
  });
});

describe('dates the record bounds or doubts (EDTF)', () => {
  const forms: [string, string][] = [
    ['uncertain day', '2020-09-19?'],
    ['approximate month', '2020-09~'],
    ['one of a span of days', '[2020-09-18..2020-09-19]'],
    ['no later than', '../2020-09-19'],
    ['an interval', '2020-09-18/2020-09-19'],
  ];
  it.each(forms)(
    'a ruling dated as %s (%s) validates, replays and is counted by `state`',
    async (_, local) => {
      const log = writeLog(`ruling-${local.replace(/\W/g, '_')}`, [
        ...dayDatedRuling.slice(0, 4),
        dated(granted('pi', 'pi-motion', '2020-09-19'), local),
      ]);
      expect((await cli('validate', log)).code).toBe(0);
      expect((await cli('replay', log)).code).toBe(0);
      const state = await stateAt(log, '2020-09-21');
      expect(state.eventsCounted).toBe(5);
      expect(state.effects.map((e) => e.status)).toEqual(['enjoined', 'enjoined']);
    },
  );

  it('rejects a span that ends before it begins, saying which event and why', async () => {
    const log = writeLog('backwards', [
      ...dayDatedRuling.slice(0, 4),
      dated(granted('pi', 'pi-motion', '2020-09-19'), '2020-09-19/2020-09-18'),
    ]);
    const run = await cli('validate', log);
    expect(run.code).toBe(1);
    expect(`${run.out}${run.err}`).toMatch(/backwards.jsonl:5: event pi: at.local: .*ends before it begins/);
  });

  it('counts an order and identification dated "no later than" from the open start, in state and intervals alike', () => {
    const openStart = [
      dated(orderSigned(), '../2020-08-06'),
      dated(identified(), '../2020-09-01'),
      complaint(),
    ];
    const before = Date.parse('2020-01-01T00:00:00Z');
    const state = caseAt(openStart, { at: before });
    expect(state.events.map((e) => e.id)).toEqual(['eo-signed', 'identified']);
    const fromIntervals = effectIntervals(openStart).map((p) => statusAt(p, before));
    expect(fromIntervals).toEqual(state.effects.map((e) => e.status));
    expect(fromIntervals).toEqual(['not-yet-effective', 'not-yet-effective']);
  });

  it('gives the page a stop for every event, showing what `state --at` shows there, an open start included', () => {
    const log = [
      dated(orderSigned(), '../2020-08-06'),
      identified(),
      complaint(),
      dated(motion('pi-motion', '2020-09-08'), '2020-09'),
    ];
    const stops = buildStops(log);
    expect(stops.filter((s) => s.kind === 'event').map((s) => s.kind === 'event' && s.event.id)).toEqual(
      log.map((e) => e.id),
    );
    for (const stop of stops) expect(stop.effects).toEqual(caseAt(log, { at: stop.t }).effects);
    expect(isoDay(stops[0]!.t, PACIFIC)).toBe('');
  });
});
