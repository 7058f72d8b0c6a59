import { readFileSync, writeFileSync } from 'node:fs';
import { DIAGRAM_FORMATS, type DiagramFormat, diagram } from '../../docs/diagram.js';
import { diagramSection, replaceSection } from '../../docs/readme.js';
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

/** `casesim diagram --format mermaid|dot`: the statechart, drawn from the machine's own definition. */
export const diagramCommand: CommandModule = (program, io, setExit) => {
  program
    .command('diagram')
    .description('draw the statechart from the machine definition (regions, phases, lifecycle edges, events)')
    .option('--format <format>', `output format: ${DIAGRAM_FORMATS.join(' or ')}`, 'mermaid')
    .option('--readme <file>', 'instead, rewrite the Mermaid diagram between the diagram markers of <file>')
    .action(
      action(setExit, (opts: { format: string; readme?: string }) => {
        if (!DIAGRAM_FORMATS.includes(opts.format as DiagramFormat))
          throw new CliError(`--format: '${opts.format}' is not one of ${DIAGRAM_FORMATS.join(', ')}`);
        if (opts.readme) {
          updateSection(opts.readme, 'diagram', diagramSection());
          io.out(`wrote the diagram into ${opts.readme}`);
          return 0;
        }
        io.out(diagram(opts.format as DiagramFormat));
        return 0;
      }),
    );
};
