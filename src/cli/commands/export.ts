import { formatProblem } from '../../events/parse.js';
import { toTimelineJs } from '../../export/timelinejs.js';
import { loadLog } from '../io.js';
import { json } from '../options.js';
import { action, CliError, type CommandModule } from '../program.js';

const FORMATS = ['timelinejs'] as const;

/** `casesim export --format timelinejs [LOG]`: the case for embedding elsewhere. */
export const exportCommand: CommandModule = (program, io, setExit) => {
  program
    .command('export')
    .description('export a log for other tools: TimelineJS3 JSON (groups per court or actor, eras, credits)')
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'timelinejs')
    .action(
      action(setExit, (logPath: string | undefined, opts: { format: string }) => {
        if (!(FORMATS as readonly string[]).includes(opts.format))
          throw new CliError(`--format: '${opts.format}' is not one of ${FORMATS.join(', ')}`);
        const log = loadLog(logPath);
        if (log.problems.length > 0) {
          const first = log.problems[0];
          throw new CliError(
            `the log has ${log.problems.length} unreadable line(s); first: ${first ? formatProblem(first) : ''} (run casesim validate)`,
            1,
          );
        }
        io.out(json(toTimelineJs(log.events.map((l) => l.event))));
        return 0;
      }),
    );
};
