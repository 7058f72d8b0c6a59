/**
 * Which objects an event is addressed to: first its primary object, whose chart must take an arrow for the
 * event to be accepted, then the objects it may move as a consequence (the pending motions of a case that
 * ends, the injunction an appeal is from and its stays). Only relations in the record decide who is
 * addressed; what happens to each object, and whether the event is legal, its chart decides.
 */
import type { CaseEvent, EventOf } from '../events/schema.js';
import { awaitsRuling, type CaseContext } from './context.js';
import type { LifecycleId } from './lifecycles.js';

export interface Addressee {
  readonly lifecycle: LifecycleId;
  readonly id: string;
}

const to = (lifecycle: LifecycleId, id: string): Addressee => ({ lifecycle, id });

function prohibitionsOf(world: CaseContext, identification: string, named?: readonly string[]): Addressee[] {
  const ids =
    named ??
    Object.values(world.prohibitions)
      .filter((p) => p.identification === identification)
      .map((p) => p.id);
  return ids
    .filter((p) => world.prohibitions[p]?.identification === identification)
    .map((p) => to('prohibition', p));
}

function pendingMotionsOn(world: CaseContext, docket: string): Addressee[] {
  return Object.values(world.motions)
    .filter((m) => m.docket === docket && awaitsRuling(m))
    .map((m) => to('motion', m.id));
}

function staysOf(world: CaseContext, injunction: string): Addressee[] {
  return Object.values(world.stays)
    .filter((s) => s.injunction === injunction)
    .map((s) => to('stay', s.id));
}

/** The injunctions entered on a district docket, each with its stays. */
function reliefOn(world: CaseContext, docket: string): Addressee[] {
  return Object.values(world.injunctions)
    .filter((i) => i.docket === docket)
    .flatMap((i) => [to('injunction', i.id), ...staysOf(world, i.id)]);
}

/** The Supreme Court's stays pending certiorari of `injunction` that are in force. */
function certiorariStaysOf(world: CaseContext, injunction: string) {
  return Object.values(world.stays).filter(
    (s) => s.injunction === injunction && s.status === 'in-force' && s.pendingCertiorari === true,
  );
}

/**
 * What the end of an appeal reaches: motions pending in it, the injunction appealed from, and its stays.
 * A decision acts on the injunction only through the mandate (FRAP 41(c)): it reaches the appeal and the
 * motions pending in it; the mandate, or a dismissal, reaches the injunction and its stays. The mandate does
 * not reach a Supreme Court stay pending certiorari, which outlives it (28 U.S.C. 2101(f)): the stays
 * pending appeal end with it (`stayPendingCertiorari` says why that reading).
 */
function appealEnd(world: CaseContext, e: EventOf<'appeal.mandateIssued' | 'appeal.dismissed'>): Addressee[] {
  const appeal = world.appeals[e.appealDocket];
  const order = appeal ? world.injunctions[appeal.order] : undefined;
  return [
    to('appeal', e.appealDocket),
    ...pendingMotionsOn(world, e.appealDocket),
    ...(order
      ? [
          to('injunction', order.id),
          ...staysOf(world, order.id).filter(
            (s) => e.type !== 'appeal.mandateIssued' || world.stays[s.id]?.pendingCertiorari !== true,
          ),
        ]
      : []),
    // An injunction granted pending this appeal (FRCP 62(d)) lasts only as long as the appeal.
    ...Object.values(world.injunctions)
      .filter((i) => i.pendingAppeal === e.appealDocket)
      .map((i) => to('injunction', i.id)),
  ];
}

type Routes = {
  readonly [T in CaseEvent['type']]: (world: CaseContext, e: EventOf<T>) => readonly Addressee[];
};

const NONE: readonly Addressee[] = [];

const ROUTES: Routes = {
  'order.signed': (_w, e) => [
    to('order', e.order),
    ...(e.provisions ?? []).map((p) => to('prohibition', p.id)),
  ],
  'order.revoked': (w, e) => [
    to('order', e.order),
    // The order's own provisions fall with it, as do the prohibitions of every identification under it.
    ...Object.values(w.prohibitions)
      .filter((p) => p.order === e.order)
      .map((p) => to('prohibition', p.id)),
    ...Object.values(w.identifications)
      .filter((i) => i.order === e.order)
      .flatMap((i) => prohibitionsOf(w, i.id)),
  ],
  'identification.announced': (_w, e) => [
    to('identification', e.identification),
    ...e.prohibitions.map((p) => to('prohibition', p.id)),
  ],
  'identification.datesChanged': (w, e) => [
    to('identification', e.identification),
    ...prohibitionsOf(
      w,
      e.identification,
      e.changes.map((c) => c.prohibition),
    ),
  ],
  'identification.withdrawn': (w, e) => [
    to('identification', e.identification),
    ...prohibitionsOf(w, e.identification),
  ],
  'identification.rescinded': (w, e) => [
    to('identification', e.identification),
    ...prohibitionsOf(w, e.identification),
  ],
  'identification.suspended': (w, e) => [
    to('identification', e.identification),
    ...prohibitionsOf(w, e.identification, e.prohibitions),
  ],
  'identification.enforcementResumed': (w, e) => [
    to('identification', e.identification),
    ...prohibitionsOf(w, e.identification, e.prohibitions),
  ],
  'government.position': () => NONE,
  'complaint.filed': (_w, e) => [to('district-case', e.docket)],
  'complaint.amended': (_w, e) => [to('district-case', e.docket)],
  'case.proceedingsStayed': (_w, e) => [to('district-case', e.docket)],
  'case.proceedingsResumed': (_w, e) => [to('district-case', e.docket)],
  'case.dismissed': (w, e) => [
    to('district-case', e.docket),
    ...pendingMotionsOn(w, e.docket),
    ...reliefOn(w, e.docket),
  ],
  'case.judgment': (w, e) => [
    to('district-case', e.docket),
    ...pendingMotionsOn(w, e.docket),
    ...reliefOn(w, e.docket),
    ...(e.permanentInjunction ? [to('injunction', e.id)] : []),
  ],
  'injunction.motionFiled': (_w, e) => [to('motion', e.id)],
  'injunction.granted': (_w, e) => [
    to('motion', e.motion),
    ...(e.alsoDecides ?? []).map((m) => to('motion', m)),
    to('injunction', e.id),
  ],
  'injunction.denied': (_w, e) => [
    to('motion', e.motion),
    ...(e.alsoDecides ?? []).map((m) => to('motion', m)),
  ],
  'injunctionPendingAppeal.motionFiled': (_w, e) => [to('motion', e.id)],
  'injunctionPendingAppeal.granted': (_w, e) => [to('motion', e.motion), to('injunction', e.id)],
  'injunctionPendingAppeal.denied': (_w, e) => [to('motion', e.motion)],
  'injunction.extended': (_w, e) => [to('injunction', e.injunction)],
  'motion.withdrawn': (_w, e) => [to('motion', e.motion)],
  'appeal.noticed': (_w, e) => [to('appeal', e.appealDocket)],
  'stay.motionFiled': (_w, e) => [to('motion', e.id)],
  'stay.granted': (w, e) => {
    const injunction = w.motions[e.motion]?.injunction;
    return [to('motion', e.motion), to('stay', e.id), ...(injunction ? [to('injunction', injunction)] : [])];
  },
  'stay.denied': (_w, e) => [to('motion', e.motion)],
  'stay.applicationFiled': (_w, e) => [to('motion', e.id)],
  'stay.applicationGranted': (w, e) => {
    const injunction = w.motions[e.motion]?.injunction;
    return [to('motion', e.motion), to('stay', e.id), ...(injunction ? [to('injunction', injunction)] : [])];
  },
  'stay.applicationDenied': (_w, e) => [to('motion', e.motion)],
  'certiorari.petitioned': (_w, e) => [to('certiorari', e.appealDocket)],
  'certiorari.granted': (_w, e) => [to('certiorari', e.appealDocket)],
  // The appeal whose judgment certiorari would have reviewed, its petition where the log records one, and
  // the Supreme Court stays pending the petition.
  'certiorari.denied': (w, e) => {
    const order = w.appeals[e.appealDocket]?.order ?? '';
    const stays = certiorariStaysOf(w, order);
    return [
      to('appeal', e.appealDocket),
      ...(w.petitions[e.appealDocket] ? [to('certiorari', e.appealDocket)] : []),
      ...stays.map((s) => to('stay', s.id)),
      ...(stays.length > 0 && w.injunctions[order] ? [to('injunction', order)] : []),
    ];
  },
  'certiorari.decided': (_w, e) => [to('certiorari', e.appealDocket)],
  // The Court's judgment sent down acts on the injunction appealed from, and ends its stays pending certiorari.
  'certiorari.judgmentSent': (w, e) => {
    const order = w.appeals[e.appealDocket]?.order ?? '';
    return [
      to('certiorari', e.appealDocket),
      ...certiorariStaysOf(w, order).map((s) => to('stay', s.id)),
      ...(w.injunctions[order] ? [to('injunction', order)] : []),
    ];
  },
  'stay.vacated': (w, e) => {
    const injunction = w.stays[e.stay]?.injunction;
    return [to('stay', e.stay), ...(injunction ? [to('injunction', injunction)] : [])];
  },
  'stay.modified': (_w, e) => [to('stay', e.stay)],
  'appeal.heldInAbeyance': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.abeyanceLifted': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.decided': (w, e) => [to('appeal', e.appealDocket), ...pendingMotionsOn(w, e.appealDocket)],
  'appeal.mandateIssued': appealEnd,
  'appeal.rehearingSought': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.rehearingDenied': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.rehearingGranted': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.mandateStayMotionFiled': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.mandateStayGranted': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.mandateStayDenied': (_w, e) => [to('appeal', e.appealDocket)],
  'appeal.dismissed': appealEnd,
  'context.note': () => NONE,
  'relief.enteredElsewhere': (_w, e) => [to('injunction', e.id)],
  'relief.stayedElsewhere': (_w, e) => [to('stay', e.id), to('injunction', e.injunction)],
  'relief.stayLiftedElsewhere': (w, e) => {
    const injunction = w.stays[e.stay]?.injunction;
    return [to('stay', e.stay), ...(injunction ? [to('injunction', injunction)] : [])];
  },
  'relief.endedElsewhere': (w, e) => [to('injunction', e.injunction), ...staysOf(w, e.injunction)],
};

/** The lifecycle of each event kind's primary object: the chart whose arrow decides whether it is accepted. */
export const PRIMARY: { readonly [T in CaseEvent['type']]: LifecycleId | undefined } = {
  'order.signed': 'order',
  'order.revoked': 'order',
  'identification.announced': 'identification',
  'identification.datesChanged': 'identification',
  'identification.withdrawn': 'identification',
  'identification.rescinded': 'identification',
  'identification.suspended': 'identification',
  'identification.enforcementResumed': 'identification',
  'government.position': undefined,
  'complaint.filed': 'district-case',
  'complaint.amended': 'district-case',
  'case.proceedingsStayed': 'district-case',
  'case.proceedingsResumed': 'district-case',
  'case.dismissed': 'district-case',
  'case.judgment': 'district-case',
  'injunction.motionFiled': 'motion',
  'injunction.granted': 'motion',
  'injunction.denied': 'motion',
  'injunctionPendingAppeal.motionFiled': 'motion',
  'injunctionPendingAppeal.granted': 'motion',
  'injunctionPendingAppeal.denied': 'motion',
  'injunction.extended': 'injunction',
  'motion.withdrawn': 'motion',
  'appeal.noticed': 'appeal',
  'stay.motionFiled': 'motion',
  'stay.granted': 'motion',
  'stay.denied': 'motion',
  'stay.applicationFiled': 'motion',
  'stay.applicationGranted': 'motion',
  'stay.applicationDenied': 'motion',
  'certiorari.petitioned': 'certiorari',
  'certiorari.granted': 'certiorari',
  'certiorari.denied': 'appeal',
  'certiorari.decided': 'certiorari',
  'certiorari.judgmentSent': 'certiorari',
  'stay.vacated': 'stay',
  'stay.modified': 'stay',
  'appeal.heldInAbeyance': 'appeal',
  'appeal.abeyanceLifted': 'appeal',
  'appeal.decided': 'appeal',
  'appeal.mandateIssued': 'appeal',
  'appeal.rehearingSought': 'appeal',
  'appeal.rehearingDenied': 'appeal',
  'appeal.rehearingGranted': 'appeal',
  'appeal.mandateStayMotionFiled': 'appeal',
  'appeal.mandateStayGranted': 'appeal',
  'appeal.mandateStayDenied': 'appeal',
  'appeal.dismissed': 'appeal',
  'context.note': undefined,
  'relief.enteredElsewhere': 'injunction',
  'relief.stayedElsewhere': 'stay',
  'relief.stayLiftedElsewhere': 'stay',
  'relief.endedElsewhere': 'injunction',
};

/** The objects `event` is addressed to in `world`: the primary object first (none for notes and positions). */
export function addressees(world: CaseContext, event: CaseEvent): readonly Addressee[] {
  return (ROUTES[event.type] as (w: CaseContext, e: CaseEvent) => readonly Addressee[])(world, event);
}
