/**
 * The page's view of a case: the stops the scrubber moves through, each with the state of the case and
 * every prohibition's legal effect at that instant. A stop is an event (counted once it has certainly
 * happened, as `casesim state --at` counts it) or an instant at which a prohibition was due to take effect
 * or a TRO to lapse. Everything here is computed by the core; the page only draws it.
 */
import { rangeOf } from '../../src/events/instant.js';
import type { CaseEvent, Instant } from '../../src/events/schema.js';
import { legalEffects, type ProhibitionEffect } from '../../src/machine/effects.js';
import { type Change, changesBetween } from '../../src/replay/changes.js';
import { type CaseSnapshot, initialSnapshot, type Rejection, replay } from '../../src/replay/replay.js';

export interface EventStop {
  readonly kind: 'event';
  readonly t: number;
  readonly at: Instant;
  readonly event: CaseEvent;
  readonly before: CaseSnapshot;
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

/** When an event counts: once it has certainly happened (the end of its day, month or minute). */
export function countsFrom(at: Instant): number {
  return rangeOf(at).end - 1;
}

/** Events in the order they count, ties kept in log order. */
function byCountingOrder(events: readonly CaseEvent[]): CaseEvent[] {
  return events
    .map((event, index) => ({ event, index, t: countsFrom(event.at) }))
    .sort((a, b) => a.t - b.t || a.index - b.index)
    .map((x) => x.event);
}

function instantStops(eventStops: readonly EventStop[]): InstantStop[] {
  const due = new Map<string, { kind: InstantStop['kind']; at: Instant; t: number; subjects: Set<string> }>();
  const add = (kind: InstantStop['kind'], at: Instant, subject: string) => {
    const key = `${kind}|${at.local}|${at.zone}`;
    const entry = due.get(key) ?? { kind, at, t: rangeOf(at).start, subjects: new Set<string>() };
    entry.subjects.add(subject);
    due.set(key, entry);
  };
  for (const stop of eventStops) {
    for (const p of Object.values(stop.snapshot.context.prohibitions)) add('effective', p.effective, p.id);
    for (const i of Object.values(stop.snapshot.context.injunctions))
      if (i.expires) add('expiry', i.expires, i.id);
  }
  const stops: InstantStop[] = [];
  for (const entry of due.values()) {
    const last = eventStops.findLast((s) => s.t <= entry.t);
    if (!last) continue;
    const ctx = last.snapshot.context;
    const subjects = [...entry.subjects].filter((id) => ctx.prohibitions[id] || ctx.injunctions[id]);
    if (subjects.length === 0) continue;
    stops.push({
      kind: entry.kind,
      t: entry.t,
      at: entry.at,
      subjects,
      snapshot: last.snapshot,
      effects: legalEffects(ctx, entry.t),
    });
  }
  return stops;
}

/** Every stop of a log, in time order. */
export function buildStops(events: readonly CaseEvent[]): Stop[] {
  const eventStops: EventStop[] = [];
  for (const step of replay(byCountingOrder(events), initialSnapshot())) {
    const t = Math.max(countsFrom(step.event.at), eventStops.at(-1)?.t ?? Number.NEGATIVE_INFINITY);
    eventStops.push({
      kind: 'event',
      t,
      at: step.event.at,
      event: step.event,
      before: step.before,
      snapshot: step.after,
      ...(step.rejection ? { rejection: step.rejection } : {}),
      changes: changesBetween(step.before, step.after),
      effects: legalEffects(step.after.context, t),
    });
  }
  const all: Stop[] = [...eventStops, ...instantStops(eventStops)];
  return all.sort((a, b) => a.t - b.t || (a.kind === 'event' ? -1 : 1) - (b.kind === 'event' ? -1 : 1));
}

/** The last stop at or before epoch `t` (the first stop when `t` is earlier than everything). */
export function stopIndexAt(stops: readonly Stop[], t: number): number {
  let found = 0;
  stops.forEach((s, i) => {
    if (s.t <= t) found = i;
  });
  return found;
}
