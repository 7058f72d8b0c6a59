/**
 * The remedies issue 10 found missing, read as the rules: relief against an executive order itself, before
 * and without any agency identification. Each rule cites its authority; the case is the invented Lantern
 * case of the other scenario tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, EventType } from '../src/events/schema.js';
import { GRANTING_FINDINGS } from '../src/generate/next.js';
import {
  appealDecided,
  appealNoticed,
  complaint,
  DMD,
  denied,
  enjoined,
  event,
  mandateIssued,
  motion,
  NDCAL,
  orderRevoked,
  stayGranted,
  stayMotion,
  suitWithPendingMotion,
} from './support/case-events.js';
import { cli } from './support/cli.js';
import { given } from './support/given.js';

const SIGNED: { local: string; zone: string } = { local: '2020-08-06', zone: 'America/New_York' };

/** An order that prohibits by its own force: two sections, each in force from signature. */
const selfExecutingOrder = () =>
  event('order.signed', 'eo-signed', '2020-08-06', {
    order: 'eo-4242',
    title: 'Suspending Entry of Lantern Engineers',
    issuer: 'President',
    authority: [],
    provisions: [
      {
        id: 'eo-4242-sec-3c',
        section: '3(c)',
        description: 'entry suspended for 90 days',
        effective: SIGNED,
      },
      {
        id: 'eo-4242-sec-5a',
        section: '5(a)',
        description: 'admissions suspended for 120 days',
        effective: SIGNED,
      },
    ],
  });

/** A TRO against named sections of the order, after notice and an adversary hearing, with no expiry. */
const troAgainstSections = (fields: Record<string, unknown> = {}) =>
  ({
    ...event('injunction.granted', 'tro', '2020-09-04', {
      motion: 'tro-motion',
      scope: {
        prohibitions: ['eo-4242-sec-3c', 'eo-4242-sec-5a'],
        defendants: ['President', 'Secretary of Homeland Security'],
        nationwide: true,
      },
      findings: GRANTING_FINDINGS,
      notice: true,
      adversaryHearing: true,
    }),
    ...fields,
  }) as CaseEvent;

const suitAgainstTheOrder = (): CaseEvent[] => [
  selfExecutingOrder(),
  complaint('2020-09-01'),
  motion('tro-motion', '2020-09-01', 'tro'),
];

describe('relief against an executive order itself, before any identification (FRCP 65(d)(1); Washington v. Trump, W.D. Wash. TRO of 3 Feb 2017)', () => {
  it('an order that prohibits by its own force puts each of its sections in the record, in force from signature', () => {
    const signed = given([]).when(selfExecutingOrder()).thenAccepted();
    expect(signed.stateOf('prohibition', 'eo-4242-sec-3c')).toBe('scheduled');
    expect(signed.statusesAt('2020-08-07')).toEqual({
      'eo-4242-sec-3c': 'in-force',
      'eo-4242-sec-5a': 'in-force',
    });
    expect(signed.effectsAt('2020-08-07')['eo-4242-sec-3c']?.section).toBe('3(c)');
  });

  it('a section id that another prohibition already has is refused (provisionsAreNew)', () => {
    const twice = {
      ...selfExecutingOrder(),
      id: 'eo-2-signed',
      order: 'eo-2',
    } as CaseEvent;
    given([selfExecutingOrder()]).when(twice).thenRejectedBy('provisionsAreNew');
  });

  it('a TRO restraining named sections of the order bars implementing them against anyone, binding the officers and not the President (Franklin)', () => {
    const tro = given(suitAgainstTheOrder()).when(troAgainstSections()).thenAccepted();
    expect(tro.statusesAt('2020-09-05')).toEqual({
      'eo-4242-sec-3c': 'enjoined',
      'eo-4242-sec-5a': 'enjoined',
    });
    expect(tro.effectsAt('2020-09-05')['eo-4242-sec-3c']?.bound).toEqual(['Secretary of Homeland Security']);
  });

  it("a TRO entered after notice and an adversary hearing with no expiry has a PI's effect: accepted, and appealable (Sampson v. Murray; 847 F.3d at 1158)", () => {
    const history = [...suitAgainstTheOrder(), troAgainstSections()];
    given(history)
      .when(appealNoticed('tro-appeal', 'tro', '2020-09-04'))
      .thenAccepted();
    given([...history, appealNoticed('tro-appeal', 'tro', '2020-09-04')])
      .when(stayMotion('stay-motion', 'tro', '2020-09-04', 'ca9-20-77777', 'impracticable'))
      .thenAccepted();
  });

  it('a TRO with no expiry and no adversary hearing is still refused (FRCP 65(b)(2))', () => {
    const { adversaryHearing: _h, ...ex } = troAgainstSections() as CaseEvent & {
      adversaryHearing?: boolean;
    };
    given(suitAgainstTheOrder())
      .when(ex as CaseEvent)
      .thenRejectedBy('troExpiresWithin14Days');
  });

  it('revoking the order ends what the injunction restrained: the sections have no legal basis, and the injunction nothing left to restrain', () => {
    const revoked = given([...suitAgainstTheOrder(), troAgainstSections()])
      .when(orderRevoked('2020-10-01'))
      .thenAccepted();
    expect(revoked.stateOf('prohibition', 'eo-4242-sec-3c')).toBe('order-revoked');
    const effect = revoked.effectsAt('2020-10-02')['eo-4242-sec-3c'];
    expect(effect?.status).toBe('revoked');
    expect(effect?.reason).toMatch(
      /tro restrained it and now has nothing left to restrain; whether the case is moot is for the court/,
    );
  });
});

describe('the WeChat log records its circuit (issue 10: standards by circuit)', () => {
  it("says in the complaint, not by inference from the court name, that the Ninth Circuit's law governs (28 U.S.C. 41; appeal 20-16908)", () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'events/wechat.jsonl');
    const complaintLine = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => (line.trim() ? JSON.parse(line) : undefined))
      .find((e) => e?.type === 'complaint.filed');
    expect(complaintLine?.circuit).toBe('9th');
  });
});

describe('the mandate held by a motion to stay it, and rehearing granted (FRAP 35, 40, 41(b), (d))', () => {
  const reversed = () => [
    ...enjoined(),
    appealNoticed('appeal', 'pi-granted', '2020-10-01'),
    appealDecided('2021-01-28', 'reversed'),
  ];
  const onAppeal = (type: EventType, id: string, date: string, fields: Record<string, unknown> = {}) =>
    event(type, id, date, { appealDocket: 'ca9-20-77777', ...fields } as never);
  const stayMotionOnMandate = () =>
    onAppeal('appeal.mandateStayMotionFiled', 'mandate-stay-motion', '2021-03-01', {
      movant: 'United States',
    });

  it('a motion to stay the mandate holds it: no mandate while the motion is pending, and the injunction stays in force', () => {
    const moved = given(reversed()).when(stayMotionOnMandate()).thenAccepted();
    expect(moved.stateOf('appeal', 'ca9-20-77777')).toBe('mandate-stay-sought');
    given([...reversed(), stayMotionOnMandate()])
      .when(mandateIssued('2021-03-22'))
      .thenRejectedBy('appealDecided');
    expect(moved.statusesAt('2021-03-23')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
  });

  it('denied, the mandate issues 7 days after the order denying the motion, and no sooner (FRAP 41(b))', () => {
    const denied = [
      ...reversed(),
      stayMotionOnMandate(),
      onAppeal('appeal.mandateStayDenied', 'mandate-stay-denied', '2021-04-01'),
    ];
    given(denied).when(mandateIssued('2021-04-05')).thenRejectedBy('mandateTimely');
    given(denied).when(mandateIssued('2021-04-09')).thenAccepted();
  });

  it('granted only on a substantial question and good cause (FRAP 41(d)(1))', () => {
    const grant = (substantialQuestion: boolean) =>
      onAppeal('appeal.mandateStayGranted', 'mandate-stayed', '2021-03-10', {
        substantialQuestion,
        goodCause: true,
      });
    given([...reversed(), stayMotionOnMandate()])
      .when(grant(false))
      .thenRejectedBy('mandateStayShowsSubstantialQuestion');
    const stayed = given([...reversed(), stayMotionOnMandate()])
      .when(grant(true))
      .thenAccepted();
    expect(stayed.stateOf('appeal', 'ca9-20-77777')).toBe('mandate-stayed');
  });

  it('a stayed mandate issues after 90 days, or forthwith on a certiorari denial, not before (FRAP 41(d)(2), (d)(4))', () => {
    const stayed = [
      ...reversed(),
      stayMotionOnMandate(),
      onAppeal('appeal.mandateStayGranted', 'mandate-stayed', '2021-03-10', {
        substantialQuestion: true,
        goodCause: true,
      }),
    ];
    given(stayed).when(mandateIssued('2021-04-30')).thenRejectedBy('mandateStayRunOut');
    given(stayed).when(mandateIssued('2021-06-10')).thenAccepted();
    const certDenied = { ...mandateIssued('2021-04-30'), forthwith: true } as CaseEvent;
    const issued = given(stayed).when(certDenied).thenAccepted();
    expect(issued.snapshot.context.injunctions['pi-granted']?.status).toBe('vacated');
  });

  it('the 90 days of a stayed mandate are calendar days, the last moved past a weekend (FRAP 41(d)(2)(B); 26(a)(1)(C))', () => {
    const stayedOn = (date: string) => [
      ...reversed(),
      stayMotionOnMandate(),
      onAppeal('appeal.mandateStayGranted', 'mandate-stayed', date, {
        substantialQuestion: true,
        goodCause: true,
      }),
    ];
    // Stayed Wednesday 10 Mar 2021: the 90th day is Tuesday 8 Jun; summer time began in between.
    given(stayedOn('2021-03-10')).when(mandateIssued('2021-06-08')).thenRejectedBy('mandateStayRunOut');
    given(stayedOn('2021-03-10')).when(mandateIssued('2021-06-09')).thenAccepted();
    // Stayed Monday 15 Mar 2021: the 90th day is Sunday 13 Jun, so the stay runs through Monday 14 Jun.
    given(stayedOn('2021-03-15')).when(mandateIssued('2021-06-14')).thenRejectedBy('mandateStayRunOut');
    given(stayedOn('2021-03-15')).when(mandateIssued('2021-06-15')).thenAccepted();
  });

  it('rehearing granted: the reversal no longer stands, the appeal is pending again, and the injunction is untouched until a new decision and its mandate', () => {
    const petitioned = [
      ...reversed(),
      onAppeal('appeal.rehearingSought', 'rehearing', '2021-02-20', {
        petitioner: 'Lantern Users Coalition',
      }),
    ];
    const granted_ = given(petitioned)
      .when(onAppeal('appeal.rehearingGranted', 'rehearing-granted', '2021-04-01', { enBanc: true }))
      .thenAccepted();
    expect(granted_.stateOf('appeal', 'ca9-20-77777')).toBe('pending');
    expect(granted_.snapshot.context.appeals['ca9-20-77777']?.disposition).toBeUndefined();
    const regranted = [
      ...petitioned,
      onAppeal('appeal.rehearingGranted', 'rehearing-granted', '2021-04-01', { enBanc: true }),
    ];
    given(regranted).when(mandateIssued('2021-06-01')).thenRejectedBy('appealDecided');
    given(regranted).when(appealDecided('2021-09-01', 'affirmed')).thenAccepted();
  });
});

describe('a motion to vacate or modify a stay pending appeal (FRAP 8(a)(1)(C); FRCP 62(d))', () => {
  const districtStayed = () => [
    ...enjoined(),
    stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL),
    stayGranted('stay', 'district-stay', '2020-10-20'),
  ];
  const vacated = (docket: string, date = '2020-11-05') =>
    event('stay.vacated', `stay-vacated-${docket}`, date, { stay: 'stay', docket });
  const appealedAndStayed = () => [...districtStayed(), appealNoticed('appeal', 'pi-granted', '2020-10-21')];

  it('the court that entered the stay may vacate it: the stay ends and the injunction binds again', () => {
    const done = given(districtStayed()).when(vacated(NDCAL)).thenAccepted();
    expect(done.stateOf('stay', 'stay')).toBe('ended');
    expect(done.stateOf('injunction', 'pi-granted')).toBe('in-force');
  });

  it('so may the court of appeals hearing the appeal from the injunction', () => {
    given(appealedAndStayed()).when(vacated('ca9-20-77777')).thenAccepted();
  });

  it('another district court, or a court of appeals with no appeal from that injunction, may not (stayCourtHasTheCase)', () => {
    given([...districtStayed(), complaint('2020-10-22', DMD, 'D. Md.')])
      .when(vacated(DMD))
      .thenRejectedBy('stayCourtHasTheCase');
  });

  it('a stay already vacated cannot be vacated again', () => {
    given([...districtStayed(), vacated(NDCAL)])
      .when(vacated(NDCAL, '2020-11-06'))
      .thenRejectedBy('stayCourtHasTheCase');
  });

  it('modified, the stay covers the prohibitions the court names, and the rest are enjoined again', () => {
    const narrowed = given(districtStayed())
      .when(
        event('stay.modified', 'stay-narrowed', '2020-11-05', {
          stay: 'stay',
          docket: NDCAL,
          prohibitions: ['payments'],
        }),
      )
      .thenAccepted();
    expect(narrowed.snapshot.context.stays.stay?.prohibitions).toEqual(['payments']);
    given(districtStayed())
      .when(
        event('stay.modified', 'stay-widened', '2020-11-05', {
          stay: 'stay',
          docket: NDCAL,
          prohibitions: ['tiktok'],
        }),
      )
      .thenRejectedBy('modifiedStayWithinInjunction');
  });
});

describe('a Supreme Court stay application (S. Ct. R. 22-23; 28 U.S.C. 2101(f); Hollingsworth v. Perry, 558 U.S. 183, 190 (2010))', () => {
  const ca9StayDenied = () => [
    ...enjoined(),
    appealNoticed('appeal', 'pi-granted', '2020-10-01'),
    stayMotion('ca9-stay', 'pi-granted', '2020-10-02', 'ca9-20-77777', 'impracticable'),
    event('stay.denied', 'ca9-stay-denied', '2020-10-20', { motion: 'ca9-stay' }),
  ];
  const application = (date = '2020-10-22') =>
    event('stay.applicationFiled', 'scotus-application', date, {
      docket: 'scotus-20a77',
      injunction: 'pi-granted',
      appealDocket: 'ca9-20-77777',
      applicant: 'United States',
    });
  const grantedWith = (findings: Record<string, string>) =>
    event('stay.applicationGranted', 'scotus-stay', '2020-11-02', {
      motion: 'scotus-application',
      findings: {
        certiorari: 'not-stated',
        reversal: 'not-stated',
        irreparableHarm: 'not-stated',
        ...findings,
      },
    } as never);
  const scotusStayed = () => [...ca9StayDenied(), application(), grantedWith({})];

  it('is entertained only after the court of appeals denied a stay (S. Ct. R. 23.3)', () => {
    given(ca9StayDenied().slice(0, -2))
      .when(application('2020-10-03'))
      .thenRejectedBy('soughtFirstInTheCourtsBelow');
    given(ca9StayDenied()).when(application()).thenAccepted();
  });

  it('granted without stated reasons, it stays the injunction; a factor found not shown defeats it', () => {
    const stayed = given([...ca9StayDenied(), application()])
      .when(grantedWith({}))
      .thenAccepted();
    expect(stayed.stateOf('injunction', 'pi-granted')).toBe('stayed');
    expect(stayed.snapshot.context.stays['scotus-stay']?.pendingCertiorari).toBe(true);
    given([...ca9StayDenied(), application()])
      .when(grantedWith({ reversal: 'not-shown' }))
      .thenRejectedBy('supremeCourtStayFindings');
  });

  it('a court of appeals ruling cannot answer a Supreme Court application, nor the Court a lower-court motion', () => {
    given([...ca9StayDenied(), application()])
      .when(event('stay.denied', 'wrong-court', '2020-11-02', { motion: 'scotus-application' }))
      .thenRejectedBy('stayMotionPending');
  });

  it('it outlives an affirmance and its mandate: the injunction stays suspended until certiorari is denied', () => {
    const affirmed = [...scotusStayed(), appealDecided('2021-01-28', 'affirmed')];
    const mandate = given(affirmed).when(mandateIssued('2021-03-22')).thenAccepted();
    expect(mandate.stateOf('stay', 'scotus-stay')).toBe('in-force');
    expect(mandate.stateOf('injunction', 'pi-granted')).toBe('stayed');
    const denied = given([...affirmed, mandateIssued('2021-03-22')])
      .when(event('certiorari.denied', 'cert-denied', '2021-06-01', { appealDocket: 'ca9-20-77777' }))
      .thenAccepted();
    expect(denied.stateOf('stay', 'scotus-stay')).toBe('ended');
    expect(denied.stateOf('injunction', 'pi-granted')).toBe('in-force');
  });
});

describe('an injunction pending appeal for the party refused a preliminary injunction (FRCP 62(d); FRAP 8(a)(1)(C))', () => {
  const refusedAndAppealed = () => [
    ...suitWithPendingMotion(),
    denied('pi-denied', 'pi-motion', '2020-09-19'),
    appealNoticed('appeal', 'pi-denied', '2020-09-21'),
  ];
  const ipaMotion = (docket: string, ground?: string, id = `ipa-motion-${docket}`) =>
    event('injunctionPendingAppeal.motionFiled', id, '2020-09-22', {
      docket,
      appealDocket: 'ca9-20-77777',
      movant: 'Lantern Users Coalition',
      prohibitions: ['app-store', 'payments'],
      ...(ground ? { ground } : {}),
    } as never);
  const ipaGranted = (motionId: string, merits = 'likely') =>
    event('injunctionPendingAppeal.granted', 'ipa', '2020-09-25', {
      motion: motionId,
      scope: {
        prohibitions: ['app-store', 'payments'],
        defendants: ['President', 'Secretary of Commerce'],
        nationwide: true,
      },
      findings: { ...GRANTING_FINDINGS, merits },
    } as never);

  it('must be moved first in the district court, unless the court of appeals is told why not (FRAP 8(a)(2)(A))', () => {
    given(refusedAndAppealed())
      .when(ipaMotion('ca9-20-77777'))
      .thenRejectedBy('pendingAppealMovedFirstBelow');
    given(refusedAndAppealed()).when(ipaMotion(NDCAL)).thenAccepted();
    given([...refusedAndAppealed(), ipaMotion(NDCAL)])
      .when(ipaMotion('ca9-20-77777', 'district-failed-to-afford-relief'))
      .thenAccepted();
  });

  it('is open only to the party refused, on its pending appeal from the refusal', () => {
    given([...suitWithPendingMotion(), denied('pi-denied', 'pi-motion', '2020-09-19')])
      .when(ipaMotion(NDCAL))
      .thenRejectedBy('appealFromARefusal');
  });

  it('granted on the preliminary-injunction test (Feldman, 843 F.3d at 367), it enjoins the prohibitions while the appeal lasts', () => {
    const history = [...refusedAndAppealed(), ipaMotion(NDCAL)];
    given(history)
      .when(ipaGranted(`ipa-motion-${NDCAL}`, 'not-shown'))
      .thenRejectedBy('pendingAppealFindingsMeetTheTest');
    const granted_ = given(history)
      .when(ipaGranted(`ipa-motion-${NDCAL}`))
      .thenAccepted();
    expect(granted_.statusesAt('2020-09-26')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
  });

  it('ends with the appeal: when the mandate issues on the appeal from the refusal, the injunction pending appeal is dissolved', () => {
    const history = [
      ...refusedAndAppealed(),
      ipaMotion(NDCAL),
      ipaGranted(`ipa-motion-${NDCAL}`),
      appealDecided('2021-01-28', 'affirmed'),
    ];
    const mandate = given(history).when(mandateIssued('2021-03-22')).thenAccepted();
    expect(mandate.stateOf('injunction', 'ipa')).toBe('dissolved');
  });
});

describe('an appeal from the refusal of an injunction', () => {
  it('records the district docket it comes from, so the United States as a party gives 45 days for rehearing (FRAP 40(a)(1) (2020))', () => {
    const noticed = given([...suitWithPendingMotion(), denied('pi-denied', 'pi-motion', '2020-09-19')])
      .when(appealNoticed('appeal', 'pi-denied', '2020-09-21'))
      .thenAccepted();
    expect(noticed.snapshot.context.appeals['ca9-20-77777']?.from).toBe(NDCAL);
  });
});

describe('casesim explain teaches the new remedies, saying where the law is unsettled', () => {
  it.each([
    ['reliefAgainstAnOrder', 'FRCP 65(d)(1)-(2)'],
    ['reliefPendingReview', 'S. Ct. R. 22-23'],
  ])('explains %s, citing %s', async (topic, authority) => {
    const { code, out } = await cli('explain', topic);
    expect(code).toBe(0);
    expect(out).toContain(`${topic} (doctrine)`);
    expect(out).toContain(authority);
    expect(out).toContain('Unsettled');
  });

  it.each([
    'stay.applicationFiled',
    'certiorari.denied',
    'stay.vacated',
    'injunctionPendingAppeal.motionFiled',
    'appeal.mandateStayMotionFiled',
    'appeal.rehearingGranted',
  ])('explains the event kind %s', async (kind) => {
    const { code, out } = await cli('explain', kind);
    expect(code).toBe(0);
    expect(out).toContain(kind);
  });
});
