/**
 * The machine as plain data, for everything that draws or explains it:
 * - `lifecycleGraphs()`: each lifecycle chart (lifecycles.ts), read through XState's public `definition`:
 *   its states with their descriptions, and its arrows with the event kind that takes them and the rules
 *   that guard them. What is drawn is what replay runs.
 * - `objectStatesOf()`: every object of a replayed case and the state of its chart, to light a chart.
 * - `machineGraph()`: the four-region summary of a case (phases.ts) with the event kinds of each region and
 *   the rules each event kind must satisfy, as `casesim explain` and the summary diagram read them.
 */
import { describeEventType, EVENT_TYPES, type EventType } from '../events/schema.js';
import { type CaseContext, reliefSought } from '../machine/context.js';
import { ABSENT, arrowsOf, type Lifecycle } from '../machine/lifecycle.js';
import { LIFECYCLES, lifecycleById } from '../machine/lifecycles.js';
import { LIFECYCLE, REGION_DESCRIPTIONS, REGION_OF, REGION_PHASES, type Region } from '../machine/phases.js';
import { PRIMARY } from '../machine/route.js';
import { RULES, type RuleMeta, type RuleName, ruleMeta } from '../machine/rules.js';
import type { LifecycleGraph, LifecycleState, LifecycleTransition, ObjectState } from './lifecycle-graph.js';

function statesOf(lifecycle: Lifecycle): LifecycleState[] {
  return Object.entries(lifecycle.machine.root.definition.states)
    .filter(([key]) => key !== ABSENT)
    .map(([key, state]) => ({
      id: key,
      label: key.replace(/-/g, ' '),
      description: state.description ?? '',
      final: state.type === 'final',
    }));
}

function lifecycleGraph(lifecycle: Lifecycle): LifecycleGraph {
  const transitions: LifecycleTransition[] = arrowsOf(lifecycle.machine).map((a) => ({
    source: a.source === ABSENT ? null : a.source,
    target: a.target,
    event: a.event,
    rules: a.rules.map((name) => {
      const { title, citation } = RULES[name];
      return { name, title, citation };
    }),
    ...(a.description ? { description: a.description } : {}),
  }));
  const initial = transitions.find((t) => t.source === null)?.target ?? '';
  return {
    id: lifecycle.id,
    title: lifecycle.title,
    description: lifecycle.description,
    initial,
    states: statesOf(lifecycle),
    transitions,
  };
}

let graphs: readonly LifecycleGraph[] | undefined;

/** Every lifecycle chart as a graph, in the order the docs present them. */
export function lifecycleGraphs(): LifecycleGraph[] {
  graphs ??= LIFECYCLES.map(lifecycleGraph);
  return [...graphs];
}

function labelOf(lifecycle: Lifecycle, id: string, ctx: CaseContext): string {
  const injunction = ctx.injunctions[id];
  if (lifecycle.id === 'injunction' && injunction) {
    const kind = injunction.relief === 'tro' ? 'TRO' : `${injunction.relief} injunction`;
    return `${kind} ${id}`;
  }
  const motion = ctx.motions[id];
  if (lifecycle.id === 'motion' && motion) {
    const kind =
      motion.kind === 'stay'
        ? 'stay'
        : reliefSought(motion)
            .map((r) => (r === 'tro' ? 'TRO' : 'preliminary injunction'))
            .join(' and ');
    return `${kind} motion ${id}`;
  }
  return `${lifecycle.title.toLowerCase()} ${id}`;
}

/** Every object in the record and the state of its lifecycle chart, chart by chart. */
export function objectStatesOf(from: CaseContext | { readonly context: CaseContext }): ObjectState[] {
  const ctx = 'context' in from ? from.context : from;
  return LIFECYCLES.flatMap((lifecycle) =>
    Object.entries(ctx[lifecycle.collection] as Record<string, { status: string }>).map(([id, record]) => ({
      lifecycle: lifecycle.id,
      id,
      label: labelOf(lifecycle, id, ctx),
      state: record.status,
    })),
  );
}

/** The rules an event kind must satisfy to be accepted: those of its primary chart's arrows, in order. */
function rulesOfEvent(type: EventType): RuleName[] {
  const primary = PRIMARY[type];
  if (!primary) return [];
  const names = arrowsOf(lifecycleById(primary).machine)
    .filter((a) => a.event === type)
    .flatMap((a) => a.rules);
  return [...new Set(names)];
}

export interface PhaseNode {
  /** `relief.enjoined` */
  readonly id: string;
  readonly region: string;
  readonly phase: string;
  readonly description: string;
  readonly initial: boolean;
}

export interface LifecycleEdge {
  readonly from: string;
  readonly to: string;
  /** The phase the summary moves to. */
  readonly guardPhase: string;
}

export interface EventKind {
  readonly type: string;
  /** The region of the summary it concerns, or `case` for the case as a whole. */
  readonly region: string;
  readonly description: string;
  readonly rules: readonly RuleMeta[];
  /** The lifecycle whose arrow decides whether it is accepted. */
  readonly lifecycle?: string;
}

export interface RegionNode {
  readonly id: string;
  readonly description: string;
  readonly phases: readonly PhaseNode[];
  readonly edges: readonly LifecycleEdge[];
  readonly events: readonly EventKind[];
}

export interface MachineGraph {
  readonly id: string;
  readonly description: string;
  readonly regions: readonly RegionNode[];
  /** Event kinds that concern the case as a whole (they move no region). */
  readonly rootEvents: readonly EventKind[];
  readonly rules: Readonly<Record<string, RuleMeta>>;
}

function eventKind(type: EventType): EventKind {
  const lifecycle = PRIMARY[type];
  return {
    type,
    region: REGION_OF[type],
    description: describeEventType(type),
    rules: rulesOfEvent(type).map(ruleMeta),
    ...(lifecycle ? { lifecycle } : {}),
  };
}

function regionNode(region: Region): RegionNode {
  const phases = REGION_PHASES[region] as readonly string[];
  const lifecycle = LIFECYCLE[region] as Record<string, { description: string; next: readonly string[] }>;
  return {
    id: region,
    description: REGION_DESCRIPTIONS[region],
    phases: phases.map((phase, i) => ({
      id: `${region}.${phase}`,
      region,
      phase,
      description: lifecycle[phase]?.description ?? '',
      initial: i === 0,
    })),
    edges: phases.flatMap((phase) =>
      (lifecycle[phase]?.next ?? []).map((next) => ({
        from: `${region}.${phase}`,
        to: `${region}.${next}`,
        guardPhase: next,
      })),
    ),
    events: EVENT_TYPES.filter((t) => REGION_OF[t] === region).map(eventKind),
  };
}

let cached: MachineGraph | undefined;

/** The case summarized by region, with every event kind and the rules it must satisfy. */
export function machineGraph(): MachineGraph {
  cached ??= {
    id: 'case',
    description:
      'A challenge to an executive action, summarized in four regions; each legal object lives by its own lifecycle chart.',
    regions: (Object.keys(REGION_PHASES) as Region[]).map(regionNode),
    rootEvents: EVENT_TYPES.filter((t) => REGION_OF[t] === 'case').map(eventKind),
    rules: Object.fromEntries((Object.keys(RULES) as RuleName[]).map((name) => [name, ruleMeta(name)])),
  };
  return cached;
}

/** Every event kind, regions first, in the schema's order. */
export function allEventKinds(graph: MachineGraph = machineGraph()): EventKind[] {
  return [...graph.regions.flatMap((r) => r.events), ...graph.rootEvents];
}
