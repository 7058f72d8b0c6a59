import { formatProblem } from '../../events/parse.js';
import { reliefScopeText } from '../../machine/effects.js';
import { checkLog } from '../../replay/check.js';
import { caseAt, caseZone } from '../../replay/query.js';
import { effectLine, phasesLine, rejectionText } from '../format.js';
import { loadLog } from '../io.js';
import { checkInstantSyntax, json, queryInstant, timeZoneOption } from '../options.js';
import { action, CliError, type CommandModule, colorsOf } from '../program.js';

interface StateOptions {
  at?: string;
  knownAt?: string;
  tz?: string;
  json?: boolean;
}

/** `casesim state --at D [--known-at K]`: the case and each prohibition's legal effect at D, as known at K. */
export const stateCommand: CommandModule = (program, io, setExit) => {
  program
    .command('state')
    .description(
      "the case's state and each prohibition's legal effect at an instant, as the record stood then",
    )
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .requiredOption(
      '--at <instant>',
      'the instant asked about: 2020-09-21 (end of that day), 2020-09-21T18:00, or ISO with Z',
    )
    .option(
      '--known-at <instant>',
      'count only what had been filed or published by then (default: end of log)',
    )
    .option('--tz <zone>', "zone for bare dates and times (default: the court's zone from the log)")
    .option('--json', 'print the answer as JSON')
    .action(
      action(setExit, (logPath: string | undefined, opts: StateOptions) => {
        const pc = colorsOf(io);
        // Usage first: a mistyped option is reported before the log is read.
        const tz = opts.tz === undefined ? undefined : timeZoneOption(opts.tz, '--tz');
        checkInstantSyntax(opts.at ?? '', '--at');
        if (opts.knownAt !== undefined) checkInstantSyntax(opts.knownAt, '--known-at');
        const log = loadLog(logPath);
        // An answer read from a log with an unreadable or illegal event could be wrong anywhere after it.
        const problems = checkLog(log);
        const first = problems[0];
        if (first) {
          const n = problems.length;
          throw new CliError(
            `${log.file} has ${n} problem${n === 1 ? '' : 's'}; first: ${formatProblem(first)} (run casesim validate ${log.file})`,
            1,
          );
        }
        const events = log.events.map((l) => l.event);
        const zone = tz ?? caseZone(events);
        const at = queryInstant(opts.at ?? '', zone, '--at');
        const known = opts.knownAt === undefined ? undefined : queryInstant(opts.knownAt, zone, '--known-at');
        const result = caseAt(events, known ? { at: at.ms, knownAt: known.ms } : { at: at.ms });
        const ctx = result.snapshot.context;
        const lastEvent = result.events.at(-1);
        if (opts.json) {
          io.out(
            json({
              file: log.file,
              at: { input: opts.at, zone, epochMs: at.ms, iso: new Date(at.ms).toISOString() },
              knownAt: known
                ? { input: opts.knownAt, epochMs: known.ms, iso: new Date(known.ms).toISOString() }
                : null,
              eventsCounted: result.events.length,
              lastEvent: lastEvent?.id ?? null,
              state: { value: result.snapshot.value, context: ctx },
              effects: result.effects,
              rejections: result.rejections,
            }),
          );
        } else {
          const knownText = known ? `as known at ${known.label}` : 'as known at the end of the log';
          io.out(pc.bold(`State at ${at.label}, ${knownText}`));
          io.out(
            `  ${result.events.length} of ${events.length} events count; the last is ${lastEvent?.id ?? '(none)'}`,
          );
          io.out(`  ${phasesLine(result.snapshot)}`);
          io.out(pc.bold('\nProhibitions'));
          if (result.effects.length === 0) io.out('  (none identified yet)');
          for (const effect of result.effects) io.out(effectLine(effect, pc));
          const injunctions = Object.values(ctx.injunctions);
          if (injunctions.length > 0) io.out(pc.bold('\nInjunctions'));
          for (const i of injunctions) {
            const scope = reliefScopeText(i);
            io.out(`  ${i.id}: ${i.relief} injunction of ${i.court}, ${scope}; ${i.status}`);
          }
          const pending = Object.values(ctx.motions).filter((m) => m.status === 'pending');
          if (pending.length > 0) io.out(pc.bold('\nPending motions'));
          for (const m of pending) io.out(`  ${m.id}: ${m.kind} motion on ${m.docket}, by ${m.movant}`);
          if (ctx.positions.length > 0) io.out(pc.bold('\nGovernment positions (statements, not law)'));
          for (const p of ctx.positions) io.out(`  ${p.eventId}: ${p.by}: ${p.position}`);
          for (const r of result.rejections) io.err(pc.red(`${r.eventId}: ${rejectionText(r)}`));
        }
        return result.rejections.length > 0 ? 1 : 0;
      }),
    );
};
