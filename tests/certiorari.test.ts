/**
 * Review on certiorari, read as the rules: the time to petition (28 U.S.C. 2101(c); S. Ct. R. 13), a
 * petition holding a stayed mandate until the Supreme Court disposes of it (FRAP 41(d)(2)(B), (d)(4) as in
 * force in 2020), the grant, the decision and the judgment sent down (S. Ct. R. 45.2-45.3), the Supreme
 * Court's stay pending certiorari ending then (28 U.S.C. 2101(f)), and what the machine reads on the
 * unsettled point of a lower court's stay pending appeal once the mandate issues (stayPendingCertiorari).
 * The case is the invented Lantern case of the other scenario tests.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent, EventType } from '../src/events/schema.js';
import { STAY_FINDINGS } from '../src/generate/next.js';
import { ruleMeta } from '../src/machine/rules.js';
import {
  appealDecided,
  appealNoticed,
  enjoined,
  event,
  mandateIssued,
  NDCAL,
  stayMotion,
} from './support/case-events.js';
import { cli } from './support/cli.js';
import { given } from './support/given.js';

const APPEAL = 'ca9-20-77777';
const onAppeal = (type: EventType, id: string, date: string, fields: Record<string, unknown> = {}) =>
  event(type, id, date, { appealDocket: APPEAL, ...fields } as never);

const petition = (date: string, fields: Record<string, unknown> = {}) =>
  onAppeal('certiorari.petitioned', 'cert-petition', date, {
    docket: 'scotus-20-1234',
    petitioner: 'United States',
    ...fields,
  });
const certGranted = (date: string) => onAppeal('certiorari.granted', 'cert-granted', date);
const certDenied = (date: string, fields: Record<string, unknown> = {}) =>
  onAppeal('certiorari.denied', 'cert-denied', date, fields);
const certDecided = (date: string, disposition: 'affirmed' | 'reversed' | 'vacated') =>
  onAppeal('certiorari.decided', 'cert-decided', date, { disposition });
const judgmentSent = (date: string, forthwith = false) =>
  onAppeal('certiorari.judgmentSent', 'cert-judgment', date, { forthwith });
const forthwith = (date: string) => ({ ...mandateIssued(date), forthwith: true }) as CaseEvent;

/** A Supreme Court stay applied for on 22 Oct 2020 and granted on 2 Nov, without reasons (S. Ct. R. 23). */
const scotusStay = (prohibitions?: string[]) => [
  event('stay.applicationFiled', 'scotus-application', '2020-10-22', {
    docket: 'scotus-20a77',
    injunction: 'pi-granted',
    appealDocket: APPEAL,
    applicant: 'United States',
  }),
  event('stay.applicationGranted', 'scotus-stay', '2020-11-02', {
    motion: 'scotus-application',
    ...(prohibitions ? { prohibitions } : {}),
    findings: { certiorari: 'not-stated', reversal: 'not-stated', irreparableHarm: 'not-stated' },
  }),
];

/** The PI appealed, and the Ninth Circuit's decision entered on 28 Jan 2021. */
const decided = (disposition: 'affirmed' | 'reversed' | 'vacated' = 'reversed') => [
  ...enjoined(),
  appealNoticed('appeal', 'pi-granted', '2020-10-01'),
  appealDecided('2021-01-28', disposition),
];

/** ... and the mandate stayed pending certiorari on 10 March 2021 (FRAP 41(d)(1)). */
const mandateStayed = (disposition: 'affirmed' | 'reversed' | 'vacated' = 'reversed') => [
  ...decided(disposition),
  onAppeal('appeal.mandateStayMotionFiled', 'mandate-stay-motion', '2021-03-01', { movant: 'Users' }),
  onAppeal('appeal.mandateStayGranted', 'mandate-stayed', '2021-03-10', {
    substantialQuestion: true,
    goodCause: true,
  }),
];

describe('the time to petition for certiorari (28 U.S.C. 2101(c); S. Ct. R. 13.1, 13.3, 13.5)', () => {
  it('is 90 days after entry of the judgment: the 90th day is in time, the 91st is not', () => {
    given(decided()).when(petition('2021-04-28')).thenAccepted();
    given(decided()).when(petition('2021-04-29')).thenRejectedBy('certiorariPetitionTimely');
  });

  it('a Justice may extend it by up to 60 days', () => {
    given(decided())
      .when(petition('2021-05-20', { timeExtendedDays: 30 }))
      .thenAccepted();
  });

  it('runs from the denial of a timely petition for rehearing, not from the judgment', () => {
    const rehearingDenied = [
      ...decided(),
      onAppeal('appeal.rehearingSought', 'rehearing', '2021-02-10', { petitioner: 'Users' }),
      onAppeal('appeal.rehearingDenied', 'rehearing-denied', '2021-05-01'),
    ];
    given(rehearingDenied).when(petition('2021-07-20')).thenAccepted();
  });

  it('asks to review a decided appeal, once, and not after certiorari was denied', () => {
    given(decided().slice(0, -1))
      .when(petition('2021-01-20'))
      .thenRejectedBy('petitionReviewsADecidedAppeal');
    given([...decided(), petition('2021-03-01')])
      .when(
        onAppeal('certiorari.petitioned', 'again', '2021-03-02', { docket: 'scotus-20-9', petitioner: 'X' }),
      )
      .thenRejectedBy('petitionReviewsADecidedAppeal');
    given([...decided(), certDenied('2021-03-01')])
      .when(petition('2021-03-02'))
      .thenRejectedBy('petitionReviewsADecidedAppeal');
  });
});

describe('a petition filed within a stay of the mandate holds it until the Supreme Court disposes of it (FRAP 41(d)(2)(B)(ii), (d)(4), 2020)', () => {
  const petitioned = () => [...mandateStayed(), petition('2021-04-20')];

  it('past 90 days, and even forthwith, the mandate is refused while the petition is pending', () => {
    given(petitioned()).when(mandateIssued('2021-06-10')).thenRejectedBy('mandateStayRunOut');
    given(petitioned()).when(forthwith('2021-06-10')).thenRejectedBy('mandateStayRunOut');
  });

  it('without a petition the stay runs out after 90 days, as before', () => {
    given(mandateStayed()).when(mandateIssued('2021-06-10')).thenAccepted();
  });

  it('a petition filed only after the 90 days ran out does not revive the stay', () => {
    const late = [...mandateStayed(), petition('2021-06-20', { timeExtendedDays: 60 })];
    given(late).when(mandateIssued('2021-06-21')).thenAccepted();
  });

  it('denied, the mandate issues at once, and the reversal then ends the injunction', () => {
    const denied = [...petitioned(), certDenied('2021-10-04')];
    const issued = given(denied).when(mandateIssued('2021-10-04')).thenAccepted();
    expect(issued.stateOf('injunction', 'pi-granted')).toBe('vacated');
    expect(issued.stateOf('certiorari', APPEAL)).toBe('denied');
  });

  it('granted, the mandate waits for the judgment sent down; a Supreme Court reversal of the reversal leaves the injunction standing', () => {
    const reversedAbove = [
      ...petitioned(),
      certGranted('2021-06-01'),
      certDecided('2022-01-10', 'reversed'),
      judgmentSent('2022-02-11'),
    ];
    given(reversedAbove.slice(0, -1)).when(mandateIssued('2022-01-20')).thenRejectedBy('mandateStayRunOut');
    const issued = given(reversedAbove).when(mandateIssued('2022-02-11')).thenAccepted();
    expect(issued.stateOf('injunction', 'pi-granted')).toBe('in-force');
  });

  it('affirmed by the Supreme Court, the reversal below stands and the mandate ends the injunction', () => {
    const affirmedAbove = [
      ...petitioned(),
      certGranted('2021-06-01'),
      certDecided('2022-01-10', 'affirmed'),
      judgmentSent('2022-02-11'),
    ];
    const issued = given(affirmedAbove).when(mandateIssued('2022-02-11')).thenAccepted();
    expect(issued.stateOf('injunction', 'pi-granted')).toBe('vacated');
  });
});

describe('the Supreme Court grants, decides, and sends its judgment down (28 U.S.C. 1254(1); S. Ct. R. 16, 45.2-45.3)', () => {
  const petitioned = () => [...decided(), petition('2021-03-01')];

  it('acts in order on a petition in the log: no grant without a petition, no decision without a grant, no judgment before a decision', () => {
    given(decided()).when(certGranted('2021-03-01')).thenRejectedBy('certiorariInOrder');
    given(petitioned()).when(certDecided('2021-06-01', 'affirmed')).thenRejectedBy('certiorariInOrder');
    given([...petitioned(), certGranted('2021-06-01')])
      .when(judgmentSent('2021-07-01', true))
      .thenRejectedBy('certiorariInOrder');
  });

  it('names the petition’s own docket', () => {
    given(petitioned())
      .when(onAppeal('certiorari.granted', 'cert-granted', '2021-06-01', { docket: 'scotus-20-9999' }))
      .thenRejectedBy('petitionDocketMatches');
  });

  it('sends its judgment down 32 days after entering it, or sooner if it so orders', () => {
    const decidedAbove = [...petitioned(), certGranted('2021-06-01'), certDecided('2022-01-10', 'affirmed')];
    given(decidedAbove).when(judgmentSent('2022-02-10')).thenRejectedBy('judgmentSentInTime');
    given(decidedAbove).when(judgmentSent('2022-02-11')).thenAccepted();
    given(decidedAbove).when(judgmentSent('2022-01-11', true)).thenAccepted();
  });
});

describe('a denial of certiorari with or without the petition in the log (denialAnswersThePetition)', () => {
  it('is accepted with no petition recorded: logs that record only the denial still replay', () => {
    given(decided()).when(certDenied('2021-03-01')).thenAccepted();
  });

  it('answers the petition where the log records one: its docket, and only while it is pending', () => {
    const petitioned = [...decided(), petition('2021-03-01')];
    given(petitioned)
      .when(certDenied('2021-06-01', { docket: 'scotus-20-9999' }))
      .thenRejectedBy('denialAnswersThePetition');
    const denied = given(petitioned)
      .when(certDenied('2021-06-01', { docket: 'scotus-20-1234' }))
      .thenAccepted();
    expect(denied.stateOf('certiorari', APPEAL)).toBe('denied');
    given([...petitioned, certGranted('2021-06-01')])
      .when(certDenied('2021-06-02'))
      .thenRejectedBy('denialAnswersThePetition');
  });

  it('says in its rule text that no petition is required, and why', () => {
    expect(ruleMeta('denialAnswersThePetition').explanation).toContain('does not require the petition');
  });
});

describe('a Supreme Court stay pending certiorari ends when, certiorari granted, the judgment is sent down (28 U.S.C. 2101(f); S. Ct. R. 23, 45.3)', () => {
  /** The court of appeals refused a stay; the Supreme Court granted one; the Ninth Circuit affirmed and its mandate issued. */
  const scotusStayedAfterMandate = () => [
    ...enjoined(),
    appealNoticed('appeal', 'pi-granted', '2020-10-01'),
    stayMotion('ca9-stay', 'pi-granted', '2020-10-02', APPEAL, 'impracticable'),
    event('stay.denied', 'ca9-stay-denied', '2020-10-20', { motion: 'ca9-stay' }),
    ...scotusStay(),
    appealDecided('2021-01-28', 'affirmed'),
    mandateIssued('2021-03-22'),
    petition('2021-04-20', { petitioner: 'United States' }),
  ];
  const grantedAndDecided = (disposition: 'affirmed' | 'reversed' | 'vacated') => [
    ...scotusStayedAfterMandate(),
    certGranted('2021-06-01'),
    certDecided('2022-01-10', disposition),
  ];

  it('an application for a stay pending certiorari is neither filed nor granted once certiorari is denied (reviewStillPending)', () => {
    const history = scotusStayedAfterMandate();
    const at = history.findIndex((e) => e.id === 'scotus-application');
    const [application, grant] = history.slice(at, at + 2) as [CaseEvent, CaseEvent];
    const refusedBelow = history.slice(0, at);
    const deniedFirst = [...refusedBelow, appealDecided('2020-10-21', 'affirmed'), certDenied('2020-10-21')];
    given(deniedFirst).when(application).thenRejectedBy('reviewStillPending');
    // Filed while review was still to come, the application is not granted after the denial.
    const filed = [
      ...refusedBelow,
      appealDecided('2020-10-21', 'affirmed'),
      application,
      certDenied('2020-10-25'),
    ];
    given(filed).when(grant).thenRejectedBy('reviewStillPending');
  });

  it('the grant and the decision leave the stay in force and the injunction suspended', () => {
    const granted = given(scotusStayedAfterMandate()).when(certGranted('2021-06-01')).thenAccepted();
    expect(granted.stateOf('stay', 'scotus-stay')).toBe('in-force');
    const decidedAbove = given(grantedAndDecided('reversed').slice(0, -1))
      .when(certDecided('2022-01-10', 'reversed'))
      .thenAccepted();
    expect(decidedAbove.stateOf('injunction', 'pi-granted')).toBe('stayed');
  });

  it('reversing a judgment that affirmed the injunction, the judgment sent down ends the stay and vacates the injunction', () => {
    const sent = given(grantedAndDecided('reversed')).when(judgmentSent('2022-02-11')).thenAccepted();
    expect(sent.stateOf('stay', 'scotus-stay')).toBe('ended');
    expect(sent.stateOf('injunction', 'pi-granted')).toBe('vacated');
    expect(sent.stateOf('certiorari', APPEAL)).toBe('judgment-sent');
  });

  it('affirming, the judgment sent down ends the stay and the injunction binds again', () => {
    const sent = given(grantedAndDecided('affirmed')).when(judgmentSent('2022-02-11')).thenAccepted();
    expect(sent.stateOf('stay', 'scotus-stay')).toBe('ended');
    expect(sent.stateOf('injunction', 'pi-granted')).toBe('in-force');
  });

  it('vacating, the stay ends and the injunction is left to the courts below (remand not modelled)', () => {
    const sent = given(grantedAndDecided('vacated')).when(judgmentSent('2022-02-11')).thenAccepted();
    expect(sent.stateOf('stay', 'scotus-stay')).toBe('ended');
    expect(sent.stateOf('injunction', 'pi-granted')).toBe('in-force');
    expect(ruleMeta('supremeCourtUndoesInjunction').explanation).toContain('Not modelled');
  });
});

describe('a stay pending appeal ends with the mandate even while a Supreme Court stay holds (stayPendingCertiorari: unsettled, and the reading the machine takes)', () => {
  /** The district court stays the PI as to app stores only; the Ninth Circuit refuses more; the Supreme Court stays payments. */
  const twoStays = () => [
    ...enjoined(),
    appealNoticed('appeal', 'pi-granted', '2020-10-01'),
    stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL),
    event('stay.granted', 'district-stay-granted', '2020-10-09', {
      motion: 'district-stay',
      prohibitions: ['app-store'],
      findings: STAY_FINDINGS,
    }),
    stayMotion('ca9-stay', 'pi-granted', '2020-10-12', APPEAL, 'district-failed-to-afford-relief'),
    event('stay.denied', 'ca9-stay-denied', '2020-10-20', { motion: 'ca9-stay' }),
    ...scotusStay(['payments']),
    appealDecided('2021-01-28', 'affirmed'),
  ];

  it('the mandate ends the district court’s stay, while the Supreme Court’s stay keeps the injunction suspended as to what it covers', () => {
    const issued = given(twoStays()).when(mandateIssued('2021-03-22')).thenAccepted();
    expect(issued.stateOf('stay', 'district-stay-granted')).toBe('ended');
    expect(issued.stateOf('stay', 'scotus-stay')).toBe('in-force');
    expect(issued.stateOf('injunction', 'pi-granted')).toBe('stayed');
    expect(issued.statusesAt('2021-03-23')['app-store']).toBe('enjoined');
    expect(issued.statusesAt('2021-03-23').payments).not.toBe('enjoined');
  });

  it('says in its rule text that the point is unsettled, and which reading it takes', () => {
    const text = ruleMeta('stayPendingCertiorari').explanation;
    expect(text).toContain('Unsettled');
    expect(text).toContain('a stay pending appeal ends when the mandate issues');
  });
});

describe('casesim explain teaches review on certiorari', () => {
  it('has a certiorari topic naming the new events, citing S. Ct. R. 45.3, and saying what is unsettled', async () => {
    const { code, out } = await cli('explain', 'certiorari');
    expect(code).toBe(0);
    expect(out).toContain('certiorari (doctrine)');
    for (const kind of [
      'certiorari.petitioned',
      'certiorari.granted',
      'certiorari.decided',
      'certiorari.judgmentSent',
    ])
      expect(out).toContain(kind);
    expect(out).toContain('45.2-45.3');
    expect(out).toContain('Unsettled');
  });

  it.each([
    ['certiorari.petitioned', 'certiorariPetitionTimely'],
    ['certiorari.granted', 'certiorariInOrder'],
    ['certiorari.decided', 'certiorariInOrder'],
    ['certiorari.judgmentSent', 'judgmentSentInTime'],
    ['certiorari.denied', 'denialAnswersThePetition'],
  ])('explains the event kind %s with its rule %s', async (kind, rule) => {
    const { code, out } = await cli('explain', kind);
    expect(code).toBe(0);
    expect(out).toContain(rule);
  });

  it('no longer says that petitions are not recorded', async () => {
    const { out } = await cli('explain', 'reliefPendingReview');
    expect(out).not.toContain('Petitions for certiorari are not recorded');
  });
});
