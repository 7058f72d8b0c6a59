/**
 * One invented matter written two ways (tests/matter-*.test.ts): a combined log holding both suits (N.D. Cal.
 * and D. Md.), and a log of the N.D. Cal. suit alone that records the D. Md. relief, its stay and its end as
 * events entered elsewhere, with the same ids at the same instants.
 */
import { rangeOf } from '../../src/events/instant.js';
import type { CaseEvent } from '../../src/events/schema.js';
import {
  appealDecided,
  appealNoticed,
  caseDismissed,
  complaint,
  DMD,
  denied,
  event,
  granted,
  identified,
  mandateIssued,
  motion,
  orderSigned,
  stayGranted,
  stayMotion,
} from './case-events.js';

export const MD_APPEAL = 'ca4-20-2222';
export const MD_COURT = 'D. Md.';
const MD_CAPTION = 'Lantern Users Coalition v. President';

/** The N.D. Cal. suit: the order, its identification, the suit, and a PI motion denied there. */
export const ndcal = (): CaseEvent[] => [
  orderSigned(),
  identified(),
  complaint(),
  motion('pi-motion', '2020-09-08'),
  denied('pi-denied', 'pi-motion', '2020-09-18'),
];

export const entered = (
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
export const stayedThere = (id: string, injunction: string, date: string) =>
  event('relief.stayedElsewhere', id, date, { injunction, court: 'Fourth Circuit' });
export const stayLiftedThere = (id: string, stay: string, date: string) =>
  event('relief.stayLiftedElsewhere', id, date, { stay });
export const endedThere = (id: string, injunction: string, date: string, how: 'vacated' | 'dissolved') =>
  event('relief.endedElsewhere', id, date, { injunction, how });

export interface Matter {
  readonly name: string;
  /** The D. Md. suit as the combined log holds it, each event with its mirror in the N.D. Cal. log (or none). */
  readonly md: readonly { readonly held: CaseEvent; readonly mirror?: CaseEvent }[];
}

export const MATTERS: readonly Matter[] = [
  {
    name: 'a PI entered there, stayed by its court of appeals, and reversed (the mandate vacates it)',
    md: [
      { held: complaint('2020-09-03', DMD, MD_COURT) },
      { held: motion('md-pi-motion', '2020-09-10', 'preliminary', DMD) },
      {
        held: granted('md-pi', 'md-pi-motion', '2020-09-19', ['app-store']),
        mirror: entered('md-pi', '2020-09-19', 'preliminary', ['app-store']),
      },
      { held: appealNoticed('md-appeal', 'md-pi', '2020-09-25', MD_APPEAL, 'Fourth Circuit') },
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
      { held: appealNoticed('md-appeal', 'md-pi', '2020-10-03', MD_APPEAL, 'Fourth Circuit') },
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
export function merged(first: readonly CaseEvent[], second: readonly CaseEvent[]): CaseEvent[] {
  const tagged = [...first.map((e) => [0, e] as const), ...second.map((e) => [1, e] as const)];
  return tagged
    .map(([side, e], i) => ({ side, e, i, t: rangeOf(e.at).start }))
    .sort((a, b) => a.t - b.t || a.side - b.side || a.i - b.i)
    .map((x) => x.e);
}

export function logsOf(matter: Matter): { combined: CaseEvent[]; external: CaseEvent[] } {
  const mirrors = matter.md.flatMap((m) => (m.mirror ? [m.mirror] : []));
  return {
    combined: merged(
      ndcal(),
      matter.md.map((m) => m.held),
    ),
    external: merged(ndcal(), mirrors),
  };
}
