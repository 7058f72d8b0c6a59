/**
 * An independent model of the case, computed from the history of accepted events alone: it reads no
 * machine context and calls no rule, so the property tests can hold the machine to it.
 */
import { begunBy, happenedBy, rangeOf } from '../../src/events/instant.js';
import type { CaseEvent, EventOf, EventType } from '../../src/events/schema.js';

function ofType<T extends EventType>(events: readonly CaseEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** Every prohibition the history names, with the event that announced it. */
export function announcedProhibitions(events: readonly CaseEvent[]): string[] {
  return ofType(events, 'identification.announced').flatMap((e) => e.prohibitions.map((p) => p.id));
}

/**
 * The events that end an appeal from the order `orderId` as far as that order is concerned, in history
 * order: the mandate (a decision acts only through it, FRAP 41(c)) or a dismissal.
 */
function appealEnds(events: readonly CaseEvent[], orderId: string) {
  const dockets = new Set(
    ofType(events, 'appeal.noticed')
      .filter((a) => a.order === orderId)
      .map((a) => a.appealDocket),
  );
  return events.filter(
    (e): e is EventOf<'appeal.mandateIssued' | 'appeal.dismissed'> =>
      (e.type === 'appeal.mandateIssued' || e.type === 'appeal.dismissed') && dockets.has(e.appealDocket),
  );
}

/** The disposition of the decision on an appeal docket, if it was decided. */
function dispositionOf(events: readonly CaseEvent[], appealDocket: string) {
  return ofType(events, 'appeal.decided').find((d) => d.appealDocket === appealDocket)?.disposition;
}

/**
 * Whether prohibition `p` binds everyone at epoch `t`, given the accepted events that had happened by then:
 * its identification has taken effect, the order behind it is not revoked, the identification is not
 * withdrawn or rescinded, and no injunction covering it is in force and unstayed.
 */
export function inForceByModel(events: readonly CaseEvent[], p: string, t: number): boolean {
  const announced = ofType(events, 'identification.announced').find((e) =>
    e.prohibitions.some((x) => x.id === p),
  );
  if (!announced) throw new Error(`the history names no prohibition ${p}`);
  let effective = announced.prohibitions.find((x) => x.id === p)?.effective;
  for (const moved of ofType(events, 'identification.datesChanged'))
    for (const change of moved.changes) if (change.prohibition === p) effective = change.effective;
  if (!effective || !begunBy(effective, t)) return false;
  if (ofType(events, 'order.revoked').some((e) => e.order === announced.order)) return false;
  const ended = [
    ...ofType(events, 'identification.withdrawn'),
    ...ofType(events, 'identification.rescinded'),
  ];
  if (ended.some((e) => e.identification === announced.identification)) return false;
  if (suspendedByModel(events, announced.identification, p)) return false;
  if (injunctionsOf(events).some((g) => enjoinsUnstayed(events, g, p, t))) return false;
  // Barred by a universal injunction when it came due, and now stayed or reversed, it never took effect:
  // the agency sets a new time.
  const due = rangeOf(effective).start;
  const byDue = events.filter((e) => happenedBy(e.at, due));
  return !injunctionsOf(byDue).some((g) => {
    if (!g.universal || !enjoinsUnstayed(byDue, g, p, due)) return false;
    const now = injunctionsOf(events).find((x) => x.event === g.event);
    const state = now ? injunctionAt(events, now, p, t) : 'enjoins';
    return state === 'stayed' || state === 'undone';
  });
}

/** An injunction as the history enters it: a TRO or PI granted on a motion, or a permanent one in a judgment. */
interface Entered {
  readonly event: CaseEvent;
  readonly prohibitions: readonly string[];
  readonly docket: string | undefined;
  readonly expires?: EventOf<'injunction.granted'>['expires'];
  /** It protects everyone: said so, or (in older events) nationwide with no narrower beneficiaries named. */
  readonly universal: boolean;
}

function injunctionsOf(events: readonly CaseEvent[]): Entered[] {
  const docketOf = (motion: string) =>
    ofType(events, 'injunction.motionFiled').find((m) => m.id === motion)?.docket;
  return events.flatMap((e): Entered[] => {
    if (e.type === 'injunction.granted')
      return [
        {
          event: e,
          prohibitions: e.scope.prohibitions,
          docket: docketOf(e.motion),
          expires: e.expires,
          universal: (e.scope.beneficiaries ?? (e.scope.nationwide ? 'everyone' : '')) === 'everyone',
        },
      ];
    if (e.type === 'case.judgment' && e.permanentInjunction)
      return [
        {
          event: e,
          prohibitions: e.permanentInjunction.prohibitions,
          docket: e.docket,
          universal: e.permanentInjunction.nationwide,
        },
      ];
    return [];
  });
}

/**
 * Whether the agency's last word on `p` is a suspension: each suspension or resumption names its
 * prohibitions, or, naming none, covers every prohibition of its identification.
 */
function suspendedByModel(events: readonly CaseEvent[], identification: string, p: string): boolean {
  let suspended = false;
  for (const e of events) {
    if (e.type !== 'identification.suspended' && e.type !== 'identification.enforcementResumed') continue;
    if (e.identification !== identification || (e.prohibitions && !e.prohibitions.includes(p))) continue;
    suspended = e.type === 'identification.suspended';
  }
  return suspended;
}

/** Whether injunction `g` covers `p`, is in force at `t`, and is not stayed as to `p`. */
function enjoinsUnstayed(events: readonly CaseEvent[], entered: Entered, p: string, t: number) {
  return injunctionAt(events, entered, p, t) === 'enjoins';
}

/** What injunction `g` does to `p` at `t`: enjoins it, or why not. */
function injunctionAt(
  events: readonly CaseEvent[],
  entered: Entered,
  p: string,
  t: number,
): 'enjoins' | 'not-covering' | 'ended' | 'undone' | 'stayed' {
  const g = entered.event;
  if (!entered.prohibitions.includes(p)) return 'not-covering';
  // A TRO lapses at the expiry its order sets, or at the last extension's (FRCP 65(b)(2)).
  const extended = ofType(events, 'injunction.extended').filter((x) => x.injunction === g.id);
  const expires = extended.at(-1)?.expires ?? entered.expires;
  const after = events.slice(events.indexOf(g) + 1);
  // The end of its case ends it: a dismissal, or a final judgment (which supersedes preliminary relief).
  const caseEnd = after.findIndex(
    (e) => (e.type === 'case.dismissed' || e.type === 'case.judgment') && e.docket === entered.docket,
  );
  const ends = appealEnds(after, g.id);
  const undoing = ends.find((e) =>
    e.type === 'appeal.mandateIssued'
      ? dispositionOf(events, e.appealDocket) !== 'affirmed'
      : e.vacatur === true || e.vacatur === 'granted',
  );
  // Whichever came first ends it: a dissolved injunction cannot be vacated, nor a vacated one dissolved.
  const undoneAt = undoing ? after.indexOf(undoing) : -1;
  const undoneFirst = undoneAt >= 0 && (caseEnd < 0 || undoneAt < caseEnd);
  // A TRO that lapsed simply ended; one vacated before its lapse stays vacated (the lapse of an order that
  // no longer binds changes nothing).
  const undoneBeforeLapse = undoneFirst && expires && undoing && !begunBy(expires, rangeOf(undoing.at).start);
  if (expires && begunBy(expires, t) && !undoneBeforeLapse) return 'ended';
  if (undoneFirst) return 'undone';
  if (caseEnd >= 0) return 'ended';
  const stayMotions = new Set(
    ofType(events, 'stay.motionFiled')
      .filter((m) => m.injunction === g.id)
      .map((m) => m.id),
  );
  const stayed = ofType(after, 'stay.granted').some((s) => {
    if (!stayMotions.has(s.motion) || !(s.prohibitions ?? entered.prohibitions).includes(p)) return false;
    // A stay pending appeal lasts until an appeal from the injunction is decided or dismissed, and with no
    // appeal at all, until the time to take one runs out (30 days, or 60 with a U.S. party: FRAP 4(a)(1)).
    const later = events.slice(events.indexOf(s) + 1);
    if (ends.some((e) => later.includes(e))) return false;
    if (ofType(events, 'appeal.noticed').some((a) => a.order === g.id)) return true;
    const usParty = ofType(events, 'complaint.filed').find(
      (c) => c.docket === entered.docket,
    )?.unitedStatesIsParty;
    return t < rangeOf(g.at).end + (usParty ? 60 : 30) * 86_400_000;
  });
  return stayed ? 'stayed' : 'enjoins';
}

/**
 * Where an accepted `stay.granted` breaks "no stay without a pending motion for it": undefined when an
 * accepted stay motion with that id came before it and had not been ruled on or terminated by then.
 */
export function stayWithoutPendingMotion(accepted: readonly CaseEvent[], index: number): string | undefined {
  const stay = accepted[index];
  if (stay?.type !== 'stay.granted') return undefined;
  const before = accepted.slice(0, index);
  const motionAt = before.findIndex((e) => e.type === 'stay.motionFiled' && e.id === stay.motion);
  const motion = before[motionAt] as EventOf<'stay.motionFiled'> | undefined;
  if (!motion) return `${stay.id} grants a stay on ${stay.motion}, which is no stay motion filed before it`;
  const since = before.slice(motionAt + 1);
  const ruled = since.find(
    (e) => (e.type === 'stay.granted' || e.type === 'stay.denied') && e.motion === motion.id,
  );
  if (ruled) return `${stay.id} rules again on ${motion.id}, already ruled on by ${ruled.id}`;
  const terminated = since.find(
    (e) =>
      (e.type === 'case.dismissed' && e.docket === motion.docket) ||
      ((e.type === 'appeal.decided' || e.type === 'appeal.dismissed') && e.appealDocket === motion.docket),
  );
  if (terminated) return `${stay.id} rules on ${motion.id}, terminated by ${terminated.id}`;
  return undefined;
}

/**
 * Where an accepted `appeal.noticed` breaks "no appeal without an appealable order": undefined when it
 * names an earlier accepted grant or denial of a preliminary injunction, or a dismissal of the case.
 */
export function appealWithoutAppealableOrder(
  accepted: readonly CaseEvent[],
  index: number,
): string | undefined {
  const appeal = accepted[index];
  if (appeal?.type !== 'appeal.noticed') return undefined;
  const before = accepted.slice(0, index);
  const relief = (motion: string) =>
    ofType(before, 'injunction.motionFiled').find((m) => m.id === motion)?.relief;
  const order = before.find((e) => e.id === appeal.order);
  // A TRO has a PI's effect once kept past Rule 65(b)'s 14 days and one like extension, or when entered
  // after an adversary hearing (Sampson v. Murray).
  const troAsPi = (g: EventOf<'injunction.granted'>) => {
    const expiry =
      ofType(before, 'injunction.extended')
        .filter((x) => x.injunction === g.id)
        .at(-1)?.expires ?? g.expires;
    const beyond = expiry !== undefined && rangeOf(expiry).start > rangeOf(g.at).end + 28 * 86_400_000;
    return g.adversaryHearing === true || beyond;
  };
  const appealable =
    (order?.type === 'injunction.granted' && (relief(order.motion) === 'preliminary' || troAsPi(order))) ||
    (order?.type === 'injunction.denied' &&
      [order.motion, ...(order.alsoDecides ?? [])].some((m) => relief(m) === 'preliminary')) ||
    order?.type === 'case.dismissed' ||
    order?.type === 'case.judgment';
  return appealable
    ? undefined
    : `${appeal.id} appeals from ${appeal.order} (${order?.type ?? 'no such event'}), which is not an appealable order`;
}

/**
 * The lifecycle state of every object, by a fold over the accepted history alone, written from the rules
 * of procedure as a list of "when this happens, that object is now in this state", without the charts, the
 * router or the record: key `lifecycle id`, value the state.
 */
export function objectStatesByModel(events: readonly CaseEvent[]): Map<string, string> {
  const state = new Map<string, string>();
  const set = (lifecycle: string, id: string, value: string) => state.set(`${lifecycle} ${id}`, value);
  const get = (lifecycle: string, id: string) => state.get(`${lifecycle} ${id}`);
  const prohibitionsOf = new Map<string, string[]>(); // identification → prohibitions
  const identificationsOf = new Map<string, string[]>(); // order → identifications
  const motionDocket = new Map<string, string>();
  const motionInjunction = new Map<string, string>(); // stay motion → injunction
  const injunctionDocket = new Map<string, string>();
  const staysOf = new Map<string, string[]>(); // injunction → stays
  const appealOrder = new Map<string, string>(); // appeal docket → order appealed from
  const disposition = new Map<string, string>(); // appeal docket → its decision

  const moveProhibitions = (ids: readonly string[], from: readonly string[], to: string) => {
    for (const p of ids) if (from.includes(get('prohibition', p) ?? '')) set('prohibition', p, to);
  };
  const mootPendingOn = (docket: string) => {
    for (const [m, d] of motionDocket)
      if (d === docket && get('motion', m) === 'pending') set('motion', m, 'moot');
  };
  const endStays = (injunction: string) => {
    for (const s of staysOf.get(injunction) ?? []) if (get('stay', s) === 'in-force') set('stay', s, 'ended');
  };
  const standing = (injunction: string) =>
    ['in-force', 'stayed'].includes(get('injunction', injunction) ?? '');

  for (const e of events) {
    switch (e.type) {
      case 'order.signed':
        set('order', e.order, 'in-force');
        break;
      case 'order.revoked':
        set('order', e.order, 'revoked');
        for (const i of identificationsOf.get(e.order) ?? [])
          moveProhibitions(prohibitionsOf.get(i) ?? [], ['scheduled', 'suspended'], 'order-revoked');
        break;
      case 'identification.announced':
        set('identification', e.identification, 'announced');
        identificationsOf.set(e.order, [...(identificationsOf.get(e.order) ?? []), e.identification]);
        prohibitionsOf.set(
          e.identification,
          e.prohibitions.map((p) => p.id),
        );
        for (const p of e.prohibitions) set('prohibition', p.id, 'scheduled');
        break;
      case 'identification.withdrawn':
      case 'identification.rescinded': {
        const to = e.type === 'identification.withdrawn' ? 'withdrawn' : 'rescinded';
        set('identification', e.identification, to);
        moveProhibitions(
          prohibitionsOf.get(e.identification) ?? [],
          ['scheduled', 'suspended', 'order-revoked'],
          to,
        );
        break;
      }
      case 'identification.suspended':
        moveProhibitions(
          e.prohibitions ?? prohibitionsOf.get(e.identification) ?? [],
          ['scheduled'],
          'suspended',
        );
        break;
      case 'identification.enforcementResumed':
        moveProhibitions(
          e.prohibitions ?? prohibitionsOf.get(e.identification) ?? [],
          ['suspended'],
          'scheduled',
        );
        break;
      case 'complaint.filed':
        set('district-case', e.docket, 'open');
        break;
      case 'case.proceedingsStayed':
        set('district-case', e.docket, 'proceedings-stayed');
        break;
      case 'case.proceedingsResumed':
        set('district-case', e.docket, 'open');
        break;
      case 'case.dismissed':
      case 'case.judgment': {
        set('district-case', e.docket, e.type === 'case.dismissed' ? 'dismissed' : 'judgment');
        mootPendingOn(e.docket);
        const permanent = e.type === 'case.judgment' && e.permanentInjunction !== undefined;
        for (const [i, d] of injunctionDocket) {
          if (d !== e.docket || !standing(i)) continue;
          set('injunction', i, permanent ? 'superseded' : 'dissolved');
          endStays(i);
        }
        if (permanent) {
          set('injunction', e.id, 'in-force');
          injunctionDocket.set(e.id, e.docket);
        }
        break;
      }
      case 'injunction.motionFiled':
        set('motion', e.id, 'pending');
        motionDocket.set(e.id, e.docket);
        break;
      case 'stay.motionFiled':
        set('motion', e.id, 'pending');
        motionDocket.set(e.id, e.docket);
        motionInjunction.set(e.id, e.injunction);
        break;
      case 'injunction.granted':
      case 'injunction.denied': {
        const to = e.type === 'injunction.granted' ? 'granted' : 'denied';
        for (const m of [e.motion, ...(e.alsoDecides ?? [])]) set('motion', m, to);
        if (e.type === 'injunction.granted') {
          set('injunction', e.id, 'in-force');
          injunctionDocket.set(e.id, motionDocket.get(e.motion) ?? '');
        }
        break;
      }
      case 'motion.withdrawn':
        set('motion', e.motion, 'withdrawn');
        break;
      case 'stay.granted': {
        set('motion', e.motion, 'granted');
        set('stay', e.id, 'in-force');
        const injunction = motionInjunction.get(e.motion) ?? '';
        staysOf.set(injunction, [...(staysOf.get(injunction) ?? []), e.id]);
        if (standing(injunction)) set('injunction', injunction, 'stayed');
        break;
      }
      case 'stay.denied':
        set('motion', e.motion, 'denied');
        break;
      case 'appeal.noticed':
        set('appeal', e.appealDocket, 'pending');
        appealOrder.set(e.appealDocket, e.order);
        break;
      case 'appeal.heldInAbeyance':
        set('appeal', e.appealDocket, 'in-abeyance');
        break;
      case 'appeal.abeyanceLifted':
        set('appeal', e.appealDocket, 'pending');
        break;
      case 'appeal.rehearingSought':
        set('appeal', e.appealDocket, 'rehearing-sought');
        break;
      case 'appeal.rehearingDenied':
        set('appeal', e.appealDocket, 'decided');
        break;
      case 'appeal.decided':
        // A decision acts on the injunction only through the mandate (FRAP 41(c)).
        set('appeal', e.appealDocket, 'decided');
        disposition.set(e.appealDocket, e.disposition);
        mootPendingOn(e.appealDocket);
        break;
      case 'appeal.mandateIssued':
      case 'appeal.dismissed': {
        set('appeal', e.appealDocket, e.type === 'appeal.mandateIssued' ? 'mandate-issued' : 'dismissed');
        if (e.type === 'appeal.dismissed') mootPendingOn(e.appealDocket);
        const order = appealOrder.get(e.appealDocket) ?? '';
        if (!standing(order)) break;
        const undone =
          e.type === 'appeal.mandateIssued'
            ? disposition.get(e.appealDocket) !== 'affirmed'
            : e.vacatur === true || e.vacatur === 'granted';
        if (undone) set('injunction', order, 'vacated');
        else if (get('injunction', order) === 'stayed') set('injunction', order, 'in-force');
        endStays(order);
        break;
      }
      default:
        break;
    }
  }
  return state;
}
