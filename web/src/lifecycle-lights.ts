/**
 * What the lifecycle charts light at a step, read from the objects' states before and after it: each state
 * some object is in (and the boxes enclosing it), and the arrows the step took. An arrow was taken when an
 * object moved from its source (or came into being, for an arrow from the start point) to its target under
 * the step's event kind. Pure, so the page and the tests agree.
 */
import type { LifecycleGraph, LifecycleTransition, ObjectState } from '../../src/docs/lifecycle-graph.js';

/** Identifies a state of a lifecycle: `injunction inForce`. */
export const stateKey = (lifecycle: string, state: string) => `${lifecycle} ${state}`;
/** Identifies an arrow of a lifecycle by its index in `transitions`: `injunction#3`. */
export const arrowKey = (lifecycle: string, index: number) => `${lifecycle}#${index}`;

export interface Lights {
  /** Every object after the step, in the state it is in. */
  readonly objects: readonly ObjectState[];
  /** The objects in each lit state, including the boxes that enclose their state. */
  readonly states: ReadonlyMap<string, readonly ObjectState[]>;
  /** The arrows the step took. */
  readonly arrows: ReadonlySet<string>;
}

/** `state` and every state enclosing it, innermost first. */
function withAncestors(graph: LifecycleGraph, state: string): string[] {
  const chain: string[] = [];
  let at: string | undefined = state;
  while (at !== undefined && !chain.includes(at)) {
    chain.push(at);
    const current: string = at;
    at = graph.states.find((s) => s.id === current)?.parent;
  }
  return chain;
}

/** Whether an object in `state` is in `box` (the state itself or a state nested in it). */
const within = (graph: LifecycleGraph, state: string, box: string) =>
  withAncestors(graph, state).includes(box);

function took(
  graph: LifecycleGraph,
  t: LifecycleTransition,
  before: string | undefined,
  after: string,
): boolean {
  if (before === undefined) return t.source === null && within(graph, after, t.target);
  if (t.source === null || before === after) return false;
  // An arrow into a box enters one of its states; an arrow out of a box leaves whichever state it was in.
  return within(graph, before, t.source) && within(graph, after, t.target);
}

const key = (o: ObjectState) => `${o.lifecycle} ${o.id}`;

export function lightsAt(
  graphs: readonly LifecycleGraph[],
  before: readonly ObjectState[],
  after: readonly ObjectState[],
  event: string | undefined,
): Lights {
  const states = new Map<string, ObjectState[]>();
  const graphOf = new Map(graphs.map((g) => [g.id, g]));
  for (const object of after) {
    const graph = graphOf.get(object.lifecycle);
    if (!graph) continue;
    for (const s of withAncestors(graph, object.state)) {
      const k = stateKey(graph.id, s);
      states.set(k, [...(states.get(k) ?? []), object]);
    }
  }
  const arrows = new Set<string>();
  if (event !== undefined) {
    const was = new Map(before.map((o) => [key(o), o.state]));
    for (const graph of graphs) {
      const objects = after.filter((o) => o.lifecycle === graph.id);
      graph.transitions.forEach((t, i) => {
        if (t.event === event && objects.some((o) => took(graph, t, was.get(key(o)), o.state)))
          arrows.add(arrowKey(graph.id, i));
      });
    }
    // Nothing moved: the event took an arrow that leaves its object where it was (a self-loop) in a lit state.
    if (arrows.size === 0) {
      for (const graph of graphs) {
        graph.transitions.forEach((t, i) => {
          if (
            t.event === event &&
            t.source !== null &&
            t.source === t.target &&
            states.has(stateKey(graph.id, t.source))
          )
            arrows.add(arrowKey(graph.id, i));
        });
      }
    }
  }
  return { objects: after, states, arrows };
}
