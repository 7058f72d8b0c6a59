/** Behaviour: a prohibition's legal effect over time, as intervals read from the machine's effect view. */
import { describe, expect, test } from 'vitest';
import { rangeOf } from '../src/events/instant.js';
import { type CaseEvent, SCHEMA_VERSION } from '../src/events/schema.js';
import { addDays, GRANTING_FINDINGS, STAY_FINDINGS, SYNTHETIC_SOURCE } from '../src/generate/next.js';
import { bindingIntervals, effectIntervals, statusAt } from '../src/replay/intervals.js';

const zone = 'America/New_York';
const day = (n: number) => addDays({ local: '2020-01-01', zone }, n);
const ms = (n: number) => rangeOf(day(n)).start + 12 * 3_600_000;

function ev(n: number, id: string, body: Record<string, unknown>): CaseEvent {
  return {
    id,
    schemaVersion: SCHEMA_VERSION,
    at: day(n),
    knownAt: day(n),
    summary: id,
    sources: [SYNTHETIC_SOURCE],
    ...body,
  } as CaseEvent;
}

const history: CaseEvent[] = [
  ev(0, 'eo', { type: 'order.signed', order: 'eo', title: 'EO', issuer: 'President', authority: [] }),
  ev(1, 'ident', {
    type: 'identification.announced',
    identification: 'ident',
    order: 'eo',
    agency: 'Agency',
    prohibitions: [
      { id: 'store', description: 'store', effective: day(10) },
      { id: 'pay', description: 'pay', effective: day(10) },
    ],
  }),
  ev(2, 'suit', {
    type: 'complaint.filed',
    docket: 'd',
    court: 'D. Ct.',
    caseNumber: '1',
    caseName: 'U v. G',
    plaintiffs: ['U'],
    defendants: ['G'],
    unitedStatesIsParty: true,
    challenges: [],
  }),
  ev(3, 'pi-motion', { type: 'injunction.motionFiled', docket: 'd', relief: 'preliminary', movant: 'U' }),
  ev(12, 'pi', {
    type: 'injunction.granted',
    motion: 'pi-motion',
    scope: { prohibitions: ['store'], defendants: ['G'], nationwide: true },
    findings: GRANTING_FINDINGS,
  }),
  ev(13, 'stay-motion', { type: 'stay.motionFiled', docket: 'd', injunction: 'pi', movant: 'G' }),
  ev(20, 'stay', { type: 'stay.granted', motion: 'stay-motion', findings: STAY_FINDINGS }),
  ev(30, 'revoke', { type: 'order.revoked', order: 'eo', by: 'EO 2' }),
];

describe('effect intervals', () => {
  const intervals = effectIntervals(history);
  const store = intervals.find((p) => p.prohibition === 'store')!;
  const pay = intervals.find((p) => p.prohibition === 'pay')!;

  test('a prohibition is not yet effective before its effective instant, then binds until enjoined', () => {
    expect(statusAt(store, ms(5))).toBe('not-yet-effective');
    expect(statusAt(store, ms(11))).toBe('in-force');
    expect(statusAt(store, ms(15))).toBe('enjoined');
  });

  test('a stay pending appeal puts the enjoined prohibition back in force', () => {
    expect(statusAt(store, ms(25))).toBe('in-force');
  });

  test('revocation of the order ends every prohibition under it', () => {
    expect(statusAt(store, ms(31))).toBe('revoked');
    expect(statusAt(pay, ms(31))).toBe('revoked');
  });

  test('a partial injunction leaves the prohibitions it does not cover in force throughout', () => {
    expect(bindingIntervals(pay)).toHaveLength(1);
    expect(bindingIntervals(store)).toHaveLength(2);
  });

  test('as known earlier, later filings do not count', () => {
    const early = effectIntervals(history, { knownAt: ms(14) });
    const s = early.find((p) => p.prohibition === 'store')!;
    expect(statusAt(s, ms(25))).toBe('enjoined');
    expect(s.intervals.at(-1)?.to).toBeNull();
  });
});
