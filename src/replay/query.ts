/**
 * Questions about time: the case at instant D, as the record stood at instant K. Events count once their
 * legal effect has happened by D and they had been filed or published by K; the answer is a pure function
 * of the log and the two instants.
 */
import { happenedBy } from '../events/instant.js';
import type { CaseEvent } from '../events/schema.js';
import { legalEffects, type ProhibitionEffect } from '../machine/effects.js';
import { type CaseSnapshot, type Rejection, replayAll } from './replay.js';

export interface AsOf {
  /** Epoch ms of the instant asked about (D). */
  readonly at: number;
  /** Epoch ms of the state of knowledge (K); by default the end of the log. */
  readonly knownAt?: number;
}

export interface CaseAt {
  readonly snapshot: CaseSnapshot;
  readonly effects: readonly ProhibitionEffect[];
  /** The events that count at D as known at K, in log order. */
  readonly events: readonly CaseEvent[];
  readonly rejections: readonly Rejection[];
}

function countsAt(event: CaseEvent, asOf: AsOf): boolean {
  return (
    happenedBy(event.at, asOf.at) && (asOf.knownAt === undefined || happenedBy(event.knownAt, asOf.knownAt))
  );
}

export function eventsAt(events: readonly CaseEvent[], asOf: AsOf): CaseEvent[] {
  return events.filter((e) => countsAt(e, asOf));
}

/** The state of the case and each prohibition's legal effect at D, as the record stood at K. */
export function caseAt(events: readonly CaseEvent[], asOf: AsOf): CaseAt {
  const counted = eventsAt(events, asOf);
  const { snapshot, rejections } = replayAll(counted);
  return { snapshot, effects: legalEffects(snapshot.context, asOf.at), events: counted, rejections };
}

/**
 * The zone a bare date in a question is read in: the zone of the first complaint (court dates are in
 * the court's local time), else of the first event, else UTC.
 */
export function caseZone(events: readonly CaseEvent[]): string {
  return (events.find((e) => e.type === 'complaint.filed') ?? events[0])?.at.zone ?? 'UTC';
}
