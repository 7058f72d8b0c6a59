import { evidenceOf } from '../../events/evidence.js';
import { rangeOf } from '../../events/instant.js';
import { formatProblem } from '../../problem.js';
import { type CaseSnapshot, initialSnapshot, persistSnapshot } from '../../replay/replay.js';
import { type TimelineEntry, timeline } from '../../replay/timeline.js';
import { DOCKET_FLAG, DOCKET_HELP, docketView } from '../docket.js';
import { CliError } from '../errors.js';
import { type Colors, effectLine, formatInstant, rejectionText, sourceLabel } from '../format.js';
import { loadLog } from '../io.js';
import { json } from '../options.js';
import { action, type CommandModule, colorsOf } from '../program.js';
import { noteSilence, type Silences, silencesOf, stateLine } from '../silences.js';

interface ReplayOptions {
  json?: boolean;
  finalState?: boolean;
  saveState?: string;
  resume?: string;
  docket?: string;
}

function entryText(c: Colors, entry: TimelineEntry, silences: Silences = new Map()): string {
  if (entry.kind !== 'event') {
    // At an effective date only the prohibitions due then are news; when a TRO lapses, all of them may be.
    const effective = entry.kind === 'effective-date';
    const title = effective ? 'effective date reached' : `TRO lapses: ${entry.subjects.join(', ')}`;
    const shown = effective
      ? entry.effects.filter((e) => entry.subjects.includes(e.prohibition))
      : entry.effects;
    const head = `${c.cyan(formatInstant(entry.at))}  ${c.bold(title)}`;
    return `${[head, ...shown.map((e) => effectLine(e, c))].join('\n')}\n\n`;
  }
  const { step, changes } = entry;
  const e = step.event;
  const lines = [`${c.cyan(formatInstant(e.at))}  ${c.bold(e.id)}  ${c.dim(e.type)}`, `  ${e.summary}`];
  if (step.rejection) lines.push(`  ${c.red(rejectionText(step.rejection))}`);
  else if (changes.length > 0)
    lines.push(`  ${c.dim('changed:')} ${changes.map((ch) => ch.text).join('; ')}`);
  else lines.push(`  ${c.dim('changed:')} nothing in the legal state (on the timeline for context)`);
  if (e.knownAt.local !== e.at.local || e.knownAt.zone !== e.at.zone) {
    lines.push(`  ${c.dim('known:')}   ${formatInstant(e.knownAt)}`);
  }
  if (!step.rejection) noteSilence(silences, e, step.after);
  lines.push(`  ${c.dim('state:')}   ${stateLine(step.after, silences)}`);
  for (const s of e.sources) {
    lines.push(`  ${c.dim('source:')}  ${sourceLabel(s)}`);
    const evidence = evidenceOf(s);
    // Quotation marks only around the source's own words; a note is ours and is labelled so.
    lines.push(
      `           ${c.dim(evidence.kind === 'quote' ? `“${evidence.text}”` : `note: ${evidence.text}`)}`,
    );
  }
  for (const conflict of e.conflicts ?? []) {
    lines.push(
      `  ${c.yellow('sources disagree:')} ${conflict.about}. ${c.dim('Replay uses:')} ${conflict.replayUses.replace(/\.$/, '')}. ${c.dim('Why:')} ${conflict.why}`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

function entryJson(entry: TimelineEntry) {
  if (entry.kind !== 'event') {
    return { kind: entry.kind, at: entry.at, subjects: entry.subjects, effects: entry.effects };
  }
  const { step, changes } = entry;
  return {
    kind: entry.kind,
    index: step.index,
    event: step.event,
    accepted: !step.rejection,
    rejection: step.rejection,
    changes,
    state: { value: step.after.value },
  };
}

/**
 * A saved state is input from a file: one whose record was edited into a shape the machine cannot read
 * (right field names, wrong contents) fails while replaying from it, and is refused as such, not as a bug.
 */
function resumedTimeline<T>(resume: string | undefined, replayFrom: () => T): T {
  if (resume === undefined) return replayFrom();
  try {
    return replayFrom();
  } catch {
    throw new CliError(
      `--resume: ${resume} holds a record the case machine cannot replay from (was it edited?); replay the log whole, or save the state again`,
    );
  }
}

/** `casesim replay`: the timeline of a log, event by event. */
export const replayCommand: CommandModule = (program, io, setExit) => {
  program
    .command('replay')
    .description('replay a log: date, event, what changed, the state after it, and the sources')
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .option('--json', 'print the timeline as JSON')
    .option('--final-state', 'with --json: also print the final state, persisted (resumable)')
    .option('--save-state <file>', 'write the state after the last replayed event to <file>')
    .option('--resume <file>', 'start from a saved state; replay only the events after its last event')
    .option(DOCKET_FLAG, DOCKET_HELP)
    .action(
      action(setExit, async (logPath: string | undefined, opts: ReplayOptions) => {
        const c = colorsOf(io);
        const log = await loadLog(logPath);
        let from: CaseSnapshot = initialSnapshot();
        let logged = log.events;
        let resumedAfter: number | undefined;
        // A saved state is read and written by its own module (and its zod schema), loaded only when asked for.
        const stateFile =
          opts.resume !== undefined || opts.saveState !== undefined
            ? await import('../state-file.js')
            : undefined;
        if (opts.resume !== undefined && stateFile) {
          const { loadState, eventsAfter, checkIdentity } = stateFile;
          const saved = loadState(opts.resume);
          from = saved.snapshot;
          logged = eventsAfter(log.events, saved.lastEvent, opts.resume, log.file);
          checkIdentity(log.bytes, saved.log, opts.resume, log.file);
          const done = log.events.slice(0, log.events.length - logged.length);
          if (done.length > 0) resumedAfter = Math.max(...done.map((l) => rangeOf(l.event.at).start));
        }
        const entries = resumedTimeline(opts.resume, () => [
          ...timeline(
            logged.map((l) => l.event),
            from,
            resumedAfter,
          ),
        ]);
        const rejected = entries.filter((e) => e.kind === 'event' && e.step.rejection).length;
        const last = entries.findLast((e) => e.kind === 'event');
        const final = last?.kind === 'event' ? last.step.after : from;
        // One docket's view hides the other dockets' events; what is replayed, and counted, is the whole log.
        const inView = docketView(
          log.events.map((l) => l.event),
          opts.docket,
          final.context,
        );
        const shown = inView ? entries.filter((e) => e.kind !== 'event' || inView(e.step.event)) : entries;
        if (opts.saveState !== undefined && stateFile) {
          const through = log.events.find((l) => l.event.id === final.context.lastEvent)?.line ?? 0;
          stateFile.saveState(opts.saveState, final, stateFile.prefixIdentity(log.bytes, through));
        }
        const failed = rejected + log.problems.length > 0;
        if (opts.json) {
          const out: Record<string, unknown> = {
            file: log.file,
            resumedFrom: opts.resume
              ? { file: opts.resume, lastEvent: from.context.lastEvent ?? null }
              : null,
            docket: opts.docket ?? null,
            problems: log.problems,
            timeline: shown.map(entryJson),
          };
          if (opts.finalState) out.finalState = persistSnapshot(final);
          if (opts.saveState !== undefined) out.savedState = opts.saveState;
          io.out(json(out));
        } else {
          if (opts.resume !== undefined) {
            const skipped = log.events.length - logged.length;
            io.out(
              c.dim(
                `resuming from ${opts.resume}: after ${from.context.lastEvent ?? '(the start)'}, ${skipped} event${skipped === 1 ? '' : 's'} already replayed\n`,
              ),
            );
          }
          // A silence noted before the resume point still holds after it.
          const silences = silencesOf(
            log.events.slice(0, log.events.length - logged.length).map((l) => l.event),
          );
          for (const entry of shown) io.out(entryText(c, entry, silences));
          for (const p of log.problems) io.err(c.red(formatProblem(p)));
          const onDocket = inView
            ? ` (${shown.filter((e) => e.kind === 'event').length} shown on docket ${opts.docket})`
            : '';
          const summary = `${logged.length} events replayed${onDocket}, ${rejected} rejected, ${log.problems.length} unreadable`;
          io.out(failed ? c.red(summary) : c.green(summary));
          if (opts.saveState !== undefined) {
            io.out(`state after ${final.context.lastEvent ?? '(no event)'} saved to ${opts.saveState}`);
          }
        }
        return failed ? 1 : 0;
      }),
    );
};
