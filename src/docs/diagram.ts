/**
 * The lifecycle statecharts drawn from the machine's own definitions (the `LifecycleGraph` contract), as
 * Mermaid `stateDiagram-v2` or Graphviz DOT. Each arrow is one transition: labelled by the event kind that
 * takes it and the names of the rules that guard it (DOT also carries their titles and citations as
 * tooltips); an arrow that creates an object starts at the chart's start point; a final state leads to the
 * end point. The case is drawn as every lifecycle side by side, each in its own box.
 */
import { lifecycleGraphs } from './graph.js';
import type { LifecycleGraph, LifecycleState, LifecycleTransition } from './lifecycle-graph.js';

export type DiagramFormat = 'mermaid' | 'dot';
export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['mermaid', 'dot'];

/** The lifecycles to draw: all of them, or the one named; an unknown name lists the valid ones. */
export function selectLifecycles(
  name: string | undefined,
  graphs: readonly LifecycleGraph[] = lifecycleGraphs(),
): { ok: true; graphs: readonly LifecycleGraph[] } | { ok: false; message: string } {
  if (name === undefined) return { ok: true, graphs };
  const graph = graphs.find((g) => g.id === name);
  if (graph) return { ok: true, graphs: [graph] };
  return {
    ok: false,
    message: `'${name}' is not a lifecycle; the lifecycles are: ${graphs.map((g) => g.id).join(', ')}`,
  };
}

/** The rule names on an arrow, as its label shows them: `[winterTest, troExpiresWithin14Days]`. */
export function ruleNames(transition: LifecycleTransition): string {
  return transition.rules.length > 0 ? `[${transition.rules.map((r) => r.name).join(', ')}]` : '';
}

/** The rules on an arrow for a tooltip: one line each, title and citation. */
export function ruleLines(transition: LifecycleTransition): string[] {
  return transition.rules.map((r) => `${r.name}: ${r.title} (${r.citation})`);
}

/** States nested in `parent` (top-level ones for `undefined`), in the chart's order. */
function childrenOf(graph: LifecycleGraph, parent: string | undefined): LifecycleState[] {
  return graph.states.filter((s) => s.parent === parent);
}

// --- Mermaid ---------------------------------------------------------------------------------------------

/**
 * A Mermaid-safe id, unique across the case: `appeal` + `pending.inAbeyance` → `appeal__pending_inAbeyance`.
 * The lifecycle prefix also keeps it from ever being a bare keyword such as `end` or `note`.
 */
function mermaidId(lifecycle: string, state: string): string {
  return `${lifecycle}__${state}`.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Mermaid ends a label at `:` or `;`, a quoted name at `"`, and reads `#` as an entity and `<` as markup. */
function mermaidText(text: string): string {
  return text
    .replace(/[:;"#<>{}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One transition's label: the event kind, then (on its own line) the rules that guard it. */
function mermaidLabel(transition: LifecycleTransition): string {
  const rules = ruleNames(transition);
  return rules ? `${mermaidText(transition.event)}<br/>${mermaidText(rules)}` : mermaidText(transition.event);
}

/**
 * The transitions as Mermaid arrows, one per pair of states: Mermaid draws only one of several arrows between
 * the same two states (the others vanish or overlap), so their labels are stacked on one arrow.
 */
function mermaidArrows(graph: LifecycleGraph, transitions: readonly LifecycleTransition[]): string[] {
  const byPair = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const t of transitions) {
    const from = t.source === null ? '[*]' : mermaidId(graph.id, t.source);
    const to = mermaidId(graph.id, t.target);
    const key = `${from} ${to}`;
    const pair = byPair.get(key) ?? { from, to, labels: [] };
    pair.labels.push(mermaidLabel(t));
    byPair.set(key, pair);
  }
  return [...byPair.values()].map((p) => `${p.from} --> ${p.to}: ${p.labels.join('<br/>')}`);
}

function mermaidStates(graph: LifecycleGraph, parent: string | undefined, indent: string): string[] {
  return childrenOf(graph, parent).flatMap((state) => {
    const id = mermaidId(graph.id, state.id);
    const head = `${indent}state "${mermaidText(state.label)}" as ${id}`;
    const nested = mermaidStates(graph, state.id, `${indent}  `);
    return nested.length > 0 ? [`${head} {`, ...nested, `${indent}}`] : [head];
  });
}

/**
 * One lifecycle in Mermaid's terms. Mermaid puts a state in the last box whose text mentions it, and fails on
 * arrows written inside a box that holds boxes ("No such shape: roundedWithTitle", mermaid 11). So the start
 * and end arrows (`[*]`, which belong to the lifecycle's own box) come first, then every state in its box, and
 * the other arrows go at the top level, after every box (`between`).
 */
function mermaidLifecycle(graph: LifecycleGraph, indent: string): { inside: string[]; between: string[] } {
  const creating = graph.transitions.filter((t) => t.source === null);
  const moving = graph.transitions.filter((t) => t.source !== null);
  const ends = graph.states.filter((s) => s.final).map((s) => `${mermaidId(graph.id, s.id)} --> [*]`);
  return {
    inside: [
      ...[...mermaidArrows(graph, creating), ...ends].map((l) => `${indent}${l}`),
      ...mermaidStates(graph, undefined, indent),
    ],
    between: mermaidArrows(graph, moving).map((l) => `  ${l}`),
  };
}

/**
 * The lifecycles as one Mermaid stateDiagram-v2 (GitHub renders it in a ```mermaid block): one lifecycle drawn
 * on its own under its title, several each in a box named by its title. Left to right, like the page: a
 * lifecycle reads forward from its start point, and Mermaid's labels overlap less that way.
 */
export function mermaidDiagram(graphs: readonly LifecycleGraph[] = lifecycleGraphs()): string {
  const [only] = graphs;
  let lines: string[];
  if (graphs.length === 1 && only) {
    const { inside, between } = mermaidLifecycle(only, '  ');
    lines = [
      '---',
      `title: ${mermaidText(only.title)}`,
      '---',
      'stateDiagram-v2',
      '  direction LR',
      ...inside,
      ...between,
    ];
  } else {
    const parts = graphs.map((g) => ({ graph: g, ...mermaidLifecycle(g, '    ') }));
    lines = [
      'stateDiagram-v2',
      // Left to right at the top level stacks the unconnected boxes one under another.
      '  direction LR',
      ...parts.flatMap((p) => [
        `  state "${mermaidText(p.graph.title)}" as ${mermaidId('lifecycle', p.graph.id)} {`,
        '    direction LR',
        ...p.inside,
        '  }',
      ]),
      ...parts.flatMap((p) => p.between),
    ];
  }
  return `${lines.join('\n')}\n`;
}

// --- DOT -------------------------------------------------------------------------------------------------

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const dotId = (graph: LifecycleGraph, state: string) => dotString(`${graph.id}.${state}`);

/** A state with nested states is a cluster; arrows to or from it attach to its first leaf, clipped at the box. */
function leafOf(graph: LifecycleGraph, id: string): string {
  const first = childrenOf(graph, id)[0];
  return first ? leafOf(graph, first.id) : id;
}

function dotStates(graph: LifecycleGraph, parent: string | undefined, indent: string): string[] {
  return childrenOf(graph, parent).flatMap((state) => {
    const nested = dotStates(graph, state.id, `${indent}  `);
    if (nested.length > 0) {
      return [
        `${indent}subgraph ${dotString(`cluster_${graph.id}.${state.id}`)} {`,
        `${indent}  label=${dotString(state.label)}; tooltip=${dotString(state.description)};`,
        ...nested,
        `${indent}}`,
      ];
    }
    const shape = state.final ? ', peripheries=2' : '';
    return [
      `${indent}${dotId(graph, state.id)} [label=${dotString(state.label)}, tooltip=${dotString(state.description)}${shape}];`,
    ];
  });
}

function dotArrow(graph: LifecycleGraph, t: LifecycleTransition, start: string): string {
  const from = t.source === null ? start : dotId(graph, leafOf(graph, t.source));
  const to = dotId(graph, leafOf(graph, t.target));
  const clip = [
    t.source !== null && leafOf(graph, t.source) !== t.source
      ? `ltail=${dotString(`cluster_${graph.id}.${t.source}`)}`
      : '',
    leafOf(graph, t.target) !== t.target ? `lhead=${dotString(`cluster_${graph.id}.${t.target}`)}` : '',
  ].filter(Boolean);
  const label = [t.event, ruleNames(t)].filter(Boolean).join('\n');
  const tooltip = [t.description ?? t.event, ...ruleLines(t)].join('\n');
  return `${from} -> ${to} [${[`label=${dotString(label)}`, `tooltip=${dotString(tooltip)}`, ...clip].join(', ')}];`;
}

function dotLifecycle(graph: LifecycleGraph): string[] {
  const start = dotString(`${graph.id}.__start`);
  return [
    `subgraph ${dotString(`cluster_${graph.id}`)} {`,
    `  label=${dotString(graph.title)}; tooltip=${dotString(graph.description)};`,
    `  style="rounded"; color="#6b7280";`,
    `  ${start} [shape=point, width=0.12, label="", tooltip="start"];`,
    ...dotStates(graph, undefined, '  '),
    ...graph.transitions.map((t) => `  ${dotArrow(graph, t, start)}`),
    '}',
  ];
}

/** The lifecycles as a Graphviz digraph: one cluster per lifecycle. */
export function dotDiagram(graphs: readonly LifecycleGraph[] = lifecycleGraphs()): string {
  const [only] = graphs;
  const title = graphs.length === 1 && only ? only.title : 'The case: every lifecycle';
  const lines = [
    `digraph ${dotString(graphs.length === 1 && only ? only.id : 'case')} {`,
    `  label=${dotString(title)}; labelloc=t;`,
    '  rankdir=LR; compound=true; fontname="Helvetica";',
    '  node [shape=box, style="rounded", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=9];',
    ...graphs.flatMap((g) => dotLifecycle(g).map((l) => `  ${l}`)),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

export function diagram(
  format: DiagramFormat,
  graphs: readonly LifecycleGraph[] = lifecycleGraphs(),
): string {
  return format === 'mermaid' ? mermaidDiagram(graphs) : dotDiagram(graphs);
}
