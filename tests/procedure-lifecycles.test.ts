/**
 * Each lifecycle's arrows as scenarios: given what has happened, when this event comes, which arrows of
 * which charts it takes (and what then binds), or which rule refuses it. The case is invented (Lantern
 * Messaging, tests/support/case-events.ts).
 */
import { describe, expect, it } from 'vitest';
import { lifecycleGraphs } from '../src/docs/graph.js';
import type { Arrow } from '../src/machine/lifecycle.js';
import {
  appealDecided,
  appealDismissed,
  appealNoticed,
  caseDismissed,
  complaint,
  enforcementResumed,
  enjoined,
  granted,
  heldInAbeyance,
  identified,
  judgment,
  mandateIssued,
  motion,
  motionWithdrawn,
  NDCAL,
  orderRevoked,
  orderSigned,
  proceedingsResumed,
  proceedingsStayed,
  stayDenied,
  stayGranted,
  stayMotion,
  suitWithPendingMotion,
  suspended,
  troExtended,
} from './support/case-events.js';
import { given } from './support/given.js';

const PACIFIC = 'America/Los_Angeles';

describe("the student's path, along labelled arrows", () => {
  it('PI granted → stay motion → stay denied → appeal → abeyance → order revoked → appeal dismissed as moot', () => {
    const drawn = new Set(
      lifecycleGraphs().flatMap((g) =>
        g.transitions.map((t) => `${g.id}|${t.source ?? 'absent'}|${t.event}|${t.target}`),
      ),
    );
    const steps = [
      {
        event: stayMotion('district-stay', 'pi-granted', '2020-09-21', NDCAL),
        arrow: 'motion district-stay: absent → pending',
      },
      {
        event: stayDenied('stay-denied', 'district-stay', '2020-09-25'),
        arrow: 'motion district-stay: pending → denied',
      },
      {
        event: appealNoticed('appeal', 'pi-granted', '2020-09-26'),
        arrow: 'appeal ca9-20-77777: absent → pending',
      },
      { event: heldInAbeyance('2021-02-10'), arrow: 'appeal ca9-20-77777: pending → in-abeyance' },
      { event: orderRevoked('2021-06-09'), arrow: 'order eo-4242: in-force → revoked' },
      { event: appealDismissed('2021-07-12', 'moot'), arrow: 'appeal ca9-20-77777: in-abeyance → dismissed' },
    ];
    let history = enjoined();
    for (const { event, arrow } of steps) {
      const after = given(history).when(event).thenAccepted();
      expect(after.arrows).toContain(arrow);
      const [, lifecycle, id, from, to] = /^(\S+) (\S+): (\S+) → (\S+)$/.exec(arrow) ?? [];
      expect(drawn.has(`${lifecycle}|${from}|${event.type}|${to}`), arrow).toBe(true);
      expect(after.stateOf(lifecycle ?? '', id ?? '')).toBe(to);
      history = [...history, event];
    }
    // Dismissed as moot without vacatur: the injunction is left standing, though nothing is left for it to restrain.
    const end = given(history.slice(0, -1)).when(history.at(-1)!).thenAccepted();
    expect(end.stateOf('injunction', 'pi-granted')).toBe('in-force');
    expect(end.statusesAt('2021-07-13')).toEqual({ 'app-store': 'revoked', payments: 'revoked' });
  });
});

describe('an executive order', () => {
  it('is signed once, and revoked once', () => {
    given([orderSigned()])
      .when({ ...orderSigned('2020-08-07'), id: 'again' })
      .thenRejectedBy('orderIsNew');
    given([orderSigned(), orderRevoked('2020-09-01')])
      .when({ ...orderRevoked('2020-09-02'), id: 'again' })
      .thenRejectedBy('orderInForce');
  });

  it('when revoked, leaves every prohibition under it without a legal basis (prohibition → order revoked)', () => {
    const after = given([orderSigned(), identified()]).when(orderRevoked('2020-09-10')).thenAccepted();
    expect(after.arrows).toEqual([
      'order eo-4242: in-force → revoked',
      'prohibition app-store: scheduled → order-revoked',
      'prohibition payments: scheduled → order-revoked',
    ]);
  });
});

describe('an identification and its prohibitions', () => {
  const announced = () => [orderSigned(), identified()];

  it('a suspension by the agency binds it: the prohibitions it names bind no one until enforcement resumes', () => {
    const after = given(announced())
      .when(suspended('2020-09-18', ['app-store']))
      .thenAccepted();
    expect(after.arrows).toEqual([
      'identification lantern-identification: announced → announced',
      'prohibition app-store: scheduled → suspended',
    ]);
    expect(after.statusesAt('2020-09-22')).toEqual({ 'app-store': 'suspended', payments: 'in-force' });
    const resumed = given([...announced(), suspended('2020-09-18', ['app-store'])])
      .when(enforcementResumed('2020-10-01'))
      .thenAccepted();
    expect(resumed.arrows).toContain('prohibition app-store: suspended → scheduled');
    expect(resumed.statusesAt('2020-10-02')).toEqual({ 'app-store': 'in-force', payments: 'in-force' });
  });

  it('a suspension must name standing prohibitions not already suspended, and resumption suspended ones', () => {
    given([...announced(), suspended('2020-09-18')])
      .when(suspended('2020-09-19', ['payments']))
      .thenRejectedBy('suspensionNamesStandingProhibitions');
    given(announced())
      .when(enforcementResumed('2020-09-19'))
      .thenRejectedBy('resumptionNamesSuspendedProhibitions');
  });
});

describe('a district case', () => {
  it('with proceedings stayed takes no motion, resumes, and can still be dismissed', () => {
    const stayed = [...enjoined(), proceedingsStayed('2020-10-01')];
    given(stayed).when(motion('late-motion', '2020-10-02')).thenRejectedBy('suitOpen');
    given(enjoined()).when(proceedingsResumed('2020-10-02')).thenRejectedBy('proceedingsStayed');
    expect(given(stayed).when(proceedingsResumed('2020-10-02')).thenAccepted().arrows).toEqual([
      `district-case ${NDCAL}: proceedings-stayed → open`,
    ]);
    const dismissed = given(stayed).when(caseDismissed('2020-10-03', 'voluntary')).thenAccepted();
    expect(dismissed.stateOf('injunction', 'pi-granted')).toBe('dissolved');
  });

  it('ends in a final judgment into which the preliminary injunction merges (Camenisch)', () => {
    const permanent = given(enjoined())
      .when(judgment('2020-12-01', ['app-store']))
      .thenAccepted();
    expect(permanent.stateOf('injunction', 'pi-granted')).toBe('superseded');
    expect(permanent.stateOf('injunction', 'judgment-2020-12-01')).toBe('in-force');
    expect(permanent.statusesAt('2020-12-02')).toEqual({ 'app-store': 'enjoined', payments: 'in-force' });
    const against = given(enjoined()).when(judgment('2020-12-01')).thenAccepted();
    expect(against.stateOf('injunction', 'pi-granted')).toBe('dissolved');
    expect(against.statusesAt('2020-12-02')).toEqual({ 'app-store': 'in-force', payments: 'in-force' });
  });

  it('moots its pending motions when it ends, and a final judgment can be appealed (28 U.S.C. 1291)', () => {
    const after = given(suitWithPendingMotion()).when(judgment('2020-12-01')).thenAccepted();
    expect(after.stateOf('motion', 'pi-motion')).toBe('moot');
    given([...suitWithPendingMotion(), judgment('2020-12-01')])
      .when(appealNoticed('appeal', 'judgment-2020-12-01', '2020-12-20'))
      .thenAccepted();
  });
});

describe('a motion', () => {
  it('can be withdrawn while pending, and then can be neither ruled on nor withdrawn again', () => {
    const withdrawn = [...suitWithPendingMotion(), motionWithdrawn('2020-09-10', 'pi-motion')];
    expect(given(suitWithPendingMotion()).when(withdrawn.at(-1)!).thenAccepted().arrows).toEqual([
      'motion pi-motion: pending → withdrawn',
    ]);
    given(withdrawn)
      .when(granted('pi-granted', 'pi-motion', '2020-09-19'))
      .thenRejectedBy('injunctionMotionPending');
    given(withdrawn)
      .when({ ...withdrawn.at(-1)!, id: 'again' })
      .thenRejectedBy('motionPending');
  });
});

describe('a TRO (FRCP 65(b)(2))', () => {
  const expiry = { local: '2020-09-28T17:00', zone: PACIFIC };
  const tro = () => [
    orderSigned(),
    identified(),
    complaint(),
    motion('tro-motion', '2020-09-14', 'tro'),
    granted('tro', 'tro-motion', '2020-09-15', ['app-store', 'payments'], expiry),
  ];

  it('can be extended by a like period, and then binds until the new expiry', () => {
    const after = given(tro())
      .when(troExtended('tro-extended', 'tro', '2020-09-27', { local: '2020-10-12T17:00', zone: PACIFIC }))
      .thenAccepted();
    expect(after.arrows).toEqual(['injunction tro: in-force → in-force']);
    expect(after.statusesAt('2020-10-01')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
    expect(after.statusesAt('2020-10-12T17:00')).toEqual({ 'app-store': 'in-force', payments: 'in-force' });
  });

  it('is extended beyond a like period only with consent, and never once lapsed or if it is a PI', () => {
    const long = { local: '2020-11-01T17:00', zone: PACIFIC };
    given(tro())
      .when(troExtended('x', 'tro', '2020-09-27', long))
      .thenRejectedBy('troExtensionWithinLimit');
    given(tro())
      .when(troExtended('x', 'tro', '2020-09-27', long, true))
      .thenAccepted();
    given(tro())
      .when(troExtended('x', 'tro', '2020-09-29', long, true))
      .thenRejectedBy('troInForce');
    given(enjoined())
      .when(troExtended('x', 'pi-granted', '2020-09-27', long, true))
      .thenRejectedBy('troInForce');
  });
});

describe('a stay pending appeal', () => {
  const stayed = () => [
    ...enjoined(),
    appealNoticed('appeal', 'pi-granted', '2020-09-21'),
    stayMotion('district-stay', 'pi-granted', '2020-09-22', NDCAL),
    stayGranted('stay', 'district-stay', '2020-09-25'),
  ];

  it('suspends the injunction: its prohibitions are no longer enjoined while it lasts', () => {
    const after = given(stayed().slice(0, -1)).when(stayed().at(-1)!).thenAccepted();
    expect(after.arrows).toEqual([
      'motion district-stay: pending → granted',
      'stay stay: absent → in-force',
      'injunction pi-granted: in-force → stayed',
    ]);
    // Enjoined before they took effect, they await a new effective time from the agency (issue 10 point 6).
    expect(after.statusesAt('2020-09-26')).toEqual({
      'app-store': 'awaiting-date',
      payments: 'awaiting-date',
    });
  });

  it('outlasts the decision: it ends when the mandate issues (FRAP 41(b)-(c))', () => {
    const decided = given(stayed()).when(appealDecided('2020-12-01', 'affirmed')).thenAccepted();
    expect(decided.arrows).toEqual(['appeal ca9-20-77777: pending → decided']);
    expect(decided.stateOf('stay', 'stay')).toBe('in-force');
  });

  it('ends with the mandate: an affirmance reinstates the injunction', () => {
    const after = given([...stayed(), appealDecided('2020-12-01', 'affirmed')])
      .when(mandateIssued('2021-01-25'))
      .thenAccepted();
    expect(after.arrows).toEqual([
      'appeal ca9-20-77777: decided → mandate-issued',
      'injunction pi-granted: stayed → in-force',
      'stay stay: in-force → ended',
    ]);
    expect(after.statusesAt('2021-01-26')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
  });

  it('ends with the mandate when a reversal vacates the injunction', () => {
    const after = given([...stayed(), appealDecided('2020-12-01', 'reversed')])
      .when(mandateIssued('2021-01-25'))
      .thenAccepted();
    expect(after.stateOf('injunction', 'pi-granted')).toBe('vacated');
    expect(after.stateOf('stay', 'stay')).toBe('ended');
  });
});

describe('an appeal', () => {
  const decided = () => [
    ...enjoined(),
    appealNoticed('appeal', 'pi-granted', '2020-09-21'),
    appealDecided('2020-12-01', 'affirmed'),
  ];

  it('is decided, and then its mandate issues, once (FRAP 41)', () => {
    expect(given(decided()).when(mandateIssued('2021-01-25')).thenAccepted().arrows).toEqual([
      'appeal ca9-20-77777: decided → mandate-issued',
    ]);
    given([...decided(), mandateIssued('2021-01-25')])
      .when(mandateIssued('2021-01-26'))
      .thenRejectedBy('appealDecided');
    given(decided().slice(0, -1)).when(mandateIssued('2021-01-25')).thenRejectedBy('appealDecided');
  });
});

describe('the arrows a rule may guard', () => {
  it('are typed by event kind: a rule written for one kind does not compile on another', () => {
    const fine: Arrow<'stay.denied'> = { to: 'denied', rules: ['stayMotionPending'] };
    // @ts-expect-error orderIsNew was written for order.signed, not for a ruling on a stay motion
    const wrong: Arrow<'stay.denied'> = { to: 'denied', rules: ['stayMotionPending', 'orderIsNew'] };
    expect([fine, wrong].length).toBe(2);
  });
});
