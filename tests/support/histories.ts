/**
 * Generated case histories for the property tests. A history is grown step by step by the project's one
 * walker (src/generate/walk.ts) from what the charts accept, each step drawn by fast-check so that failures
 * shrink to short, simple histories; mixed histories add deliberately illegal events (any candidate, or a
 * random kind with random references) to see what the machine rejects.
 */
import fc from 'fast-check';
import { type CaseEvent, type Instant, SCHEMA_VERSION } from '../../src/events/schema.js';
import {
  addDays,
  GRANTING_FINDINGS,
  legalNextEvents,
  nextEvents,
  STAY_FINDINGS,
  SYNTHETIC_SOURCE,
} from '../../src/generate/next.js';
import { pick, WALK_START, type WalkStep, walk } from '../../src/generate/walk.js';
import { applyEvent, type CaseSnapshot, initialSnapshot } from '../../src/replay/replay.js';

export const START: Instant = WALK_START;
export const MAX_EVENTS = 40;

/**
 * One step of a generated history: how many days pass, and which legal event is taken (`walk`, the
 * project's one walker). Shrinking moves toward `anyKind`, small gaps and the first candidate.
 */
export type Pick = WalkStep;

const pickFields = {
  gap: fc.integer({ min: 0, max: 12 }),
  choice: fc.nat({ max: 1000 }),
  anyKind: fc.nat({ max: 5 }).map((n) => n === 0),
};

export const picks = fc.array(fc.record(pickFields), { maxLength: MAX_EVENTS, size: 'max' });

function choose<T extends { type: CaseEvent['type'] }>(options: readonly T[], step: Pick): T | undefined {
  return pick(
    options.map((event) => ({ event: event as unknown as CaseEvent, option: event })),
    step,
  )?.option;
}

export interface History {
  readonly events: readonly CaseEvent[];
  /** The state after each event: snapshots[i] follows events[i]. */
  readonly snapshots: readonly CaseSnapshot[];
}

/** A legal history: each event is one the machine accepts after the ones before it (`walk`). */
export function legalHistory(steps: readonly Pick[]): History {
  const { events, snapshots } = walk(steps);
  // Counterexamples print as the events, one per line, never as machine snapshots.
  const history: History = { events, snapshots };
  return Object.assign(history, { [fc.toStringMethod]: () => describeEvents(events) });
}

/** A history as people read it: one event per line with its date and the ids it names. */
export function describeEvents(events: readonly CaseEvent[]): string {
  return events.map((e) => `${e.at.local} ${JSON.stringify(e, omitEnvelope)}`).join('\n');
}

function omitEnvelope(key: string, value: unknown): unknown {
  return ['schemaVersion', 'at', 'knownAt', 'summary', 'sources'].includes(key) ? undefined : value;
}

export const legalHistories = picks.map(legalHistory);

/** One step of a mixed history: a legal event, any candidate (legal or not), or a random kind with random references. */
export interface MixedPick extends Pick {
  readonly mode: 'legal' | 'candidate' | 'random';
  readonly kind: number;
  readonly refs: readonly [number, number];
  readonly flag: boolean;
}

const mixedPick = fc.record({
  ...pickFields,
  mode: fc.constantFrom('legal', 'candidate', 'random'),
  kind: fc.nat({ max: 1000 }),
  refs: fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 1000 })),
  flag: fc.boolean(),
});

export const mixedPicks = fc.array(mixedPick, { maxLength: MAX_EVENTS, size: 'max' });

const RANDOM_KINDS = [
  'stay.motionFiled',
  'stay.granted',
  'stay.denied',
  'appeal.noticed',
  'injunction.granted',
  'injunction.denied',
  'appeal.decided',
  'appeal.dismissed',
  'case.dismissed',
  'order.revoked',
] as const;

/** An event of a random kind whose references are drawn from ids already seen (or from none). */
function randomEvent(p: MixedPick, index: number, at: Instant, seen: readonly string[]): CaseEvent {
  const pool = [...seen, 'nothing-by-this-id'];
  const ref = (k: 0 | 1) => pool[p.refs[k] % pool.length] as string;
  const kind = RANDOM_KINDS[p.kind % RANDOM_KINDS.length] as (typeof RANDOM_KINDS)[number];
  const base = {
    id: `x${index}-${kind.replace('.', '-').toLowerCase()}`,
    schemaVersion: SCHEMA_VERSION,
    at,
    knownAt: at,
    summary: `${kind} (random references)`,
    sources: [SYNTHETIC_SOURCE],
  };
  switch (kind) {
    case 'stay.motionFiled':
      return {
        ...base,
        type: kind,
        docket: ref(0),
        injunction: ref(1),
        movant: 'Government',
        ...(p.flag ? { ground: 'district-failed-to-afford-relief' as const } : {}),
      };
    case 'stay.granted':
      return { ...base, type: kind, motion: ref(0), findings: STAY_FINDINGS };
    case 'stay.denied':
      return { ...base, type: kind, motion: ref(0) };
    case 'appeal.noticed':
      return {
        ...base,
        type: kind,
        order: ref(0),
        appealDocket: p.flag ? ref(1) : `x${index}-appeal`,
        court: 'Court of Appeals',
        caseNumber: `x-${index}`,
        appellant: 'Government',
      };
    case 'injunction.granted':
      return {
        ...base,
        type: kind,
        motion: ref(0),
        scope: { prohibitions: [ref(1)], defendants: ['Government'], nationwide: p.flag },
        findings: GRANTING_FINDINGS,
      };
    case 'injunction.denied':
      return { ...base, type: kind, motion: ref(0) };
    case 'appeal.decided':
      return { ...base, type: kind, appealDocket: ref(0), disposition: p.flag ? 'reversed' : 'affirmed' };
    case 'appeal.dismissed':
      return {
        ...base,
        type: kind,
        appealDocket: ref(0),
        reason: p.flag ? 'moot' : 'voluntary',
        vacatur: p.flag,
      };
    case 'case.dismissed':
      return { ...base, type: kind, docket: ref(0), reason: p.flag ? 'moot' : 'voluntary' };
    case 'order.revoked':
      return { ...base, type: kind, order: ref(0), by: 'a later order' };
  }
}

/** Every id an event introduces or names, for random references to draw on. */
function idsOf(event: CaseEvent): string[] {
  const ids: string[] = [event.id];
  for (const key of ['order', 'identification', 'docket', 'appealDocket', 'motion', 'injunction'] as const) {
    const value = (event as Record<string, unknown>)[key];
    if (typeof value === 'string') ids.push(value);
  }
  if (event.type === 'identification.announced') ids.push(...event.prohibitions.map((p) => p.id));
  return ids;
}

/**
 * A mixed sequence of events, legal and not, in order of legal effect. It is not replayed here: the
 * properties replay it and look at what was accepted.
 */
export function mixedEvents(steps: readonly MixedPick[]): CaseEvent[] {
  let snapshot = initialSnapshot();
  let at = START;
  const events: CaseEvent[] = [];
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    at = addDays(at, step.gap);
    let event: CaseEvent | undefined;
    if (step.mode === 'random') event = randomEvent(step, index, at, [...seen]);
    else {
      const options =
        step.mode === 'legal'
          ? legalNextEvents(snapshot, at).map((l) => l.event)
          : nextEvents(snapshot, at).map((e) => ({ ...e, id: `c${index}-${e.id}` }));
      event = choose(options, step);
    }
    if (!event) return;
    events.push(event);
    for (const id of idsOf(event)) seen.add(id);
    snapshot = applyEvent(snapshot, event).snapshot;
  });
  return events;
}

export const mixedHistories = mixedPicks.map((steps) => {
  const events = mixedEvents(steps);
  return Object.assign(events, { [fc.toStringMethod]: () => describeEvents(events) });
});
