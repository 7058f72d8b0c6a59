/**
 * Replay without XState's per-call setup: a step compiled from the machine's own definition. XState's
 * pure `transition()` builds an inert actor and a fresh initial snapshot on every call, which costs more
 * than the rules and the record together. This path reads, once, each event kind's transition (its guards
 * by name, its `assign` action) and each region's eventless transitions, and then calls the machine's own
 * guard and action implementations in the order XState would. So the machine stays the single source of
 * the rules: nothing here restates one, and an equivalence property test checks that it gives the same
 * states and rejections as `transition()`.
 *
 * It compiles only the shapes this machine uses: a parallel root; compound regions with flat phase states;
 * per event kind one targetless transition on the root or on a region, guarded by nothing, a named guard or
 * `and([...named guards])`, whose only action is an `assign`; eventless transitions guarded by a named
 * guard, to a sibling phase. Anything else (entry or exit actions, delays, invocations, wildcards, nested
 * states, an unknown event kind) returns no plan, and the caller falls back to `transition()`.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

type GuardImpl = (args: { context: unknown; event: unknown }, params: unknown) => boolean;
type Assignment = (args: { context: unknown; event: unknown }) => object;

export type FastStep<S> =
  | { readonly ok: true; readonly snapshot: S; readonly guard?: never }
  | { readonly ok: false; readonly guard: string; readonly snapshot?: never };

/** One event through the machine: the next snapshot, the guard that refused it, or undefined if not compiled. */
export type FastPath = <S extends AnyMachineSnapshot>(
  snapshot: S,
  event: { readonly type: string },
) => FastStep<S> | undefined;

interface NamedGuard {
  readonly name: string;
  readonly check: GuardImpl;
}

interface EventPlan {
  readonly guards: readonly NamedGuard[];
  readonly assignment: Assignment;
}

interface Always {
  readonly check: GuardImpl;
  readonly params: unknown;
  readonly target: string;
}

interface RegionPlan {
  readonly key: string;
  readonly phases: ReadonlyMap<string, readonly Always[]>;
}

/** The parts of XState's StateNode that are read here (all public properties of StateNode). */
interface NodeLike {
  readonly key: string;
  readonly type: string;
  readonly parent?: NodeLike;
  readonly states: Record<string, NodeLike>;
  readonly on: Record<string, readonly TransitionLike[]>;
  readonly always?: readonly TransitionLike[];
  readonly after: readonly unknown[];
  readonly entry: readonly unknown[];
  readonly exit: readonly unknown[];
  readonly invoke: readonly unknown[];
  readonly history?: unknown;
}

interface TransitionLike {
  readonly guard?: unknown;
  readonly actions: readonly unknown[];
  readonly target?: readonly NodeLike[];
  readonly reenter?: boolean;
}

const unsupported = Symbol('unsupported');

function plainNode(node: NodeLike): boolean {
  return (
    node.entry.length === 0 &&
    node.exit.length === 0 &&
    node.invoke.length === 0 &&
    node.after.length === 0 &&
    !node.history &&
    !('*' in node.on)
  );
}

function guardList(guard: unknown, guards: Record<string, unknown>): NamedGuard[] | typeof unsupported {
  const named = (name: unknown): NamedGuard | typeof unsupported => {
    const check = typeof name === 'string' ? guards[name] : undefined;
    // A guard object with `check` is a built-in (and, or, not, stateIn): not a plain predicate.
    if (typeof name !== 'string' || typeof check !== 'function' || 'check' in check) return unsupported;
    return { name, check: check as GuardImpl };
  };
  if (guard === undefined) return [];
  if (typeof guard === 'string') {
    const g = named(guard);
    return g === unsupported ? unsupported : [g];
  }
  const and = guard as { name?: unknown; guards?: unknown };
  if (typeof guard !== 'function' || and.name !== 'and' || !Array.isArray(and.guards)) return unsupported;
  const list = and.guards.map(named);
  return list.some((g) => g === unsupported) ? unsupported : (list as NamedGuard[]);
}

function eventPlan(
  transitions: readonly TransitionLike[],
  machine: AnyStateMachine,
): EventPlan | typeof unsupported {
  const [t] = transitions;
  if (!t || transitions.length !== 1 || (t.target?.length ?? 0) > 0 || t.reenter) return unsupported;
  const guards = guardList(t.guard, machine.implementations.guards as Record<string, unknown>);
  const [action] = t.actions;
  const name = typeof action === 'string' ? action : undefined;
  const impl = name ? (machine.implementations.actions as Record<string, unknown>)[name] : undefined;
  const assignment = (impl as { type?: unknown; assignment?: unknown } | undefined)?.assignment;
  const isAssign = (impl as { type?: unknown } | undefined)?.type === 'xstate.assign';
  if (guards === unsupported || t.actions.length !== 1 || !isAssign || typeof assignment !== 'function')
    return unsupported;
  return { guards, assignment: assignment as Assignment };
}

function regionPlan(region: NodeLike, machine: AnyStateMachine): RegionPlan | typeof unsupported {
  const guards = machine.implementations.guards as Record<string, unknown>;
  const phases = new Map<string, Always[]>();
  if (region.type !== 'compound' || !plainNode(region)) return unsupported;
  for (const [key, phase] of Object.entries(region.states)) {
    if (phase.type !== 'atomic' || !plainNode(phase) || Object.keys(phase.on).length > 0) return unsupported;
    const always: Always[] = [];
    for (const t of phase.always ?? []) {
      const g = t.guard as { type?: unknown; params?: unknown } | undefined;
      const check = typeof g?.type === 'string' ? guards[g.type] : undefined;
      const target = t.target?.[0];
      if (
        typeof check !== 'function' ||
        'check' in check ||
        typeof g?.params === 'function' ||
        t.actions.length > 0 ||
        t.target?.length !== 1 ||
        target?.parent !== region
      )
        return unsupported;
      always.push({ check: check as GuardImpl, params: g?.params, target: target.key });
    }
    phases.set(key, always);
  }
  return { key: region.key, phases };
}

/** Compiles `machine` into a fast step, or returns undefined when its shape is not one this path knows. */
export function compileMachine(machine: AnyStateMachine): FastPath | undefined {
  const root = machine.root as unknown as NodeLike;
  if (root.type !== 'parallel' || !plainNode(root)) return undefined;
  const regions: RegionPlan[] = [];
  const sources = new Map<string, readonly TransitionLike[]>();
  const claim = (node: NodeLike) => {
    for (const [type, transitions] of Object.entries(node.on)) {
      // Two nodes handling one event kind would need XState's conflict resolution: leave it to XState.
      sources.set(type, sources.has(type) ? [] : transitions);
    }
  };
  claim(root);
  for (const region of Object.values(root.states)) {
    const plan = regionPlan(region, machine);
    if (plan === unsupported) return undefined;
    regions.push(plan);
    claim(region);
  }
  const plans = new Map<string, EventPlan>();
  for (const [type, transitions] of sources) {
    const plan = eventPlan(transitions, machine);
    if (plan !== unsupported) plans.set(type, plan);
  }

  const templates = new Map<string, AnyMachineSnapshot>();
  const snapshotAt = (value: Record<string, string>): AnyMachineSnapshot => {
    const key = regions.map((r) => value[r.key]).join('|');
    let template = templates.get(key);
    if (!template) {
      template = machine.resolveState({ value, context: {} }) as AnyMachineSnapshot;
      templates.set(key, template);
    }
    return template;
  };

  return <S extends AnyMachineSnapshot>(snapshot: S, event: { readonly type: string }) => {
    const plan = plans.get(event.type);
    if (!plan || snapshot.status !== 'active' || snapshot.machine !== machine) return undefined;
    const before = { context: snapshot.context as unknown, event };
    for (const guard of plan.guards) {
      if (!guard.check(before, undefined)) return { ok: false, guard: guard.name };
    }
    // As XState's assign does: the update is merged into a shallow copy of the context.
    const context = Object.assign({}, snapshot.context, plan.assignment(before));
    const after = { context: context as unknown, event };
    const value = snapshot.value as Record<string, string>;
    let nextValue: Record<string, string> | undefined;
    for (const region of regions) {
      let phase = value[region.key];
      // Eventless transitions run until none is enabled; the first enabled one in document order wins.
      for (let hops = 0; phase !== undefined; hops++) {
        if (hops > 64) return undefined;
        const always = region.phases.get(phase);
        if (!always) return undefined;
        const taken = always.find((t) => t.check(after, t.params));
        if (!taken) break;
        phase = taken.target;
      }
      if (phase === undefined) return undefined;
      if (phase !== value[region.key]) {
        nextValue ??= { ...value };
        nextValue[region.key] = phase;
      }
    }
    const base = nextValue ? snapshotAt(nextValue) : snapshot;
    return { ok: true, snapshot: { ...base, context } as S };
  };
}
