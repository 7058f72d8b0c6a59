/**
 * The case as a timeline: every event with what it changed, and, between events, the instants at which
 * something was due to happen by itself: a prohibition taking effect (or failing to, because it was already
 * enjoined, revoked or rescinded), or a TRO lapsing at the time its order set. Each entry carries the epoch
 * it stands at, so the CLI and the page read one timeline. Events are replayed in log order, as everywhere
 * else.
 */
import { countedAt, countingClock } from '../events/instant.js';
import type { CaseEvent, Instant } from '../events/schema.js';
import { legalEffects, type ProhibitionEffect } from '../machine/effects.js';
import { type Change, changesBetween } from './changes.js';
import { type CaseSnapshot, initialSnapshot, replay, type Step } from './replay.js';

export type TimelineEntry =
  | {
      readonly kind: 'event';
      /**
       * When the event counts (the counting rule of `events/instant.ts`: the earliest its date allows, never
       * before the event logged before it), so entries are in order of `t`.
       */
      readonly t: number;
      readonly step: Step;
      readonly changes: readonly Change[];
    }
  | {
      readonly kind: 'effective-date' | 'tro-expiry';
      /** When the instant begins. */
      readonly t: number;
      readonly at: Instant;
      /** The prohibitions due to take effect, or the TROs that lapse, at this instant. */
      readonly subjects: readonly string[];
      readonly snapshot: CaseSnapshot;
      readonly effects: readonly ProhibitionEffect[];
    };

interface Due {
  readonly key: string;
  readonly kind: 'effective-date' | 'tro-expiry';
  readonly at: Instant;
  readonly subjects: string[];
}

/** Instants in the record not yet passed, earliest first, one entry per kind and distinct instant. */
function dueInstants(snapshot: CaseSnapshot, passed: ReadonlySet<string>): Due[] {
  const byKey = new Map<string, Due>();
  const add = (kind: Due['kind'], at: Instant, subject: string) => {
    const key = `${kind}|${at.local}|${at.zone}`;
    if (passed.has(key)) return;
    const due = byKey.get(key) ?? { key, kind, at, subjects: [] };
    due.subjects.push(subject);
    byKey.set(key, due);
  };
  const { prohibitions, injunctions } = snapshot.context;
  for (const p of Object.values(prohibitions)) add('effective-date', p.effective, p.id);
  for (const i of Object.values(injunctions))
    if (i.expires && i.status === 'in-force') add('tro-expiry', i.expires, i.id);
  return [...byKey.values()].sort((a, b) => countedAt(a.at) - countedAt(b.at));
}

function dueEntry(snapshot: CaseSnapshot, due: Due): TimelineEntry {
  const t = countedAt(due.at);
  const effects = legalEffects(snapshot.context, t);
  return { kind: due.kind, t, at: due.at, subjects: due.subjects, snapshot, effects };
}

/**
 * Replays `events` into timeline entries; due instants appear where they fall between events. When
 * resuming from a state, `resumedAfter` is the start (epoch ms) of the last event already replayed: instants
 * that began before it were shown then, and are not shown again.
 */
export function* timeline(
  events: Iterable<CaseEvent>,
  from: CaseSnapshot = initialSnapshot(),
  resumedAfter?: number,
): Generator<TimelineEntry> {
  let snapshot = from;
  const passed = new Set<string>();
  if (resumedAfter !== undefined) {
    for (const due of dueInstants(snapshot, passed))
      if (countedAt(due.at) < resumedAfter) passed.add(due.key);
  }
  // When each event counts, as `state --at` counts it; the floor carries over from a resumed state.
  const countsAt = countingClock(resumedAfter);
  for (const step of replay(events, from)) {
    const t = countsAt(step.event.at);
    // A due instant that begins before the event counts comes first; at the same moment the event does.
    for (const due of dueInstants(snapshot, passed)) {
      if (!(countedAt(due.at) < t)) break;
      passed.add(due.key);
      yield dueEntry(snapshot, due);
    }
    yield {
      kind: 'event',
      t,
      step,
      changes: changesBetween(step.before, step.after),
    };
    snapshot = step.after;
  }
  for (const due of dueInstants(snapshot, passed)) {
    passed.add(due.key);
    yield dueEntry(snapshot, due);
  }
}
