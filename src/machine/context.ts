/**
 * What the machine remembers about a case: plain, JSON-serializable records keyed by id, so that a
 * snapshot can be persisted and replay resumed from it. `evolve` applies an event that the machine's
 * guards have already accepted; it decides nothing.
 */
import { begunBy, type EpochRange, rangeOf } from '../events/instant.js';
import type {
  CaseEvent,
  Circuit,
  EventOf,
  InjunctionFindings,
  Instant,
  MootnessFinding,
  StayFindings,
} from '../events/schema.js';
import { circuitOfCourt } from './circuits.js';

export interface OrderRecord {
  id: string;
  title: string;
  signedBy: string;
  /** Who signed it: the President for an executive order (never enjoined without saying so, Franklin). */
  issuer?: string;
  status: 'in-force' | 'revoked';
  revokedBy?: string;
}

export interface IdentificationRecord {
  id: string;
  order: string;
  agency: string;
  announcedBy: string;
  status: 'announced' | 'withdrawn' | 'rescinded';
  endedBy?: string;
}

export interface ProhibitionRecord {
  id: string;
  identification: string;
  description: string;
  effective: Instant;
  /** Events that moved the effective instant, oldest first. */
  movedBy: string[];
}

export interface SuitRecord {
  docket: string;
  court: string;
  caseNumber: string;
  caseName: string;
  plaintiffs: string[];
  defendants: string[];
  unitedStatesIsParty: boolean;
  filedBy: string;
  /** The circuit whose law governs (28 U.S.C. 41): as recorded, or read from the court's name. */
  circuit?: Circuit;
  judge?: string;
  /** 28 U.S.C. 636(c)(1): consent of all parties to a magistrate judge, where the record says. */
  magistrateConsent?: 'all-parties' | 'declined';
  status: 'open' | 'dismissed';
  /** Why it was dismissed: 'moot' is the court's finding, with its reason in `mootness` where recorded. */
  dismissedAs?: EventOf<'case.dismissed'>['reason'];
  endedBy?: string;
  endedAt?: EpochRange;
  mootness?: MootnessFinding;
}

export interface AppealRecord {
  docket: string;
  court: string;
  caseNumber: string;
  /** The district docket the appeal comes from. */
  from: string;
  /** The event that entered the order appealed from. */
  order: string;
  noticedBy: string;
  status: 'pending' | 'abeyance' | 'decided' | 'dismissed';
  disposition?: 'affirmed' | 'reversed' | 'vacated';
  /** On a dismissal: whether the order appealed from was vacated (Munsingwear), as the record says. */
  vacatur?: Vacatur;
  dismissedAs?: EventOf<'appeal.dismissed'>['reason'];
  mootness?: MootnessFinding;
  endedBy?: string;
  /** The count of accepted events when it ended: the latest-ended appeal sets the region's phase. */
  endedSeq?: number;
}

export type Vacatur = 'granted' | 'refused' | 'unknown';

/** Who benefits from an injunction: the scope of equitable relief, apart from who is bound by it. */
export type Beneficiaries = 'everyone' | 'named-parties' | 'transactions-serving-named-parties';

export interface MotionRecord {
  id: string;
  kind: 'injunction' | 'stay';
  docket: string;
  movant: string;
  relief?: 'tro' | 'preliminary';
  /** For a stay motion: the injunction it asks to stay. */
  injunction?: string;
  ground?: string;
  status: 'pending' | 'granted' | 'denied' | 'terminated';
  ruledBy?: string;
  ruledAt?: EpochRange;
  findings?: InjunctionFindings | StayFindings;
}

export interface InjunctionRecord {
  id: string;
  motion: string;
  docket: string;
  court: string;
  relief: 'tro' | 'preliminary';
  prohibitions: string[];
  defendants: string[];
  /** Geography: the order runs nationwide. Not the same as universal relief (`beneficiaries`). */
  nationwide: boolean;
  protects: string[];
  /** Who benefits (Califano v. Yamasaki): everyone, the parties in `protects`, or transactions serving them. */
  beneficiaries: Beneficiaries;
  /**
   * The defendants the order binds (FRCP 65(d)(2) adds their officers, agents, servants, employees and
   * attorneys, and those in active concert with notice). The President only where the order says so.
   */
  binds: string[];
  /** FRCP 65(a)(1) notice, and 65(c) security, as the order records them. */
  notice?: boolean;
  security?: EventOf<'injunction.granted'>['security'];
  adversaryHearing?: boolean;
  findings: InjunctionFindings;
  grantedAt: EpochRange;
  expires?: Instant;
  status: 'in-force' | 'dissolved' | 'vacated';
  endedBy?: string;
}

export interface StayRecord {
  id: string;
  motion: string;
  injunction: string;
  /** The docket of the court that granted it. */
  docket: string;
  prohibitions: string[];
  status: 'in-force' | 'ended';
  endedBy?: string;
}

export interface PositionRecord {
  eventId: string;
  by: string;
  position: string;
}

export interface CaseContext {
  orders: Record<string, OrderRecord>;
  identifications: Record<string, IdentificationRecord>;
  prohibitions: Record<string, ProhibitionRecord>;
  suits: Record<string, SuitRecord>;
  appeals: Record<string, AppealRecord>;
  motions: Record<string, MotionRecord>;
  injunctions: Record<string, InjunctionRecord>;
  stays: Record<string, StayRecord>;
  positions: PositionRecord[];
  /** How many events the machine has accepted, and the last one. */
  accepted: number;
  lastEvent?: string;
}

export function initialContext(): CaseContext {
  return {
    orders: {},
    identifications: {},
    prohibitions: {},
    suits: {},
    appeals: {},
    motions: {},
    injunctions: {},
    stays: {},
    positions: [],
    accepted: 0,
  };
}

/**
 * Whether an injunction binds at epoch `t`: entered and not dissolved or vacated, and, for a TRO, not past the
 * expiry its order sets (FRCP 65(b)(2)): a TRO lapses on its own, with no event to mark it.
 */
export function injunctionInForceAt(injunction: InjunctionRecord, t: number): boolean {
  return injunction.status === 'in-force' && !(injunction.expires && begunBy(injunction.expires, t));
}

/** The docket (district case or appeal) a motion or ruling belongs to, and which kind of court hears it. */
export function forumOf(ctx: CaseContext, docket: string): 'district' | 'appeals' | undefined {
  if (ctx.suits[docket]) return 'district';
  if (ctx.appeals[docket]) return 'appeals';
  return undefined;
}

export function courtOf(ctx: CaseContext, docket: string): string | undefined {
  return ctx.suits[docket]?.court ?? ctx.appeals[docket]?.court;
}

type Collection =
  | 'orders'
  | 'identifications'
  | 'prohibitions'
  | 'suits'
  | 'appeals'
  | 'motions'
  | 'injunctions'
  | 'stays';
type RecordIn<K extends Collection> = CaseContext[K][string];

/**
 * The context an event is being applied to, copied on write: a collection is copied the first time the
 * event writes to it, a record the first time the event changes it, and everything else is shared with
 * the context before the event, which is never changed.
 */
class Draft {
  readonly ctx: CaseContext;
  // An event touches a handful of records: arrays beat sets at this size.
  private readonly copied: Collection[] = [];
  private readonly fresh: object[] = [];

  constructor(base: CaseContext) {
    this.ctx = { ...base };
  }

  /** Adds or replaces a record with one built for this event. */
  put<K extends Collection>(key: K, id: string, record: RecordIn<K>): void {
    if (!this.copied.includes(key)) {
      this.ctx[key] = { ...this.ctx[key] };
      this.copied.push(key);
    }
    (this.ctx[key] as Record<string, RecordIn<K>>)[id] = record;
    this.fresh.push(record);
  }

  /** The record, made safe to change for this event; undefined when there is none. */
  edit<K extends Collection>(key: K, id: string): RecordIn<K> | undefined {
    const current = this.ctx[key][id] as RecordIn<K> | undefined;
    if (current === undefined || this.fresh.includes(current)) return current;
    const copy = { ...current };
    this.put(key, id, copy);
    return copy;
  }
}

/** Ends every stay of `injunction` still in force: a stay pending appeal lasts only while the appeal does. */
function endStaysOf(d: Draft, injunction: string, by: string): void {
  for (const stay of Object.values(d.ctx.stays)) {
    if (stay.injunction === injunction && stay.status === 'in-force') {
      Object.assign(d.edit('stays', stay.id)!, { status: 'ended', endedBy: by });
    }
  }
}

function endInjunction(d: Draft, id: string, status: 'dissolved' | 'vacated', by: string): void {
  const injunction = d.ctx.injunctions[id];
  if (injunction && injunction.status === 'in-force') {
    Object.assign(d.edit('injunctions', id)!, { status, endedBy: by });
    endStaysOf(d, id, by);
  }
}

function terminatePendingMotions(d: Draft, docket: string, by: string): void {
  for (const motion of Object.values(d.ctx.motions)) {
    if (motion.docket === docket && motion.status === 'pending') {
      Object.assign(d.edit('motions', motion.id)!, { status: 'terminated', ruledBy: by });
    }
  }
}

function rule(
  d: Draft,
  motionId: string,
  status: 'granted' | 'denied',
  event: CaseEvent,
  findings?: unknown,
) {
  const motion = d.edit('motions', motionId);
  if (!motion) return undefined;
  motion.status = status;
  motion.ruledBy = event.id;
  motion.ruledAt = rangeOf(event.at);
  if (findings) motion.findings = findings as InjunctionFindings | StayFindings;
  return motion;
}

/** What an appeal's end does to the order appealed from and to any stay pending that appeal. */
function closeAppeal(d: Draft, appeal: AppealRecord, event: CaseEvent, vacate: boolean): void {
  appeal.endedSeq = d.ctx.accepted + 1;
  terminatePendingMotions(d, appeal.docket, event.id);
  const order = d.ctx.injunctions[appeal.order];
  if (!order) return;
  if (vacate) endInjunction(d, order.id, 'vacated', event.id);
  else endStaysOf(d, order.id, event.id);
}

type Evolvers = { [T in CaseEvent['type']]: (d: Draft, event: EventOf<T>) => void };

const evolvers: Evolvers = {
  'order.signed': (d, e) => {
    d.put('orders', e.order, {
      id: e.order,
      title: e.title,
      signedBy: e.id,
      issuer: e.issuer,
      status: 'in-force',
    });
  },
  'order.revoked': (d, e) => {
    const order = d.edit('orders', e.order);
    if (order) Object.assign(order, { status: 'revoked', revokedBy: e.id });
  },
  'identification.announced': (d, e) => {
    d.put('identifications', e.identification, {
      id: e.identification,
      order: e.order,
      agency: e.agency,
      announcedBy: e.id,
      status: 'announced',
    });
    for (const p of e.prohibitions) {
      d.put('prohibitions', p.id, {
        id: p.id,
        identification: e.identification,
        description: p.description,
        effective: p.effective,
        movedBy: [],
      });
    }
  },
  'identification.datesChanged': (d, e) => {
    for (const change of e.changes) {
      const p = d.edit('prohibitions', change.prohibition);
      if (p) {
        p.effective = change.effective;
        p.movedBy = [...p.movedBy, e.id];
      }
    }
  },
  'identification.withdrawn': (d, e) => {
    const i = d.edit('identifications', e.identification);
    if (i) Object.assign(i, { status: 'withdrawn', endedBy: e.id });
  },
  'identification.rescinded': (d, e) => {
    const i = d.edit('identifications', e.identification);
    if (i) Object.assign(i, { status: 'rescinded', endedBy: e.id });
  },
  'government.position': (d, e) => {
    d.ctx.positions = [...d.ctx.positions, { eventId: e.id, by: e.by, position: e.statement }];
  },
  'complaint.filed': (d, e) => {
    const suit: SuitRecord = {
      docket: e.docket,
      court: e.court,
      caseNumber: e.caseNumber,
      caseName: e.caseName,
      plaintiffs: e.plaintiffs,
      defendants: e.defendants,
      unitedStatesIsParty: e.unitedStatesIsParty,
      filedBy: e.id,
      status: 'open',
    };
    const circuit = e.circuit ?? circuitOfCourt(e.court);
    if (circuit) suit.circuit = circuit;
    if (e.judge) suit.judge = e.judge;
    if (e.magistrateConsent) suit.magistrateConsent = e.magistrateConsent;
    d.put('suits', e.docket, suit);
  },
  'complaint.amended': () => {},
  'injunction.motionFiled': (d, e) => {
    d.put('motions', e.id, {
      id: e.id,
      kind: 'injunction',
      docket: e.docket,
      movant: e.movant,
      relief: e.relief,
      status: 'pending',
    });
  },
  'injunction.granted': (d, e) => {
    for (const other of e.alsoDecides ?? []) rule(d, other, 'granted', e, e.findings);
    const motion = rule(d, e.motion, 'granted', e, e.findings);
    if (!motion) return;
    const injunction: InjunctionRecord = {
      id: e.id,
      motion: e.motion,
      docket: motion.docket,
      court: courtOf(d.ctx, motion.docket) ?? motion.docket,
      relief: motion.relief ?? 'preliminary',
      prohibitions: e.scope.prohibitions,
      defendants: e.scope.defendants,
      nationwide: e.scope.nationwide,
      protects: e.scope.protects ?? [],
      beneficiaries: e.scope.beneficiaries ?? (e.scope.nationwide ? 'everyone' : 'named-parties'),
      binds: boundDefendants(d.ctx, e.scope.defendants, e.scope.enjoinsPresident === true),
      findings: e.findings,
      grantedAt: rangeOf(e.at),
      status: 'in-force',
    };
    if (e.expires) injunction.expires = e.expires;
    if (e.notice !== undefined) injunction.notice = e.notice;
    if (e.security) injunction.security = e.security;
    if (e.adversaryHearing !== undefined) injunction.adversaryHearing = e.adversaryHearing;
    d.put('injunctions', e.id, injunction);
  },
  'injunction.denied': (d, e) => {
    for (const other of e.alsoDecides ?? []) rule(d, other, 'denied', e, e.findings);
    rule(d, e.motion, 'denied', e, e.findings);
  },
  'appeal.noticed': (d, e) => {
    const ctx = d.ctx;
    const from =
      ctx.injunctions[e.order]?.docket ?? ctx.motions[e.order]?.docket ?? orderDocket(ctx, e.order) ?? '';
    d.put('appeals', e.appealDocket, {
      docket: e.appealDocket,
      court: e.court,
      caseNumber: e.caseNumber,
      from,
      order: e.order,
      noticedBy: e.id,
      status: 'pending',
    });
  },
  'stay.motionFiled': (d, e) => {
    const motion: MotionRecord = {
      id: e.id,
      kind: 'stay',
      docket: e.docket,
      movant: e.movant,
      injunction: e.injunction,
      status: 'pending',
    };
    if (e.ground) motion.ground = e.ground;
    d.put('motions', e.id, motion);
  },
  'stay.granted': (d, e) => {
    const motion = rule(d, e.motion, 'granted', e, e.findings);
    const injunction = motion?.injunction ? d.ctx.injunctions[motion.injunction] : undefined;
    if (!motion || !injunction) return;
    d.put('stays', e.id, {
      id: e.id,
      motion: motion.id,
      injunction: injunction.id,
      docket: motion.docket,
      prohibitions: e.prohibitions ?? injunction.prohibitions,
      status: 'in-force',
    });
  },
  'stay.denied': (d, e) => {
    rule(d, e.motion, 'denied', e, e.findings);
  },
  'appeal.heldInAbeyance': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.status = 'abeyance';
  },
  'appeal.abeyanceLifted': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.status = 'pending';
  },
  'appeal.decided': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (!appeal) return;
    Object.assign(appeal, { status: 'decided', disposition: e.disposition, endedBy: e.id });
    // Reversing or vacating an injunction ends it; affirming leaves it, and either way a stay pending appeal lapses.
    closeAppeal(d, appeal, e, e.disposition !== 'affirmed');
  },
  'appeal.dismissed': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (!appeal) return;
    const vacatur = vacaturOf(e.vacatur);
    Object.assign(appeal, { status: 'dismissed', endedBy: e.id, vacatur, dismissedAs: e.reason });
    if (e.mootness) appeal.mootness = e.mootness;
    closeAppeal(d, appeal, e, vacatur === 'granted');
  },
  'case.dismissed': (d, e) => {
    const suit = d.edit('suits', e.docket);
    if (!suit) return;
    Object.assign(suit, {
      status: 'dismissed',
      dismissedAs: e.reason,
      endedBy: e.id,
      endedAt: rangeOf(e.at),
    });
    if (e.mootness) suit.mootness = e.mootness;
    terminatePendingMotions(d, e.docket, e.id);
    // Preliminary relief does not outlive the action it was granted in.
    for (const injunction of Object.values(d.ctx.injunctions)) {
      if (injunction.docket === e.docket) endInjunction(d, injunction.id, 'dissolved', e.id);
    }
  },
  'context.note': () => {},
};

/** The recorded vacatur: true and false as written in older logs, absent when the record does not say. */
export function vacaturOf(recorded: EventOf<'appeal.dismissed'>['vacatur']): Vacatur {
  if (recorded === true) return 'granted';
  if (recorded === false) return 'refused';
  return recorded ?? 'unknown';
}

/** Whether a named party is the President: named so, or the issuer of an executive order in the record. */
export function isPresident(ctx: CaseContext, party: string): boolean {
  if (/\bPresident\b/.test(party)) return true;
  const name = party.trim().toLowerCase();
  return Object.values(ctx.orders).some((o) => {
    const issuer = o.issuer?.toLowerCase() ?? '';
    return issuer.startsWith('president') && name.length > 0 && issuer.endsWith(name);
  });
}

/**
 * The defendants an injunction binds: all those it names, except the President unless the order enjoins
 * the President in terms. Courts do not enjoin the President in the performance of official duties; relief
 * runs against the officers who carry the order out (Franklin v. Massachusetts, 505 U.S. 788, 802-03 (1992)).
 */
export function boundDefendants(ctx: CaseContext, defendants: readonly string[], enjoinsPresident: boolean) {
  return defendants.filter((party) => enjoinsPresident || !isPresident(ctx, party));
}

/** The docket on which an event that ended a case was entered (for appeals from a final judgment). */
function orderDocket(ctx: CaseContext, eventId: string): string | undefined {
  return Object.values(ctx.suits).find((s) => s.endedBy === eventId)?.docket;
}

/**
 * Applies an accepted event. Pure: the input is not changed; the result shares every record the event
 * did not touch with it (copy on write), so records reachable from a context must never be mutated.
 */
export function evolve(ctx: CaseContext, event: CaseEvent): CaseContext {
  const draft = new Draft(ctx);
  (evolvers[event.type] as (d: Draft, e: CaseEvent) => void)(draft, event);
  const next = draft.ctx;
  next.accepted += 1;
  next.lastEvent = event.id;
  return next;
}
