import { toTimelineJs } from '../../export/timelinejs.js';
import { formatProblem } from '../../problem.js';
import { checkLog } from '../../replay/check.js';
import { DOCKET_FLAG, DOCKET_HELP, docketView } from '../docket.js';
import { loadLog, refuseProblems } from '../io.js';
import { json } from '../options.js';
import { action, CliError, type CommandModule } from '../program.js';

const FORMATS = ['timelinejs'] as const;

/**
 * `casesim export --format timelinejs [LOG]`: the case for embedding elsewhere. A log with an unreadable
 * line is refused; one with a rejected event is exported (its slide says which rule refused it) but exits 1,
 * like every command reading a log the machine does not accept whole.
 */
export const exportCommand: CommandModule = (program, io, setExit) => {
  program
    .command('export')
    .description('export a log for other tools: TimelineJS3 JSON (groups per court or actor, eras, credits)')
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'timelinejs')
    .option(DOCKET_FLAG, DOCKET_HELP)
    .option('--json', 'the export is JSON already (errors are JSON too)')
    .action(
      action(setExit, async (logPath: string | undefined, opts: { format: string; docket?: string }) => {
        if (!(FORMATS as readonly string[]).includes(opts.format))
          throw new CliError(`--format: '${opts.format}' is not one of ${FORMATS.join(', ')}`);
        const log = await loadLog(logPath);
        refuseProblems(log.file, log.problems);
        const events = log.events.map((l) => l.event);
        io.out(json(toTimelineJs(events, docketView(events, opts.docket))));
        const rejected = checkLog(log);
        for (const p of rejected) io.err(`casesim: ${formatProblem(p)}`);
        return rejected.length > 0 ? 1 : 0;
      }),
    );
};
