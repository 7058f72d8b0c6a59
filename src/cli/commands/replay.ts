import { formatProblem } from '../../events/parse.js';
import { persistSnapshot } from '../../replay/replay.js';
import { type TimelineEntry, timeline } from '../../replay/timeline.js';
import { effectLine, formatInstant, pc, phasesLine, rejectionText, sourceLabel } from '../format.js';
import { loadLog } from '../io.js';
import { json } from '../options.js';
import { action, type CommandModule } from '../program.js';

function entryText(entry: TimelineEntry): string {
  if (entry.kind === 'effective-date') {
    const head = `${pc.cyan(formatInstant(entry.at))}  ${pc.bold('effective date reached')}`;
    return [head, ...entry.effects.map(effectLine), ''].join('\n');
  }
  const { step, changes } = entry;
  const e = step.event;
  const lines = [`${pc.cyan(formatInstant(e.at))}  ${pc.bold(e.id)}  ${pc.dim(e.type)}`, `  ${e.summary}`];
  if (step.rejection) lines.push(`  ${pc.red(rejectionText(step.rejection))}`);
  else if (changes.length > 0) lines.push(`  ${pc.dim('changed:')} ${changes.map((c) => c.text).join('; ')}`);
  if (e.knownAt.local !== e.at.local || e.knownAt.zone !== e.at.zone) {
    lines.push(`  ${pc.dim('known:')}   ${formatInstant(e.knownAt)}`);
  }
  lines.push(`  ${pc.dim('state:')}   ${phasesLine(step.after)}`);
  for (const s of e.sources) lines.push(`  ${pc.dim('source:')}  ${sourceLabel(s)}`);
  for (const c of e.conflicts ?? []) {
    lines.push(`  ${pc.yellow('sources disagree:')} ${c.about}; replay uses ${c.replayUses} (${c.why})`);
  }
  lines.push('');
  return lines.join('\n');
}

function entryJson(entry: TimelineEntry) {
  if (entry.kind === 'effective-date') return { kind: entry.kind, at: entry.at, effects: entry.effects };
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

/** `casesim replay`: the timeline of a log, event by event. */
export const replayCommand: CommandModule = (program, io, setExit) => {
  program
    .command('replay')
    .description('replay a log: date, event, what changed, the state after it, and the sources')
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .option('--json', 'print the timeline as JSON')
    .option('--final-state', 'with --json: also print the final state, persisted (resumable)')
    .action(
      action(setExit, (logPath: string | undefined, opts: { json?: boolean; finalState?: boolean }) => {
        const log = loadLog(logPath);
        const entries = [...timeline(log.events.map((l) => l.event))];
        const rejected = entries.filter((e) => e.kind === 'event' && e.step.rejection).length;
        const last = entries.findLast((e) => e.kind === 'event');
        if (opts.json) {
          const out: Record<string, unknown> = {
            file: log.file,
            problems: log.problems,
            timeline: entries.map(entryJson),
          };
          if (opts.finalState && last?.kind === 'event') out.finalState = persistSnapshot(last.step.after);
          io.out(json(out));
        } else {
          for (const entry of entries) io.out(entryText(entry));
          for (const p of log.problems) io.err(pc.red(formatProblem(p)));
          const summary = `${log.events.length} events replayed, ${rejected} rejected, ${log.problems.length} unreadable`;
          io.out(rejected + log.problems.length > 0 ? pc.red(summary) : pc.green(summary));
        }
        return rejected + log.problems.length > 0 ? 1 : 0;
      }),
    );
};
