/**
 * `casesim diagram`: the lifecycle statecharts drawn from the machine's own definitions, each arrow labelled
 * by the event kind that takes it and the rules that guard it; and the README's copies of the diagrams and
 * of the walk-through, which must match what the code generates now. (Rendering in the real Mermaid and
 * Graphviz is proven in diagram-render.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dotDiagram, mermaidDiagram, selectLifecycles } from '../src/docs/diagram.js';
import { lifecycleGraphs } from '../src/docs/graph.js';
import type { LifecycleGraph, LifecycleTransition } from '../src/docs/lifecycle-graph.js';
import { diagramSection, README_REGENERATE, section } from '../src/docs/readme.js';
import { walkthroughMarkdown } from '../src/docs/walkthrough.js';
import { cli, STACK_TRACE } from './support/cli.js';
import { SAMPLE, SECOND } from './support/lifecycle-fixture.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

const mermaidId = (graph: LifecycleGraph, state: string) => `${graph.id}__${state}`.replace(/\W/g, '_');

/** The Mermaid arrow lines (`from --> to: label`), by their two ends. */
function mermaidArrows(text: string): Map<string, string> {
  const arrows = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(\S+) --> (\S+?)(?:: (.*))?$/gm))
    arrows.set(`${m[1]} ${m[2]}`, m[3] ?? '');
  return arrows;
}

function expectMermaidArrow(text: string, graph: LifecycleGraph, t: LifecycleTransition): void {
  const from = t.source === null ? '[*]' : mermaidId(graph, t.source);
  const label = mermaidArrows(text).get(`${from} ${mermaidId(graph, t.target)}`);
  expect(label, `${graph.id}: no arrow ${from} --> ${t.target}`).toBeDefined();
  const parts = label?.split('<br/>') ?? [];
  const at = parts.indexOf(t.event);
  expect(at, `${graph.id}: arrow ${from} --> ${t.target} has no label ${t.event}`).toBeGreaterThanOrEqual(0);
  if (t.rules.length > 0) expect(parts[at + 1]).toBe(`[${t.rules.map((r) => r.name).join(', ')}]`);
}

describe('the lifecycle graphs the drawings read', () => {
  const graphs = lifecycleGraphs();

  it('name lifecycles uniquely, and every arrow joins states of its own lifecycle', () => {
    expect(new Set(graphs.map((g) => g.id)).size).toBe(graphs.length);
    for (const graph of graphs) {
      const ids = new Set(graph.states.map((s) => s.id));
      expect(ids.has(graph.initial), `${graph.id}: initial ${graph.initial}`).toBe(true);
      for (const s of graph.states) if (s.parent) expect(ids.has(s.parent)).toBe(true);
      for (const t of graph.transitions) {
        if (t.source !== null) expect(ids.has(t.source), `${graph.id}: ${t.source}`).toBe(true);
        expect(ids.has(t.target), `${graph.id}: ${t.target}`).toBe(true);
      }
    }
  });

  it('give each lifecycle an arrow that creates its object, and each rule a title and a citation', () => {
    for (const graph of graphs) {
      expect(
        graph.transitions.some((t) => t.source === null),
        graph.id,
      ).toBe(true);
      for (const rule of graph.transitions.flatMap((t) => t.rules)) {
        expect(rule.title.length, rule.name).toBeGreaterThan(0);
        expect(rule.citation.length, rule.name).toBeGreaterThan(0);
      }
    }
  });
});

describe('the Mermaid diagram', () => {
  it('draws every arrow of every lifecycle, labelled by its event kind and then its rule names', () => {
    const graphs = lifecycleGraphs();
    const text = mermaidDiagram(graphs);
    expect(text.split('\n')[0]).toBe('stateDiagram-v2');
    for (const graph of graphs) for (const t of graph.transitions) expectMermaidArrow(text, graph, t);
  });

  it('draws the case as one box per lifecycle, titled, with its own start and end points', () => {
    const text = mermaidDiagram([SAMPLE, SECOND]);
    expect(text).toContain('state "Sample lifecycle quoted with punctuation" as lifecycle__sample {');
    expect(text).toContain('state "Second" as lifecycle__second {');
    // Boxes stacked one under another, each lifecycle reading left to right.
    expect(text.startsWith('stateDiagram-v2\n  direction LR\n')).toBe(true);
    expect(text).toContain('as lifecycle__second {\n    direction LR\n');
    const second = text.slice(text.indexOf('as lifecycle__second {'));
    expect(second).toMatch(/^\s+\[\*\] --> second__open: second\.opened$/m);
    expect(second).toMatch(/^\s+second__end --> \[\*\]$/m);
  });

  it('nests states in their parent box and joins every pair of states by one arrow carrying all its labels', () => {
    const text = mermaidDiagram([SAMPLE]);
    expect(text).toMatch(
      /state "pending" as sample__pending \{\n\s+state "briefing" as sample__pending_briefing\n/,
    );
    for (const t of SAMPLE.transitions) expectMermaidArrow(text, SAMPLE, t);
    expect(mermaidArrows(text).get('sample__pending sample__end')).toBe(
      'sample.dismissed<br/>[moot]<br/>sample.decided<br/>[e]',
    );
    const pairs = [...text.matchAll(/^\s*(\S+) --> (\S+?)(?::|$)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('writes arrows between states at the top level, after every box (Mermaid moves states otherwise)', () => {
    const text = mermaidDiagram([SAMPLE, SECOND]);
    const lastBoxEnd = text.lastIndexOf('\n  }\n');
    for (const line of text.split('\n').filter((l) => / --> /.test(l) && !l.includes('[*]'))) {
      expect(line.startsWith('  ') && !line.startsWith('   '), line).toBe(true);
      expect(text.indexOf(line)).toBeGreaterThan(lastBoxEnd);
    }
    // Inside a box, the [*] arrows come before any state is declared.
    const box = text.slice(text.indexOf('lifecycle__sample {'), text.indexOf('lifecycle__second {'));
    expect(box.lastIndexOf('[*]')).toBeLessThan(box.indexOf('state '));
  });

  it('titles a single lifecycle, drawn left to right, and uses ids Mermaid accepts, never a keyword; labels hold no : or ;', () => {
    const text = mermaidDiagram([SAMPLE]);
    expect(
      text.startsWith(
        '---\ntitle: Sample lifecycle quoted with punctuation\n---\nstateDiagram-v2\n  direction LR\n',
      ),
    ).toBe(true);
    for (const graph of [...lifecycleGraphs(), SAMPLE]) {
      const drawn = mermaidDiagram([graph]);
      const ids = [...drawn.matchAll(/^\s*state "[^"]*" as (\S+?)(?: \{)?$/gm)].map((m) => m[1] ?? '');
      expect(ids.length).toBe(graph.states.length);
      for (const id of ids) {
        expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(['end', 'state', 'note', 'default', 'class', 'classDef', 'direction']).not.toContain(id);
      }
      for (const label of mermaidArrows(drawn).values()) expect(label).not.toMatch(/[:;]/);
      expect(drawn.split('{').length).toBe(drawn.split('}').length);
    }
  });
});

describe('the DOT diagram', () => {
  it('draws each lifecycle as a cluster with a start point, and every arrow with its event, rules and citations', () => {
    const graphs = lifecycleGraphs();
    const text = dotDiagram(graphs);
    expect(text.startsWith('digraph "case" {')).toBe(true);
    for (const graph of graphs) {
      expect(text).toContain(`subgraph "cluster_${graph.id}" {`);
      expect(text).toContain(`"${graph.id}.__start" [shape=point`);
      for (const t of graph.transitions) {
        const from = t.source === null ? `${graph.id}.__start` : `${graph.id}.${t.source}`;
        const rules = t.rules.length > 0 ? `\\n[${t.rules.map((r) => r.name).join(', ')}]` : '';
        expect(text).toContain(`"${from}" -> "${graph.id}.${t.target}" [label="${t.event}${rules}"`);
      }
    }
    expect(text.split('{').length).toBe(text.split('}').length);
  });

  it('draws nested states in a cluster, attaching arrows to the box, and marks final states', () => {
    const text = dotDiagram([SAMPLE]);
    expect(text).toContain('subgraph "cluster_sample.pending" {');
    expect(text).toContain('"sample.pending.briefing" -> "sample.end" [label="sample.dismissed\\n[moot]"');
    expect(text).toMatch(
      /"sample\.pending\.briefing" -> "sample\.end" \[[^\n]*ltail="cluster_sample\.pending"/,
    );
    expect(text).toMatch(/"sample\.end" \[label="ended", [^\n]*peripheries=2\]/);
    expect(text).toContain(
      'tooltip="sample.briefed\\na: Title of a (Citation for a)\\nb: Title of b (Citation for b)"',
    );
  });
});

describe('choosing lifecycles', () => {
  it('draws all of them by default, one by name, and names the valid ones for an unknown name', () => {
    expect(selectLifecycles(undefined, [SAMPLE, SECOND])).toEqual({ ok: true, graphs: [SAMPLE, SECOND] });
    expect(selectLifecycles('second', [SAMPLE, SECOND])).toEqual({ ok: true, graphs: [SECOND] });
    expect(selectLifecycles('nope', [SAMPLE, SECOND])).toEqual({
      ok: false,
      message: "'nope' is not a lifecycle; the lifecycles are: sample, second",
    });
  });
});

describe('casesim diagram', () => {
  const first = lifecycleGraphs()[0] as LifecycleGraph;

  it('prints the whole case in Mermaid by default, and one lifecycle with --lifecycle', async () => {
    const all = await cli('diagram');
    expect(all.code).toBe(0);
    expect(all.out).toBe(mermaidDiagram(lifecycleGraphs()));
    const one = await cli('diagram', '--lifecycle', first.id, '--format', 'dot');
    expect(one.code).toBe(0);
    expect(one.out).toBe(dotDiagram([first]));
  });

  it('prints the graph data with --json', async () => {
    const run = await cli('diagram', '--lifecycle', first.id, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({ lifecycles: [first] });
  });

  it('refuses an unknown lifecycle or format with a usage error listing the valid ones, never a stack trace', async () => {
    const run = await cli('diagram', '--lifecycle', 'nope');
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `casesim: --lifecycle: 'nope' is not a lifecycle; the lifecycles are: ${lifecycleGraphs()
        .map((g) => g.id)
        .join(', ')}\n`,
    );
    const format = await cli('diagram', '--format', 'svg');
    expect(format.code).toBe(2);
    expect(format.err).toContain("'svg' is not one of mermaid, dot");
    expect(run.err + format.err).not.toMatch(STACK_TRACE);
  });
});

describe('the README', () => {
  const readme = readFileSync(README, 'utf8');

  it('embeds the Mermaid diagrams the machine generates now, one per lifecycle', () => {
    expect(
      section(readme, 'diagram'),
      `README.md's diagram is stale: regenerate it with \`${README_REGENERATE}\``,
    ).toBe(diagramSection());
    expect(section(readme, 'diagram')?.match(/```mermaid/g)).toHaveLength(lifecycleGraphs().length);
  });

  it('embeds the walk-through assembled from the explain topics now', () => {
    expect(
      section(readme, 'walkthrough'),
      `README.md's walk-through is stale: regenerate it with \`${README_REGENERATE}\``,
    ).toBe(walkthroughMarkdown());
  });
});
