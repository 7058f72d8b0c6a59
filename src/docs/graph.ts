/**
 * The statechart as plain data, read by walking `caseMachine.root`: regions, their phases with the
 * machine's descriptions, the eventless lifecycle edges (and the phase each is guarded by), and the event
 * kinds each region answers, with their descriptions and rules. The explanations, the diagrams and the web
 * page draw from this walk, so none of them keeps a copy of the machine.
 */
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { caseMachine, machineRules } from '../machine/machine.js';
import type { RuleMeta } from '../machine/rules.js';

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
  /** The phase whose `inPhase` guard takes the edge: the phase it goes to. */
  readonly guardPhase: string;
}

export interface EventKind {
  readonly type: string;
  /** The region whose transition answers it, or `case` for the machine as a whole. */
  readonly region: string;
  readonly description: string;
  readonly rules: readonly RuleMeta[];
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
  /** Event kinds the machine answers at its root (they move no region). */
  readonly rootEvents: readonly EventKind[];
  readonly rules: Readonly<Record<string, RuleMeta>>;
}

function eventKinds(node: AnyStateNode, region: string, rules: Record<string, RuleMeta>): EventKind[] {
  return [...node.transitions.entries()].flatMap(([type, transitions]) =>
    (transitions as AnyTransitionDefinition[]).map((t) => {
      const meta = (t.toJSON().meta ?? {}) as { rules?: string[] };
      return {
        type,
        region,
        description: t.description ?? type,
        rules: (meta.rules ?? []).flatMap((name) => (rules[name] ? [rules[name]] : [])),
      };
    }),
  );
}

function guardPhase(t: AnyTransitionDefinition): string | undefined {
  const guard = t.guard as { type?: string; params?: { phase?: string } } | undefined;
  return guard?.type === 'inPhase' ? guard.params?.phase : undefined;
}

function regionNode(node: AnyStateNode, rules: Record<string, RuleMeta>): RegionNode {
  const initialKey = node.initial?.target[0]?.key;
  const children = Object.values(node.states) as AnyStateNode[];
  return {
    id: node.key,
    description: node.description ?? '',
    phases: children.map((child) => ({
      id: `${node.key}.${child.key}`,
      region: node.key,
      phase: child.key,
      description: child.description ?? '',
      initial: child.key === initialKey,
    })),
    edges: children.flatMap((child) =>
      (child.always ?? []).flatMap((t) =>
        (t.target ?? []).map((target) => ({
          from: `${node.key}.${child.key}`,
          to: `${node.key}.${target.key}`,
          guardPhase: guardPhase(t) ?? target.key,
        })),
      ),
    ),
    events: eventKinds(node, node.key, rules),
  };
}

let cached: MachineGraph | undefined;

/** The case machine's structure, walked once from its definition. */
export function machineGraph(): MachineGraph {
  if (cached) return cached;
  const root = caseMachine.root as AnyStateNode;
  const rules = machineRules();
  cached = {
    id: root.id,
    description: root.description ?? '',
    regions: (Object.values(root.states) as AnyStateNode[]).map((r) => regionNode(r, rules)),
    rootEvents: eventKinds(root, root.id, rules),
    rules,
  };
  return cached;
}

/** Every event kind the machine answers, regions first, in the machine's order. */
export function allEventKinds(graph: MachineGraph = machineGraph()): EventKind[] {
  return [...graph.regions.flatMap((r) => r.events), ...graph.rootEvents];
}
