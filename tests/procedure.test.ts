/**
 * The rules of the case, as scenarios: given what has happened, when this event comes, it is accepted
 * (and here is what is in force), or it is rejected by the rule it breaks. The case is invented (Lantern
 * Messaging); the rules are the ones the WeChat record turned on (legal-record.md §3).
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../src/events/schema.js';
import {
  appealNoticed,
  caseDismissed,
  complaint,
  DMD,
  datesChanged,
  denied,
  enjoined,
  granted,
  identificationRescinded,
  identified,
  motion,
  NDCAL,
  orderRevoked,
  orderSigned,
  PACIFIC,
  stayGranted,
  stayMotion,
  suitWithPendingMotion,
  troExtended,
} from './support/case-events.js';
import { given } from './support/given.js';

describe('while a preliminary injunction is in force', () => {
  it('a notice of appeal stays nothing by itself (FRCP 62(c))', () => {
    const after = given(enjoined())
      .when(appealNoticed('appeal', 'pi-granted', '2020-10-01'))
      .thenAccepted();
    expect(after.statusesAt('2020-10-02')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
    expect(after.snapshot.value).toMatchObject({ relief: 'enjoined', appeal: 'pending' });
  });

  describe('a stay motion in the court of appeals while the district-court motion is pending (FRAP 8(a)(2))', () => {
    const pending = [
      ...enjoined(),
      appealNoticed('appeal', 'pi-granted', '2020-10-01'),
      stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL),
    ];

    it('is rejected without a ground for not waiting for the district court', () => {
      given(pending)
        .when(stayMotion('ca9-stay', 'pi-granted', '2020-10-03', 'ca9-20-77777'))
        .thenRejectedBy('moveFirstInDistrictCourt');
    });

    it('is rejected on the ground that the district court denied it, which it has not', () => {
      given(pending)
        .when(stayMotion('ca9-stay', 'pi-granted', '2020-10-03', 'ca9-20-77777', 'district-denied'))
        .thenRejectedBy('moveFirstInDistrictCourt');
    });

    it('is accepted on the ground that the district court failed to afford the relief', () => {
      given(pending)
        .when(
          stayMotion(
            'ca9-stay',
            'pi-granted',
            '2020-10-03',
            'ca9-20-77777',
            'district-failed-to-afford-relief',
          ),
        )
        .thenAccepted();
    });

    it('is accepted on the ground that moving first was impracticable', () => {
      given(pending)
        .when(stayMotion('ca9-stay', 'pi-granted', '2020-10-03', 'ca9-20-77777', 'impracticable'))
        .thenAccepted();
    });
  });

  it('an appeal filed more than 60 days after the order is rejected (FRAP 4(a)(1)(B))', () => {
    given(enjoined())
      .when(appealNoticed('appeal', 'pi-granted', '2020-11-19'))
      .thenRejectedBy('appealTimely');
    given(enjoined())
      .when(appealNoticed('appeal', 'pi-granted', '2020-11-17'))
      .thenAccepted();
  });

  it('an appeal from a motion, rather than an order, is rejected (28 U.S.C. 1292(a)(1))', () => {
    given(enjoined())
      .when(appealNoticed('appeal', 'pi-motion', '2020-10-01'))
      .thenRejectedBy('appealableOrder');
  });

  it('a stay granted with no stay motion pending is rejected', () => {
    given(enjoined())
      .when(stayGranted('stay', 'pi-motion', '2020-10-05'))
      .thenRejectedBy('stayMotionPending');
  });
});

describe('what an injunction covers', () => {
  it('a partial injunction leaves the prohibitions it does not cover in force', () => {
    const after = given(suitWithPendingMotion())
      .when(granted('pi-granted', 'pi-motion', '2020-09-19', ['app-store']))
      .thenAccepted();
    expect(after.statusesAt('2020-09-21')).toEqual({ 'app-store': 'enjoined', payments: 'in-force' });
  });

  it('injunctions from two courts both count, and staying one leaves the other in force', () => {
    const twoCourts = [
      ...enjoined(),
      complaint('2020-09-10', DMD, 'D. Md.'),
      motion('md-pi-motion', '2020-09-11', 'preliminary', DMD),
      granted('md-pi-granted', 'md-pi-motion', '2020-09-19'),
      stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL),
    ];
    const before = given(twoCourts.slice(0, -1)).when(twoCourts.at(-1)!).thenAccepted();
    expect(before.effectsAt('2020-10-02')['app-store']?.enjoinedBy).toEqual(['pi-granted', 'md-pi-granted']);

    const after = given(twoCourts)
      .when(stayGranted('stay', 'district-stay', '2020-10-20'))
      .thenAccepted();
    const effect = after.effectsAt('2020-10-21')['app-store'];
    expect(effect?.status).toBe('enjoined');
    expect(effect?.enjoinedBy).toEqual(['md-pi-granted']);
    expect(effect?.stayed).toEqual([{ injunction: 'pi-granted', stays: ['stay'] }]);
  });

  it('a TRO lapses at its expiry instant, and the prohibitions it covered bind again', () => {
    const after = given([orderSigned(), identified(), complaint(), motion('tro-motion', '2020-09-18', 'tro')])
      .when(
        granted('tro', 'tro-motion', '2020-09-19', ['app-store', 'payments'], {
          local: '2020-10-02T17:00',
          zone: 'America/Los_Angeles',
        }),
      )
      .thenAccepted();
    expect(after.statusesAt('2020-10-01')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
    expect(after.statusesAt('2020-10-02T16:59')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
    expect(after.statusesAt('2020-10-02T17:00')).toEqual({ 'app-store': 'in-force', payments: 'in-force' });
  });
});

describe('the executive action itself', () => {
  it('a prohibition whose effective date is moved is not in force before the new date', () => {
    const after = given([orderSigned(), identified()])
      .when(datesChanged('2020-09-15', 'app-store', { local: '2020-11-12', zone: 'America/New_York' }))
      .thenAccepted();
    expect(after.statusesAt('2020-10-01')).toEqual({
      'app-store': 'not-yet-effective',
      payments: 'in-force',
    });
    // 20:59 in Los Angeles on 11 Nov is 23:59 in New York: one minute before the new effective day.
    expect(after.statusesAt('2020-11-11T20:59')['app-store']).toBe('not-yet-effective');
    expect(after.statusesAt('2020-11-11T21:00')['app-store']).toBe('in-force');
    expect(after.statusesAt('2020-11-12')['app-store']).toBe('in-force');
  });

  it('revoking the order makes every prohibition under it revoked', () => {
    const after = given(enjoined()).when(orderRevoked('2021-06-09')).thenAccepted();
    expect(after.statusesAt('2021-06-10')).toEqual({ 'app-store': 'revoked', payments: 'revoked' });
  });

  it('a dismissal as moot after the order is revoked and the identification rescinded is accepted (Laidlaw)', () => {
    given([...enjoined(), orderRevoked('2021-06-09'), identificationRescinded('2021-06-16')])
      .when(caseDismissed('2021-07-12', 'moot'))
      .thenAccepted();
  });
});

describe('relief that has lapsed or was never appealable', () => {
  const tro = () => [
    orderSigned(),
    identified(),
    complaint(),
    motion('tro-motion', '2020-09-18', 'tro'),
    granted('tro', 'tro-motion', '2020-09-19', ['app-store', 'payments'], {
      local: '2020-10-02T17:00',
      zone: 'America/Los_Angeles',
    }),
  ];

  it('a TRO cannot be stayed pending appeal: it is not appealable, and it lapses on its own (FRCP 65(b))', () => {
    given(tro())
      .when(stayMotion('stay-tro', 'tro', '2020-09-22', NDCAL))
      .thenRejectedBy('stayTargetsInjunctionInForce');
  });

  it('a stay motion against an injunction that has lapsed is rejected, as the effect view already treats it', () => {
    const lapsed = [...suitWithPendingMotion(), granted('pi-granted', 'pi-motion', '2020-09-19')];
    given([...lapsed, caseDismissed('2020-09-25', 'voluntary')])
      .when(stayMotion('late-stay', 'pi-granted', '2020-09-26', NDCAL))
      .thenRejectedBy('stayTargetsInjunctionInForce');
  });

  it('a ruling that denies a TRO and a preliminary injunction together can be appealed (28 U.S.C. 1292(a)(1))', () => {
    const denial = denied('both-denied', 'tro-motion', '2020-09-19', ['pi-motion']);
    given([...suitWithPendingMotion(), motion('tro-motion', '2020-09-18', 'tro'), denial])
      .when(appealNoticed('appeal', 'both-denied', '2020-09-25'))
      .thenAccepted();
  });

  it('a TRO entered after notice and an adversary hearing is appealable like a PI (Sampson v. Murray; Washington v. Trump)', () => {
    const heard = { ...tro()[4], adversaryHearing: true } as CaseEvent;
    given([...tro().slice(0, 4), heard])
      .when(appealNoticed('appeal', 'tro', '2020-09-22'))
      .thenAccepted();
    given(tro())
      .when(appealNoticed('appeal', 'tro', '2020-09-22'))
      .thenRejectedBy('appealableOrder');
  });

  it("a TRO kept in force past Rule 65(b)'s limits, by consent, is appealable like a PI (Sampson v. Murray, 415 U.S. at 86-88)", () => {
    const extended = troExtended(
      'tro-extended',
      'tro',
      '2020-09-25',
      { local: '2020-11-30', zone: PACIFIC },
      true,
    );
    given([...tro(), extended])
      .when(appealNoticed('appeal', 'tro', '2020-10-01'))
      .thenAccepted();
  });

  it("a TRO with a PI's effect can be stayed pending appeal (Sampson v. Murray, 415 U.S. at 86-88)", () => {
    const heard = { ...tro()[4], adversaryHearing: true } as CaseEvent;
    given([...tro().slice(0, 4), heard])
      .when(stayMotion('stay-tro', 'tro', '2020-09-22', NDCAL))
      .thenAccepted();
  });
});
