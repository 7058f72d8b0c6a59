/**
 * The lifecycle statecharts as plain data: the contract between the machine (which produces it by reading its
 * own lifecycle definitions through XState's public API) and everything that draws it (the CLI diagram in
 * Mermaid and DOT, the README, the web page). Drawers read only this; they never restate a rule or a state.
 *
 * One `LifecycleGraph` per kind of legal object (executive order, identification, prohibition, motion,
 * injunction, stay, appeal, district case). Each arrow is one transition of that chart: the event kind that
 * takes it and the rules (by name, with title and citation) that guard it.
 */

/** A rule that guards a transition, as the rule registry gives it. */
export interface GuardRule {
  readonly name: string;
  readonly title: string;
  readonly citation: string;
}

export interface LifecycleState {
  /** The state's path inside its lifecycle, dot-separated for nested states: `inForce`, `pending.inAbeyance`. */
  readonly id: string;
  /** Words for people: `in force`. */
  readonly label: string;
  readonly description: string;
  /** A final state: the object's lifecycle has ended. */
  readonly final: boolean;
  /** The id of the enclosing state, for nested states. */
  readonly parent?: string;
}

export interface LifecycleTransition {
  /**
   * The state the arrow leaves, or `null` for the arrow that creates the object (drawn from the chart's
   * start point into `target`).
   */
  readonly source: string | null;
  /** The state the arrow enters (a targetless transition that only re-checks is drawn as a self-loop). */
  readonly target: string;
  /** The event kind that takes the arrow: `injunction.granted`. */
  readonly event: string;
  /** The rules every one of which must hold, in the order they are checked; empty when nothing guards it. */
  readonly rules: readonly GuardRule[];
  /** What the arrow means, in words; optional. */
  readonly description?: string;
}

export interface LifecycleGraph {
  /** `injunction` */
  readonly id: string;
  /** `Injunction (TRO or preliminary injunction)` */
  readonly title: string;
  readonly description: string;
  /** The state an object enters when it is created, when its creating arrows do not say otherwise. */
  readonly initial: string;
  readonly states: readonly LifecycleState[];
  readonly transitions: readonly LifecycleTransition[];
}

/** One legal object of a replayed case and the state of its lifecycle, for lighting a chart. */
export interface ObjectState {
  /** The `LifecycleGraph.id` of its kind. */
  readonly lifecycle: string;
  /** The object's id in the log: `pi-granted`, `20-16908`. */
  readonly id: string;
  /** Words for people: `preliminary injunction pi-granted`. */
  readonly label: string;
  /** A `LifecycleState.id` of that lifecycle. */
  readonly state: string;
}
