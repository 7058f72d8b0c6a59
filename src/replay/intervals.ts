/**
 * Each prohibition's legal effect over time, as intervals: from when the record names it to the end of
 * the log, when was it not yet effective, in force, enjoined, stayed, revoked. Computed by asking the
 * machine's legal-effect view at every instant where something could change, and nowhere else.
 */
import { countedAt, happenedBy, rangeOf } from '../events/instant.js';
import type { CaseEvent, Instant } from '../events/schema.js';
import { binds, type EffectStatus, legalEffects } from '../machine/effects.js';
import { applyEvent, type CaseSnapshot, initialSnapshot } from './replay.js';

export interface EffectInterval {
  readonly status: EffectStatus;
  /** Epoch ms where the status begins (inclusive). */
  readonly from: number;
  /** Epoch ms where it ends (exclusive), or null while it lasts to the end of the record. */
  readonly to: number | null;
  /** The events that decide it (see ProhibitionEffect.basis). */
  readonly basis: readonly string[];
  readonly reason: string;
}

export interface ProhibitionIntervals {
  readonly prohibition: string;
  readonly description: string;
  readonly intervals: readonly EffectInterval[];
}

export interface IntervalOptions {
  /** Count only what had been filed or published by this epoch (default: everything in the log). */
  readonly knownAt?: number;
}

/**
 * Every instant at which some prohibition's status could change (epoch ms), with the instant as the record
 * gives it: an event counts once its day (or minute) is over; an effective instant or a TRO's expiry begins.
 */
export function changeInstants(events: readonly CaseEvent[]): Map<number, Instant> {
  const points = new Map<number, Instant>();
  const add = (ms: number, instant: Instant) => {
    if (!points.has(ms)) points.set(ms, instant);
  };
  for (const e of events) {
    add(countedAt(e.at), e.at);
    if (e.type === 'identification.announced')
      for (const p of e.prohibitions) add(rangeOf(p.effective).start, p.effective);
    if (e.type === 'identification.datesChanged')
      for (const c of e.changes) add(rangeOf(c.effective).start, c.effective);
    if (e.type === 'injunction.granted' && e.expires) add(rangeOf(e.expires).start, e.expires);
    // A stay pending appeal lapses when the time to appeal runs out with no appeal (effects.ts, stayHoldsAt).
    if (e.type === 'injunction.granted')
      for (const days of APPEAL_DAYS) {
        const ms = rangeOf(e.at).end + days * DAY;
        add(ms, minuteIn(ms, e.at.zone));
      }
  }
  return points;
}

const DAY = 86_400_000;
/** The times to appeal (FRAP 4(a)(1)(A)-(B)): a stay with no appeal lapses at one of them. */
const APPEAL_DAYS = [30, 60] as const;

/** The minute `ms` falls in, as a local instant in `zone`. */
function minuteIn(ms: number, zone: string): Instant {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(ms))
    .replace(' ', 'T');
  return { local, zone };
}

function changePoints(events: readonly CaseEvent[]): number[] {
  return [...changeInstants(events).keys()].sort((a, b) => a - b);
}

/** The statuses of every prohibition from the first time the record names it. */
export function effectIntervals(
  events: readonly CaseEvent[],
  options: IntervalOptions = {},
): ProhibitionIntervals[] {
  const known =
    options.knownAt === undefined
      ? events
      : events.filter((e) => happenedBy(e.knownAt, options.knownAt as number));
  const byProhibition = new Map<string, { description: string; intervals: EffectInterval[] }>();
  let applied: CaseEvent[] = [];
  let snapshot: CaseSnapshot = initialSnapshot();

  for (const t of changePoints(known)) {
    const counted = known.filter((e) => happenedBy(e.at, t));
    // Events are kept in order of legal effect, so what counts by t almost always extends what counted before.
    const extendsPrevious = applied.every((e, i) => counted[i] === e);
    if (!extendsPrevious) {
      snapshot = initialSnapshot();
      applied = [];
    }
    for (const e of counted.slice(applied.length)) snapshot = applyEvent(snapshot, e).snapshot;
    applied = counted;

    for (const effect of legalEffects(snapshot.context, t)) {
      let entry = byProhibition.get(effect.prohibition);
      if (!entry) {
        entry = { description: effect.description, intervals: [] };
        byProhibition.set(effect.prohibition, entry);
      }
      const last = entry.intervals.at(-1);
      if (last && last.status === effect.status && sameBasis(last.basis, effect.basis)) continue;
      if (last) entry.intervals[entry.intervals.length - 1] = { ...last, to: t };
      entry.intervals.push({
        status: effect.status,
        from: t,
        to: null,
        basis: effect.basis,
        reason: effect.reason,
      });
    }
  }
  return [...byProhibition].map(([prohibition, { description, intervals }]) => ({
    prohibition,
    description,
    intervals,
  }));
}

function sameBasis(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The intervals in which a prohibition bound at least someone (in force, or in force but for some parties). */
export function bindingIntervals(p: ProhibitionIntervals): EffectInterval[] {
  const merged: EffectInterval[] = [];
  for (const interval of p.intervals.filter((i) => binds(i.status))) {
    const last = merged.at(-1);
    if (last && last.to === interval.from) merged[merged.length - 1] = { ...last, to: interval.to };
    else merged.push(interval);
  }
  return merged;
}

/** The status of a prohibition at epoch `t` according to its intervals (undefined before the record names it). */
export function statusAt(p: ProhibitionIntervals, t: number): EffectStatus | undefined {
  return p.intervals.find((i) => i.from <= t && (i.to === null || t < i.to))?.status;
}
