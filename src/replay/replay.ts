/**
 * Replay: fold a log through the machine and yield the state after every event. An event the machine
 * cannot accept is rejected with the rule it breaks and leaves the state unchanged. Pure: the same events
 * give the same states on any machine at any time.
 */
import { initialTransition, type SnapshotFrom, transition } from 'xstate';
import type { CaseEvent } from '../events/schema.js';
import { type CaseContext, initialContext } from '../machine/context.js';
import { type CaseMachine, caseMachine } from '../machine/machine.js';
import { firstBrokenRule, RULES, type RuleMeta } from '../machine/rules.js';
import { compileMachine, type FastPath } from './fast.js';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

export interface Rejection {
  readonly eventId: string;
  readonly eventType: CaseEvent['type'];
  readonly rule: RuleMeta;
}

export type ApplyResult =
  | { readonly ok: true; readonly snapshot: CaseSnapshot; readonly rejection?: never }
  | { readonly ok: false; readonly snapshot: CaseSnapshot; readonly rejection: Rejection };

export interface Step {
  /** Position of the event in the replayed sequence (0-based). */
  readonly index: number;
  readonly event: CaseEvent;
  readonly before: CaseSnapshot;
  readonly after: CaseSnapshot;
  readonly rejection?: Rejection;
}

let initial: CaseSnapshot | undefined;

/** The state of a case before anything has happened. */
export function initialSnapshot(): CaseSnapshot {
  // Computing it costs as much as replaying several events; each caller still gets its own record.
  initial ??= initialTransition(caseMachine)[0];
  return { ...initial, context: initialContext() };
}

const fast: FastPath | undefined = compileMachine(caseMachine);

/** Applies one event: the next state, or a rejection naming the rule broken (the state is then unchanged). */
export function applyEvent(snapshot: CaseSnapshot, event: CaseEvent): ApplyResult {
  const step = fast?.(snapshot, event);
  if (step === undefined) return applyEventByTransition(snapshot, event);
  if (step.ok) return { ok: true, snapshot: step.snapshot };
  const rule = RULES[step.guard as keyof typeof RULES];
  if (!rule) throw new Error(`machine guard ${step.guard} is not a rule of RULES`);
  return { ok: false, snapshot, rejection: { eventId: event.id, eventType: event.type, rule } };
}

/**
 * The same, through XState's pure `transition()`: the rules first, then the machine. The reference the
 * compiled path is tested against, and the path for anything it does not compile.
 */
export function applyEventByTransition(snapshot: CaseSnapshot, event: CaseEvent): ApplyResult {
  const broken = firstBrokenRule(snapshot.context, event);
  if (broken)
    return { ok: false, snapshot, rejection: { eventId: event.id, eventType: event.type, rule: broken } };
  const [next] = transition(caseMachine, snapshot, event);
  if (next.context.accepted !== snapshot.context.accepted + 1) {
    throw new Error(`machine refused ${event.id} (${event.type}) although no rule of RULES_FOR was broken`);
  }
  return { ok: true, snapshot: next };
}

/** Throws on rejection: for tests and scripts that know their events are legal. */
export function applyEventOrThrow(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  const result = applyEvent(snapshot, event);
  if (!result.ok)
    throw new Error(`${event.id}: ${result.rejection.rule.title} (${result.rejection.rule.citation})`);
  return result.snapshot;
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

/** A state as JSON-ready data: the region states and the record. */
export interface PersistedState {
  readonly format: 'casesim.state';
  readonly version: 1;
  readonly value: unknown;
  readonly context: CaseContext;
}

export function persistSnapshot(snapshot: CaseSnapshot): PersistedState {
  return { format: 'casesim.state', version: 1, value: snapshot.value, context: snapshot.context };
}

/** Rebuilds a snapshot from persisted data, so replay can resume from it. */
export function restoreSnapshot(state: PersistedState): CaseSnapshot {
  return caseMachine.resolveState({ value: state.value as never, context: structuredClone(state.context) });
}
