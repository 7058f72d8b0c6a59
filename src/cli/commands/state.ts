import type { CaseEvent } from '../../events/schema.js';
import { awaitsRuling, type MotionRecord, openParts } from '../../machine/context.js';
import { reliefScopeText } from '../../machine/effects.js';
import { inFile, refuseInput } from '../../problem.js';
import { checkLog } from '../../replay/check.js';
import { contextInDocket, phasesInDocket } from '../../replay/docket.js';
import { datedEffects, effectIntervals } from '../../replay/intervals.js';
import { caseAt, caseZone } from '../../replay/query.js';
import { branchEventsOf } from '../../whatif/diff.js';
import { DOCKET_FLAG, DOCKET_HELP, docketView } from '../docket.js';
import { effectLine, rejectionText } from '../format.js';
import { loadLog, refuseProblems } from '../io.js';
import { checkInstantSyntax, json, queryInstant, timeZoneOption } from '../options.js';
import { action, CliError, type CommandModule, colorsOf } from '../program.js';
import { silencesOf, stateLine } from '../silences.js';
import { loadScenario } from './whatif.js';

interface StateOptions {
  scenario?: string;
  at?: string;
  knownAt?: string;
  tz?: string;
  json?: boolean;
  docket?: string;
}

/** The events of a log, refused if any is unreadable or illegal: an answer after it could be wrong anywhere. */
/** For a motion decided in part: what it is still pending as to (the deferred prohibitions, or the PI). */
function stillPendingText(m: MotionRecord): string {
  if (m.status !== 'partly-decided') return '';
  const parts = openParts(m).map(
    (p) =>
      `${p.relief === 'tro' ? 'the TRO' : 'the preliminary injunction'}${p.prohibitions ? ` as to ${p.prohibitions.join(', ')}` : ''}`,
  );
  return `; decided in part, still pending for ${parts.join(' and ')}`;
}

async function record(logPath: string | undefined): Promise<{ file: string; events: CaseEvent[] }> {
  const log = await loadLog(logPath);
  refuseProblems(log.file, checkLog(log));
  return { file: log.file, events: log.events.map((l) => l.event) };
}

/** The events of a what-if branch, exactly as `casesim whatif` replays it (illegal base events dropped or cut). */
async function branch(path: string): Promise<{ file: string; events: CaseEvent[] }> {
  const { scenario, basePath, base } = await loadScenario(path);
  const result = branchEventsOf(
    base.events.map((l) => l.event),
    scenario,
  );
  if (!result.ok) throw refuseInput([inFile(result.error, path)]);
  return { file: basePath, events: [...result.events] };
}

/**
 * `casesim state --at D [--known-at K] [--scenario S]`: the case and each prohibition's legal effect at D, as
 * known at K, in the record or in the branch a what-if scenario builds (as `whatif` builds it).
 */
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
    .option('--scenario <file>', 'answer for the branch this what-if scenario builds from its base log')
    .option(DOCKET_FLAG, DOCKET_HELP)
    .option('--json', 'print the answer as JSON')
    .action(
      action(setExit, async (logPath: string | undefined, opts: StateOptions) => {
        const pc = colorsOf(io);
        // Usage first: a mistyped option is reported before the log is read.
        const tz = opts.tz === undefined ? undefined : timeZoneOption(opts.tz, '--tz');
        checkInstantSyntax(opts.at ?? '', '--at');
        if (opts.knownAt !== undefined) checkInstantSyntax(opts.knownAt, '--known-at');
        if (opts.scenario !== undefined && logPath !== undefined)
          throw new CliError(
            '--scenario: a scenario names its own base log; give the scenario or a log, not both',
          );
        const { file, events } =
          opts.scenario === undefined ? await record(logPath) : await branch(opts.scenario);
        // The docket is checked against the whole log: one opened after D is known, with nothing in it yet.
        docketView(events, opts.docket);
        const zone = tz ?? caseZone(events);
        const at = queryInstant(opts.at ?? '', zone, '--at');
        const known = opts.knownAt === undefined ? undefined : queryInstant(opts.knownAt, zone, '--known-at');
        const asOf = known ? { at: at.ms, knownAt: known.ms } : { at: at.ms };
        const result = caseAt(events, asOf);
        // Each status dated as `whatif` dates it: in force since it began to bind, not its effective date.
        // Only the events counted by then decide it, so the intervals are built from those alone.
        const effects = datedEffects(result.effects, effectIntervals(result.events, asOf), at.ms);
        const ctx =
          opts.docket === undefined
            ? result.snapshot.context
            : contextInDocket(result.snapshot.context, opts.docket, result.events);
        // The summary is of what the view shows: that docket's regions, with the whole matter's beside them.
        const phases = opts.docket === undefined ? result.snapshot.value : phasesInDocket(ctx, opts.docket);
        const lastEvent = result.events.at(-1);
        if (opts.json) {
          io.out(
            json({
              file,
              ...(opts.scenario === undefined ? {} : { scenario: opts.scenario }),
              docket: opts.docket ?? null,
              at: { input: opts.at, zone, epochMs: at.ms, iso: new Date(at.ms).toISOString() },
              knownAt: known
                ? { input: opts.knownAt, epochMs: known.ms, iso: new Date(known.ms).toISOString() }
                : null,
              eventsCounted: result.events.length,
              lastEvent: lastEvent?.id ?? null,
              state: {
                value: phases,
                ...(opts.docket === undefined ? {} : { matterValue: result.snapshot.value }),
                context: ctx,
              },
              effects,
              rejections: result.rejections,
            }),
          );
        } else {
          const knownText = known ? `as known at ${known.label}` : 'as known at the end of the log';
          const branch = opts.scenario === undefined ? '' : ` in the branch ${opts.scenario}`;
          const where = opts.docket === undefined ? branch : `${branch}, docket ${opts.docket}`;
          io.out(pc.bold(`State at ${at.label}${where}, ${knownText}`));
          io.out(
            `  ${result.events.length} of ${events.length} events count; the last is ${lastEvent?.id ?? '(none)'}`,
          );
          const silences = silencesOf(result.events);
          if (opts.docket === undefined) io.out(`  ${stateLine(result.snapshot, silences)}`);
          else {
            io.out(`  docket ${opts.docket}: ${stateLine(result.snapshot, silences, phases)}`);
            io.out(`  whole matter: ${stateLine(result.snapshot, silences)}`);
          }
          io.out(pc.bold('\nProhibitions'));
          if (effects.length === 0) io.out('  (none identified yet)');
          for (const effect of effects) io.out(effectLine(effect, pc));
          const injunctions = Object.values(ctx.injunctions);
          if (injunctions.length > 0) io.out(pc.bold('\nInjunctions'));
          for (const i of injunctions) {
            const scope = reliefScopeText(i);
            io.out(`  ${i.id}: ${i.relief} injunction of ${i.court}, ${scope}; ${i.status}`);
            // The stays sought of it and how each was ruled on: a denied stay leaves the injunction binding.
            for (const m of Object.values(ctx.motions).filter(
              (m) => m.kind === 'stay' && m.injunction === i.id,
            ))
              io.out(
                `    stay sought by ${m.movant} on ${m.docket} (${m.id}): ${m.status}${m.ruledBy ? ` by ${m.ruledBy}` : ''}`,
              );
          }
          const pending = Object.values(ctx.motions).filter(awaitsRuling);
          if (pending.length > 0) io.out(pc.bold('\nPending motions'));
          for (const m of pending)
            io.out(`  ${m.id}: ${m.kind} motion on ${m.docket}, by ${m.movant}${stillPendingText(m)}`);
          if (ctx.positions.length > 0) io.out(pc.bold('\nGovernment positions (statements, not law)'));
          for (const p of ctx.positions) io.out(`  ${p.eventId}: ${p.by}: ${p.position}`);
          for (const r of result.rejections) io.err(pc.red(`${r.eventId}: ${rejectionText(r)}`));
        }
        return result.rejections.length > 0 ? 1 : 0;
      }),
    );
};
