/**
 * The one random walker: grows a case event by event from what the lifecycle charts accept
 * (`legalNextEvents`). Each step says how many days pass and which legal event to take; the walker chooses
 * a kind of event first and then one event of that kind, so kinds offered many times (one per prohibition,
 * per docket) do not crowd out the rarer ones that lead on to injunctions, stays and appeals, and it
 * passes over events that end or stall a case unless the step says any kind will do. The property tests
 * draw the steps from fast-check (so failures shrink), the benchmark corpus from the project's seeded
 * generator.
 */
import type { CaseEvent, EventType, Instant } from '../events/schema.js';
import { type CaseSnapshot, initialSnapshot } from '../replay/replay.js';
import { addDays, legalNextEvents } from './next.js';

export const WALK_START: Instant = { local: '2020-08-06', zone: 'America/Los_Angeles' };

/** Event kinds that end or stall a case, or its basis: a walk takes them only when a step allows any kind. */
const DIVERSIONS: ReadonlySet<EventType> = new Set<EventType>([
  'order.revoked',
  'identification.withdrawn',
  'identification.rescinded',
  'identification.suspended',
  'case.dismissed',
  'case.judgment',
  'case.proceedingsStayed',
  'motion.withdrawn',
  'appeal.dismissed',
]);

export interface WalkStep {
  /** Days that pass before the event. */
  readonly gap: number;
  /** Which legal event: picks a kind, then an event of that kind. */
  readonly choice: number;
  /** Whether events that end or stall the case may be taken. */
  readonly anyKind: boolean;
}

export interface Walk {
  readonly events: CaseEvent[];
  /** The state after each event: snapshots[i] follows events[i]. */
  readonly snapshots: CaseSnapshot[];
}

/** The legal event a step picks, or undefined when nothing is legal. */
export function pick<T extends { readonly event: CaseEvent }>(
  legal: readonly T[],
  step: WalkStep,
): T | undefined {
  const preferred = step.anyKind ? legal : legal.filter((l) => !DIVERSIONS.has(l.event.type));
  const pool = preferred.length > 0 ? preferred : legal;
  const kinds = [...new Set(pool.map((l) => l.event.type))];
  const kind = kinds[step.choice % Math.max(1, kinds.length)];
  const ofKind = pool.filter((l) => l.event.type === kind);
  return ofKind[Math.floor(step.choice / Math.max(1, kinds.length)) % Math.max(1, ofKind.length)];
}

/** Walks the steps from `from` (the empty case by default), stopping early when nothing is legal. */
export function walk(
  steps: Iterable<WalkStep>,
  from: CaseSnapshot = initialSnapshot(),
  start = WALK_START,
): Walk {
  const events: CaseEvent[] = [];
  const snapshots: CaseSnapshot[] = [];
  let snapshot = from;
  let at = start;
  for (const step of steps) {
    at = addDays(at, step.gap);
    const chosen = pick(legalNextEvents(snapshot, at), step);
    if (!chosen) break;
    events.push(chosen.event);
    snapshot = chosen.snapshot;
    snapshots.push(snapshot);
  }
  return { events, snapshots };
}

/** `length` steps drawn from a seeded generator: up to `maxGap` days apart, any kind with chance `anyKind`. */
export function* randomSteps(
  random: () => number,
  length: number,
  { maxGap = 2, anyKind = 0.02 }: { maxGap?: number; anyKind?: number } = {},
): Generator<WalkStep> {
  for (let i = 0; i < length; i++) {
    yield {
      gap: Math.floor(random() * (maxGap + 1)),
      choice: Math.floor(random() * 1_000_000),
      anyKind: random() < anyKind,
    };
  }
}
