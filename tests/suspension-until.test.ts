/**
 * Behaviour: an agency suspension binds the agency, and one that names its end (`until`) lapses then on its
 * own, with no event to mark it; a resumption before then ends it sooner.
 */
import { describe, expect, test } from 'vitest';
import { rangeOf } from '../src/events/instant.js';
import type { CaseEvent } from '../src/events/schema.js';
import { effectIntervals } from '../src/replay/intervals.js';
import { caseAt } from '../src/replay/query.js';
import { enforcementResumed, event, identified, orderSigned, PACIFIC } from './support/case-events.js';

const UNTIL = { local: '2020-10-15', zone: PACIFIC };

const suspendedUntil = (date: string) =>
  event('identification.suspended', `suspended-${date}`, date, {
    identification: 'lantern-identification',
    prohibitions: ['app-store'],
    pending: 'the Secretary’s review',
    until: UNTIL,
  });

const noon = (date: string) => rangeOf({ local: date, zone: PACIFIC }).start + 12 * 3_600_000;
const statusAt = (events: readonly CaseEvent[], date: string) =>
  caseAt(events, { at: noon(date) }).effects.find((e) => e.prohibition === 'app-store')?.status;

describe('a suspension with an end', () => {
  const log = [orderSigned(), identified(), suspendedUntil('2020-09-18')];

  test('binds no one until its end: the prohibition is suspended the day before', () => {
    expect(statusAt(log, '2020-10-14')).toBe('suspended');
    expect(caseAt(log, { at: noon('2020-10-14') }).effects[0]?.reason).toMatch(/until 2020-10-15/);
  });

  test('lapses at its end with no event: the prohibition binds from that instant', () => {
    expect(statusAt(log, '2020-10-16')).toBe('in-force');
    const app = effectIntervals(log).find((p) => p.prohibition === 'app-store');
    const inForce = app?.intervals.find((i) => i.status === 'in-force');
    expect(inForce?.from).toBe(rangeOf(UNTIL).start);
  });

  test('ends sooner when enforcement resumes before it', () => {
    const resumed = [...log, enforcementResumed('2020-10-01', ['app-store'])];
    expect(statusAt(resumed, '2020-10-02')).toBe('in-force');
  });

  test('a suspension without an end lasts until enforcement resumes', () => {
    const open = [
      orderSigned(),
      identified(),
      event('identification.suspended', 'suspended', '2020-09-18', {
        identification: 'lantern-identification',
        prohibitions: ['app-store'],
      }),
    ];
    expect(statusAt(open, '2021-06-01')).toBe('suspended');
  });
});

describe('a new suspension after an earlier one has ended by its terms (5 U.S.C. 551(13))', () => {
  const suspendAgain = (date: string, until?: string) =>
    event('identification.suspended', `suspended-again-${date}`, date, {
      identification: 'lantern-identification',
      prohibitions: ['app-store'],
      pending: 'a second review',
      ...(until ? { until: { local: until, zone: PACIFIC } } : {}),
    });
  const first = [orderSigned(), identified(), suspendedUntil('2020-09-18')];

  test('is accepted once the end has passed, with no resumption logged, and binds on its own terms', () => {
    const log = [...first, suspendAgain('2020-10-20', '2020-11-30')];
    const { rejections } = caseAt(log, { at: noon('2020-10-21') });
    expect(rejections).toEqual([]);
    expect(statusAt(log, '2020-10-16')).toBe('in-force');
    expect(statusAt(log, '2020-10-21')).toBe('suspended');
    expect(caseAt(log, { at: noon('2020-10-21') }).effects[0]?.reason).toMatch(
      /suspended-again-2020-10-20.*until 2020-11-30/,
    );
    expect(statusAt(log, '2020-12-01')).toBe('in-force');
  });

  test('is refused while the earlier suspension still binds: the prohibition is already suspended', () => {
    const log = [...first, suspendAgain('2020-10-01')];
    const { rejections } = caseAt(log, { at: noon('2020-10-02') });
    expect(rejections.map((r) => r.rule.name)).toEqual(['suspensionNamesStandingProhibitions']);
  });

  test('one naming no prohibitions leaves a prohibition still suspended on its earlier terms', () => {
    const both = [
      orderSigned(),
      identified(),
      event('identification.suspended', 'suspended-payments', '2020-09-18', {
        identification: 'lantern-identification',
        prohibitions: ['payments'],
        until: { local: '2020-12-31', zone: PACIFIC },
      }),
      event('identification.suspended', 'suspended-all', '2020-10-01', {
        identification: 'lantern-identification',
        until: { local: '2020-10-15', zone: PACIFIC },
      }),
    ];
    const at = (date: string, p: string) =>
      caseAt(both, { at: noon(date) }).effects.find((e) => e.prohibition === p)?.status;
    expect(caseAt(both, { at: noon('2020-10-02') }).rejections).toEqual([]);
    expect(at('2020-10-20', 'app-store')).toBe('in-force');
    expect(at('2020-10-20', 'payments')).toBe('suspended');
  });
});
