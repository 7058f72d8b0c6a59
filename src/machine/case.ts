/**
 * The case as the composition of its objects' lifecycle charts. An event is routed to the objects it is
 * addressed to (`route.ts`); each is stepped through its chart from the state its record holds, with an
 * envelope carrying the event and the case as it stood before it. The event is accepted iff the primary
 * object's chart takes an arrow; then the record takes the event's data and every state the charts chose
 * (`evolve`). When it is refused, the rule named is the first that fails among the rules of the arrow the
 * event would have taken: the current state's first arrow for that event kind, or, where the current state
 * has none, the chart's first arrow for it (whose first rules say what state the object must be in).
 *
 * How a chart is stepped is a parameter: `xstateStep` asks XState itself (`snapshot.can` and the pure
 * `transition`), the reference; `replay/compiled.ts` compiles the same definitions into a table.
 */
import { transition } from 'xstate';
import type { CaseEvent, EventType } from '../events/schema.js';
import { type CaseContext, evolve, type Move } from './context.js';
import {
  ABSENT,
  arrowsOf,
  type DefinedArrow,
  type Envelope,
  type Lifecycle,
  type LifecycleMachine,
} from './lifecycle.js';
import { lifecycleById } from './lifecycles.js';
import { addressees } from './route.js';
import { holds, type RuleName } from './rules.js';

/** Steps one chart: the state it enters, or undefined when no arrow is taken. */
export type ChartStep = (lifecycle: Lifecycle, from: string, envelope: Envelope) => string | undefined;

type Snapshot = ReturnType<LifecycleMachine['resolveState']>;
const snapshots = new Map<LifecycleMachine, Map<string, Snapshot>>();

/** The snapshot of a chart in state `value` (charts keep no context, so one per state serves every object). */
function snapshotAt(machine: LifecycleMachine, value: string): Snapshot {
  let byState = snapshots.get(machine);
  if (!byState) {
    byState = new Map();
    snapshots.set(machine, byState);
  }
  let snapshot = byState.get(value);
  if (!snapshot) {
    snapshot = machine.resolveState({ value, context: {} });
    byState.set(value, snapshot);
  }
  return snapshot;
}

/** The reference step: XState decides, through its public API, whether and where the chart moves. */
export const xstateStep: ChartStep = (lifecycle, from, envelope) => {
  const snapshot = snapshotAt(lifecycle.machine, from);
  if (!snapshot.can(envelope)) return undefined;
  const [next] = transition(lifecycle.machine, snapshot, envelope);
  return next.value as unknown as string;
};

/** The state a chart's object is in, as the record holds it. */
export function stateOf(world: CaseContext, lifecycle: Lifecycle, id: string): string {
  return (world[lifecycle.collection][id] as { status: string } | undefined)?.status ?? ABSENT;
}

/** The rule that refused `envelope` in state `from`: the first failing rule of the arrow it would have taken. */
const arrowsByEvent = new Map<Lifecycle, Map<string, DefinedArrow[]>>();

/** A chart's arrows labelled by one event kind, in document order. */
function arrowsFor(lifecycle: Lifecycle, type: string): readonly DefinedArrow[] {
  let byEvent = arrowsByEvent.get(lifecycle);
  if (!byEvent) {
    byEvent = new Map();
    for (const a of arrowsOf(lifecycle.machine)) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a]);
    arrowsByEvent.set(lifecycle, byEvent);
  }
  return byEvent.get(type) ?? [];
}

function refusingRule(lifecycle: Lifecycle, from: string, envelope: Envelope): RuleName {
  const arrows = arrowsFor(lifecycle, envelope.type);
  const candidate = arrows.find((a) => a.source === from) ?? arrows[0];
  const rule = candidate?.rules.find((name) => !holds(name, envelope.world, envelope.event));
  if (rule === undefined)
    throw new Error(
      `${lifecycle.id} ${envelope.id} in state ${from} took no arrow on ${envelope.event.id} (${envelope.type}), and no rule of ${candidate ? `its arrow to ${candidate.target}` : 'any arrow'} fails`,
    );
  return rule;
}

type CaseStep =
  | { readonly ok: true; readonly context: CaseContext; readonly moves: readonly Move[] }
  | {
      readonly ok: false;
      readonly rule: RuleName | undefined;
      readonly lifecycle: string;
      readonly id: string;
    };

/**
 * Applies `event` to the case `world` by stepping the charts of the objects it is addressed to. Unless
 * `nameRule` is false (for callers that only ask whether an event is legal), a refusal names its rule.
 */
export function stepCase(
  world: CaseContext,
  event: CaseEvent,
  step: ChartStep = xstateStep,
  nameRule = true,
): CaseStep {
  const moves: Move[] = [];
  const targets = addressees(world, event);
  for (let i = 0; i < targets.length; i++) {
    const { lifecycle: id, id: objectId } = targets[i]!;
    const lifecycle = lifecycleById(id);
    const from = stateOf(world, lifecycle, objectId);
    const envelope: Envelope = { type: event.type as EventType, event, world, id: objectId };
    const to = step(lifecycle, from, envelope);
    if (to !== undefined)
      moves.push({ lifecycle: id, collection: lifecycle.collection, id: objectId, from, to });
    else if (i === 0)
      return {
        ok: false,
        rule: nameRule ? refusingRule(lifecycle, from, envelope) : undefined,
        lifecycle: id,
        id: objectId,
      };
  }
  return { ok: true, context: evolve(world, event, moves), moves };
}
