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
  return [
    ...ofType(events, 'order.signed').flatMap((e) => (e.provisions ?? []).map((p) => p.id)),
    ...ofType(events, 'identification.announced').flatMap((e) => e.prohibitions.map((p) => p.id)),
  ];
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

/** The disposition of the last decision on an appeal docket, if it was decided (rehearing may decide anew). */
function dispositionOf(events: readonly CaseEvent[], appealDocket: string) {
  return ofType(events, 'appeal.decided')
    .filter((d) => d.appealDocket === appealDocket)
    .at(-1)?.disposition;
}

/**
 * The court of appeals' disposition as it stands in `events`: once the Supreme Court's judgment on
 * certiorari is sent down (S. Ct. R. 45.3), an affirmance leaves it, a reversal turns it round, and a
 * vacatur leaves none standing.
 */
function standingDispositionOf(events: readonly CaseEvent[], appealDocket: string) {
  const below = dispositionOf(events, appealDocket);
  const sent = ofType(events, 'certiorari.judgmentSent').some((j) => j.appealDocket === appealDocket);
  const decided = ofType(events, 'certiorari.decided').find((d) => d.appealDocket === appealDocket);
  if (!sent || !decided || decided.disposition === 'affirmed') return below;
  if (decided.disposition === 'vacated' || below === undefined) return undefined;
  return below === 'affirmed' ? 'reversed' : 'affirmed';
}

/** Whether the Supreme Court reversed a judgment that affirmed the injunction appealed from in `appealDocket`. */
function reversedAnAffirmance(events: readonly CaseEvent[], appealDocket: string) {
  const decided = ofType(events, 'certiorari.decided').find((d) => d.appealDocket === appealDocket);
  return decided?.disposition === 'reversed' && dispositionOf(events, appealDocket) === 'affirmed';
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
  // A section of an order that prohibits by its own force has no identification: only its order's revocation ends it.
  const signed = ofType(events, 'order.signed').find((e) => e.provisions?.some((x) => x.id === p));
  const order = announced?.order ?? signed?.order;
  if (order === undefined) throw new Error(`the history names no prohibition ${p}`);
  let effective = (announced?.prohibitions ?? signed?.provisions ?? []).find((x) => x.id === p)?.effective;
  for (const moved of ofType(events, 'identification.datesChanged'))
    for (const change of moved.changes) if (change.prohibition === p) effective = change.effective;
  if (!effective || !begunBy(effective, t)) return false;
  if (ofType(events, 'order.revoked').some((e) => e.order === order)) return false;
  const ended = [
    ...ofType(events, 'identification.withdrawn'),
    ...ofType(events, 'identification.rescinded'),
  ];
  if (announced && ended.some((e) => e.identification === announced.identification)) return false;
  if (announced && suspendedByModel(events, announced.identification, p, t)) return false;
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
  /** For an injunction pending appeal: the appeal it lasts as long as. */
  readonly pendingAppeal?: string | undefined;
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
    // FRCP 62(d): an injunction pending an appeal from the refusal of one, on the docket of the court granting it.
    if (e.type === 'injunctionPendingAppeal.granted') {
      const filed = ofType(events, 'injunctionPendingAppeal.motionFiled').find((m) => m.id === e.motion);
      return [
        {
          event: e,
          prohibitions: e.scope.prohibitions,
          docket: filed?.docket,
          pendingAppeal: filed?.appealDocket,
          universal: (e.scope.beneficiaries ?? (e.scope.nationwide ? 'everyone' : '')) === 'everyone',
        },
      ];
    }
    // Walker v. City of Birmingham: another court's injunction binds here until stayed or ended there.
    if (e.type === 'relief.enteredElsewhere')
      return [
        {
          event: e,
          prohibitions: e.scope.prohibitions,
          docket: e.docket,
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
function suspendedByModel(
  events: readonly CaseEvent[],
  identification: string,
  p: string,
  t: number,
): boolean {
  let suspended = false;
  for (const e of events) {
    if (e.type !== 'identification.suspended' && e.type !== 'identification.enforcementResumed') continue;
    if (e.identification !== identification || (e.prohibitions && !e.prohibitions.includes(p))) continue;
    // A suspension that says when it ends binds the agency only until then.
    suspended = e.type === 'identification.suspended' && !(e.until && begunBy(e.until, t));
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
  // An injunction pending appeal ends with its appeal; relief entered elsewhere ends when it ends there.
  const ownEnd = after.findIndex(
    (e) =>
      ((e.type === 'appeal.mandateIssued' || e.type === 'appeal.dismissed') &&
        entered.pendingAppeal !== undefined &&
        e.appealDocket === entered.pendingAppeal) ||
      (e.type === 'relief.endedElsewhere' && e.injunction === g.id),
  );
  const endedThere = after[ownEnd];
  // Vacated there, it is undone as a reversal here would undo it; dissolved or superseded, it simply ended.
  if (endedThere)
    return endedThere.type === 'relief.endedElsewhere' && endedThere.how === 'vacated' ? 'undone' : 'ended';
  // The Supreme Court's judgment, sent down, undoes it where the Court reversed an affirmance of it.
  const appealDockets = new Set(
    ofType(events, 'appeal.noticed')
      .filter((x) => x.order === g.id)
      .map((x) => x.appealDocket),
  );
  const undoing = [
    ...ends,
    ...ofType(after, 'certiorari.judgmentSent').filter((j) => appealDockets.has(j.appealDocket)),
  ]
    .sort((x, y) => events.indexOf(x) - events.indexOf(y))
    .find((e) => {
      if (e.type === 'certiorari.judgmentSent') return reversedAnAffirmance(events, e.appealDocket);
      if (e.type === 'appeal.mandateIssued') {
        const disposition = standingDispositionOf(events.slice(0, events.indexOf(e)), e.appealDocket);
        return disposition !== undefined && disposition !== 'affirmed';
      }
      return e.vacatur === true || e.vacatur === 'granted';
    });
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
  const applications = new Set(
    ofType(events, 'stay.applicationFiled')
      .filter((m) => m.injunction === g.id)
      .map((m) => m.id),
  );
  const certiorariStays = ofType(after, 'stay.applicationGranted').filter((s) => applications.has(s.motion));
  // What a stay covers: as granted, or as a court last modified it (FRCP 62(d)).
  const covers = (s: EventOf<'stay.granted' | 'stay.applicationGranted' | 'relief.stayedElsewhere'>) => {
    const modified = ofType(events, 'stay.modified').filter((m) => m.stay === s.id);
    return (modified.at(-1)?.prohibitions ?? s.prohibitions ?? entered.prohibitions).includes(p);
  };
  const vacated = (s: CaseEvent) =>
    ofType(events, 'stay.vacated').some((v) => v.stay === s.id) ||
    ofType(events, 'relief.stayLiftedElsewhere').some((v) => v.stay === s.id);
  // 28 U.S.C. 2101(f): a Supreme Court stay pending certiorari outlives the mandate below and ends when
  // certiorari is denied, when the Court's judgment is sent down (S. Ct. R. 45.3), or when the appeal is
  // dismissed; the stays pending appeal beside it end with the mandate.
  const disposed = [...ofType(after, 'certiorari.denied'), ...ofType(after, 'certiorari.judgmentSent')].some(
    (c) => appealDockets.has(c.appealDocket),
  );
  if (
    certiorariStays.some(
      (s) => covers(s) && !vacated(s) && !disposed && !ends.some((e) => e.type === 'appeal.dismissed'),
    )
  )
    return 'stayed';
  if (ofType(after, 'relief.stayedElsewhere').some((s) => s.injunction === g.id && covers(s) && !vacated(s)))
    return 'stayed';
  const stayed = ofType(after, 'stay.granted').some((s) => {
    if (!stayMotions.has(s.motion) || !covers(s) || vacated(s)) return false;
    // A stay pending appeal lasts until an appeal from the injunction is decided or dismissed, and with no
    // appeal at all, until the time to take one runs out (30 days, or 60 with a U.S. party: FRAP 4(a)(1)).
    const later = events.slice(events.indexOf(s) + 1);
    const end = ends.find((e) => later.includes(e));
    if (end) return false;
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
  const isRuling = (e: CaseEvent): e is EventOf<'injunction.granted' | 'injunction.denied'> =>
    e.type === 'injunction.granted' || e.type === 'injunction.denied';
  // Which relief a ruling decides: the one it names, or, for a motion seeking a TRO and a PI, the one no
  // earlier ruling decided in full (a ruling that defers prohibitions leaves its relief open).
  const reliefRuledOn = (ruling: EventOf<'injunction.granted' | 'injunction.denied'>) => {
    if (ruling.relief) return ruling.relief;
    const motion = ofType(before, 'injunction.motionFiled').find((m) => m.id === ruling.motion);
    if (!motion?.alsoSeeks) return motion?.relief;
    const done = new Set<string>();
    for (const r of before.slice(0, before.indexOf(ruling)))
      if (isRuling(r) && r.motion === ruling.motion && !r.deferred) done.add(reliefRuledOn(r) ?? '');
    return [motion.relief, motion.alsoSeeks].find((x) => !done.has(x));
  };
  // 28 U.S.C. 1292(a)(1): an order granting or refusing a preliminary injunction, in whole or in part, is
  // appealable; one on a TRO is not, unless it has a PI's effect. Motions a ruling also decides are decided in full.
  const appealable =
    (order?.type === 'injunction.granted' && (reliefRuledOn(order) === 'preliminary' || troAsPi(order))) ||
    (order?.type === 'injunction.denied' &&
      (reliefRuledOn(order) === 'preliminary' ||
        (order.alsoDecides ?? []).some((m) => relief(m) === 'preliminary'))) ||
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
  const provisionsOf = new Map<string, string[]>(); // order → its own prohibiting sections
  // FRCP 65(a)-(b): the parts of an injunction motion still undecided (a relief, or the prohibitions deferred).
  const openOf = new Map<string, { relief: string; deferred?: readonly string[] }[]>();
  const grantedInPart = new Set<string>(); // injunction motions some ruling granted
  const pendingAppealOf = new Map<string, string[]>(); // appeal docket → injunctions granted pending it
  const ipaAppeal = new Map<string, string>(); // motion for an injunction pending appeal → its appeal
  const certiorariStays = new Set<string>(); // Supreme Court stays, pending certiorari

  const moveProhibitions = (ids: readonly string[], from: readonly string[], to: string) => {
    for (const p of ids) if (from.includes(get('prohibition', p) ?? '')) set('prohibition', p, to);
  };
  // A motion awaiting a ruling, in whole or as to a deferred part, is moot when its case or appeal ends.
  const mootPendingOn = (docket: string) => {
    for (const [m, d] of motionDocket)
      if (d === docket && ['pending', 'partly-decided'].includes(get('motion', m) ?? ''))
        set('motion', m, 'moot');
  };
  const endStays = (injunction: string, keep: (stay: string) => boolean = () => false) => {
    for (const s of staysOf.get(injunction) ?? [])
      if (get('stay', s) === 'in-force' && !keep(s)) set('stay', s, 'ended');
  };
  const standing = (injunction: string) =>
    ['in-force', 'stayed'].includes(get('injunction', injunction) ?? '');
  const stayHolds = (injunction: string) =>
    (staysOf.get(injunction) ?? []).some((s) => get('stay', s) === 'in-force');
  const addStay = (stay: string, injunction: string) => {
    set('stay', stay, 'in-force');
    staysOf.set(injunction, [...(staysOf.get(injunction) ?? []), stay]);
    if (standing(injunction)) set('injunction', injunction, 'stayed');
  };
  // Nken v. Holder, 556 U.S. 418, 428-29: a stay suspends the injunction; once no stay of it holds, it binds again.
  const restoreUnlessStayed = (injunction: string) => {
    if (get('injunction', injunction) === 'stayed' && !stayHolds(injunction))
      set('injunction', injunction, 'in-force');
  };
  // A motion with nothing left to decide was granted if any ruling on it granted relief (FRCP 65(d)(1)).
  const decided = (m: string) => (grantedInPart.has(m) ? 'granted' : 'denied');

  for (const e of events) {
    switch (e.type) {
      case 'order.signed':
        set('order', e.order, 'in-force');
        // Sections that prohibit by the order's own force (EO 13769 sec. 3(c)) are scheduled like identified ones.
        provisionsOf.set(
          e.order,
          (e.provisions ?? []).map((p) => p.id),
        );
        for (const p of e.provisions ?? []) set('prohibition', p.id, 'scheduled');
        break;
      case 'order.revoked':
        set('order', e.order, 'revoked');
        moveProhibitions(provisionsOf.get(e.order) ?? [], ['scheduled', 'suspended'], 'order-revoked');
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
        // One motion may seek a TRO and a preliminary injunction: each is a part the court rules on.
        openOf.set(
          e.id,
          [e.relief, ...(e.alsoSeeks ? [e.alsoSeeks] : [])].map((relief) => ({ relief })),
        );
        break;
      case 'stay.motionFiled':
      case 'stay.applicationFiled':
        set('motion', e.id, 'pending');
        motionDocket.set(e.id, e.docket);
        motionInjunction.set(e.id, e.injunction);
        break;
      case 'injunctionPendingAppeal.motionFiled':
        set('motion', e.id, 'pending');
        motionDocket.set(e.id, e.docket);
        ipaAppeal.set(e.id, e.appealDocket);
        break;
      case 'injunction.granted':
      case 'injunction.denied': {
        const granted = e.type === 'injunction.granted';
        // FRCP 65(a)-(b): a ruling decides one open part (the relief it names, or the only one), and
        // leaves pending the other relief sought and the prohibitions it defers.
        const open = openOf.get(e.motion) ?? [];
        const part = e.relief ?? open[0]?.relief;
        const left = [
          ...open.filter((o) => o.relief !== part),
          ...(e.deferred ? [{ relief: part ?? '', deferred: e.deferred }] : []),
        ];
        openOf.set(e.motion, left);
        if (granted) grantedInPart.add(e.motion);
        set('motion', e.motion, left.length > 0 ? 'partly-decided' : decided(e.motion));
        // Other motions it decides are decided in full.
        for (const m of e.alsoDecides ?? []) set('motion', m, granted ? 'granted' : 'denied');
        if (granted) {
          set('injunction', e.id, 'in-force');
          injunctionDocket.set(e.id, motionDocket.get(e.motion) ?? '');
        }
        break;
      }
      case 'motion.withdrawn':
        // Withdrawing the deferred part leaves what was decided standing.
        set(
          'motion',
          e.motion,
          get('motion', e.motion) === 'partly-decided' ? decided(e.motion) : 'withdrawn',
        );
        break;
      case 'stay.granted':
      case 'stay.applicationGranted':
        set('motion', e.motion, 'granted');
        addStay(e.id, motionInjunction.get(e.motion) ?? '');
        // 28 U.S.C. 2101(f): the Supreme Court's stay lasts pending the petition for certiorari.
        if (e.type === 'stay.applicationGranted') certiorariStays.add(e.id);
        break;
      case 'stay.denied':
      case 'stay.applicationDenied':
      case 'injunctionPendingAppeal.denied':
        set('motion', e.motion, 'denied');
        break;
      case 'injunctionPendingAppeal.granted': {
        // FRCP 62(d): an injunction for as long as the appeal from the refusal is pending.
        set('motion', e.motion, 'granted');
        set('injunction', e.id, 'in-force');
        injunctionDocket.set(e.id, motionDocket.get(e.motion) ?? '');
        const appeal = ipaAppeal.get(e.motion) ?? '';
        pendingAppealOf.set(appeal, [...(pendingAppealOf.get(appeal) ?? []), e.id]);
        break;
      }
      case 'stay.vacated':
      case 'relief.stayLiftedElsewhere': {
        set('stay', e.stay, 'ended');
        for (const [injunction, stays] of staysOf)
          if (stays.includes(e.stay)) restoreUnlessStayed(injunction);
        break;
      }
      case 'relief.enteredElsewhere':
        // Walker v. City of Birmingham: another court's injunction binds as if entered here.
        set('injunction', e.id, 'in-force');
        injunctionDocket.set(e.id, e.docket);
        break;
      case 'relief.stayedElsewhere':
        addStay(e.id, e.injunction);
        break;
      case 'relief.endedElsewhere':
        set('injunction', e.injunction, e.how);
        endStays(e.injunction);
        break;
      case 'appeal.rehearingGranted':
        // FRAP 35, 40: the appeal is pending again, to be decided anew.
        set('appeal', e.appealDocket, 'pending');
        break;
      case 'appeal.mandateStayMotionFiled':
        set('appeal', e.appealDocket, 'mandate-stay-sought');
        break;
      case 'appeal.mandateStayGranted':
        set('appeal', e.appealDocket, 'mandate-stayed');
        break;
      case 'appeal.mandateStayDenied':
        set('appeal', e.appealDocket, 'decided');
        break;
      case 'certiorari.petitioned':
        set('certiorari', e.appealDocket, 'pending');
        break;
      case 'certiorari.granted':
        set('certiorari', e.appealDocket, 'granted');
        break;
      case 'certiorari.decided':
        set('certiorari', e.appealDocket, 'decided');
        break;
      case 'certiorari.denied':
      case 'certiorari.judgmentSent': {
        // The Supreme Court's stay pending certiorari ends with the denial, or with its judgment sent down
        // after a grant (S. Ct. R. 23, 45.3; 28 U.S.C. 2101(f)); a stay pending appeal lasts to the mandate.
        if (get('certiorari', e.appealDocket) !== undefined)
          set('certiorari', e.appealDocket, e.type === 'certiorari.denied' ? 'denied' : 'judgment-sent');
        const order = appealOrder.get(e.appealDocket) ?? '';
        endStays(order, (stay) => !certiorariStays.has(stay));
        // A reversal of a judgment affirming the injunction undoes it when the judgment is sent down.
        if (
          e.type === 'certiorari.judgmentSent' &&
          standing(order) &&
          reversedAnAffirmance(events, e.appealDocket)
        )
          set('injunction', order, 'vacated');
        restoreUnlessStayed(order);
        break;
      }
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
        // FRCP 62(d): an injunction pending this appeal ends with it.
        for (const i of pendingAppealOf.get(e.appealDocket) ?? []) {
          if (!standing(i)) continue;
          set('injunction', i, 'dissolved');
          endStays(i);
        }
        const order = appealOrder.get(e.appealDocket) ?? '';
        if (!standing(order)) break;
        const standingNow = standingDispositionOf(events.slice(0, events.indexOf(e)), e.appealDocket);
        const undone =
          e.type === 'appeal.mandateIssued'
            ? standingNow !== undefined && standingNow !== 'affirmed'
            : e.vacatur === true || e.vacatur === 'granted';
        // A Supreme Court stay pending certiorari outlives the mandate below (28 U.S.C. 2101(f)); the stays
        // pending appeal end with it (the machine's reading of an unsettled point: stayPendingCertiorari).
        if (e.type === 'appeal.mandateIssued') endStays(order, (st) => certiorariStays.has(st));
        else endStays(order);
        if (undone) set('injunction', order, 'vacated');
        else restoreUnlessStayed(order);
        break;
      }
      default:
        break;
    }
  }
  return state;
}
