/**
 * The statechart drawn from its own definition (the walk in `graph.ts`), as Mermaid `stateDiagram-v2`
 * or Graphviz DOT: the parallel regions as concurrent composite states (clusters in DOT), the phases as
 * states, the eventless lifecycle edges labelled by the phase whose guard takes them, and, for each
 * region, the event kinds that move it, listed in a note.
 */
import { type MachineGraph, machineGraph, type RegionNode } from './graph.js';

export type DiagramFormat = 'mermaid' | 'dot';
export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['mermaid', 'dot'];

/** A Mermaid-safe id: `relief.enjoined` → `relief_enjoined` (never a bare keyword such as `end` or `note`). */
function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

/** Mermaid labels end at `:` or `;`, and `"` ends a quoted name. */
function mermaidLabel(text: string): string {
  return text.replace(/[:;"]/g, ' ').replace(/\s+/g, ' ').trim();
}

function mermaidRegion(region: RegionNode): string[] {
  const lines = [`state "${mermaidLabel(`${region.id} (region)`)}" as ${mermaidId(`region.${region.id}`)} {`];
  const initial = region.phases.find((p) => p.initial);
  for (const phase of region.phases)
    lines.push(`  state "${mermaidLabel(phase.phase)}" as ${mermaidId(phase.id)}`);
  if (initial) lines.push(`  [*] --> ${mermaidId(initial.id)}`);
  for (const edge of region.edges) {
    lines.push(
      `  ${mermaidId(edge.from)} --> ${mermaidId(edge.to)}: ${mermaidLabel(`when ${edge.guardPhase}`)}`,
    );
  }
  if (initial && region.events.length > 0) {
    lines.push(`  note left of ${mermaidId(initial.id)}`);
    lines.push(`    ${mermaidLabel(region.id)} events`);
    for (const e of region.events) lines.push(`    ${mermaidLabel(e.type)}`);
    lines.push('  end note');
  }
  lines.push('}');
  return lines;
}

/** The machine as a Mermaid stateDiagram-v2 (GitHub renders it in a ```mermaid block). */
export function mermaidDiagram(graph: MachineGraph = machineGraph()): string {
  const root = mermaidId(`machine.${graph.id}`);
  const body: string[] = [];
  graph.regions.forEach((region, i) => {
    if (i > 0) body.push('--');
    body.push(...mermaidRegion(region));
  });
  const title = `${mermaidLabel(graph.id)} (parallel regions)`;
  const lines = ['stateDiagram-v2', `  state "${title}" as ${root} {`, ...body.map((l) => `    ${l}`), '  }'];
  if (graph.rootEvents.length > 0) {
    lines.push(`  note right of ${root}`);
    lines.push(`    ${mermaidLabel(graph.id)} events (move no region)`);
    for (const e of graph.rootEvents) lines.push(`    ${mermaidLabel(e.type)}`);
    lines.push('  end note');
  }
  return `${lines.join('\n')}\n`;
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function dotRegion(region: RegionNode): string[] {
  const start = `${region.id}.__initial`;
  const lines = [
    `subgraph ${dotString(`cluster_${region.id}`)} {`,
    `  label=${dotString(region.id)}; tooltip=${dotString(region.description)};`,
    `  style="rounded"; color="#6b7280";`,
    `  ${dotString(start)} [shape=point, width=0.12, label=""];`,
  ];
  for (const phase of region.phases) {
    lines.push(
      `  ${dotString(phase.id)} [label=${dotString(phase.phase)}, tooltip=${dotString(phase.description)}];`,
    );
  }
  const initial = region.phases.find((p) => p.initial);
  if (initial) lines.push(`  ${dotString(start)} -> ${dotString(initial.id)};`);
  for (const edge of region.edges) {
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(`when ${edge.guardPhase}`)}];`,
    );
  }
  if (region.events.length > 0) {
    const label = [`${region.id} events`, ...region.events.map((e) => e.type)].join('\\l');
    lines.push(`  ${dotString(`${region.id}.__events`)} [shape=note, fontsize=10, label="${label}\\l"];`);
  }
  lines.push('}');
  return lines;
}

/** The machine as a Graphviz digraph: one cluster per parallel region. */
export function dotDiagram(graph: MachineGraph = machineGraph()): string {
  const lines = [
    `digraph ${dotString(graph.id)} {`,
    `  label=${dotString(`${graph.id}: ${graph.description}`)}; labelloc=t;`,
    '  rankdir=LR; compound=true; fontname="Helvetica";',
    '  node [shape=box, style="rounded", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=9];',
    ...graph.regions.flatMap((r) => dotRegion(r).map((l) => `  ${l}`)),
  ];
  if (graph.rootEvents.length > 0) {
    const label = [`${graph.id} events (move no region)`, ...graph.rootEvents.map((e) => e.type)].join('\\l');
    lines.push(`  ${dotString(`${graph.id}.__events`)} [shape=note, fontsize=10, label="${label}\\l"];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function diagram(format: DiagramFormat, graph: MachineGraph = machineGraph()): string {
  return format === 'mermaid' ? mermaidDiagram(graph) : dotDiagram(graph);
}
