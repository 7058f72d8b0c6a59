/**
 * A summary of the case in four regions (executive, suit, relief, appeal), read from the lifecycle states of
 * its objects: the `state` line of the CLI, the page's phase chips, outcome endings. It decides nothing;
 * the lifecycle charts (lifecycles.ts) do. `LIFECYCLE` says, for people, how each summary can move.
 */
import type { EventType } from '../events/schema.js';
import { EVENT_TYPES } from '../events/vocabulary.js';
import { awaitsRuling, type CaseContext, injunctionStands } from './context.js';
import type { LifecycleId } from './lifecycles.js';
import { PRIMARY } from './route.js';

export const REGION_PHASES = {
  executive: ['noOrder', 'orderInForce', 'orderRevoked'],
  suit: ['noSuit', 'open', 'closed'],
  relief: ['none', 'requested', 'enjoined', 'stayed', 'denied', 'dissolved'],
  appeal: ['none', 'pending', 'inAbeyance', 'decided', 'dismissed'],
} as const;

export type Region = keyof typeof REGION_PHASES;
export type PhaseOf<R extends Region> = (typeof REGION_PHASES)[R][number];
export type Phases = { [R in Region]: PhaseOf<R> };

/** The region of the summary each kind of legal object belongs to. */
const REGION_OF_LIFECYCLE: { readonly [L in LifecycleId]: Region } = {
  order: 'executive',
  identification: 'executive',
  prohibition: 'executive',
  'district-case': 'suit',
  motion: 'relief',
  injunction: 'relief',
  stay: 'relief',
  appeal: 'appeal',
  certiorari: 'appeal',
};

/**
 * Which region of the summary each event kind concerns: the region of its primary object (route.ts), so
 * the summary cannot drift from the charts; notes and positions, which step no chart, belong to the case.
 */
export const REGION_OF: { readonly [T in EventType]: Region | 'case' } = Object.fromEntries(
  EVENT_TYPES.map((type) => {
    const primary = PRIMARY[type];
    return [type, primary === undefined ? 'case' : REGION_OF_LIFECYCLE[primary]];
  }),
) as { [T in EventType]: Region | 'case' };

/** A summary phase in words, for people: `orderInForce` is "order in force". */
export function phaseWords(phase: string): string {
  return phase.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

export const REGION_DESCRIPTIONS: { readonly [R in Region]: string } = {
  executive:
    'The executive action: the order, the agency identification of prohibited transactions, and their end.',
  suit: 'The proceedings in the district court, from complaint to dismissal or judgment.',
  relief:
    'Preliminary relief: motions for a TRO or preliminary injunction, injunctions, and stays pending appeal.',
  appeal: 'The interlocutory appeal in the court of appeals.',
};

/** How a region may move in one step, with a plain description of each phase for people. */
export const LIFECYCLE: {
  [R in Region]: { [P in PhaseOf<R>]: { description: string; next: readonly PhaseOf<R>[] } };
} = {
  executive: {
    noOrder: { description: 'No executive order in the record yet.', next: ['orderInForce'] },
    orderInForce: {
      description: 'An executive order is in force; agencies may identify the transactions it prohibits.',
      next: ['orderRevoked'],
    },
    orderRevoked: {
      description: 'Every order in the record has been revoked; nothing it directed has legal force.',
      next: ['orderInForce'],
    },
  },
  suit: {
    noSuit: { description: 'No lawsuit has been filed.', next: ['open'] },
    open: { description: 'A case is pending in the district court.', next: ['closed'] },
    closed: {
      description: 'Every district-court case has been dismissed or decided by final judgment.',
      next: ['open'],
    },
  },
  relief: {
    none: { description: 'No one has asked a court for preliminary relief.', next: ['requested'] },
    requested: {
      description: 'A motion for a TRO or preliminary injunction is pending.',
      next: ['enjoined', 'denied', 'none', 'dissolved'],
    },
    enjoined: {
      description: 'An injunction is in force and at least part of it is not stayed.',
      next: ['stayed', 'dissolved', 'requested', 'denied'],
    },
    stayed: {
      description:
        'Every injunction in force is stayed pending appeal: the prohibitions it covered apply again.',
      next: ['enjoined', 'dissolved', 'requested', 'denied'],
    },
    denied: { description: 'Preliminary relief was denied and nothing is in force.', next: ['requested'] },
    dissolved: {
      description: 'An injunction was dissolved or vacated and none is in force now.',
      next: ['requested', 'enjoined'],
    },
  },
  appeal: {
    none: { description: 'No appeal has been taken.', next: ['pending'] },
    pending: {
      description:
        'An appeal is pending before the court of appeals. By itself it stays nothing: an injunction appealed from stays in force unless a court stays it (FRCP 62(c)).',
      next: ['inAbeyance', 'decided', 'dismissed'],
    },
    inAbeyance: {
      description: 'The appeal is held in abeyance: still pending, but set aside.',
      next: ['pending', 'dismissed', 'decided'],
    },
    decided: { description: 'The court of appeals has decided the appeal.', next: ['pending', 'inAbeyance'] },
    dismissed: {
      description: 'The appeal was dismissed, voluntarily or as moot.',
      next: ['pending', 'inAbeyance'],
    },
  },
};

function executivePhase(ctx: CaseContext): PhaseOf<'executive'> {
  const orders = Object.values(ctx.orders);
  if (orders.length === 0) return 'noOrder';
  return orders.some((o) => o.status === 'in-force') ? 'orderInForce' : 'orderRevoked';
}

function suitPhase(ctx: CaseContext): PhaseOf<'suit'> {
  const suits = Object.values(ctx.suits);
  if (suits.length === 0) return 'noSuit';
  return suits.some((s) => s.status === 'open' || s.status === 'proceedings-stayed') ? 'open' : 'closed';
}

/** Whether every prohibition an injunction covers is stayed by a stay in force. */
function fullyStayed(ctx: CaseContext, injunctionId: string): boolean {
  const injunction = ctx.injunctions[injunctionId];
  if (!injunction) return false;
  const stayed = new Set(
    Object.values(ctx.stays)
      .filter((s) => s.injunction === injunctionId && s.status === 'in-force')
      .flatMap((s) => s.prohibitions),
  );
  return injunction.prohibitions.every((p) => stayed.has(p));
}

function reliefPhase(ctx: CaseContext): PhaseOf<'relief'> {
  const injunctions = Object.values(ctx.injunctions);
  const inForce = injunctions.filter(injunctionStands);
  if (inForce.length > 0) return inForce.every((i) => fullyStayed(ctx, i.id)) ? 'stayed' : 'enjoined';
  const motions = Object.values(ctx.motions).filter((m) => m.kind === 'injunction');
  if (motions.some(awaitsRuling)) return 'requested';
  if (injunctions.length > 0) return 'dissolved';
  if (motions.some((m) => m.status === 'denied')) return 'denied';
  return 'none';
}

function appealPhase(ctx: CaseContext): PhaseOf<'appeal'> {
  const appeals = Object.values(ctx.appeals);
  if (appeals.length === 0) return 'none';
  if (appeals.some((a) => a.status === 'pending')) return 'pending';
  if (appeals.some((a) => a.status === 'in-abeyance')) return 'inAbeyance';
  // Several ended appeals: the one that ended last sets the phase.
  const last = appeals.reduce((a, b) => ((b.endedSeq ?? 0) > (a.endedSeq ?? 0) ? b : a));
  return last.status === 'dismissed' ? 'dismissed' : 'decided';
}

export function phasesOf(ctx: CaseContext): Phases {
  return {
    executive: executivePhase(ctx),
    suit: suitPhase(ctx),
    relief: reliefPhase(ctx),
    appeal: appealPhase(ctx),
  };
}
