/**
 * Behaviour: relief entered in a case the log does not hold counts exactly as if that case were in the log.
 * Each pair below is one matter written twice: a combined log holding both suits (N.D. Cal. and D. Md.),
 * and a log of the N.D. Cal. suit alone that records the D. Md. relief, its stay and its end as events
 * entered elsewhere, with the same ids at the same instants. `state --at` must answer alike at every instant.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { countingMoments, latestOf, rangeOf } from '../src/events/instant.js';
import type { CaseEvent } from '../src/events/schema.js';
import { datedEffects, effectIntervals } from '../src/replay/intervals.js';
import { caseAt } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';
import {
  appealDecided,
  appealNoticed,
  caseDismissed,
  complaint,
  DMD,
  denied,
  EFFECTIVE,
  event,
  granted,
  identified,
  mandateIssued,
  motion,
  orderSigned,
  stayGranted,
  stayMotion,
} from './support/case-events.js';
import { cli } from './support/cli.js';

const MD_APPEAL = 'ca4-20-2222';
const MD_COURT = 'D. Md.';
const MD_CAPTION = 'Lantern Users Coalition v. President';

/** The N.D. Cal. suit: the order, its identification, the suit, and a PI motion denied there. */
const ndcal = (): CaseEvent[] => [
  orderSigned(),
  identified(),
  complaint(),
  motion('pi-motion', '2020-09-08'),
  denied('pi-denied', 'pi-motion', '2020-09-18'),
];

const entered = (
  id: string,
  date: string,
  relief: 'tro' | 'preliminary',
  prohibitions: string[],
  expires?: CaseEvent['at'],
) =>
  event('relief.enteredElsewhere', id, date, {
    court: MD_COURT,
    docket: DMD,
    caseNumber: '8:20-cv-1111',
    caption: MD_CAPTION,
    relief,
    scope: { prohibitions, defendants: ['President', 'Secretary of Commerce'], nationwide: true },
    ...(expires ? { expires } : {}),
  });
const stayedThere = (id: string, injunction: string, date: string) =>
  event('relief.stayedElsewhere', id, date, { injunction, court: 'Fourth Circuit' });
const stayLiftedThere = (id: string, stay: string, date: string) =>
  event('relief.stayLiftedElsewhere', id, date, { stay });
const endedThere = (id: string, injunction: string, date: string, how: 'vacated' | 'dissolved') =>
  event('relief.endedElsewhere', id, date, { injunction, how });

interface Matter {
  readonly name: string;
  /** The D. Md. suit as the combined log holds it, each event with its mirror in the N.D. Cal. log (or none). */
  readonly md: readonly { readonly held: CaseEvent; readonly mirror?: CaseEvent }[];
}

const MATTERS: readonly Matter[] = [
  {
    name: 'a PI entered there, stayed by its court of appeals, and reversed (the mandate vacates it)',
    md: [
      { held: complaint('2020-09-03', DMD, MD_COURT) },
      { held: motion('md-pi-motion', '2020-09-10', 'preliminary', DMD) },
      {
        held: granted('md-pi', 'md-pi-motion', '2020-09-19', ['app-store']),
        mirror: entered('md-pi', '2020-09-19', 'preliminary', ['app-store']),
      },
      { held: appealNoticed('md-appeal', 'md-pi', '2020-09-25', MD_APPEAL) },
      { held: stayMotion('md-stay-motion', 'md-pi', '2020-09-28', DMD) },
      {
        held: stayGranted('md-stay', 'md-stay-motion', '2020-10-05'),
        mirror: stayedThere('md-stay', 'md-pi', '2020-10-05'),
      },
      { held: appealDecided('2020-11-02', 'reversed', MD_APPEAL) },
      {
        held: mandateIssued('2021-01-05', MD_APPEAL),
        mirror: endedThere('mandate-2021-01-05', 'md-pi', '2021-01-05', 'vacated'),
      },
    ],
  },
  {
    name: 'a TRO that lapses, a PI stayed and then affirmed (the stay ends), and the case dismissed',
    md: [
      { held: complaint('2020-09-03', DMD, MD_COURT) },
      { held: motion('md-tro-motion', '2020-09-15', 'tro', DMD) },
      {
        held: granted('md-tro', 'md-tro-motion', '2020-09-18', ['app-store', 'payments'], {
          local: '2020-10-02',
          zone: 'America/New_York',
        }),
        mirror: entered('md-tro', '2020-09-18', 'tro', ['app-store', 'payments'], {
          local: '2020-10-02',
          zone: 'America/New_York',
        }),
      },
      { held: motion('md-pi-motion', '2020-09-20', 'preliminary', DMD) },
      {
        held: granted('md-pi', 'md-pi-motion', '2020-10-01', ['payments']),
        mirror: entered('md-pi', '2020-10-01', 'preliminary', ['payments']),
      },
      { held: appealNoticed('md-appeal', 'md-pi', '2020-10-03', MD_APPEAL) },
      { held: stayMotion('md-stay-motion', 'md-pi', '2020-10-04', DMD) },
      {
        held: stayGranted('md-stay', 'md-stay-motion', '2020-10-10'),
        mirror: stayedThere('md-stay', 'md-pi', '2020-10-10'),
      },
      { held: appealDecided('2020-11-02', 'affirmed', MD_APPEAL) },
      {
        held: mandateIssued('2021-01-05', MD_APPEAL),
        mirror: stayLiftedThere('mandate-2021-01-05', 'md-stay', '2021-01-05'),
      },
      {
        held: caseDismissed('2021-02-01', 'voluntary', DMD),
        mirror: endedThere(`dismissed-${DMD}`, 'md-pi', '2021-02-01', 'dissolved'),
      },
    ],
  },
];

/** Two logs merged by the day their events count, `first` ahead of `second` within a day. */
function merged(first: readonly CaseEvent[], second: readonly CaseEvent[]): CaseEvent[] {
  const tagged = [...first.map((e) => [0, e] as const), ...second.map((e) => [1, e] as const)];
  return tagged
    .map(([side, e], i) => ({ side, e, i, t: rangeOf(e.at).start }))
    .sort((a, b) => a.t - b.t || a.side - b.side || a.i - b.i)
    .map((x) => x.e);
}

function logsOf(matter: Matter): { combined: CaseEvent[]; external: CaseEvent[] } {
  const mirrors = matter.md.flatMap((m) => (m.mirror ? [m.mirror] : []));
  return {
    combined: merged(
      ndcal(),
      matter.md.map((m) => m.held),
    ),
    external: merged(ndcal(), mirrors),
  };
}

/** What `casesim state --at` answers at epoch `t`: each prohibition's effect, dated as the command dates it. */
function stateAnswer(events: readonly CaseEvent[], t: number) {
  const result = caseAt(events, { at: t });
  return datedEffects(result.effects, effectIntervals(result.events), t);
}

/** Every instant a change can happen at, with the moments either side, and the ends of each event's day. */
function instantsToAsk(events: readonly CaseEvent[]): number[] {
  const points = new Set<number>();
  for (const t of countingMoments(events)) for (const d of [-1, 0, 1]) points.add(t + d);
  for (const e of events) {
    const end = latestOf(e.at);
    for (const d of [-1, 0]) points.add(end + d);
  }
  for (const d of [-1, 0, 1]) points.add(rangeOf(EFFECTIVE).start + d);
  return [...points].filter(Number.isFinite).sort((a, b) => a - b);
}

describe.each(MATTERS)('relief entered elsewhere: $name', (matter) => {
  const { combined, external } = logsOf(matter);

  test('both logs replay with no rejection', () => {
    expect(replayAll(combined).rejections).toEqual([]);
    expect(replayAll(external).rejections).toEqual([]);
  });

  test('state --at answers alike at every event instant, the moments either side, and each day end', () => {
    for (const t of instantsToAsk([...combined, ...external]))
      expect(stateAnswer(external, t), new Date(t).toISOString()).toEqual(stateAnswer(combined, t));
  });

  propTest.prop([fc.integer({ min: Date.UTC(2020, 7, 1), max: Date.UTC(2021, 2, 1) })], { numRuns: 60 })(
    'state --at answers alike at any instant',
    (t) => {
      expect(stateAnswer(external, t)).toEqual(stateAnswer(combined, t));
    },
  );

  test('the CLI prints the same effects for both logs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casesim-matter-'));
    const writeLog = (name: string, events: readonly CaseEvent[]) => {
      const file = path.join(dir, name);
      writeFileSync(file, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
      return file;
    };
    try {
      const a = writeLog('combined.jsonl', combined);
      const b = writeLog('external.jsonl', external);
      for (const at of ['2020-09-21', '2020-10-06', '2020-12-01', '2021-01-06', '2021-02-02']) {
        const one = await cli('state', a, '--at', at, '--json');
        const two = await cli('state', b, '--at', at, '--json');
        expect([one.code, two.code]).toEqual([0, 0]);
        expect(JSON.parse(two.out).effects).toEqual(JSON.parse(one.out).effects);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('relief entered elsewhere is refused where', () => {
  const { external } = logsOf(MATTERS[0]!);

  test('the log holds the case it names (its own grant is the record): rule reliefCaseNotInLog', () => {
    const log = [...ndcal(), complaint('2020-09-03', DMD, MD_COURT)];
    const again = entered('md-pi', '2020-09-19', 'preliminary', ['app-store']);
    const { rejections } = replayAll(merged(log, [again]));
    expect(rejections.map((r) => r.rule.name)).toEqual(['reliefCaseNotInLog']);
  });

  test('a stay names relief that is not recorded as entered elsewhere: rule externalReliefStands', () => {
    const { rejections } = replayAll([...external, stayedThere('late-stay', 'pi-denied', '2021-02-01')]);
    expect(rejections.map((r) => r.rule.name)).toEqual(['externalReliefStands']);
  });

  test('a stay is lifted that is no longer in force: rule externalStayInForce', () => {
    const { rejections } = replayAll([...external, stayLiftedThere('late-lift', 'md-stay', '2021-02-01')]);
    expect(rejections.map((r) => r.rule.name)).toEqual(['externalStayInForce']);
  });
});
