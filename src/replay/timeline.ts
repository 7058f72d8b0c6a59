/**
 * The case as a timeline: every event with what it changed, and, between events, the instants at which a
 * prohibition was due to take effect, with what actually happened then (it took effect, or it could not
 * because it was already enjoined, revoked or rescinded).
 */
import { begunBy, type EpochRange, rangeOf } from '../events/instant.js';
import type { CaseEvent, Instant } from '../events/schema.js';
import { legalEffects, type ProhibitionEffect } from '../machine/effects.js';
import { type Change, changesBetween } from './changes.js';
import { type CaseSnapshot, initialSnapshot, replay, type Step } from './replay.js';

export type TimelineEntry =
  | { readonly kind: 'event'; readonly step: Step; readonly changes: readonly Change[] }
  | {
      readonly kind: 'effective-date';
      readonly at: Instant;
      readonly snapshot: CaseSnapshot;
      readonly effects: readonly ProhibitionEffect[];
    };

interface Due {
  readonly key: string;
  readonly at: Instant;
  readonly range: EpochRange;
}

/** Effective instants in the record not yet passed, earliest first, one entry per distinct instant. */
function dueInstants(snapshot: CaseSnapshot, passed: ReadonlySet<string>): Due[] {
  const byKey = new Map<string, Due>();
  for (const p of Object.values(snapshot.context.prohibitions)) {
    const key = `${p.effective.local}|${p.effective.zone}`;
    if (!passed.has(key) && !byKey.has(key))
      byKey.set(key, { key, at: p.effective, range: rangeOf(p.effective) });
  }
  return [...byKey.values()].sort((a, b) => a.range.start - b.range.start);
}

function effectiveEntry(snapshot: CaseSnapshot, due: Due): TimelineEntry {
  const effects = legalEffects(snapshot.context, due.range.start).filter(
    (e) => e.effective.local === due.at.local && e.effective.zone === due.at.zone,
  );
  return { kind: 'effective-date', at: due.at, snapshot, effects };
}

/**
 * Replays `events` into timeline entries; effective instants appear where they fall between events. When
 * resuming from a state, `resumedAfter` is the start (epoch ms) of the last event already replayed: effective
 * instants that began before it were shown then, and are not shown again.
 */
export function* timeline(
  events: Iterable<CaseEvent>,
  from: CaseSnapshot = initialSnapshot(),
  resumedAfter?: number,
): Generator<TimelineEntry> {
  let snapshot = from;
  const passed = new Set<string>();
  if (resumedAfter !== undefined) {
    for (const due of dueInstants(snapshot, passed)) if (due.range.start < resumedAfter) passed.add(due.key);
  }
  for (const step of replay(events, from)) {
    // An effective instant comes before an event that certainly began after it.
    for (const due of dueInstants(snapshot, passed)) {
      if (!begunBy(due.at, rangeOf(step.event.at).start - 1)) break;
      passed.add(due.key);
      yield effectiveEntry(snapshot, due);
    }
    yield { kind: 'event', step, changes: changesBetween(step.before, step.after) };
    snapshot = step.after;
  }
  for (const due of dueInstants(snapshot, passed)) {
    passed.add(due.key);
    yield effectiveEntry(snapshot, due);
  }
}
