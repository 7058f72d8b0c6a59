/**
 * Generated sections of the README, kept between `<!-- name:start -->` and `<!-- name:end -->` markers,
 * so a test can compare them with what the code generates now and a command can rewrite them.
 */
import { mermaidDiagram } from './diagram.js';
import { lifecycleGraphs } from './graph.js';
import type { LifecycleGraph } from './lifecycle-graph.js';

export const README_REGENERATE = 'npm run build && npm run docs';

export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The text between a section's markers, or undefined when the markers are missing. */
export function section(text: string, name: string): string | undefined {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return text.slice(from + start.length, to);
}

/** `text` with the section replaced by `content` (the markers stay; an error when they are missing). */
export function replaceSection(text: string, name: string, content: string): string {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} markers`);
  return `${text.slice(0, from + start.length)}${content}${text.slice(to)}`;
}

/**
 * The README's diagram section: each lifecycle as its own Mermaid diagram (titled) in a fenced block
 * GitHub renders: one chart per lifecycle reads better than the whole case in one box.
 */
export function diagramSection(graphs: readonly LifecycleGraph[] = lifecycleGraphs()): string {
  const blocks = graphs.map((g) => `\n\`\`\`mermaid\n${mermaidDiagram([g])}\`\`\`\n`);
  return `${blocks.join('')}\n`;
}
