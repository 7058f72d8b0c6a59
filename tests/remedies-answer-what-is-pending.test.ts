/**
 * Rulings and appeals that answer nothing pending are refused with the rule that says why, never by the
 * machine failing: found when the generator first offered every remedy (a walk tries each kind in every
 * state, and an illegal candidate must be refused, not crash the step). The case is the Lantern case.
 */
import { describe, expect, it } from 'vitest';
import {
  appealDecided,
  appealNoticed,
  denied,
  enjoined,
  event,
  mandateIssued,
  NDCAL,
  stayGranted,
  stayMotion,
  suitWithPendingMotion,
} from './support/case-events.js';
import { given } from './support/given.js';

const APPEAL = 'ca9-20-77777';
const onAppeal = appealNoticed('appeal', 'pi-granted', '2020-10-01');

describe('a stay of the mandate is ruled on only while a motion for it is pending (FRAP 41(d)(1))', () => {
  it('granting or denying a stay of the mandate of an appeal still pending is refused', () => {
    given([...enjoined(), onAppeal])
      .when(
        event('appeal.mandateStayGranted', 'mandate-stayed', '2020-11-01', {
          appealDocket: APPEAL,
          substantialQuestion: true,
          goodCause: true,
        }),
      )
      .thenRejectedBy('mandateStayMotionPending');
    given([...enjoined(), onAppeal])
      .when(event('appeal.mandateStayDenied', 'mandate-stay-denied', '2020-11-01', { appealDocket: APPEAL }))
      .thenRejectedBy('mandateStayMotionPending');
  });
});

describe('certiorari is denied to review a decided appeal (28 U.S.C. 1254(1))', () => {
  it('is refused on an appeal not yet decided, and accepted once it is', () => {
    const denial = event('certiorari.denied', 'cert-denied', '2021-03-01', { appealDocket: APPEAL });
    given([...enjoined(), onAppeal])
      .when(denial)
      .thenRejectedBy('certiorariAfterDecision');
    given([...enjoined(), onAppeal, appealDecided('2021-01-28', 'affirmed')])
      .when(denial)
      .thenAccepted();
  });

  it('is denied once: a second denial on the same appeal is refused (found by a random seed of the effects property)', () => {
    const first = event('certiorari.denied', 'cert-denied', '2021-03-01', { appealDocket: APPEAL });
    const second = event('certiorari.denied', 'cert-denied-again', '2021-04-01', { appealDocket: APPEAL });
    given([...enjoined(), onAppeal, appealDecided('2021-01-28', 'affirmed'), first])
      .when(second)
      .thenRejectedBy('certiorariAfterDecision');
  });
});

describe('a stay pending appeal is granted only while the appeal is not over (FRCP 62(d); FRAP 8(a)(1), 41(c))', () => {
  const stayPending = stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL);
  it('is refused once the appeal from the injunction has been decided and its mandate issued', () => {
    given([
      ...enjoined(),
      onAppeal,
      stayPending,
      appealDecided('2021-01-28', 'affirmed'),
      mandateIssued('2021-03-22'),
    ])
      .when(stayGranted('late-stay', 'district-stay', '2021-04-01'))
      .thenRejectedBy('appealNotOver');
  });

  it('and accepted while the appeal is pending', () => {
    given([...enjoined(), onAppeal, stayPending])
      .when(stayGranted('stay', 'district-stay', '2020-10-20'))
      .thenAccepted();
  });
});

describe('withdrawing the deferred part of a motion is no order to appeal from (28 U.S.C. 1292(a)(1))', () => {
  it('an appeal names the ruling that refused the injunction, not the withdrawal that ended the motion', () => {
    const deferred = event('injunction.denied', 'pi-denied-in-part', '2020-09-19', {
      motion: 'pi-motion',
      prohibitions: ['app-store'],
      deferred: ['payments'],
    });
    const withdrawn = event('motion.withdrawn', 'rest-withdrawn', '2020-09-25', { motion: 'pi-motion' });
    const history = [...suitWithPendingMotion(), deferred, withdrawn];
    given(history)
      .when(appealNoticed('appeal', 'rest-withdrawn', '2020-10-01'))
      .thenRejectedBy('appealableOrder');
    given(history)
      .when(appealNoticed('appeal', 'pi-denied-in-part', '2020-10-01'))
      .thenAccepted();
  });
});

describe('an injunction pending appeal is granted within what its motion sought (FRCP 7(b)(1)(C))', () => {
  it('the motion keeps the prohibitions it names', () => {
    const history = [
      ...suitWithPendingMotion(),
      denied('pi-denied', 'pi-motion', '2020-09-19'),
      appealNoticed('appeal', 'pi-denied', '2020-10-01'),
    ];
    const filed = given(history)
      .when(
        event('injunctionPendingAppeal.motionFiled', 'ipa-motion', '2020-10-02', {
          docket: NDCAL,
          appealDocket: APPEAL,
          movant: 'Lantern Users Coalition',
          prohibitions: ['payments'],
        }),
      )
      .thenAccepted();
    expect(filed.snapshot.context.motions['ipa-motion']?.prohibitions).toEqual(['payments']);
  });
});
