/**
 * The page's view of a case: the stops the scrubber moves through, each with the state of the case and
 * every prohibition's legal effect at that instant. A stop is an event (counted when the one counting rule
 * of `events/instant.ts` counts it, as `casesim state --at` does) or an instant at which a prohibition was due to take effect
 * or a TRO to lapse. Events that count at one instant are stepped one by one, each showing the case just
 * after it (as `replay` shows it); at the last of them, the page and `casesim state --at` agree. Everything
 * here is computed by the core; the page only draws it.
 */
import type { CaseEvent, Instant } from '../../src/events/schema.js';
import { legalEffects, type ProhibitionEffect } from '../../src/machine/effects.js';
import type { Change } from '../../src/replay/changes.js';
import { caseAtFromCheckpoints, checkpointsOf } from '../../src/replay/checkpoints.js';
import { datedEffects, effectIntervals } from '../../src/replay/intervals.js';
import type { CaseSnapshot, Rejection } from '../../src/replay/replay.js';
import { timeline } from '../../src/replay/timeline.js';

export interface EventStop {
  readonly kind: 'event';
  readonly t: number;
  readonly at: Instant;
  readonly event: CaseEvent;
  readonly snapshot: CaseSnapshot;
  readonly rejection?: Rejection;
  readonly changes: readonly Change[];
  readonly effects: readonly ProhibitionEffect[];
}

export interface InstantStop {
  readonly kind: 'effective' | 'expiry';
  readonly t: number;
  readonly at: Instant;
  /** The prohibitions due to take effect, or the TRO that lapses. */
  readonly subjects: readonly string[];
  readonly snapshot: CaseSnapshot;
  readonly effects: readonly ProhibitionEffect[];
}

export type Stop = EventStop | InstantStop;

/**
 * Every stop of a log, in time order: the core's timeline (events in log order, with the instants at which
 * prohibitions were due and TROs lapse), each entry as a stop of the scrubber. What a stop shows is what
 * `casesim state --at` answers at its instant, through checkpoints, so the page and the CLI agree.
 */
export function buildStops(events: readonly CaseEvent[]): Stop[] {
  const checkpoints = checkpointsOf(events);
  // Statuses dated as `whatif` and `casesim state` date them: in a branch, "in force since" the stay.
  const intervals = effectIntervals(events);
  const stops: Stop[] = [];
  for (const entry of timeline(events)) {
    if (entry.kind === 'event') {
      const { step } = entry;
      // Events that count at one instant (a day's hearing and the ruling it produced) are stepped one by
      // one, as replay steps them: each stop shows the case just after its own event, not after the day's.
      const snapshot = step.after;
      const effects = datedEffects(legalEffects(snapshot.context, entry.t), intervals, entry.t);
      stops.push({
        kind: 'event',
        t: entry.t,
        at: step.event.at,
        event: step.event,
        snapshot,
        ...(step.rejection ? { rejection: step.rejection } : {}),
        changes: entry.changes,
        effects,
      });
    } else {
      const at = caseAtFromCheckpoints(checkpoints, { at: entry.t });
      const snapshot = at.snapshot;
      const effects = datedEffects(at.effects, intervals, entry.t);
      const kind = entry.kind === 'effective-date' ? 'effective' : 'expiry';
      stops.push({ kind, t: entry.t, at: entry.at, subjects: entry.subjects, snapshot, effects });
    }
  }
  // Replay follows the log; the scrubber follows time (a due instant can fall between events).
  return stops.sort((a, b) => a.t - b.t || (a.kind === 'event' ? -1 : 1) - (b.kind === 'event' ? -1 : 1));
}

/** The last stop at or before epoch `t` (the first stop when `t` is earlier than everything). */
export function stopIndexAt(stops: readonly Stop[], t: number): number {
  let found = 0;
  stops.forEach((s, i) => {
    if (s.t <= t) found = i;
  });
  return found;
}
