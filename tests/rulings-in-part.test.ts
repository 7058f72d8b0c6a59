/**
 * Rulings in part (FRCP 65): a court may grant relief as to some prohibitions, deny it as to others and defer
 * the rest, and rule later on what it deferred; it may rule on the TRO of a motion that seeks a TRO and a
 * preliminary injunction, and set the PI for hearing. The motion stays pending (`partly-decided`) as to the
 * deferred part; a part already decided cannot be ruled on again (rulingOnUndecidedPart).
 */
import { describe, expect, it } from 'vitest';
import { objectStatesOf } from '../src/docs/graph.js';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { replayAll } from '../src/replay/replay.js';
import {
  appealNoticed,
  complaint,
  denied,
  event,
  granted,
  identified,
  NDCAL,
  orderSigned,
  PACIFIC,
} from './support/case-events.js';
import { given } from './support/given.js';

const SCOPE = { defendants: ['President', 'Secretary of Commerce'], nationwide: true };
const TRO_EXPIRES: Instant = { local: '2020-09-28', zone: PACIFIC };

/** The suit and a PI motion naming both prohibitions of the identification. */
const suitWithMotionNaming = (relief: 'tro' | 'preliminary' = 'preliminary', alsoSeeks?: 'preliminary') => [
  orderSigned(),
  identified(),
  complaint(),
  event('injunction.motionFiled', 'motion', '2020-09-08', {
    docket: NDCAL,
    relief,
    ...(alsoSeeks ? { alsoSeeks } : {}),
    movant: 'Lantern Users Coalition',
    prohibitions: ['app-store', 'payments'],
  }),
];

/** A grant of `prohibitions`, with the parts of the ruling given in `parts` (deferred, denied, relief...). */
const grant = (id: string, date: string, prohibitions: string[], parts: Record<string, unknown> = {}) => {
  const base = granted(id, 'motion', date, prohibitions) as CaseEvent & { type: 'injunction.granted' };
  return { ...base, scope: { ...SCOPE, prohibitions }, ...parts } as CaseEvent;
};

const denial = (id: string, date: string, parts: Record<string, unknown> = {}) =>
  ({ ...denied(id, 'motion', date), ...parts }) as CaseEvent;

const partlyGranted = () => [
  ...suitWithMotionNaming(),
  grant('pi-app-store', '2020-09-19', ['app-store'], { deferred: ['payments'] }),
];

describe('a ruling granting some prohibitions and deferring the rest', () => {
  it('leaves the motion partly decided: pending as to the deferred prohibitions', () => {
    const after = given(suitWithMotionNaming())
      .when(grant('pi-app-store', '2020-09-19', ['app-store'], { deferred: ['payments'] }))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: pending → partly-decided');
    expect(after.snapshot.context.motions.motion?.open).toEqual([
      { relief: 'preliminary', prohibitions: ['payments'] },
    ]);
  });

  it('enjoins the granted prohibition; the deferred one binds when due, as nothing bars it', () => {
    const after = given(suitWithMotionNaming())
      .when(grant('pi-app-store', '2020-09-19', ['app-store'], { deferred: ['payments'] }))
      .thenAccepted();
    expect(after.statusesAt('2020-09-22')).toEqual({ 'app-store': 'enjoined', payments: 'in-force' });
  });

  it('accepts a later grant on the deferred part: the motion is then granted, both prohibitions enjoined', () => {
    const after = given(partlyGranted())
      .when(grant('pi-payments', '2020-09-25', ['payments']))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: partly-decided → granted');
    expect(after.statusesAt('2020-09-26')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
  });

  it('accepts a later denial of the deferred part: the motion stays granted in part, the denied one in force', () => {
    const after = given(partlyGranted()).when(denial('pi-payments-denied', '2020-09-25')).thenAccepted();
    expect(after.arrows).toContain('motion motion: partly-decided → granted');
    expect(after.statusesAt('2020-09-26')).toEqual({ 'app-store': 'enjoined', payments: 'in-force' });
  });

  it('refuses a later ruling on a prohibition already decided', () => {
    given(partlyGranted())
      .when(grant('pi-again', '2020-09-25', ['app-store']))
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('refuses a ruling that grants and defers the same prohibition', () => {
    given(suitWithMotionNaming())
      .when(grant('pi', '2020-09-19', ['app-store'], { deferred: ['app-store'] }))
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('refuses to defer a prohibition the motion does not seek', () => {
    const motionOnAppStore = suitWithMotionNaming().map((e) =>
      e.type === 'injunction.motionFiled' ? { ...e, prohibitions: ['app-store'] } : e,
    );
    given(motionOnAppStore)
      .when(grant('pi', '2020-09-19', ['app-store'], { deferred: ['payments'] }))
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('refuses to defer part of a ruling that also decides other motions: those are decided whole', () => {
    const supplemental = event('injunction.motionFiled', 'supplemental', '2020-09-12', {
      docket: NDCAL,
      relief: 'preliminary',
      movant: 'Lantern Users Coalition',
    });
    given([...suitWithMotionNaming(), supplemental])
      .when(
        grant('pi', '2020-09-19', ['app-store'], { deferred: ['payments'], alsoDecides: ['supplemental'] }),
      )
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('still holds the grant to the preliminary-injunction test', () => {
    const weak = grant('pi-payments', '2020-09-25', ['payments']) as CaseEvent & {
      type: 'injunction.granted';
    };
    given(partlyGranted())
      .when({ ...weak, findings: { ...weak.findings, irreparableHarm: 'not-shown' } })
      .thenRejectedBy('findingsMeetTheTest');
  });

  it('leaves the deferred part pending, so the end of the case moots it', () => {
    const after = given(partlyGranted())
      .when(event('case.dismissed', 'dismissed', '2020-10-01', { docket: NDCAL, reason: 'voluntary' }))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: partly-decided → moot');
  });

  it('lets the movant withdraw the deferred part; the motion stays granted in part', () => {
    const after = given(partlyGranted())
      .when(event('motion.withdrawn', 'withdrawn', '2020-09-24', { motion: 'motion' }))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: partly-decided → granted');
  });
});

describe('a ruling denying some prohibitions, granting others and deferring the rest', () => {
  it('grants app-store, denies payments expressly: the motion is decided, payments in force', () => {
    const after = given(suitWithMotionNaming())
      .when(grant('pi', '2020-09-19', ['app-store'], { denied: ['payments'] }))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: pending → granted');
    expect(after.statusesAt('2020-09-22')).toEqual({ 'app-store': 'enjoined', payments: 'in-force' });
  });

  it('denies app-store and defers payments, then grants payments', () => {
    const history = [
      ...suitWithMotionNaming(),
      denial('denied-app-store', '2020-09-19', { prohibitions: ['app-store'], deferred: ['payments'] }),
    ];
    const after = given(history)
      .when(grant('pi-payments', '2020-09-25', ['payments']))
      .thenAccepted();
    expect(after.statusesAt('2020-09-26')).toEqual({ 'app-store': 'in-force', payments: 'enjoined' });
  });

  it('refuses a denial that defers everything the motion seeks: it decides nothing', () => {
    given(suitWithMotionNaming())
      .when(denial('denied', '2020-09-19', { deferred: ['app-store', 'payments'] }))
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('makes a denial in part appealable, as an order refusing an injunction (28 U.S.C. 1292(a)(1))', () => {
    const history = [
      ...suitWithMotionNaming(),
      denial('denied-app-store', '2020-09-19', { prohibitions: ['app-store'], deferred: ['payments'] }),
      grant('pi-payments', '2020-09-25', ['payments']),
    ];
    given(history)
      .when(appealNoticed('appeal', 'denied-app-store', '2020-09-30'))
      .thenAccepted();
  });
});

describe('one motion seeking a TRO and a preliminary injunction', () => {
  const troGranted = () =>
    grant('tro', '2020-09-19', ['app-store', 'payments'], { relief: 'tro', expires: TRO_EXPIRES });

  it('is accepted with alsoSeeks, and one seeking the same relief twice is refused', () => {
    given([orderSigned(), identified(), complaint()])
      .when(suitWithMotionNaming('tro', 'preliminary')[3] as CaseEvent)
      .thenAccepted();
    const twice = {
      ...(suitWithMotionNaming('tro')[3] as CaseEvent & { type: 'injunction.motionFiled' }),
      alsoSeeks: 'tro',
    } as CaseEvent;
    given([orderSigned(), identified(), complaint()]).when(twice).thenRejectedBy('reliefSoughtOnce');
  });

  it('is drawn on the page and in replay as one motion for both', () => {
    const { snapshot } = replayAll(suitWithMotionNaming('tro', 'preliminary'));
    const motion = objectStatesOf(snapshot).find((o) => o.lifecycle === 'motion');
    expect(motion?.label).toBe('TRO and preliminary injunction motion motion');
  });

  it('lets the court grant the TRO and leave the PI pending on the same motion', () => {
    const after = given(suitWithMotionNaming('tro', 'preliminary')).when(troGranted()).thenAccepted();
    expect(after.arrows).toContain('motion motion: pending → partly-decided');
    expect(after.snapshot.context.injunctions.tro?.relief).toBe('tro');
    expect(after.snapshot.context.motions.motion?.open).toEqual([{ relief: 'preliminary' }]);
  });

  it('then accepts the PI on the same motion: a preliminary injunction, without a TRO expiry', () => {
    const after = given([...suitWithMotionNaming('tro', 'preliminary'), troGranted()])
      .when(grant('pi', '2020-09-26', ['app-store', 'payments'], { relief: 'preliminary' }))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: partly-decided → granted');
    expect(after.snapshot.context.injunctions.pi?.relief).toBe('preliminary');
    expect(after.statusesAt('2020-10-05')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
  });

  it('holds the TRO to Rule 65(b)(2): a TRO ruling without an expiry is refused', () => {
    given(suitWithMotionNaming('tro', 'preliminary'))
      .when(grant('tro', '2020-09-19', ['app-store', 'payments'], { relief: 'tro' }))
      .thenRejectedBy('troExpiresWithin14Days');
  });

  it('refuses a ruling that does not say which relief it decides while both are pending', () => {
    given(suitWithMotionNaming('tro', 'preliminary'))
      .when(grant('tro', '2020-09-19', ['app-store', 'payments'], { expires: TRO_EXPIRES }))
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('refuses a second TRO ruling on the same motion: the TRO is already decided', () => {
    given([...suitWithMotionNaming('tro', 'preliminary'), troGranted()])
      .when(grant('tro-again', '2020-09-20', ['app-store'], { relief: 'tro', expires: TRO_EXPIRES }))
      .thenRejectedBy('rulingOnUndecidedPart');
  });

  it('makes the later denial of the PI appealable, though the motion was granted in part', () => {
    const history = [
      ...suitWithMotionNaming('tro', 'preliminary'),
      troGranted(),
      denial('pi-denied', '2020-09-26', { relief: 'preliminary' }),
    ];
    expect(replayAll(history).rejections).toEqual([]);
    given(history)
      .when(appealNoticed('appeal', 'pi-denied', '2020-10-01'))
      .thenAccepted();
  });
});

describe('older logs', () => {
  it('still read a grant that names no deferred part as deciding the whole motion', () => {
    const after = given(suitWithMotionNaming())
      .when(grant('pi', '2020-09-19', ['app-store']))
      .thenAccepted();
    expect(after.arrows).toContain('motion motion: pending → granted');
    given([...suitWithMotionNaming(), grant('pi', '2020-09-19', ['app-store'])])
      .when(grant('pi-2', '2020-09-25', ['payments']))
      .thenRejectedBy('injunctionMotionPending');
  });
});
