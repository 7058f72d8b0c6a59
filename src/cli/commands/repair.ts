import { exitCodeOf, formatProblem } from '../../problem.js';
import { formatStoreError, repairLog } from '../../store/index.js';
import { json } from '../options.js';
import { action, type CommandModule } from '../program.js';
import { waitSeconds } from './append.js';

/** `casesim repair`: moves a torn last line to a side file next to the log, so the log replays again. */
export const repairCommand: CommandModule = (program, io, setExit) => {
  program
    .command('repair')
    .description(
      'move a torn last line (a write cut off) to a side file LOG.torn-<n>; nothing is deleted, no whole line rewritten',
    )
    .argument('<log>', 'event log (JSON lines)')
    .option('--wait <seconds>', "how long to wait for another writer's lock (default 30)", waitSeconds)
    .option('--json', 'print the result as JSON')
    .action(
      action(setExit, async (log: string, opts: { wait?: number; json?: boolean }) => {
        const result = await repairLog(log, opts.wait === undefined ? {} : { lockTimeoutMs: opts.wait });
        if (opts.json) io.out(json(result));
        else if (!result.ok) io.err(`casesim: ${formatStoreError(result.error)}`);
        else {
          if (result.status === 'moved')
            io.out(
              `${log}:${result.line}: moved a torn last line (${result.movedBytes} bytes) to ${result.sideFile}`,
            );
          else if (result.status === 'terminated')
            io.out(`${log}:${result.line}: the last line was a whole event missing its newline; ended it`);
          else io.out(`${log}: no torn last line; nothing to repair`);
          for (const p of result.problems) io.err(formatProblem(p));
          if (result.problems.length > 0)
            io.err(
              `${log}: ${result.problems.length} problem(s) before the end remain; repair changes only the torn tail`,
            );
        }
        if (!result.ok) return exitCodeOf(result.error.code);
        return result.problems.length === 0 ? 0 : 1;
      }),
    );
};
