/**
 * Replay: fold a log through the lifecycle charts of the case (`machine/case.ts`) and yield the state after
 * every event. An event the charts refuse is rejected with the rule it breaks and leaves the state
 * unchanged. Pure: the same events give the same states on any machine at any time.
 */
import type { CaseEvent } from '../events/schema.js';
import { accepts, type ChartStep, stateOf, stepCase, xstateStep } from '../machine/case.js';
import { type CaseContext, type Collection, initialContext, type Move } from '../machine/context.js';
import { ABSENT, arrowsOf } from '../machine/lifecycle.js';
import { LIFECYCLES } from '../machine/lifecycles.js';
import { type Phases, phasesOf } from '../machine/phases.js';
import { RULES, type RuleMeta } from '../machine/rules.js';
import { compiledStep } from './compiled.js';

/** The state of a case: the record (each object's data and lifecycle state) and its summary by region. */
export interface CaseSnapshot {
  readonly context: CaseContext;
  /** Where each region of the case stands, read from the objects (`phasesOf`). */
  readonly value: Phases;
}

class Snapshot implements CaseSnapshot {
  constructor(readonly context: CaseContext) {}
  get value(): Phases {
    return phasesOf(this.context);
  }
}

export interface Rejection {
  readonly eventId: string;
  readonly eventType: CaseEvent['type'];
  readonly rule: RuleMeta;
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly snapshot: CaseSnapshot;
      /** The lifecycle arrows the event took. */
      readonly moves: readonly Move[];
      readonly rejection?: never;
    }
  | {
      readonly ok: false;
      readonly snapshot: CaseSnapshot;
      readonly rejection: Rejection;
      readonly moves?: never;
    };

export interface Step {
  /** Position of the event in the replayed sequence (0-based). */
  readonly index: number;
  readonly event: CaseEvent;
  readonly before: CaseSnapshot;
  readonly after: CaseSnapshot;
  readonly rejection?: Rejection;
}

/** The state of a case before anything has happened. */
export function initialSnapshot(): CaseSnapshot {
  return new Snapshot(initialContext());
}

function apply(snapshot: CaseSnapshot, event: CaseEvent, step: ChartStep): ApplyResult {
  const result = stepCase(snapshot.context, event, step);
  if (result.ok) return { ok: true, snapshot: new Snapshot(result.context), moves: result.moves };
  if (!result.rule) throw new Error(`${event.id}: refused without a rule`);
  return {
    ok: false,
    snapshot,
    rejection: { eventId: event.id, eventType: event.type, rule: RULES[result.rule] },
  };
}

/** The state after `event`, or undefined when the charts refuse it (without working out which rule refuses). */
export function stateIfLegal(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot | undefined {
  const result = stepCase(snapshot.context, event, compiledStep, false);
  return result.ok ? new Snapshot(result.context) : undefined;
}

/** Applies one event: the next state, or a rejection naming the rule broken (the state is then unchanged). */
export function applyEvent(snapshot: CaseSnapshot, event: CaseEvent): ApplyResult {
  return apply(snapshot, event, compiledStep);
}

/** Whether `applyEvent` would accept `event`, without building the state it leads to. */
export function acceptsEvent(snapshot: CaseSnapshot, event: CaseEvent): boolean {
  return accepts(snapshot.context, event, compiledStep);
}

/**
 * The same, with every chart stepped by XState itself (`snapshot.can` and the pure `transition()`): the
 * reference the compiled step is tested against.
 */
export function applyEventByTransition(snapshot: CaseSnapshot, event: CaseEvent): ApplyResult {
  return apply(snapshot, event, xstateStep);
}

/** Yields one step per event, starting from `from` (by default, the empty case). */
export function* replay(
  events: Iterable<CaseEvent>,
  from: CaseSnapshot = initialSnapshot(),
): Generator<Step> {
  let snapshot = from;
  let index = 0;
  for (const event of events) {
    const result = applyEvent(snapshot, event);
    yield result.ok
      ? { index, event, before: snapshot, after: result.snapshot }
      : { index, event, before: snapshot, after: snapshot, rejection: result.rejection };
    snapshot = result.snapshot;
    index += 1;
  }
}

export interface ReplayResult {
  readonly snapshot: CaseSnapshot;
  readonly rejections: readonly Rejection[];
}

/** Replays to the end and keeps only the final state and the rejections. */
export function replayAll(events: Iterable<CaseEvent>, from?: CaseSnapshot): ReplayResult {
  let snapshot = from ?? initialSnapshot();
  const rejections: Rejection[] = [];
  for (const step of replay(events, snapshot)) {
    snapshot = step.after;
    if (step.rejection) rejections.push(step.rejection);
  }
  return { snapshot, rejections };
}

/** A state as JSON-ready data: the region summary and the record. */
export interface PersistedState {
  readonly format: 'casesim.state';
  readonly version: 1;
  readonly value: unknown;
  readonly context: CaseContext;
}

export function persistSnapshot(snapshot: CaseSnapshot): PersistedState {
  return { format: 'casesim.state', version: 1, value: snapshot.value, context: snapshot.context };
}

const STATES_OF = new Map<Collection, ReadonlySet<string>>(
  LIFECYCLES.map((l) => [
    l.collection,
    new Set(
      arrowsOf(l.machine)
        .flatMap((a) => [a.source, a.target])
        .filter((s) => s !== ABSENT),
    ),
  ]),
);

/**
 * Rebuilds a snapshot from persisted data, so replay can resume from it. Throws when a record is in a
 * state its lifecycle chart does not have (a state saved by another version of the charts).
 */
export function restoreSnapshot(state: PersistedState): CaseSnapshot {
  const context = structuredClone(state.context);
  // A state saved before petitions for certiorari were recorded has none.
  context.petitions ??= {};
  for (const lifecycle of LIFECYCLES) {
    const states = STATES_OF.get(lifecycle.collection);
    for (const id of Object.keys(context[lifecycle.collection] ?? {})) {
      const status = stateOf(context, lifecycle, id);
      if (!states?.has(status))
        throw new Error(`${lifecycle.id} ${id}: no state '${status}' in its lifecycle`);
    }
  }
  return new Snapshot(context);
}
