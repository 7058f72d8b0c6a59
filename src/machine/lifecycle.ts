/**
 * How a lifecycle chart is written: one XState v5 statechart per kind of legal object, whose arrows are
 * labelled by event kinds and guarded by named rules of the registry (`rules.ts`). Every guard is the one
 * named guard `rules`, whose params list the rules in the order they are checked; the list is typed so that
 * a rule can guard only the event kinds it was written for.
 *
 * A chart does not keep the object's data: the case record does (`context.ts`). What a chart receives is an
 * envelope: the event, the case as it stood before the event (read-only, for guards that need case-wide
 * facts) and the id of the object being stepped. Every chart starts in `absent` (not in the record yet);
 * the arrows out of `absent` create the object.
 */
import { setup } from 'xstate';
import type { CaseEvent, EventType } from '../events/schema.js';
import type { CaseContext, Collection } from './context.js';
import { holds, type RuleFor, type RuleName } from './rules.js';

/** What a chart is given for one event. */
export interface Envelope {
  readonly type: EventType;
  readonly event: CaseEvent;
  /** The case before the event: guards read it and never change it. */
  readonly world: CaseContext;
  /** The object of this chart the event is applied to. */
  readonly id: string;
}

/** One arrow: the state it enters and the rules that must all hold, in the order they are checked. */
export interface Arrow<E extends EventType> {
  readonly to: string;
  readonly rules?: readonly RuleFor<E>[];
  readonly description?: string;
}

/** The arrows out of one state, by the event kind that takes them; several arrows are tried in order. */
export type Arrows = { readonly [E in EventType]?: Arrow<E> | readonly Arrow<E>[] };

export interface StateSpec {
  readonly description: string;
  /** No arrows: the object's lifecycle has ended (a final state). */
  readonly on?: Arrows;
}

export interface LifecycleSpec {
  /** `injunction` */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Where the case record keeps these objects. */
  readonly collection: Collection;
  /** The arrows that create an object (out of `absent`). */
  readonly created: Arrows;
  readonly states: Readonly<Record<string, StateSpec>>;
}

/** The state of every chart before its object is in the record. */
export const ABSENT = 'absent';

/** The one guard every arrow uses: `{ type: 'rules', params: { rules } }`. */
export const RULES_GUARD = 'rules';

export interface RulesParams {
  readonly rules: readonly RuleName[];
}

/**
 * What the `rules` guard decides: every rule of the arrow holds for the event in the case as it stood. The
 * charts are given this function as their guard implementation, and the compiled step (`replay/compiled.ts`)
 * calls the same function, so neither reads the other's internals.
 */
export function rulesHold(params: RulesParams, envelope: Envelope): boolean {
  for (const name of params.rules) if (!holds(name, envelope.world, envelope.event)) return false;
  return true;
}

const charts = setup({
  types: { events: {} as Envelope },
  guards: {
    [RULES_GUARD]: ({ event }: { event: Envelope }, params: RulesParams) => rulesHold(params, event),
  },
});

function transitionsOf(on: Arrows) {
  return Object.fromEntries(
    Object.entries(on).map(([type, arrows]) => [
      type,
      (Array.isArray(arrows) ? arrows : [arrows]).map((a: Arrow<EventType>) => ({
        target: a.to,
        ...(a.rules && a.rules.length > 0
          ? { guard: { type: RULES_GUARD, params: { rules: [...a.rules] } } }
          : {}),
        ...(a.description ? { description: a.description } : {}),
      })),
    ]),
  );
}

function buildMachine(spec: LifecycleSpec) {
  const states = Object.fromEntries(
    Object.entries(spec.states).map(([key, s]) => [
      key,
      s.on
        ? { description: s.description, on: transitionsOf(s.on) }
        : { description: s.description, type: 'final' },
    ]),
  );
  return charts.createMachine({
    id: spec.id,
    description: spec.description,
    initial: ABSENT,
    states: {
      [ABSENT]: { description: 'Not in the record yet.', on: transitionsOf(spec.created) },
      ...states,
      // biome-ignore lint/suspicious/noExplicitAny: charts are built from typed arrow tables; XState checks targets at creation.
    } as any,
  });
}

export type LifecycleMachine = ReturnType<typeof buildMachine>;

export interface Lifecycle extends Omit<LifecycleSpec, 'created' | 'states'> {
  readonly machine: LifecycleMachine;
}

/** A lifecycle chart from its table of states and arrows. */
export function lifecycle(spec: LifecycleSpec): Lifecycle {
  const { created: _created, states: _states, ...about } = spec;
  return { ...about, machine: buildMachine(spec) };
}

/** One arrow of a chart as its definition gives it: read through XState's public `definition`. */
export interface DefinedArrow {
  /** The state it leaves (`absent` for an arrow that creates the object). */
  readonly source: string;
  readonly target: string;
  readonly event: EventType;
  /** The rules of its `rules` guard, in order; empty when unguarded. */
  readonly rules: readonly RuleName[];
  readonly description?: string;
}

/** A guard as the definition holds it: a named guard with params, never an inline function. */
function guardRules(guard: unknown, where: string): readonly RuleName[] {
  if (guard === undefined) return [];
  const named = guard as { type?: unknown; params?: unknown };
  const rules = (named.params as Partial<RulesParams> | undefined)?.rules;
  if (named.type !== RULES_GUARD || !Array.isArray(rules))
    throw new Error(
      `${where}: every guard of a lifecycle chart is the named guard '${RULES_GUARD}' with a list of rules`,
    );
  return rules;
}

const arrowCache = new WeakMap<object, readonly DefinedArrow[]>();

/** Every arrow of a chart, state by state in document order, each state's arrows in the order XState tries them. */
export function arrowsOf(machine: LifecycleMachine): readonly DefinedArrow[] {
  const cached = arrowCache.get(machine);
  if (cached) return cached;
  const arrows: DefinedArrow[] = [];
  for (const [key, state] of Object.entries(machine.root.definition.states)) {
    for (const t of state.transitions) {
      const where = `${machine.id}.${key} on ${String(t.eventType)}`;
      const targets = t.target ?? [];
      const target = targets.length === 1 ? targets[0]?.key : undefined;
      if (target === undefined) throw new Error(`${where}: every arrow enters exactly one state`);
      arrows.push({
        source: key,
        target,
        event: t.eventType as EventType,
        rules: guardRules(t.guard, where),
        ...(t.description ? { description: t.description } : {}),
      });
    }
  }
  arrowCache.set(machine, arrows);
  return arrows;
}
