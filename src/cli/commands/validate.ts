import { formatProblem } from '../../problem.js';
import { checkLog } from '../../replay/check.js';
import { loadLog } from '../io.js';
import { json } from '../options.js';
import { action, type CommandModule } from '../program.js';

/** `casesim validate`: schema and legality, every problem with file, line and event id. */
export const validateCommand: CommandModule = (program, io, setExit) => {
  program
    .command('validate')
    .description('check a log: every line against the schema, every event against the rules of procedure')
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .option('--json', 'print the result as JSON')
    .action(
      action(setExit, async (logPath: string | undefined, opts: { json?: boolean }) => {
        const log = await loadLog(logPath);
        const problems = checkLog(log);
        if (opts.json) {
          io.out(json({ file: log.file, events: log.events.length, valid: problems.length === 0, problems }));
        } else if (problems.length === 0) {
          io.out(`${log.file}: ${log.events.length} events, all valid and legal`);
        } else {
          for (const p of problems) io.err(formatProblem(p));
          const n = problems.length;
          io.err(`${log.file}: ${n} problem${n === 1 ? '' : 's'}`);
        }
        return problems.length === 0 ? 0 : 1;
      }),
    );
};
