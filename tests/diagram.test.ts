/**
 * `casesim diagram`: the statechart drawn from the machine's own definition, and the README's copies of
 * the diagram and of the walk-through, which must match what the code generates now.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dotDiagram, mermaidDiagram } from '../src/docs/diagram.js';
import { machineGraph } from '../src/docs/graph.js';
import { diagramSection, README_REGENERATE, section } from '../src/docs/readme.js';
import { walkthroughMarkdown } from '../src/docs/walkthrough.js';
import { LIFECYCLE, REGION_PHASES } from '../src/machine/phases.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

describe('the machine graph', () => {
  it('has the four parallel regions, each phase, and one lifecycle edge per declared next phase', () => {
    const graph = machineGraph();
    expect(graph.regions.map((r) => r.id)).toEqual(Object.keys(REGION_PHASES));
    for (const region of graph.regions) {
      const lifecycle = LIFECYCLE[region.id as keyof typeof LIFECYCLE] as Record<
        string,
        { next: readonly string[] }
      >;
      const declared = Object.entries(lifecycle).flatMap(([p, l]) => l.next.map((n) => `${p}->${n}`));
      expect(region.edges.map((e) => `${e.from.split('.')[1]}->${e.to.split('.')[1]}`)).toEqual(declared);
      for (const edge of region.edges) expect(edge.guardPhase).toBe(edge.to.split('.')[1]);
    }
  });
});

describe('the Mermaid diagram', () => {
  const text = mermaidDiagram();
  const lines = text.split('\n');

  it('is a stateDiagram-v2 with one concurrent composite state per region', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    for (const region of Object.keys(REGION_PHASES))
      expect(text).toContain(`state "${region} (region)" as region_${region} {`);
    expect(lines.filter((l) => l.trim() === '--')).toHaveLength(Object.keys(REGION_PHASES).length - 1);
  });

  it('labels each lifecycle edge by the phase it goes to and lists every event kind in a note', () => {
    expect(text).toContain('relief_enjoined --> relief_stayed: when stayed');
    expect(text).toMatch(/note left of relief_none\n\s+relief events\n(\s+[\w.]+\n)+\s+end note/);
    expect(text).toContain('stay.motionFiled');
  });

  it('uses ids Mermaid accepts: letters, digits and underscores, never a keyword', () => {
    const ids = [...text.matchAll(/ as (\S+)(?: \{)?$/gm)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(['end', 'state', 'note', 'default', 'class', 'classDef', 'direction']).not.toContain(id);
    }
    // Labels after ':' must not contain another ':' or ';' (they would end the label).
    for (const m of text.matchAll(/-->\s*\S+: (.*)$/gm)) expect(m[1]).not.toMatch(/[:;]/);
    // Braces balance: every composite state is closed.
    expect(text.split('{').length).toBe(text.split('}').length);
  });
});

describe('the DOT diagram', () => {
  it('draws each region as a cluster with its phases and labelled lifecycle edges', () => {
    const text = dotDiagram();
    expect(text.startsWith('digraph "case" {')).toBe(true);
    for (const region of Object.keys(REGION_PHASES)) expect(text).toContain(`subgraph "cluster_${region}"`);
    expect(text).toContain('"relief.enjoined" -> "relief.stayed" [label="when stayed"];');
    expect(text.split('{').length).toBe(text.split('}').length);
  });
});

describe('the README', () => {
  const readme = readFileSync(README, 'utf8');

  it('embeds the Mermaid diagram the machine generates now', () => {
    expect(
      section(readme, 'diagram'),
      `README.md's diagram is stale: regenerate it with \`${README_REGENERATE}\``,
    ).toBe(diagramSection());
  });

  it('embeds the walk-through assembled from the explain topics now', () => {
    expect(
      section(readme, 'walkthrough'),
      `README.md's walk-through is stale: regenerate it with \`${README_REGENERATE}\``,
    ).toBe(walkthroughMarkdown());
  });
});
