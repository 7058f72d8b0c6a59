/**
 * The chart step replay uses: each lifecycle's arrows, read once from its public `definition`
 * (`arrowsOf`), in a table by state and event kind, with each arrow's `rules` guard decided by `rulesHold`,
 * the function the charts themselves are given as that guard. It takes the first arrow, in XState's order, whose
 * guard holds, as XState's `transition()` does for these charts, without building an actor per step. It
 * compiles only what these charts use (atomic and final states, one target per arrow, the named `rules`
 * guard, no actions, entry, exit, delays, invocations or eventless arrows) and throws at load otherwise:
 * there is no fallback. A property test holds it to `xstateStep` (XState itself) on real and generated logs.
 */
import type { ChartStep } from '../machine/case.js';
import type { Lifecycle, LifecycleMachine, RulesParams } from '../machine/lifecycle.js';
import { arrowsOf, rulesHold } from '../machine/lifecycle.js';
import { LIFECYCLES } from '../machine/lifecycles.js';

interface CompiledArrow {
  readonly target: string;
  readonly params?: RulesParams;
}

interface Plan {
  /** state → event kind → arrows in the order XState tries them. */
  readonly arrows: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledArrow[]>>;
}

function compile(machine: LifecycleMachine): Plan {
  for (const [key, state] of Object.entries(machine.root.definition.states)) {
    const plain =
      (state.type === 'atomic' || state.type === 'final') &&
      state.entry.length === 0 &&
      state.exit.length === 0 &&
      state.invoke.length === 0 &&
      state.transitions.every((t) => t.actions.length === 0 && String(t.eventType) !== '' && !t.reenter);
    if (!plain) throw new Error(`${machine.id}.${key}: a shape the compiled step does not handle`);
  }
  const arrows = new Map<string, Map<string, CompiledArrow[]>>();
  for (const a of arrowsOf(machine)) {
    const byEvent = arrows.get(a.source) ?? new Map<string, CompiledArrow[]>();
    arrows.set(a.source, byEvent);
    const list = byEvent.get(a.event) ?? [];
    byEvent.set(a.event, list);
    list.push(a.rules.length > 0 ? { target: a.target, params: { rules: a.rules } } : { target: a.target });
  }
  return { arrows };
}

const PLANS = new Map<Lifecycle, Plan>(LIFECYCLES.map((l) => [l, compile(l.machine)]));

let steps = 0;

/** How many chart steps the compiled path has run in this process: tests use it to say which path ran. */
export function compiledSteps(): number {
  return steps;
}

/** Whether the compiled table has an arrow for `event` out of `state` of `lifecycle`. */
export function isCompiled(lifecycle: Lifecycle, state: string, event: string): boolean {
  return PLANS.get(lifecycle)?.arrows.get(state)?.has(event) ?? false;
}

export const compiledStep: ChartStep = (lifecycle, from, envelope) => {
  const plan = PLANS.get(lifecycle);
  if (!plan) throw new Error(`lifecycle ${lifecycle.id} is not compiled`);
  steps += 1;
  const arrows = plan.arrows.get(from)?.get(envelope.type);
  if (!arrows) return undefined;
  for (const arrow of arrows) {
    if (!arrow.params || rulesHold(arrow.params, envelope)) return arrow.target;
  }
  return undefined;
};
