/**
 * The one random walker: grows a case event by event from what the lifecycle charts accept
 * (`legalNextEvents`). At each point a chooser, given the legal next events, picks one or stops. The
 * benchmark corpus and its Monte Carlo futures draw steps from the project's seeded generator, the
 * property tests draw them from fast-check (so failures shrink), both through `stepChooser`; the Monte
 * Carlo sampler of `outcomes` is a chooser that weighs the options an odds file leaves open
 * (src/outcomes/search.ts).
 */
import type { CaseEvent, EventType, Instant } from '../events/schema.js';
import { type CaseSnapshot, initialSnapshot } from '../replay/replay.js';
import { addDays, type LegalByKind, legalNextByKind, legalNextEvents } from './next.js';

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

/** A legal next event, and the state it leads to (built when read). */
export interface LegalNext {
  readonly event: CaseEvent;
  readonly snapshot: CaseSnapshot;
}

/** Where a walk stands: the state, the day of its last event (or its start), and what could come next. */
export interface Point {
  readonly snapshot: CaseSnapshot;
  readonly at: Instant;
  /** The legal next events dated `at`, in the order they are generated; only of `kinds`, when given. */
  legal(at: Instant, kinds?: ReadonlySet<EventType>): readonly LegalNext[];
  /** The same by kind, each kind decided only as far as it is asked about (`onDemand` kinds: not before). */
  legalByKind(at: Instant, onDemand?: ReadonlySet<EventType>): LegalByKind;
}

/**
 * What a chooser answers at a point: take one of the legal next events it was given, pass (nothing
 * happens, and the chooser is asked again: an option not to act), or stop the walk.
 */
export type Choice = { readonly take: LegalNext } | 'pass' | 'stop';

export type Chooser = (point: Point) => Choice;

/** Legal next events as a step chooses among them: their kinds in order, then the events of one kind. */
interface ByKind<T> {
  kinds(except?: ReadonlySet<EventType>): readonly EventType[];
  ofKind(kind: EventType): readonly T[];
}

function byKindOf<T extends { readonly event: CaseEvent }>(legal: readonly T[]): ByKind<T> {
  return {
    kinds: (except) => [...new Set(legal.map((l) => l.event.type))].filter((kind) => !except?.has(kind)),
    ofKind: (kind) => legal.filter((l) => l.event.type === kind),
  };
}

/**
 * The legal event a step picks, or undefined when nothing is legal: a kind first (passing over kinds that
 * end or stall the case unless the step allows any kind, or nothing else is legal), then an event of it.
 */
function pickByKind<T>(legal: ByKind<T>, step: WalkStep): T | undefined {
  const preferred = step.anyKind ? legal.kinds() : legal.kinds(DIVERSIONS);
  const kinds = preferred.length > 0 ? preferred : legal.kinds();
  const kind = kinds[step.choice % Math.max(1, kinds.length)];
  if (kind === undefined) return undefined;
  const ofKind = legal.ofKind(kind);
  return ofKind[Math.floor(step.choice / Math.max(1, kinds.length)) % Math.max(1, ofKind.length)];
}

/** The event among `legal` a step picks, as a walk picks among the legal next events. */
export function pick<T extends { readonly event: CaseEvent }>(
  legal: readonly T[],
  step: WalkStep,
): T | undefined {
  return pickByKind(byKindOf(legal), step);
}

/** Walks from `from` (the empty case by default) on day `start`, as `chooser` decides, until it stops. */
export function walkWith(chooser: Chooser, from: CaseSnapshot = initialSnapshot(), start = WALK_START): Walk {
  const events: CaseEvent[] = [];
  const snapshots: CaseSnapshot[] = [];
  let snapshot = from;
  let at = start;
  for (;;) {
    const here = snapshot;
    const choice = chooser({
      snapshot: here,
      at,
      legal: (day, kinds) => legalNextEvents(here, day, kinds),
      legalByKind: (day, onDemand) => legalNextByKind(here, day, onDemand),
    });
    if (choice === 'stop') break;
    if (choice === 'pass') continue;
    events.push(choice.take.event);
    snapshot = choice.take.snapshot;
    snapshots.push(snapshot);
    at = choice.take.event.at;
  }
  return { events, snapshots };
}

/**
 * A chooser that takes the steps in turn (days passing, then which legal event), and stops when they run
 * out or nothing is legal: the bench's seeded steps and the property tests' fast-check steps.
 */
export function stepChooser(steps: Iterable<WalkStep>): Chooser {
  const iterator = steps[Symbol.iterator]();
  return (point) => {
    const next = iterator.next();
    if (next.done) return 'stop';
    const step = next.value;
    // Kinds that end or stall a case are decided only when the step may take them, or nothing else is legal.
    const chosen = pickByKind(point.legalByKind(addDays(point.at, step.gap), DIVERSIONS), step);
    return chosen ? { take: chosen } : 'stop';
  };
}

/** Walks the steps from `from` (the empty case by default), stopping early when nothing is legal. */
export function walk(steps: Iterable<WalkStep>, from?: CaseSnapshot, start = WALK_START): Walk {
  return walkWith(stepChooser(steps), from, start);
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
