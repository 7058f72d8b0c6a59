/**
 * What is legally in force at an instant, and why: a pure reading of the record the lifecycle charts keep.
 * A prohibition binds once its effective instant has begun, while its chart says it stands (`scheduled`:
 * not suspended by the agency, its order not revoked, its identification not withdrawn or rescinded),
 * unless an injunction in force, and not stayed, covers it. A notice of appeal changes none of this
 * (FRCP 62(c)): only a stay order does.
 */
import { begunBy, formatInstant } from '../events/instant.js';
import type { Instant } from '../events/schema.js';
import { type CaseContext, type InjunctionRecord, injunctionInForceAt } from './context.js';

export type EffectStatus =
  | 'not-yet-effective'
  | 'in-force'
  | 'partly-enjoined'
  | 'enjoined'
  | 'suspended'
  | 'revoked'
  | 'withdrawn'
  | 'rescinded';

export interface StayedInjunction {
  readonly injunction: string;
  readonly stays: readonly string[];
}

export interface ProhibitionEffect {
  readonly prohibition: string;
  readonly description: string;
  readonly identification: string;
  readonly order: string;
  readonly effective: Instant;
  readonly status: EffectStatus;
  /** Injunctions in force, not stayed, that cover it. */
  readonly enjoinedBy: readonly string[];
  /** Injunctions that cover it but are stayed as to it, with the stays. */
  readonly stayed: readonly StayedInjunction[];
  /** For whom it does not bind: everyone (nationwide relief), or the parties a narrower order protects. */
  readonly exempt: 'everyone' | 'no one' | readonly string[];
  /** The events that decide the status, newest last. */
  readonly basis: readonly string[];
  /** The status in one plain sentence. */
  readonly reason: string;
}

function staysOf(ctx: CaseContext, injunction: string, prohibition: string): string[] {
  return Object.values(ctx.stays)
    .filter(
      (s) => s.injunction === injunction && s.status === 'in-force' && s.prohibitions.includes(prohibition),
    )
    .map((s) => s.id);
}

function list(ids: readonly string[]): string {
  return ids.join(', ');
}

/** The legal effect of one prohibition at epoch `t`, given the record as it stood then. */
function prohibitionEffect(
  ctx: CaseContext,
  prohibitionId: string,
  t: number,
): ProhibitionEffect | undefined {
  const p = ctx.prohibitions[prohibitionId];
  const identification = p ? ctx.identifications[p.identification] : undefined;
  if (!p || !identification) return undefined;
  const order = ctx.orders[identification.order];

  const covering = Object.values(ctx.injunctions).filter(
    (i) => i.prohibitions.includes(p.id) && injunctionInForceAt(i, t),
  );
  const stayed: StayedInjunction[] = [];
  const unstayed: InjunctionRecord[] = [];
  for (const injunction of covering) {
    const stays = staysOf(ctx, injunction.id, p.id);
    if (stays.length > 0) stayed.push({ injunction: injunction.id, stays });
    else unstayed.push(injunction);
  }
  const nationwide = unstayed.filter((i) => i.nationwide);
  const enjoinedBy = unstayed.map((i) => i.id);
  const protectedParties = [...new Set(unstayed.filter((i) => !i.nationwide).flatMap((i) => i.protects))];
  const base = {
    prohibition: p.id,
    description: p.description,
    identification: identification.id,
    order: identification.order,
    effective: p.effective,
    enjoinedBy,
    stayed,
  };
  const stayedBasis = stayed.flatMap((s) => [s.injunction, ...s.stays]);

  if (p.status === 'withdrawn' || p.status === 'rescinded') {
    const status = p.status;
    return {
      ...base,
      status,
      exempt: 'everyone',
      basis: [identification.endedBy ?? identification.announcedBy],
      reason: `The identification was ${status} by ${identification.endedBy}; the prohibition binds no one.`,
    };
  }
  if (p.status === 'order-revoked' && order) {
    return {
      ...base,
      status: 'revoked',
      exempt: 'everyone',
      basis: [order.revokedBy ?? order.signedBy],
      reason: `The order behind it (${order.id}) was revoked by ${order.revokedBy}; the prohibition has no legal basis.`,
    };
  }
  if (p.status === 'suspended') {
    const by = p.suspendedBy?.at(-1) ?? identification.announcedBy;
    return {
      ...base,
      status: 'suspended',
      exempt: 'everyone',
      basis: [by],
      reason: `The agency suspended it, or will not enforce it, by ${by}; it binds no one until enforcement resumes.`,
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
      exempt: 'everyone',
      basis: [identification.announcedBy, ...p.movedBy, ...enjoinedBy],
      reason: `Not yet effective: it takes effect at ${formatInstant(p.effective)}.${enjoinedNote}`,
    };
  }
  if (nationwide.length > 0) {
    return {
      ...base,
      status: 'enjoined',
      exempt: 'everyone',
      basis: enjoinedBy,
      reason: `Enjoined for everyone by ${list(nationwide.map((i) => i.id))}.`,
    };
  }
  if (protectedParties.length > 0) {
    return {
      ...base,
      status: 'partly-enjoined',
      exempt: protectedParties,
      basis: enjoinedBy,
      reason: `In force, except as to ${protectedParties.join(', ')}, whom ${list(enjoinedBy)} protects.`,
    };
  }
  const stayNote =
    stayed.length > 0
      ? ` The injunction${stayed.length > 1 ? 's' : ''} covering it (${list(stayed.map((s) => s.injunction))}) ${stayed.length > 1 ? 'are' : 'is'} stayed by ${list(stayed.flatMap((s) => s.stays))}.`
      : '';
  return {
    ...base,
    status: 'in-force',
    exempt: 'no one',
    basis: [identification.announcedBy, ...p.movedBy, ...stayedBasis],
    reason: `In force since ${formatInstant(p.effective)}.${stayNote}`,
  };
}

/** The legal effect of every prohibition in the record at epoch `t`. */
export function legalEffects(ctx: CaseContext, t: number): ProhibitionEffect[] {
  return Object.keys(ctx.prohibitions)
    .map((id) => prohibitionEffect(ctx, id, t))
    .filter((e): e is ProhibitionEffect => e !== undefined);
}

/** Whether a status means the prohibition binds at least someone. */
export function binds(status: EffectStatus): boolean {
  return status === 'in-force' || status === 'partly-enjoined';
}
