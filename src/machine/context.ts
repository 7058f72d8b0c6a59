/**
 * What the machine remembers about a case: plain, JSON-serializable records keyed by id, so that a
 * snapshot can be persisted and replay resumed from it. Each record's `status` is the state of its object's
 * lifecycle chart (src/machine/lifecycles.ts): the charts choose it, `evolve` only writes it down together
 * with the data the event carries. `evolve` decides nothing.
 */
import { begunBy, type EpochRange, rangeOf } from '../events/instant.js';
import type {
  CaseEvent,
  CertiorariDisposition,
  Circuit,
  EventOf,
  InjunctionFindings,
  Instant,
  MootnessFinding,
  Relief,
  StayFindings,
  SupremeCourtStayFindings,
} from '../events/schema.js';
import { circuitOfCourt } from './circuits.js';

/** The states of each lifecycle chart, as the records hold them (the charts are in lifecycles.ts). */
export type OrderState = 'in-force' | 'revoked';
export type IdentificationState = 'announced' | 'withdrawn' | 'rescinded';
export type ProhibitionState = 'scheduled' | 'suspended' | 'withdrawn' | 'rescinded' | 'order-revoked';
export type DistrictCaseState = 'open' | 'proceedings-stayed' | 'dismissed' | 'judgment';
export type MotionState = 'pending' | 'partly-decided' | 'granted' | 'denied' | 'withdrawn' | 'moot';
export type InjunctionState = 'in-force' | 'stayed' | 'dissolved' | 'vacated' | 'superseded';
export type StayState = 'in-force' | 'ended';
export type AppealState =
  | 'pending'
  | 'in-abeyance'
  | 'decided'
  | 'rehearing-sought'
  | 'mandate-stay-sought'
  | 'mandate-stayed'
  | 'mandate-issued'
  | 'dismissed';
export type PetitionState = 'pending' | 'granted' | 'denied' | 'decided' | 'judgment-sent';

export interface OrderRecord {
  id: string;
  title: string;
  signedBy: string;
  /** Who signed it: the President for an executive order (never enjoined without saying so, Franklin). */
  issuer?: string;
  status: OrderState;
  revokedBy?: string;
}

export interface IdentificationRecord {
  id: string;
  order: string;
  agency: string;
  announcedBy: string;
  status: IdentificationState;
  endedBy?: string;
}

export interface ProhibitionRecord {
  id: string;
  /** The identification that names it; none for a provision of the order itself (`order`, `section`). */
  identification?: string;
  /** For a section of an order that prohibits by its own force: the order, and its section. */
  order?: string;
  section?: string;
  description: string;
  effective: Instant;
  /** Events that moved the effective instant, oldest first. */
  movedBy: string[];
  status: ProhibitionState;
  /** The events that suspended it and resumed enforcement, oldest first. */
  suspendedBy?: string[];
  /** When its current suspension ends by its own terms (`identification.suspended` `until`). */
  suspendedUntil?: Instant;
}

/**
 * Whether the agency's suspension of `p` binds at epoch `t`: suspended, and not past the end it named
 * (`until`). A suspension that names its end lapses then by its own terms, with no event to mark it (as a
 * TRO lapses); from that instant the prohibition stands as if enforcement had resumed.
 */
export function suspensionBindsAt(p: ProhibitionRecord, t: number): boolean {
  return p.status === 'suspended' && !suspensionEndedBy(p, t);
}

/** Whether the end `p`'s last suspension named has come by epoch `t` (never, for one that named none). */
function suspensionEndedBy(p: ProhibitionRecord, t: number): boolean {
  return p.suspendedUntil !== undefined && begunBy(p.suspendedUntil, t);
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
  /** 28 U.S.C. 636(c)(1): whether all parties consented to a magistrate judge, as the complaint's record says. */
  magistrateConsent?: 'all-parties' | 'not-all-parties' | 'unknown';
  status: DistrictCaseState;
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
  status: AppealState;
  disposition?: 'affirmed' | 'reversed' | 'vacated';
  /** On a dismissal: whether the order appealed from was vacated (Munsingwear), as the record says. */
  vacatur?: Vacatur;
  dismissedAs?: EventOf<'appeal.dismissed'>['reason'];
  mootness?: MootnessFinding;
  endedBy?: string;
  /** The event that issued the mandate (FRAP 41). */
  mandateBy?: string;
  /** The event that denied certiorari to review its judgment (once: 28 U.S.C. 1254(1)). */
  certiorariDeniedBy?: string;
  /** When the decision was entered, and when rehearing was last denied: the mandate's clock (FRAP 41(b)). */
  decidedAt?: EpochRange;
  rehearingDeniedAt?: EpochRange;
  /** When the court stayed its mandate, and when it denied a motion to stay it (FRAP 41(b), (d)). */
  mandateStayedAt?: EpochRange;
  mandateStayDeniedAt?: EpochRange;
  /** The count of accepted events when it ended: the latest-ended appeal sets the region's phase. */
  endedSeq?: number;
}

export type Vacatur = 'granted' | 'refused' | 'unknown';

/**
 * A petition for certiorari to review the judgment in an appeal, keyed by that appeal's docket: the machine
 * records one petition per appeal (cross-petitions are not modelled).
 */
export interface PetitionRecord {
  /** The appeal whose judgment it asks the Supreme Court to review (also its key). */
  id: string;
  /** The Supreme Court docket. */
  docket: string;
  petitioner: string;
  filedBy: string;
  filedAt: EpochRange;
  status: PetitionState;
  /** The Supreme Court's disposition of the judgment below, once it has decided the case. */
  disposition?: CertiorariDisposition;
  decidedAt?: EpochRange;
  endedBy?: string;
}

/** Who benefits from an injunction: the scope of equitable relief, apart from who is bound by it. */
export type Beneficiaries = 'everyone' | 'named-parties' | 'transactions-serving-named-parties';

/**
 * A part of an injunction motion not yet decided: one relief it seeks, as to the prohibitions a partial
 * ruling deferred (as to all it seeks, when `prohibitions` is absent).
 */
export interface OpenPart {
  relief: Relief;
  prohibitions?: string[];
}

/** One ruling on an injunction motion: which relief, what it granted, denied and deferred. */
export interface MotionRuling {
  by: string;
  at: EpochRange;
  relief: Relief;
  outcome: 'granted' | 'denied';
  /** The prohibitions granted (a grant) or denied (a denial), as the ruling names them. */
  prohibitions?: string[];
  /** The prohibitions a grant names as denied. */
  denied?: string[];
  deferred?: string[];
}

export interface MotionRecord {
  id: string;
  kind: 'injunction' | 'stay' | 'injunction-pending-appeal';
  docket: string;
  movant: string;
  /** The relief sought; for a motion seeking a TRO and a preliminary injunction, the one it asks for first. */
  relief?: Relief;
  /** Every relief the motion seeks, where it seeks more than one. */
  seeks?: Relief[];
  /** The prohibitions the motion names, where it names them. */
  prohibitions?: string[];
  /** Once a ruling decided part of it: the parts still undecided (empty when none is). */
  open?: OpenPart[];
  /** Its rulings, oldest first (a motion decided in part is ruled on more than once). */
  rulings?: MotionRuling[];
  /** For a stay motion: the injunction it asks to stay. */
  injunction?: string;
  ground?: string;
  status: MotionState;
  ruledBy?: string;
  ruledAt?: EpochRange;
  findings?: InjunctionFindings | StayFindings | SupremeCourtStayFindings;
  /** An application to the Supreme Court (S. Ct. R. 22-23), with the appeal below it follows. */
  forum?: 'supreme-court';
  appealDocket?: string;
}

export interface InjunctionRecord {
  id: string;
  motion: string;
  docket: string;
  court: string;
  /**
   * `external`: entered in a case the log does not hold (`relief.enteredElsewhere`), with that case's number
   * and caption; `docket` and `court` are that case's. It binds as relief entered here does.
   */
  forum?: 'external';
  caseNumber?: string;
  caption?: string;
  relief: 'tro' | 'preliminary' | 'permanent' | 'pending-appeal';
  /** For an injunction pending appeal (FRCP 62(d)): the appeal it lasts as long as. */
  pendingAppeal?: string;
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
  /** The findings on the preliminary-injunction test; none for a permanent injunction entered with a judgment. */
  findings?: InjunctionFindings;
  grantedAt: EpochRange;
  expires?: Instant;
  /** Events that extended a TRO (FRCP 65(b)(2)), oldest first. */
  extendedBy?: string[];
  status: InjunctionState;
  endedBy?: string;
  endedAt?: EpochRange;
}

export interface StayRecord {
  id: string;
  motion: string;
  injunction: string;
  /** The docket of the court that granted it. */
  docket: string;
  prohibitions: string[];
  /** When it was granted: whether it held when a prohibition came due (effects.ts). */
  grantedAt?: EpochRange;
  /** Orders that modified the prohibitions it covers, oldest first. */
  modifiedBy?: string[];
  /** A Supreme Court stay pending certiorari: it outlives the mandate below and ends if certiorari is denied. */
  pendingCertiorari?: boolean;
  status: StayState;
  endedBy?: string;
  endedAt?: EpochRange;
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
  petitions: Record<string, PetitionRecord>;
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
    petitions: {},
    positions: [],
    accepted: 0,
  };
}

/**
 * Whether an injunction binds at epoch `t`: entered and not dissolved or vacated, and, for a TRO, not past the
 * expiry its order sets (FRCP 65(b)(2)): a TRO lapses on its own, with no event to mark it.
 */
export function injunctionInForceAt(injunction: InjunctionRecord, t: number): boolean {
  return injunctionStands(injunction) && !(injunction.expires && begunBy(injunction.expires, t));
}

/** Entered and not ended: in force, or in force but stayed (a stay suspends it; it does not end it). */
export function injunctionStands(injunction: InjunctionRecord): boolean {
  return injunction.status === 'in-force' || injunction.status === 'stayed';
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

/** Every relief an injunction motion seeks. */
export function reliefSought(motion: MotionRecord): Relief[] {
  return motion.seeks ?? (motion.relief ? [motion.relief] : []);
}

/** The parts of an injunction motion still awaiting a ruling: all it seeks until a ruling decides part of it. */
export function openParts(motion: MotionRecord): readonly OpenPart[] {
  if (!awaitsRuling(motion)) return [];
  return motion.open ?? reliefSought(motion).map((relief) => ({ relief }));
}

/**
 * The open part a ruling decides: the relief it names, or the motion's only open part. Undefined when the
 * ruling names a relief not pending, or names none while both are.
 */
export function partRuledOn(motion: MotionRecord, relief: Relief | undefined): OpenPart | undefined {
  const open = openParts(motion);
  if (relief !== undefined) return open.find((p) => p.relief === relief);
  return open.length === 1 ? open[0] : undefined;
}

/** Whether a motion awaits a ruling, in whole or as to a deferred part. */
export function awaitsRuling(motion: MotionRecord | undefined): boolean {
  return motion?.status === 'pending' || motion?.status === 'partly-decided';
}

export type Collection =
  | 'orders'
  | 'identifications'
  | 'prohibitions'
  | 'suits'
  | 'appeals'
  | 'motions'
  | 'injunctions'
  | 'stays'
  | 'petitions';
type RecordIn<K extends Collection> = CaseContext[K][string];

/** One object's lifecycle chart taking an arrow: the record in `collection` under `id` enters state `to`. */
export interface Move {
  /** The `Lifecycle.id` of the chart that moved. */
  readonly lifecycle: string;
  readonly collection: Collection;
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/**
 * A shallow copy of the context for the next event, written as one literal: V8 lays its fields out in the
 * object itself, where a spread copy keeps four there and puts the rest in a second array. Every
 * checkpoint keeps one context, so that array was a tenth of what checkpoints cost. The copy is the
 * context after `lastEvent`, which evolve counts as accepted once the evolvers have run. A field added to `CaseContext` must be added here (the
 * type checker says so for a required field; tests/checkpoint-sharing.property.test.ts for an optional one).
 */
function copyContext(base: CaseContext, lastEvent: string): CaseContext {
  return {
    orders: base.orders,
    identifications: base.identifications,
    prohibitions: base.prohibitions,
    suits: base.suits,
    appeals: base.appeals,
    motions: base.motions,
    injunctions: base.injunctions,
    stays: base.stays,
    petitions: base.petitions,
    positions: base.positions,
    accepted: base.accepted,
    lastEvent,
  };
}

/**
 * The context an event is being applied to, copied on write: a collection is copied the first time the
 * event writes to it, a record the first time the event changes it, and everything else is shared with
 * the context before the event, which is never changed.
 */
class Draft {
  readonly ctx: CaseContext;

  // What this event has copied is what differs from `base`, by identity: no list of copies to keep.
  constructor(
    private readonly base: CaseContext,
    private readonly moves: readonly Move[],
    eventId: string,
  ) {
    this.ctx = copyContext(base, eventId);
  }

  /** The state the event's chart step gave the object (for a record the event creates). */
  stateOf<K extends Collection>(collection: K, id: string): RecordIn<K>['status'] {
    const move = this.moves.find((m) => m.collection === collection && m.id === id);
    if (!move) throw new Error(`no lifecycle step created ${collection}/${id}`);
    return move.to as RecordIn<K>['status'];
  }

  /** The chart steps of this event in one collection. */
  movesOf(collection: Collection): readonly Move[] {
    return this.moves.filter((m) => m.collection === collection);
  }

  /** Adds or replaces a record with one built for this event. */
  put<K extends Collection>(key: K, id: string, record: RecordIn<K>): void {
    if (this.ctx[key] === this.base[key]) this.ctx[key] = { ...this.ctx[key] };
    (this.ctx[key] as Record<string, RecordIn<K>>)[id] = record;
  }

  /** The record, made safe to change for this event; undefined when there is none. */
  edit<K extends Collection>(key: K, id: string): RecordIn<K> | undefined {
    const current = this.ctx[key][id] as RecordIn<K> | undefined;
    // A record that is not the one before the event was built or copied by this event.
    if (current === undefined || current !== this.base[key][id]) return current;
    const copy = { ...current };
    this.put(key, id, copy);
    return copy;
  }
}

/** A ruling on an injunction motion, as far as it decides parts of the motion. */
type InjunctionRuling = EventOf<'injunction.granted' | 'injunction.denied'>;

/**
 * What a ruling leaves of a motion: the relief it decides, and the parts still open after it (the
 * prohibitions it defers, and any other relief the motion still seeks).
 */
export function afterRuling(
  motion: MotionRecord,
  e: InjunctionRuling,
): { readonly relief: Relief; readonly open: OpenPart[] } {
  const relief = partRuledOn(motion, e.relief)?.relief ?? e.relief ?? motion.relief ?? 'preliminary';
  const others = openParts(motion).filter((p) => p.relief !== relief);
  return { relief, open: [...others, ...(e.deferred ? [{ relief, prohibitions: e.deferred }] : [])] };
}

/** Records an injunction ruling on its motion (`motion` already copied for this event); returns its relief. */
function ruleInPart(motion: MotionRecord, e: InjunctionRuling): Relief {
  const { relief, open } = afterRuling(motion, e);
  const granted = e.type === 'injunction.granted';
  const decided = granted ? e.scope.prohibitions : e.prohibitions;
  const ruling: MotionRuling = {
    by: e.id,
    at: rangeOf(e.at),
    relief,
    outcome: granted ? 'granted' : 'denied',
  };
  if (decided) ruling.prohibitions = decided;
  if (granted && e.denied) ruling.denied = e.denied;
  if (e.deferred) ruling.deferred = e.deferred;
  motion.rulings = appended(motion.rulings, ruling);
  if (open.length > 0) motion.open = open;
  else if (motion.open !== undefined) delete motion.open;
  return relief;
}

function rule(d: Draft, motionId: string, event: CaseEvent, findings?: unknown): MotionRecord | undefined {
  const motion = d.edit('motions', motionId);
  if (!motion) return undefined;
  motion.ruledBy = event.id;
  motion.ruledAt = rangeOf(event.at);
  if (findings) motion.findings = findings as InjunctionFindings | StayFindings | SupremeCourtStayFindings;
  return motion;
}

/**
 * Records, on each prohibition whose chart the event moves, the event that suspended or resumed it, and
 * when a suspension ends by its own terms (none for a resumption, or a suspension that names no end).
 */
function markSuspension(
  d: Draft,
  e: EventOf<'identification.suspended' | 'identification.enforcementResumed'>,
): void {
  const until = e.type === 'identification.suspended' ? e.until : undefined;
  const t = rangeOf(e.at).start;
  for (const move of d.movesOf('prohibitions')) {
    // A suspension naming no prohibitions covers those that stand; one still suspended keeps its own terms.
    const p = d.edit('prohibitions', move.id);
    if (!p) continue;
    if (e.type === 'identification.suspended' && move.from === 'suspended' && !suspensionEndedBy(p, t))
      continue;
    p.suspendedBy = appended(p.suspendedBy, e.id);
    if (until) p.suspendedUntil = until;
    else if (p.suspendedUntil !== undefined) delete p.suspendedUntil;
  }
}

/** A motion filed on a docket: its kind and parties, and a FRAP 8(a)(2)(A) ground where it gives one. */
function fileMotion(
  d: Draft,
  e: { id: string; docket: string; ground?: string | undefined },
  fields: Pick<MotionRecord, 'kind' | 'movant'> & Partial<MotionRecord>,
): void {
  const motion: MotionRecord = { id: e.id, docket: e.docket, ...fields, status: d.stateOf('motions', e.id) };
  if (e.ground) motion.ground = e.ground;
  d.put('motions', e.id, motion);
}

/**
 * What an injunction's scope says, as its record keeps it: the prohibitions, who is bound (the defendants
 * and their agents, the President only where the order says so in terms: Franklin v. Massachusetts) and who
 * benefits (Califano v. Yamasaki: universal when nationwide and silent on it, else the named parties).
 */
function scopeRecord(
  d: Draft,
  scope: {
    prohibitions: string[];
    defendants: string[];
    nationwide: boolean;
    protects?: string[] | undefined;
    beneficiaries?: Beneficiaries | undefined;
    enjoinsPresident?: boolean | undefined;
  },
) {
  return {
    prohibitions: scope.prohibitions,
    defendants: scope.defendants,
    nationwide: scope.nationwide,
    protects: scope.protects ?? [],
    beneficiaries: scope.beneficiaries ?? (scope.nationwide ? 'everyone' : 'named-parties'),
    binds: boundDefendants(d.ctx, scope.defendants, scope.enjoinsPresident === true),
  } satisfies Partial<InjunctionRecord>;
}

/** An injunction a ruling grants on a motion, with the scope it states (who it binds and protects). */
function grantedInjunction(
  d: Draft,
  e: EventOf<'injunction.granted' | 'injunctionPendingAppeal.granted'>,
  motion: MotionRecord,
  relief: InjunctionRecord['relief'],
): InjunctionRecord {
  return {
    id: e.id,
    motion: e.motion,
    docket: motion.docket,
    court: courtOf(d.ctx, motion.docket) ?? motion.docket,
    relief,
    ...scopeRecord(d, e.scope),
    findings: e.findings,
    grantedAt: rangeOf(e.at),
    status: d.stateOf('injunctions', e.id),
  };
}

/** A stay granted on a motion or application: of the whole injunction, or of the prohibitions it names. */
function grantStay(
  d: Draft,
  e: EventOf<'stay.granted' | 'stay.applicationGranted'>,
  extra: Partial<StayRecord> = {},
): void {
  const motion = rule(d, e.motion, e, e.findings);
  const injunction = motion?.injunction ? d.ctx.injunctions[motion.injunction] : undefined;
  if (!motion || !injunction) return;
  putStay(d, e, { motion: motion.id, injunction, docket: motion.docket, extra });
}

/** A stay of `injunction`, in full or as to the prohibitions the event names, entered on `docket`. */
function putStay(
  d: Draft,
  e: { id: string; at: Instant; prohibitions?: string[] | undefined },
  of: { motion: string; injunction: InjunctionRecord; docket: string; extra?: Partial<StayRecord> },
): void {
  d.put('stays', e.id, {
    id: e.id,
    motion: of.motion,
    injunction: of.injunction.id,
    docket: of.docket,
    prohibitions: e.prohibitions ?? of.injunction.prohibitions,
    grantedAt: rangeOf(e.at),
    ...of.extra,
    status: d.stateOf('stays', e.id),
  });
}

type Evolvers = { [T in CaseEvent['type']]: (d: Draft, event: EventOf<T>) => void };

const nothing = () => {};

/** The data each event kind writes; which objects change state, and to what, the charts decide. */
const evolvers: Evolvers = {
  'order.signed': (d, e) => {
    d.put('orders', e.order, {
      id: e.order,
      title: e.title,
      signedBy: e.id,
      issuer: e.issuer,
      status: d.stateOf('orders', e.order),
    });
    for (const p of e.provisions ?? []) {
      d.put('prohibitions', p.id, {
        id: p.id,
        order: e.order,
        section: p.section,
        description: p.description,
        effective: p.effective,
        movedBy: [],
        status: d.stateOf('prohibitions', p.id),
      });
    }
  },
  'order.revoked': (d, e) => {
    const order = d.edit('orders', e.order);
    if (order) order.revokedBy = e.id;
  },
  'identification.announced': (d, e) => {
    d.put('identifications', e.identification, {
      id: e.identification,
      order: e.order,
      agency: e.agency,
      announcedBy: e.id,
      status: d.stateOf('identifications', e.identification),
    });
    for (const p of e.prohibitions) {
      d.put('prohibitions', p.id, {
        id: p.id,
        identification: e.identification,
        description: p.description,
        effective: p.effective,
        movedBy: [],
        status: d.stateOf('prohibitions', p.id),
      });
    }
  },
  'identification.datesChanged': (d, e) => {
    for (const change of e.changes) {
      const p = d.edit('prohibitions', change.prohibition);
      if (p) {
        p.effective = change.effective;
        p.movedBy = appended(p.movedBy, e.id);
      }
    }
  },
  'identification.withdrawn': (d, e) => {
    const i = d.edit('identifications', e.identification);
    if (i) i.endedBy = e.id;
  },
  'identification.rescinded': (d, e) => {
    const i = d.edit('identifications', e.identification);
    if (i) i.endedBy = e.id;
  },
  'identification.suspended': (d, e) => markSuspension(d, e),
  'identification.enforcementResumed': (d, e) => markSuspension(d, e),
  'government.position': (d, e) => {
    d.ctx.positions = appended(d.ctx.positions, { eventId: e.id, by: e.by, position: e.statement });
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
      status: d.stateOf('suits', e.docket),
    };
    const circuit = e.circuit ?? circuitOfCourt(e.court);
    if (circuit) suit.circuit = circuit;
    if (e.judge) suit.judge = e.judge;
    if (e.magistrateJudgeConsent) suit.magistrateConsent = e.magistrateJudgeConsent.consent;
    d.put('suits', e.docket, suit);
  },
  'complaint.amended': nothing,
  'case.proceedingsStayed': nothing,
  'case.proceedingsResumed': nothing,
  'injunction.motionFiled': (d, e) => {
    d.put('motions', e.id, {
      id: e.id,
      kind: 'injunction',
      docket: e.docket,
      movant: e.movant,
      ...motionRelief(e),
      ...(e.prohibitions ? { prohibitions: e.prohibitions } : {}),
      status: d.stateOf('motions', e.id),
    });
  },
  'injunction.granted': (d, e) => {
    for (const other of e.alsoDecides ?? []) rule(d, other, e, e.findings);
    const motion = rule(d, e.motion, e, e.findings);
    if (!motion) return;
    const relief = ruleInPart(motion, e);
    const injunction = grantedInjunction(d, e, motion, relief);
    if (e.expires) injunction.expires = e.expires;
    if (e.notice !== undefined) injunction.notice = e.notice;
    if (e.security) injunction.security = e.security;
    if (e.adversaryHearing !== undefined) injunction.adversaryHearing = e.adversaryHearing;
    d.put('injunctions', e.id, injunction);
  },
  'injunction.denied': (d, e) => {
    for (const other of e.alsoDecides ?? []) rule(d, other, e, e.findings);
    const motion = rule(d, e.motion, e, e.findings);
    if (motion) ruleInPart(motion, e);
  },
  'injunctionPendingAppeal.motionFiled': (d, e) =>
    // The prohibitions it asks to restrain: a grant states its scope within them (FRCP 7(b)(1)(C)).
    fileMotion(d, e, {
      kind: 'injunction-pending-appeal',
      movant: e.movant,
      appealDocket: e.appealDocket,
      prohibitions: e.prohibitions,
    }),
  'injunctionPendingAppeal.granted': (d, e) => {
    const motion = rule(d, e.motion, e, e.findings);
    if (!motion) return;
    const injunction = grantedInjunction(d, e, motion, 'pending-appeal');
    if (motion.appealDocket) injunction.pendingAppeal = motion.appealDocket;
    d.put('injunctions', e.id, injunction);
  },
  'injunctionPendingAppeal.denied': (d, e) => {
    rule(d, e.motion, e, e.findings);
  },
  'injunction.extended': (d, e) => {
    const injunction = d.edit('injunctions', e.injunction);
    if (!injunction) return;
    injunction.expires = e.expires;
    injunction.extendedBy = appended(injunction.extendedBy, e.id);
  },
  'motion.withdrawn': (d, e) => {
    const motion = d.edit('motions', e.motion);
    if (motion) motion.ruledBy = e.id;
  },
  'appeal.noticed': (d, e) => {
    const from = docketAppealedFrom(d.ctx, e.order) ?? '';
    d.put('appeals', e.appealDocket, {
      docket: e.appealDocket,
      court: e.court,
      caseNumber: e.caseNumber,
      from,
      order: e.order,
      noticedBy: e.id,
      status: d.stateOf('appeals', e.appealDocket),
    });
  },
  'stay.motionFiled': (d, e) =>
    fileMotion(d, e, { kind: 'stay', movant: e.movant, injunction: e.injunction }),
  'stay.granted': (d, e) => grantStay(d, e),
  'stay.denied': (d, e) => {
    rule(d, e.motion, e, e.findings);
  },
  'stay.applicationFiled': (d, e) =>
    fileMotion(d, e, {
      kind: 'stay',
      movant: e.applicant,
      injunction: e.injunction,
      forum: 'supreme-court',
      appealDocket: e.appealDocket,
    }),
  'stay.applicationGranted': (d, e) => grantStay(d, e, { pendingCertiorari: true }),
  'stay.applicationDenied': (d, e) => {
    rule(d, e.motion, e);
  },
  'certiorari.petitioned': (d, e) =>
    d.put('petitions', e.appealDocket, {
      id: e.appealDocket,
      docket: e.docket,
      petitioner: e.petitioner,
      filedBy: e.id,
      filedAt: rangeOf(e.at),
      status: d.stateOf('petitions', e.appealDocket),
    }),
  'certiorari.granted': nothing,
  'certiorari.denied': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.certiorariDeniedBy = e.id;
    const petition = d.edit('petitions', e.appealDocket);
    if (petition) petition.endedBy = e.id;
  },
  'certiorari.decided': (d, e) => {
    const petition = d.edit('petitions', e.appealDocket);
    if (!petition) return;
    petition.disposition = e.disposition;
    petition.decidedAt = rangeOf(e.at);
  },
  'certiorari.judgmentSent': (d, e) => {
    const petition = d.edit('petitions', e.appealDocket);
    if (petition) petition.endedBy = e.id;
  },
  'stay.vacated': nothing,
  'stay.modified': (d, e) => {
    const stay = d.edit('stays', e.stay);
    if (!stay) return;
    stay.prohibitions = e.prohibitions;
    stay.modifiedBy = [...(stay.modifiedBy ?? []), e.id];
  },
  'appeal.heldInAbeyance': nothing,
  'appeal.abeyanceLifted': nothing,
  'appeal.decided': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (!appeal) return;
    Object.assign(appeal, {
      disposition: e.disposition,
      endedBy: e.id,
      endedSeq: d.ctx.accepted + 1,
      decidedAt: rangeOf(e.at),
    });
  },
  'appeal.rehearingSought': nothing,
  // Rehearing granted: the panel's decision no longer stands; the appeal is decided anew (FRAP 35, 40).
  'appeal.rehearingGranted': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (!appeal) return;
    delete appeal.disposition;
    delete appeal.decidedAt;
    delete appeal.endedBy;
    delete appeal.endedSeq;
  },
  'appeal.mandateStayMotionFiled': nothing,
  'appeal.mandateStayGranted': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.mandateStayedAt = rangeOf(e.at);
  },
  'appeal.mandateStayDenied': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.mandateStayDeniedAt = rangeOf(e.at);
  },
  'appeal.rehearingDenied': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.rehearingDeniedAt = rangeOf(e.at);
  },
  'appeal.mandateIssued': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (appeal) appeal.mandateBy = e.id;
  },
  'appeal.dismissed': (d, e) => {
    const appeal = d.edit('appeals', e.appealDocket);
    if (!appeal) return;
    Object.assign(appeal, {
      endedBy: e.id,
      endedSeq: d.ctx.accepted + 1,
      vacatur: vacaturOf(e.vacatur),
      dismissedAs: e.reason,
    });
    if (e.mootness) appeal.mootness = e.mootness;
  },
  'case.dismissed': (d, e) => {
    const suit = d.edit('suits', e.docket);
    if (!suit) return;
    Object.assign(suit, { dismissedAs: e.reason, endedBy: e.id, endedAt: rangeOf(e.at) });
    if (e.mootness) suit.mootness = e.mootness;
  },
  'case.judgment': (d, e) => {
    const suit = d.edit('suits', e.docket);
    if (!suit) return;
    Object.assign(suit, { endedBy: e.id, endedAt: rangeOf(e.at) });
    const scope = e.permanentInjunction;
    if (!scope) return;
    d.put('injunctions', e.id, {
      id: e.id,
      motion: e.id,
      docket: e.docket,
      court: suit.court,
      relief: 'permanent',
      ...scopeRecord(d, scope),
      grantedAt: rangeOf(e.at),
      status: d.stateOf('injunctions', e.id),
    });
  },
  'context.note': nothing,
  'relief.enteredElsewhere': (d, e) => {
    const injunction: InjunctionRecord = {
      id: e.id,
      motion: e.id,
      docket: e.docket,
      court: e.court,
      forum: 'external',
      caseNumber: e.caseNumber,
      caption: e.caption,
      relief: e.relief,
      ...scopeRecord(d, e.scope),
      grantedAt: rangeOf(e.at),
      status: d.stateOf('injunctions', e.id),
    };
    if (e.expires) injunction.expires = e.expires;
    d.put('injunctions', e.id, injunction);
  },
  'relief.stayedElsewhere': (d, e) => {
    const injunction = d.ctx.injunctions[e.injunction];
    if (injunction) putStay(d, e, { motion: e.id, injunction, docket: injunction.docket });
  },
  // The charts move the stay or the relief, and `writeMove` records by which event and when.
  'relief.stayLiftedElsewhere': nothing,
  'relief.endedElsewhere': nothing,
};

/** The relief a motion seeks, as its record keeps it: `relief`, and `seeks` where it seeks both. */
function motionRelief(e: EventOf<'injunction.motionFiled'>): Pick<MotionRecord, 'relief' | 'seeks'> {
  return e.alsoSeeks && e.alsoSeeks !== e.relief
    ? { relief: e.relief, seeks: [e.relief, e.alsoSeeks] }
    : { relief: e.relief };
}

/**
 * The court of appeals' disposition as it stands once the Supreme Court's judgment on certiorari has been
 * sent down (S. Ct. R. 45.3): affirmed, it stands; reversed, the opposite stands (a reversal of an
 * affirmance undoes the injunction; a reversal of a reversal or vacatur leaves it standing); vacated, none
 * stands (what the court of appeals does on remand is not modelled). Before that, the court of appeals' own.
 */
export function standingDisposition(
  ctx: CaseContext,
  appealDocket: string,
): CertiorariDisposition | undefined {
  const below = ctx.appeals[appealDocket]?.disposition;
  const petition = ctx.petitions[appealDocket];
  if (petition?.status !== 'judgment-sent' || petition.disposition === undefined) return below;
  if (petition.disposition === 'affirmed') return below;
  if (petition.disposition === 'vacated' || below === undefined) return undefined;
  return below === 'affirmed' ? 'reversed' : 'affirmed';
}

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
  const bound = defendants.filter((party) => enjoinsPresident || !isPresident(ctx, party));
  // `filter` leaves room for sixteen more; the record keeps the list for as long as the log is loaded.
  return bound.length === defendants.length ? defendants.slice() : bound.slice();
}

/**
 * A new list: `list` and then `item`, exactly as long as that. A spread (`[...list, item]`) or `filter`
 * leaves room for sixteen more, and records in checkpoints keep their lists for as long as the log is loaded.
 */
function appended<T>(list: readonly T[] | undefined, item: T): T[] {
  return list === undefined ? [item] : list.concat([item]);
}

/** The docket on which an event that ended a case was entered (for appeals from a final judgment). */
/**
 * The district docket an order was entered on: an injunction's, a ruling's that refused one (the motion it
 * ruled on, in full or in part), or a judgment's.
 */
export function docketAppealedFrom(ctx: CaseContext, order: string): string | undefined {
  return (
    ctx.injunctions[order]?.docket ??
    ctx.motions[order]?.docket ??
    Object.values(ctx.motions).find((m) => m.ruledBy === order || m.rulings?.some((r) => r.by === order))
      ?.docket ??
    orderDocket(ctx, order)
  );
}

function orderDocket(ctx: CaseContext, eventId: string): string | undefined {
  return Object.values(ctx.suits).find((s) => s.endedBy === eventId)?.docket;
}

const ENDED_BY_ANOTHER: readonly string[] = ['dissolved', 'vacated', 'superseded', 'ended'];

/** Writes a state chosen by a chart onto an existing record, and who ended it when the event was not its own. */
function writeMove(d: Draft, move: Move, event: CaseEvent): void {
  // A chart step that stays in its state (an amended complaint, a stay of a stayed injunction) changes
  // nothing: the record and its table stay shared with the state before.
  if ((d.ctx[move.collection][move.id] as { status?: string } | undefined)?.status === move.to) return;
  const record = d.edit(move.collection, move.id) as
    | { status: string; endedBy?: string; endedAt?: EpochRange; ruledBy?: string }
    | undefined;
  if (!record || record.status === move.to) return;
  record.status = move.to;
  // A motion mooted by the end of its case or appeal, and relief ended by another object's event, say by which.
  if (move.collection === 'motions' && move.to === 'moot') record.ruledBy ??= event.id;
  else if (
    ENDED_BY_ANOTHER.includes(move.to) &&
    (move.collection === 'injunctions' || move.collection === 'stays')
  ) {
    record.endedBy ??= event.id;
    // When it ended: whether it still barred a prohibition when that came due (effects.ts).
    record.endedAt ??= rangeOf(event.at);
  }
}

/**
 * Applies an accepted event: the data it carries, and the lifecycle states its chart steps chose (`moves`).
 * Pure: the input is not changed; the result shares every record the event did not touch with it (copy
 * on write), so records reachable from a context must never be mutated.
 */
export function evolve(ctx: CaseContext, event: CaseEvent, moves: readonly Move[]): CaseContext {
  const draft = new Draft(ctx, moves, event.id);
  (evolvers[event.type] as (d: Draft, e: CaseEvent) => void)(draft, event);
  for (const move of moves) writeMove(draft, move, event);
  const next = draft.ctx;
  next.accepted += 1;
  return next;
}
