import { readFileSync, writeFileSync } from 'node:fs';
import { DIAGRAM_FORMATS, type DiagramFormat, diagram, selectLifecycles } from '../../docs/diagram.js';
import { diagramSection, replaceSection } from '../../docs/readme.js';
import { json } from '../options.js';
import { action, CliError, type CommandModule } from '../program.js';

/** Rewrites a generated section of a Markdown file between its markers. */
export function updateSection(file: string, name: string, content: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`${file}: cannot read`);
  }
  try {
    writeFileSync(file, replaceSection(text, name, content));
  } catch (error) {
    throw new CliError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `casesim diagram [--lifecycle NAME] [--format mermaid|dot] [--json]`: the lifecycle statecharts, drawn from
 * the machine's own definitions; every lifecycle (the case) unless one is named.
 */
export const diagramCommand: CommandModule = (program, io, setExit) => {
  program
    .command('diagram')
    .description(
      'draw the lifecycle statecharts from the machine (each arrow: the event that takes it and the rules guarding it)',
    )
    .option('--lifecycle <name>', 'draw only this lifecycle (default: all of them, the whole case)')
    .option('--format <format>', `output format: ${DIAGRAM_FORMATS.join(' or ')}`, 'mermaid')
    .option('--json', 'print the graph data (states, arrows, rules) as JSON instead of a drawing')
    .option('--readme <file>', 'instead, rewrite the Mermaid diagrams between the diagram markers of <file>')
    .action(
      action(setExit, (opts: { format: string; lifecycle?: string; json?: boolean; readme?: string }) => {
        if (!DIAGRAM_FORMATS.includes(opts.format as DiagramFormat))
          throw new CliError(`--format: '${opts.format}' is not one of ${DIAGRAM_FORMATS.join(', ')}`);
        const selected = selectLifecycles(opts.lifecycle);
        if (!selected.ok) throw new CliError(`--lifecycle: ${selected.message}`);
        if (opts.readme) {
          updateSection(opts.readme, 'diagram', diagramSection(selected.graphs));
          io.out(`wrote the diagram into ${opts.readme}`);
          return 0;
        }
        if (opts.json) {
          io.out(json({ lifecycles: selected.graphs }));
          return 0;
        }
        io.out(diagram(opts.format as DiagramFormat, selected.graphs));
        return 0;
      }),
    );
};
