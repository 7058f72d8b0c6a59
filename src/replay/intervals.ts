/**
 * Each prohibition's legal effect over time, as intervals: from when the record names it to the end of
 * the log, when was it not yet effective, in force, enjoined, stayed, revoked. Computed by asking the
 * machine's legal-effect view at every instant where something could change, and nowhere else.
 */
import { countedAt, countedPrefix, countingMoments, localAt, rangeOf } from '../events/instant.js';
import type { CaseEvent, Instant } from '../events/schema.js';
import {
  appealTimeRunsOut,
  binds,
  type EffectStatus,
  legalEffects,
  type ProhibitionEffect,
} from '../machine/effects.js';
import { knownBy } from './query.js';
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
 * gives it: when each event counts, and when each effective instant or TRO expiry begins (one rule for all:
 * `events/instant.ts`).
 */
export function changeInstants(events: readonly CaseEvent[]): Map<number, Instant> {
  const points = new Map<number, Instant>();
  const add = (ms: number, instant: Instant) => {
    // An instant the record leaves open at its start ("no later than 6 Aug") counts from -Infinity.
    if (!points.has(ms)) points.set(ms, instant);
  };
  const moments = countingMoments(events);
  events.forEach((e, i) => {
    add(moments[i]!, e.at);
    if (e.type === 'identification.announced')
      for (const p of e.prohibitions) add(countedAt(p.effective), p.effective);
    if (e.type === 'order.signed')
      for (const p of e.provisions ?? []) add(countedAt(p.effective), p.effective);
    if (e.type === 'identification.datesChanged')
      for (const c of e.changes) add(countedAt(c.effective), c.effective);
    if ((e.type === 'injunction.granted' || e.type === 'relief.enteredElsewhere') && e.expires)
      add(countedAt(e.expires), e.expires);
    // A suspension that names its end lapses then (effects.ts).
    if (e.type === 'identification.suspended' && e.until) add(countedAt(e.until), e.until);
    // A TRO extended for good cause (FRCP 65(b)(2)) lapses at its new instant instead.
    if (e.type === 'injunction.extended') add(countedAt(e.expires), e.expires);
    // A stay pending appeal lapses when the time to appeal runs out with no appeal (effects.ts, stayHoldsAt).
    // (Whether the United States is a party is not known here, so both times to appeal are marked.)
    if (e.type === 'injunction.granted')
      for (const usParty of [false, true]) {
        const ms = appealTimeRunsOut(rangeOf(e.at), usParty);
        // A grant the record leaves open at its end has no lapse instant to mark.
        if (Number.isFinite(ms)) add(ms, { local: localAt(ms, e.at.zone, 'minute'), zone: e.at.zone });
      }
  });
  return points;
}

/** The statuses of every prohibition from the first time the record names it. */
export function effectIntervals(
  events: readonly CaseEvent[],
  options: IntervalOptions = {},
): ProhibitionIntervals[] {
  const known = knownBy(events, options.knownAt);
  const byProhibition = new Map<string, { description: string; intervals: EffectInterval[] }>();
  let applied: CaseEvent[] = [];
  let snapshot: CaseSnapshot = initialSnapshot();
  const instants = changeInstants(known);
  // A prohibition in force from t says so from when it began to bind without a break, not its effective date.
  const sinceOf = (t: number) => (prohibition: string) => {
    const run = byProhibition.get(prohibition)?.intervals;
    let from = t;
    for (let i = (run?.length ?? 0) - 1; i >= 0 && run?.[i]?.status === 'in-force'; i--)
      from = run[i]?.from ?? t;
    return instants.get(from);
  };

  const moments = countingMoments(known);
  for (const t of [...instants.keys()].sort((a, b) => a - b)) {
    // What counts by t is a prefix of the log, so it extends what counted at the point before.
    const counted = known.slice(0, countedPrefix(moments, t));
    for (const e of counted.slice(applied.length)) snapshot = applyEvent(snapshot, e).snapshot;
    applied = counted;

    for (const effect of legalEffects(snapshot.context, t, sinceOf(t))) {
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

/**
 * Effects at epoch `t` (from `caseAt` or checkpoints) with each reason as the intervals give it, so that
 * `state`, the page and `whatif` date a status alike: "in force since" the instant it began to bind.
 */
export function datedEffects(
  effects: readonly ProhibitionEffect[],
  intervals: readonly ProhibitionIntervals[],
  t: number,
): ProhibitionEffect[] {
  const byProhibition = new Map(intervals.map((p) => [p.prohibition, p]));
  return effects.map((effect) => {
    const p = byProhibition.get(effect.prohibition);
    const interval = p?.intervals.find((i) => i.from <= t && (i.to === null || t < i.to));
    return interval && interval.status === effect.status ? { ...effect, reason: interval.reason } : effect;
  });
}
