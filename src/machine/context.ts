/**
 * What the machine remembers about a case: plain, JSON-serializable records keyed by id, so that a
 * snapshot can be persisted and replay resumed from it. `evolve` applies an event that the machine's
 * guards have already accepted; it decides nothing.
 */
import { type EpochRange, rangeOf } from '../events/instant.js';
import type { CaseEvent, EventOf, InjunctionFindings, Instant, StayFindings } from '../events/schema.js';

export interface OrderRecord {
  id: string;
  title: string;
  signedBy: string;
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
  status: 'open' | 'dismissed';
  endedBy?: string;
  endedAt?: EpochRange;
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
  endedBy?: string;
  /** The count of accepted events when it ended: the latest-ended appeal sets the region's phase. */
  endedSeq?: number;
}

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
  nationwide: boolean;
  protects: string[];
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

/** The docket (district case or appeal) a motion or ruling belongs to, and which kind of court hears it. */
export function forumOf(ctx: CaseContext, docket: string): 'district' | 'appeals' | undefined {
  if (ctx.suits[docket]) return 'district';
  if (ctx.appeals[docket]) return 'appeals';
  return undefined;
}

export function courtOf(ctx: CaseContext, docket: string): string | undefined {
  return ctx.suits[docket]?.court ?? ctx.appeals[docket]?.court;
}

/** Ends every stay of `injunction` still in force: a stay pending appeal lasts only while the appeal does. */
function endStaysOf(ctx: CaseContext, injunction: string, by: string): void {
  for (const stay of Object.values(ctx.stays)) {
    if (stay.injunction === injunction && stay.status === 'in-force') {
      stay.status = 'ended';
      stay.endedBy = by;
    }
  }
}

function endInjunction(ctx: CaseContext, id: string, status: 'dissolved' | 'vacated', by: string): void {
  const injunction = ctx.injunctions[id];
  if (injunction && injunction.status === 'in-force') {
    injunction.status = status;
    injunction.endedBy = by;
    endStaysOf(ctx, id, by);
  }
}

function terminatePendingMotions(ctx: CaseContext, docket: string, by: string): void {
  for (const motion of Object.values(ctx.motions)) {
    if (motion.docket === docket && motion.status === 'pending') {
      motion.status = 'terminated';
      motion.ruledBy = by;
    }
  }
}

function rule(
  ctx: CaseContext,
  motionId: string,
  status: 'granted' | 'denied',
  event: CaseEvent,
  findings?: unknown,
) {
  const motion = ctx.motions[motionId];
  if (!motion) return undefined;
  motion.status = status;
  motion.ruledBy = event.id;
  motion.ruledAt = rangeOf(event.at);
  if (findings) motion.findings = findings as InjunctionFindings | StayFindings;
  return motion;
}

/** What an appeal's end does to the order appealed from and to any stay pending that appeal. */
function closeAppeal(ctx: CaseContext, appeal: AppealRecord, event: CaseEvent, vacate: boolean): void {
  appeal.endedSeq = ctx.accepted + 1;
  terminatePendingMotions(ctx, appeal.docket, event.id);
  const order = ctx.injunctions[appeal.order];
  if (!order) return;
  if (vacate) endInjunction(ctx, order.id, 'vacated', event.id);
  else endStaysOf(ctx, order.id, event.id);
}

type Evolvers = { [T in CaseEvent['type']]: (ctx: CaseContext, event: EventOf<T>) => void };

const evolvers: Evolvers = {
  'order.signed': (ctx, e) => {
    ctx.orders[e.order] = { id: e.order, title: e.title, signedBy: e.id, status: 'in-force' };
  },
  'order.revoked': (ctx, e) => {
    const order = ctx.orders[e.order];
    if (order) Object.assign(order, { status: 'revoked', revokedBy: e.id });
  },
  'identification.announced': (ctx, e) => {
    ctx.identifications[e.identification] = {
      id: e.identification,
      order: e.order,
      agency: e.agency,
      announcedBy: e.id,
      status: 'announced',
    };
    for (const p of e.prohibitions) {
      ctx.prohibitions[p.id] = {
        id: p.id,
        identification: e.identification,
        description: p.description,
        effective: p.effective,
        movedBy: [],
      };
    }
  },
  'identification.datesChanged': (ctx, e) => {
    for (const change of e.changes) {
      const p = ctx.prohibitions[change.prohibition];
      if (p) {
        p.effective = change.effective;
        p.movedBy.push(e.id);
      }
    }
  },
  'identification.withdrawn': (ctx, e) => {
    const i = ctx.identifications[e.identification];
    if (i) Object.assign(i, { status: 'withdrawn', endedBy: e.id });
  },
  'identification.rescinded': (ctx, e) => {
    const i = ctx.identifications[e.identification];
    if (i) Object.assign(i, { status: 'rescinded', endedBy: e.id });
  },
  'government.position': (ctx, e) => {
    ctx.positions.push({ eventId: e.id, by: e.by, position: e.statement });
  },
  'complaint.filed': (ctx, e) => {
    ctx.suits[e.docket] = {
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
  },
  'complaint.amended': () => {},
  'injunction.motionFiled': (ctx, e) => {
    ctx.motions[e.id] = {
      id: e.id,
      kind: 'injunction',
      docket: e.docket,
      movant: e.movant,
      relief: e.relief,
      status: 'pending',
    };
  },
  'injunction.granted': (ctx, e) => {
    for (const other of e.alsoDecides ?? []) rule(ctx, other, 'granted', e, e.findings);
    const motion = rule(ctx, e.motion, 'granted', e, e.findings);
    if (!motion) return;
    const injunction: InjunctionRecord = {
      id: e.id,
      motion: e.motion,
      docket: motion.docket,
      court: courtOf(ctx, motion.docket) ?? motion.docket,
      relief: motion.relief ?? 'preliminary',
      prohibitions: e.scope.prohibitions,
      defendants: e.scope.defendants,
      nationwide: e.scope.nationwide,
      protects: e.scope.protects ?? [],
      findings: e.findings,
      grantedAt: rangeOf(e.at),
      status: 'in-force',
    };
    if (e.expires) injunction.expires = e.expires;
    ctx.injunctions[e.id] = injunction;
  },
  'injunction.denied': (ctx, e) => {
    for (const other of e.alsoDecides ?? []) rule(ctx, other, 'denied', e, e.findings);
    rule(ctx, e.motion, 'denied', e, e.findings);
  },
  'appeal.noticed': (ctx, e) => {
    const from =
      ctx.injunctions[e.order]?.docket ?? ctx.motions[e.order]?.docket ?? orderDocket(ctx, e.order) ?? '';
    ctx.appeals[e.appealDocket] = {
      docket: e.appealDocket,
      court: e.court,
      caseNumber: e.caseNumber,
      from,
      order: e.order,
      noticedBy: e.id,
      status: 'pending',
    };
  },
  'stay.motionFiled': (ctx, e) => {
    const motion: MotionRecord = {
      id: e.id,
      kind: 'stay',
      docket: e.docket,
      movant: e.movant,
      injunction: e.injunction,
      status: 'pending',
    };
    if (e.ground) motion.ground = e.ground;
    ctx.motions[e.id] = motion;
  },
  'stay.granted': (ctx, e) => {
    const motion = rule(ctx, e.motion, 'granted', e, e.findings);
    const injunction = motion?.injunction ? ctx.injunctions[motion.injunction] : undefined;
    if (!motion || !injunction) return;
    ctx.stays[e.id] = {
      id: e.id,
      motion: motion.id,
      injunction: injunction.id,
      docket: motion.docket,
      prohibitions: e.prohibitions ?? injunction.prohibitions,
      status: 'in-force',
    };
  },
  'stay.denied': (ctx, e) => {
    rule(ctx, e.motion, 'denied', e, e.findings);
  },
  'appeal.heldInAbeyance': (ctx, e) => {
    const appeal = ctx.appeals[e.appealDocket];
    if (appeal) appeal.status = 'abeyance';
  },
  'appeal.abeyanceLifted': (ctx, e) => {
    const appeal = ctx.appeals[e.appealDocket];
    if (appeal) appeal.status = 'pending';
  },
  'appeal.decided': (ctx, e) => {
    const appeal = ctx.appeals[e.appealDocket];
    if (!appeal) return;
    Object.assign(appeal, { status: 'decided', disposition: e.disposition, endedBy: e.id });
    // Reversing or vacating an injunction ends it; affirming leaves it, and either way a stay pending appeal lapses.
    closeAppeal(ctx, appeal, e, e.disposition !== 'affirmed');
  },
  'appeal.dismissed': (ctx, e) => {
    const appeal = ctx.appeals[e.appealDocket];
    if (!appeal) return;
    Object.assign(appeal, { status: 'dismissed', endedBy: e.id });
    closeAppeal(ctx, appeal, e, e.vacatur);
  },
  'case.dismissed': (ctx, e) => {
    const suit = ctx.suits[e.docket];
    if (!suit) return;
    Object.assign(suit, { status: 'dismissed', endedBy: e.id, endedAt: rangeOf(e.at) });
    terminatePendingMotions(ctx, e.docket, e.id);
    // Preliminary relief does not outlive the action it was granted in.
    for (const injunction of Object.values(ctx.injunctions)) {
      if (injunction.docket === e.docket) endInjunction(ctx, injunction.id, 'dissolved', e.id);
    }
  },
  'context.note': () => {},
};

/** The docket on which an event that ended a case was entered (for appeals from a final judgment). */
function orderDocket(ctx: CaseContext, eventId: string): string | undefined {
  return Object.values(ctx.suits).find((s) => s.endedBy === eventId)?.docket;
}

/** Applies an accepted event to a copy of the context. Pure: the input is not changed. */
export function evolve(ctx: CaseContext, event: CaseEvent): CaseContext {
  const next = structuredClone(ctx);
  (evolvers[event.type] as (c: CaseContext, e: CaseEvent) => void)(next, event);
  next.accepted += 1;
  next.lastEvent = event.id;
  return next;
}
