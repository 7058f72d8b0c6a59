import { explain, findTopic, topicIndex, topicText } from '../../docs/explain.js';
import { WALKTHROUGH, walkthroughMarkdown } from '../../docs/walkthrough.js';
import { pc } from '../format.js';
import { json } from '../options.js';
import { action, CliError, type CommandModule } from '../program.js';
import { updateSection } from './diagram.js';

const KIND_LABEL = {
  machine: 'The machine',
  region: 'Regions (run in parallel)',
  state: 'States (region.phase)',
  event: 'Event kinds',
  rule: 'Rules',
  doctrine: 'Doctrines',
} as const;

/** `casesim explain [TOPIC]`: a state, event kind or rule in plain language, read from the machine. */
export const explainCommand: CommandModule = (program, io, setExit) => {
  program
    .command('explain')
    .description(
      'explain a state, an event kind or a rule, with its citation; with no topic, list the topics',
    )
    .argument('[topic]', 'for example relief.enjoined, stay.motionFiled or moveFirstInDistrictCourt')
    .option('--json', 'print the topic (or the list of topics) as JSON')
    .option('--walkthrough', 'print "How injunctions work, through this case", assembled from the topics')
    .option('--readme <file>', 'with --walkthrough: rewrite it between the walkthrough markers of <file>')
    .action(
      action(
        setExit,
        (name: string | undefined, opts: { json?: boolean; walkthrough?: boolean; readme?: string }) => {
          if (opts.walkthrough) {
            if (opts.readme) {
              updateSection(opts.readme, 'walkthrough', walkthroughMarkdown());
              io.out(opts.json ? json({ wrote: opts.readme }) : `wrote the walk-through into ${opts.readme}`);
            } else if (opts.json) {
              const steps = WALKTHROUGH.map((step) => ({ ...step, topics: step.topics.map(findTopic) }));
              io.out(json({ steps, markdown: walkthroughMarkdown() }));
            } else io.out(walkthroughMarkdown());
            return 0;
          }
          if (name === undefined) {
            const index = topicIndex();
            if (opts.json) io.out(json(index));
            else
              for (const group of index)
                io.out(
                  `${pc.bold(KIND_LABEL[group.kind])}\n${group.names.map((n) => `  ${n}`).join('\n')}\n`,
                );
            return 0;
          }
          const result = explain(name);
          if (!result.ok) {
            // With --json: the stable error shape, and the closest topics beside it.
            if (opts.json) {
              const error = { code: 'USAGE', message: result.message, where: null };
              io.out(json({ error, suggestions: result.suggestions }));
              return 2;
            }
            throw new CliError(result.message);
          }
          // A state and the event kind of the same name (appeal.decided) are both explained.
          if (opts.json) io.out(json(result.topics.length > 1 ? result.topics : result.topic));
          else io.out(result.topics.map(topicText).join('\n\n'));
          return 0;
        },
      ),
    );
};
