/**
 * What is legally in force at an instant, and why: a pure reading of the record the lifecycle charts keep.
 * A prohibition binds once its effective instant has begun, while its chart says it stands (`scheduled`:
 * not suspended by the agency, its order not revoked, its identification not withdrawn or rescinded),
 * unless an injunction in force, and not stayed, covers it. A notice of appeal changes none of this
 * (FRCP 62(c)): only a stay order does.
 *
 * Who is bound and who is protected are told apart: an injunction binds the defendants it names (never the
 * President unless it says so), with their officers, agents, employees and attorneys and those in active
 * concert with notice (FRCP 65(d)(2)); it protects everyone (universal relief), or only the named parties or
 * the transactions serving them (Califano v. Yamasaki). "Nationwide" is geography and says neither.
 */
import { begunBy, formatInstant, rangeOf } from '../events/instant.js';
import type { Instant } from '../events/schema.js';
import {
  type CaseContext,
  type InjunctionRecord,
  injunctionInForceAt,
  type StayRecord,
  suspensionBindsAt,
} from './context.js';

export type EffectStatus =
  | 'not-yet-effective'
  | 'in-force'
  | 'partly-enjoined'
  | 'enjoined'
  | 'awaiting-date'
  | 'suspended'
  | 'revoked'
  | 'withdrawn'
  | 'rescinded';

export interface StayedInjunction {
  readonly injunction: string;
  readonly stays: readonly string[];
}

export interface ProtectedParties {
  readonly parties: readonly string[];
  readonly as: 'named-parties' | 'transactions-serving-named-parties';
}

/**
 * Who an injunction bars, as a phrase: its bound defendants, and with them their officers, agents,
 * servants, employees and attorneys and those in active concert with notice (FRCP 65(d)(2)).
 */
export function boundPhrase(bound: readonly string[]): string {
  return bound.length > 0 ? `${bound.join(' and ')} and those bound with them (FRCP 65(d)(2))` : 'no one';
}

/** Who an injunction protects, as a phrase ending a sentence "... from implementing it against ___". */
function protectedPhrase(p: ProtectedParties): string {
  const parties = p.parties.join(', ');
  return p.as === 'named-parties' ? parties : `transactions that serve ${parties}`;
}

/** An injunction's scope in words: geography and who benefits told apart (nationwide is not universal). */
export function reliefScopeText(injunction: InjunctionRecord): string {
  const where = injunction.nationwide ? 'nationwide' : 'in its district';
  if (injunction.beneficiaries === 'everyone') return `${where}, universal (it protects non-parties too)`;
  const protectedParties = protectedPhrase({ parties: injunction.protects, as: injunction.beneficiaries });
  return `${where}, limited to ${protectedParties}; binds ${injunction.binds.join(', ') || 'no one'}`;
}

export interface ProhibitionEffect {
  readonly prohibition: string;
  readonly description: string;
  /** The identification that names it; none for a section of the order itself (`section`). */
  readonly identification?: string;
  readonly section?: string;
  readonly order: string;
  readonly effective: Instant;
  readonly status: EffectStatus;
  /** Injunctions in force, not stayed, that cover it. */
  readonly enjoinedBy: readonly string[];
  /** Injunctions that cover it but are stayed as to it, with the stays. */
  readonly stayed: readonly StayedInjunction[];
  /** Who is barred from implementing it: the defendants the covering injunctions bind (FRCP 65(d)(2)). */
  readonly bound: readonly string[];
  /**
   * Who the covering injunctions protect: everyone (universal relief), the named parties, or the
   * transactions that serve them; 'none' when no injunction in force and not stayed covers it.
   */
  readonly protects: 'none' | 'everyone' | ProtectedParties;
  /** The events that decide the status, newest last. */
  readonly basis: readonly string[];
  /** The status in one plain sentence. */
  readonly reason: string;
}

const DAY = 86_400_000;

/** The time to take an appeal, in days (FRAP 4(a)(1)(A)-(B)): 30, or 60 where the United States is a party. */
export const TIME_TO_APPEAL_DAYS = { otherwise: 30, withUnitedStates: 60 } as const;

/** The instant the time to appeal from an injunction runs out: a stay with no appeal lapses then. */
export function appealTimeRunsOut(grantedAt: { readonly end: number }, unitedStatesIsParty: boolean): number {
  const days = unitedStatesIsParty ? TIME_TO_APPEAL_DAYS.withUnitedStates : TIME_TO_APPEAL_DAYS.otherwise;
  return grantedAt.end + days * DAY;
}

/**
 * Whether a stay pending appeal still holds at `t`. It lasts only while an appeal may be, or is, pending:
 * once an appeal from the injunction is noticed the stay ends with it (the machine records that); with no
 * appeal, it lapses when the time to appeal runs out (FRAP 4(a)(1): 30 days, or 60 with a U.S. party).
 */
export function stayHoldsAt(ctx: CaseContext, stay: StayRecord, t: number): boolean {
  if (stay.status !== 'in-force') return false;
  if (Object.values(ctx.appeals).some((a) => a.order === stay.injunction)) return true;
  const injunction = ctx.injunctions[stay.injunction];
  const suit = injunction ? ctx.suits[injunction.docket] : undefined;
  if (!injunction || !suit) return true;
  return t < appealTimeRunsOut(injunction.grantedAt, suit.unitedStatesIsParty);
}

/** Whether a stay held at epoch `at`, judged from when it was granted and ended. */
function stayHeldAt(ctx: CaseContext, stay: StayRecord, at: number): boolean {
  // The one counting rule (events/instant.ts): a ruling counts from the earliest moment its date allows.
  if (!stay.grantedAt || stay.grantedAt.start > at) return false;
  if (stay.endedAt && stay.endedAt.start <= at) return false;
  return stayHoldsAt(ctx, { ...stay, status: 'in-force' }, at);
}

/**
 * The universal injunctions that barred a prohibition at epoch `due`, when its effective instant came: in
 * force then, and not stayed as to it. Such a prohibition never took effect; once the injunction stops
 * barring it (stayed, reversed, vacated, dissolved or lapsed), it does not spring back at its old, past
 * instant: the agency sets a new effective time (an `identification.datesChanged`), as Commerce re-dated
 * prohibitions after court orders in the related app litigation.
 */
function enjoinedWhenDue(ctx: CaseContext, prohibition: string, due: number): InjunctionRecord[] {
  return Object.values(ctx.injunctions).filter(
    (i) =>
      i.beneficiaries === 'everyone' &&
      i.prohibitions.includes(prohibition) &&
      // The one counting rule (events/instant.ts): an act counts from the earliest moment its date allows.
      i.grantedAt.start <= due &&
      !(i.endedAt && i.endedAt.start <= due) &&
      !(i.expires && begunBy(i.expires, due)) &&
      !Object.values(ctx.stays).some(
        (s) => s.injunction === i.id && s.prohibitions.includes(prohibition) && stayHeldAt(ctx, s, due),
      ),
  );
}

/**
 * A TRO that lapsed on its own (FRCP 65(b)(2)) before a court vacated it: the prohibition bound from the
 * lapse, and vacating an order that no longer bound anyone does not unmake that.
 */
function lapsedBeforeItEnded(i: InjunctionRecord): boolean {
  return i.expires !== undefined && i.endedAt !== undefined && begunBy(i.expires, i.endedAt.start);
}

function staysOf(ctx: CaseContext, injunction: string, prohibition: string, t: number): string[] {
  return Object.values(ctx.stays)
    .filter(
      (s) => s.injunction === injunction && s.prohibitions.includes(prohibition) && stayHoldsAt(ctx, s, t),
    )
    .map((s) => s.id);
}

function list(ids: readonly string[]): string {
  return ids.join(', ');
}

/**
 * The legal effect of one prohibition at epoch `t`, given the record as it stood then. `since` is when it
 * began to bind, if known: the record at `t` alone cannot tell (a prohibition enjoined on its effective
 * date binds only from the stay or reversal that lifted the injunction), so `effectIntervals` supplies it.
 */
export function prohibitionEffect(
  ctx: CaseContext,
  prohibitionId: string,
  t: number,
  since?: Instant,
): ProhibitionEffect | undefined {
  const p = ctx.prohibitions[prohibitionId];
  const identification = p?.identification ? ctx.identifications[p.identification] : undefined;
  // A section of an order that prohibits by its own force has no identification: the order made it.
  const orderId = identification?.order ?? p?.order;
  const order = orderId ? ctx.orders[orderId] : undefined;
  if (!p || !order) return undefined;
  const madeBy = identification?.announcedBy ?? order.signedBy;

  const covering = Object.values(ctx.injunctions).filter(
    (i) => i.prohibitions.includes(p.id) && injunctionInForceAt(i, t),
  );
  const stayed: StayedInjunction[] = [];
  const unstayed: InjunctionRecord[] = [];
  for (const injunction of covering) {
    const stays = staysOf(ctx, injunction.id, p.id, t);
    if (stays.length > 0) stayed.push({ injunction: injunction.id, stays });
    else unstayed.push(injunction);
  }
  const universal = unstayed.filter((i) => i.beneficiaries === 'everyone');
  const enjoinedBy = unstayed.map((i) => i.id);
  const limited = unstayed.filter((i) => i.beneficiaries !== 'everyone');
  const protectedParties = [...new Set(limited.flatMap((i) => i.protects))];
  // Relief for the transactions serving a party is the narrower reading; any injunction protecting the
  // parties themselves makes it the wider one.
  const protectedAs = limited.some((i) => i.beneficiaries === 'named-parties')
    ? ('named-parties' as const)
    : ('transactions-serving-named-parties' as const);
  const bound = [...new Set(unstayed.flatMap((i) => i.binds))];
  const protects: ProhibitionEffect['protects'] =
    universal.length > 0
      ? 'everyone'
      : protectedParties.length > 0
        ? { parties: protectedParties, as: protectedAs }
        : 'none';
  const base = {
    prohibition: p.id,
    description: p.description,
    ...(identification ? { identification: identification.id } : {}),
    ...(p.section ? { section: p.section } : {}),
    order: order.id,
    effective: p.effective,
    enjoinedBy,
    stayed,
    bound,
    protects,
  };
  const stayedBasis = stayed.flatMap((s) => [s.injunction, ...s.stays]);

  if ((p.status === 'withdrawn' || p.status === 'rescinded') && identification) {
    const status = p.status;
    return {
      ...base,
      status,
      basis: [identification.endedBy ?? identification.announcedBy],
      reason: `The identification was ${status} by ${identification.endedBy}; the prohibition binds no one.`,
    };
  }
  if (p.status === 'order-revoked') {
    return {
      ...base,
      status: 'revoked',
      basis: [order.revokedBy ?? order.signedBy],
      reason: `The order behind it (${order.id}) was revoked by ${order.revokedBy}; the prohibition has no legal basis.${
        covering.length > 0
          ? ` ${list(covering.map((i) => i.id))} restrained it and now has nothing left to restrain; whether the case is moot is for the court to find.`
          : ''
      }`,
    };
  }
  if (suspensionBindsAt(p, t)) {
    const by = p.suspendedBy?.at(-1) ?? madeBy;
    const until = p.suspendedUntil
      ? `until ${formatInstant(p.suspendedUntil)}, when the suspension ends by its terms, unless enforcement resumes sooner`
      : 'until enforcement resumes';
    return {
      ...base,
      status: 'suspended',
      basis: [by],
      reason: `The agency suspended it, or will not enforce it, by ${by}; it binds no one ${until}.`,
    };
  }
  const enjoinedNote =
    enjoinedBy.length > 0
      ? ` It is already enjoined by ${list(enjoinedBy)}, so it cannot take effect then.`
      : '';
  if (!begunBy(p.effective, t)) {
    return {
      ...base,
      status: 'not-yet-effective',
      basis: [madeBy, ...p.movedBy, ...enjoinedBy],
      reason: `Not yet effective: it takes effect at ${formatInstant(p.effective)}.${enjoinedNote}`,
    };
  }
  // After a stay or a reversal only: a TRO that lapses, or relief that ends with its case, lets it bind.
  const blocker =
    universal.length > 0
      ? undefined
      : enjoinedWhenDue(ctx, p.id, rangeOf(p.effective).start).find(
          (i) =>
            (i.status === 'vacated' && !lapsedBeforeItEnded(i)) || stayed.some((s) => s.injunction === i.id),
        );
  if (blocker) {
    return {
      ...base,
      status: 'awaiting-date',
      basis: [madeBy, ...p.movedBy, blocker.id, ...stayedBasis],
      reason: `Never took effect: ${blocker.id} enjoined it when it was due (${formatInstant(p.effective)}), and is now ${blocker.status === 'vacated' ? 'vacated' : 'stayed'}; its effective time is to be set by the agency.`,
    };
  }
  if (universal.length > 0) {
    const universalBound = [...new Set(universal.flatMap((i) => i.binds))];
    return {
      ...base,
      status: 'enjoined',
      basis: enjoinedBy,
      reason: `Enjoined by ${list(universal.map((i) => i.id))}: ${boundPhrase(universalBound)} may not implement it against anyone.`,
    };
  }
  if (typeof protects === 'object') {
    return {
      ...base,
      status: 'partly-enjoined',
      basis: enjoinedBy,
      reason: `In force, except that ${list(enjoinedBy)} bars ${boundPhrase(bound)} from implementing it against ${protectedPhrase(protects)}.`,
    };
  }
  const stayNote =
    stayed.length > 0
      ? ` The injunction${stayed.length > 1 ? 's' : ''} covering it (${list(stayed.map((s) => s.injunction))}) ${stayed.length > 1 ? 'are' : 'is'} stayed by ${list(stayed.flatMap((s) => s.stays))}.`
      : '';
  return {
    ...base,
    status: 'in-force',
    basis: [madeBy, ...p.movedBy, ...stayedBasis],
    reason: `In force since ${formatInstant(since ?? p.effective)}.${stayNote}`,
  };
}

/** The legal effect of every prohibition in the record at epoch `t` (`sinceOf`: see `prohibitionEffect`). */
export function legalEffects(
  ctx: CaseContext,
  t: number,
  sinceOf?: (prohibition: string) => Instant | undefined,
): ProhibitionEffect[] {
  return Object.keys(ctx.prohibitions)
    .map((id) => prohibitionEffect(ctx, id, t, sinceOf?.(id)))
    .filter((e): e is ProhibitionEffect => e !== undefined);
}

/** Whether a status means the prohibition binds at least someone. */
export function binds(status: EffectStatus): boolean {
  return status === 'in-force' || status === 'partly-enjoined';
}
