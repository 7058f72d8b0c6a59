/**
 * Where the record falls silent: a `context.note` with `unknownAfter` says the sources say nothing more about
 * a region (for the WeChat case, the district case after 10 Aug 2021). From that note on, the state line
 * says so instead of showing the region's last known phase as if it were still known, until an event
 * changes that phase.
 */
import type { CaseEvent } from '../events/schema.js';
import { type Phases, phasesOf } from '../machine/phases.js';
import { type CaseSnapshot, replay } from '../replay/replay.js';
import { phasesLine, regionText } from './format.js';

/** Regions the record fell silent on, with the phase each was in when it did and what to say instead. */
export type Silences = Map<string, { readonly phase: string; readonly says: string }>;

const REGION_LABEL: Readonly<Record<string, string>> = { suit: 'district case' };

/** Notes its silence if the event is one, with the region's phase after it. */
export function noteSilence(silences: Silences, event: CaseEvent, after: CaseSnapshot): void {
  if (event.type !== 'context.note' || !event.unknownAfter) return;
  const { region, says } = event.unknownAfter;
  silences.set(region, { phase: phasesOf(after.context)[region], says });
}

/** The silences of the record up to the end of `events`, replayed from `from`. */
export function silencesOf(events: readonly CaseEvent[], from?: CaseSnapshot): Silences {
  const silences: Silences = new Map();
  for (const step of replay(events, from)) if (!step.rejection) noteSilence(silences, step.event, step.after);
  return silences;
}

/**
 * The state line, saying what is not in the record for a region the record fell silent on, while its phase
 * holds. `phases`: the summary to show, the whole matter's by default (`--docket` passes that docket's).
 */
export function stateLine(
  snapshot: CaseSnapshot,
  silences: Silences,
  phases: Partial<Phases> = phasesOf(snapshot.context),
): string {
  let line = phasesLine(phases);
  for (const [region, silence] of silences) {
    const phase = phases[region as keyof typeof phases];
    if (phase !== silence.phase) continue;
    line = line.replace(regionText(region, phase), `${REGION_LABEL[region] ?? region}: ${silence.says}`);
  }
  return line;
}
