/**
 * Instants as the record gives them: a local date or time, as precise as the source allows, in a named
 * time zone. Court dates are in the court's local time; an executive deadline may be "11:59 p.m. ET".
 * Nothing here reads the wall clock: every conversion is a pure function of the text.
 */

import { TZDate } from '@date-fns/tz';
import { endOfPeriod, type LocalPoint, type LocalReading, type Precision, readLocal } from '../time/edtf.js';

export { LOCAL_PATTERN, type Precision } from '../time/edtf.js';

export interface InstantLike {
  /** EDTF in local time (see `time/edtf.ts`): `2020-09-20T23:59`, `2020-09`, `2020-09-24?`, `../2020-09-26`. */
  readonly local: string;
  /** An IANA time zone, for example `America/Los_Angeles`. */
  readonly zone: string;
}

/**
 * A half-open interval of epoch milliseconds: the instant lies somewhere in [start, end). A side the record
 * leaves open ("no later than 26 Sept") is -Infinity or Infinity.
 */
export interface EpochRange {
  readonly start: number;
  readonly end: number;
}

const readings = new Map<string, ReturnType<typeof readLocal>>();

function reading(local: string): ReturnType<typeof readLocal> {
  // Every instant of every event is checked on validation; a log uses few distinct dates.
  let read = readings.get(local);
  if (!read) {
    read = readLocal(local);
    if (readings.size > 50_000) readings.clear();
    readings.set(local, read);
  }
  return read;
}

function readingOf(local: string): LocalReading {
  const read = reading(local);
  if (!read.ok) throw new Error(`not a local instant: ${local} (${read.problem})`);
  return read.value;
}

/** Why `local` is not a real local date, time or span (for example 2020-02-30), or undefined when it is. */
export function localProblem(local: string): string | undefined {
  const read = reading(local);
  return read.ok ? undefined : read.problem;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

const badZones = new Set<string>();

export function isTimeZone(zone: string): boolean {
  if (formatters.has(zone)) return true;
  if (badZones.has(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    if (badZones.size < 1_000) badZones.add(zone);
    return false;
  }
}

/**
 * Epoch milliseconds of a wall-clock reading in `zone`, by the zone library (the earlier reading when clocks
 * fall back; a reading in the hour skipped when they spring forward is read one hour on, as Temporal does).
 */
function zonedToEpoch(zone: string, p: Omit<LocalPoint, 'precision'>): number {
  return new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, 0, zone).getTime();
}

const rangeCache = new Map<string, EpochRange>();
/** The same instant object is asked about again and again (rules, effects, queries): skip building its key. */
const rangeByObject = new WeakMap<InstantLike, { local: string; zone: string; range: EpochRange }>();

/** The span of epoch time in which the record places an instant: a day in Pacific time is 24 (or 23, 25) hours. */
export function rangeOf(instant: InstantLike): EpochRange {
  const known = rangeByObject.get(instant);
  if (known && known.local === instant.local && known.zone === instant.zone) return known.range;
  const key = `${instant.local}|${instant.zone}`;
  const cached = rangeCache.get(key);
  if (cached) {
    rangeByObject.set(instant, { local: instant.local, zone: instant.zone, range: cached });
    return cached;
  }
  const { earliest, latest } = readingOf(instant.local);
  const range = {
    start: earliest ? zonedToEpoch(instant.zone, earliest) : Number.NEGATIVE_INFINITY,
    end: latest ? zonedToEpoch(instant.zone, endOfPeriod(latest)) : Number.POSITIVE_INFINITY,
  };
  if (rangeCache.size > 50_000) rangeCache.clear();
  rangeCache.set(key, range);
  rangeByObject.set(instant, { local: instant.local, zone: instant.zone, range });
  return range;
}

/** How finely the record gives the instant (for a span, the finer of its two ends). */
export function precisionOf(instant: InstantLike): Precision {
  const { earliest, latest } = readingOf(instant.local);
  return (latest ?? earliest)?.precision ?? 'year';
}

/** The calendar date (and time) where an instant counts: its only date, or the first date of its span. */
export function calendarPointOf(instant: InstantLike): LocalPoint {
  const { earliest, latest } = readingOf(instant.local);
  return (earliest ?? latest) as LocalPoint;
}

/** True when the record gives one date or time, unmarked: not a span, not doubted. */
export function isPlain(instant: InstantLike): boolean {
  const r = readingOf(instant.local);
  return r.form === 'point' && r.qualifier === undefined;
}

/*
 * THE COUNTING RULE. Every command (validate, replay, state, whatif, outcomes, export, the page) asks
 * these functions, and nothing else, when an instant counts.
 *
 * An instant counts from the earliest moment the record allows: the first moment of its day, month or
 * minute, or of the first day of a span. For a date known only to the day this is the common-law rule
 * that the law takes no notice of fractions of a day, so an act done on a day is treated as done from
 * its first moment (Arnold v. United States, 13 U.S. (9 Cranch) 104, 119-20 (1815)), unless the time of
 * day is shown and matters (Burgess v. Salmon, 97 U.S. 381, 383-84 (1878); Louisville v. Savings Bank,
 * 104 U.S. 469, 474-75 (1881)): the record then gives the minute and it counts from that minute. No rule
 * of 2020 says when an act known only to the month, or only to lie within a span, took effect; counting
 * it from the first moment the record allows is this project's convention, applied the same way to
 * events, effective dates and a TRO's expiry, so no command can see an act before another command does.
 * A `?`, `~` or `%` mark records doubt and is shown, but does not move the instant.
 *
 * The order of the log is evidence too: an event counts no earlier than the event logged before it (a
 * motion dated "September" and ruled on 19 September was filed by the 19th). So within a log the events
 * that count at any moment are always a prefix of it, and a question at an instant is answered by
 * replaying that prefix: the same answer replay gives at that point.
 */

/** The earliest epoch the record allows for `instant`: when it counts, taken alone. */
export function countedAt(instant: InstantLike): number {
  return rangeOf(instant).start;
}

/** Whether an act dated `instant` counts by epoch `t` (taken alone; in a log use `countingMoments`). */
export function happenedBy(instant: InstantLike, t: number): boolean {
  return countedAt(instant) <= t;
}

/** Whether an effective instant ("11:59 p.m. ET") or an expiry has begun by epoch `t`: the same rule. */
export function begunBy(instant: InstantLike, t: number): boolean {
  return countedAt(instant) <= t;
}

/**
 * When each event of a log counts: the earliest its `at` allows, but never before the event logged
 * before it. Never decreasing, so the events counted by any `t` are a prefix (see `countedPrefix`).
 */
export function countingMoments(events: readonly { readonly at: InstantLike }[]): Float64Array {
  const moments = new Float64Array(events.length);
  const next = countingClock();
  events.forEach((event, i) => {
    moments[i] = next(event.at);
  });
  return moments;
}

/**
 * The same rule for a log read one event at a time (a streamed replay): each call gives when the next
 * event counts. `after` is when the last event already replayed counts, when resuming.
 */
export function countingClock(after = Number.NEGATIVE_INFINITY): (at: InstantLike) => number {
  let floor = after;
  return (at) => {
    floor = Math.max(floor, countedAt(at));
    return floor;
  };
}

/** How many events from the start of a log count by `t`, given its `countingMoments`. */
export function countedPrefix(moments: Float64Array, t: number): number {
  let lo = 0;
  let hi = moments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (moments[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The events of a log that count by epoch `t`: always a prefix of it. */
export function countedBy<E extends { readonly at: InstantLike }>(events: readonly E[], t: number): E[] {
  return events.slice(0, countedPrefix(countingMoments(events), t));
}

/** The latest epoch the record allows (the last millisecond of its day or span; Infinity if open). */
export function latestOf(instant: InstantLike): number {
  return rangeOf(instant).end - 1;
}

/** True when `later` certainly lies before `earlier`: their spans do not even overlap. */
export function certainlyBefore(later: InstantLike, earlier: InstantLike): boolean {
  return rangeOf(later).end <= rangeOf(earlier).start;
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/** A short zone label such as PDT or EST for `zone` at epoch `ms`, for people (one formatter per zone). */
function zoneAbbreviation(zone: string, ms: number): string {
  let f = labelFormatters.get(zone);
  if (!f) {
    // Building a formatter costs a quarter of a millisecond; `casesim replay` labels every event's date.
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    labelFormatters.set(zone, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** A short zone label such as PDT or EST at that instant, for people. */
export function zoneLabel(instant: InstantLike): string {
  const { start, end } = rangeOf(instant);
  return zoneAbbreviation(instant.zone, Number.isFinite(start) ? start : end - 1);
}

/** The wall-clock date and time of epoch `ms` in `zone`, each field as its two (or four) digits. */
export interface WallClock {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
}

/** What a clock on the wall in `zone` reads at epoch `ms` (one cached formatter per zone). */
export function wallClockOf(ms: number, zone: string): WallClock {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Local readings already made, by zone, precision and epoch: day counts ask about the same few edges. */
const localReadings = new Map<string, string>();

/** Epoch `ms` as the local part of an instant in `zone`: the day `2020-10-23`, or the minute `2020-10-23T09:30`. */
export function localAt(ms: number, zone: string, precision: 'day' | 'minute' = 'day'): string {
  // Formatting is a few microseconds; the rules that count calendar days (and outcome search) ask again and
  // again about the same day edges.
  const key = `${zone}|${precision}|${ms}`;
  const known = localReadings.get(key);
  if (known !== undefined) return known;
  const c = wallClockOf(ms, zone);
  const day = `${c.year}-${c.month}-${c.day}`;
  const local = precision === 'day' ? day : `${day}T${c.hour}:${c.minute}`;
  if (localReadings.size >= 10_000) localReadings.clear();
  localReadings.set(key, local);
  return local;
}

/** `2020-10-23` for a day's edge (its first or last millisecond) in `zone`, else `2020-09-20 20:59 PDT`. */
export function formatMoment(ms: number, zone: string): string {
  if (!Number.isFinite(ms)) return ms < 0 ? 'the open start of the record' : 'the open end of the record';
  const c = wallClockOf(ms, zone);
  const date = `${c.year}-${c.month}-${c.day}`;
  const time = `${c.hour}:${c.minute}:${c.second}`;
  if (time === '00:00:00' || (time === '23:59:59' && ms % 1000 === 999)) return date;
  return `${date} ${c.hour}:${c.minute} ${zoneAbbreviation(zone, ms)}`;
}

/** `2020-09-20 23:59 EDT`, `2020-09-19 (America/Los_Angeles)`: the instant as precise as the record is. */
export function formatInstant(instant: InstantLike): string {
  if (!isPlain(instant)) return `${instant.local} (${instant.zone})`;
  const p = precisionOf(instant);
  const text = instant.local.replace('T', ' ');
  return p === 'minute' || p === 'second' ? `${text} ${zoneLabel(instant)}` : `${text} (${instant.zone})`;
}

/** `2021-06-09`, `2020-09-20 23:59 EDT`: the instant as precise as the record is, short enough for a table. */
export function shortInstant(instant: InstantLike): string {
  const p = precisionOf(instant);
  return isPlain(instant) && (p === 'minute' || p === 'second')
    ? `${instant.local.replace('T', ' ')} ${zoneLabel(instant)}`
    : instant.local;
}

/** ISO 8601 in UTC, for machines. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export type QueryInstantResult = { ok: true; ms: number; label: string } | { ok: false; message: string };

/**
 * Reads a query instant typed by a person: a local date or time (taken in `zone`, and meaning the end of
 * that period: "on 21 Sept" includes everything dated 21 Sept), or a full ISO time with Z or an offset.
 */
export function parseQueryInstant(text: string, zone: string): QueryInstantResult {
  const trimmed = text.trim();
  const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
  if (withOffset.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (Number.isNaN(ms)) return { ok: false, message: `'${text}' is not a real time` };
    return { ok: true, ms, label: trimmed };
  }
  const problem = localProblem(trimmed);
  if (problem) return { ok: false, message: `'${text}' is not an instant: ${problem}` };
  if (!isPlain({ local: trimmed, zone: 'UTC' }))
    return {
      ok: false,
      message: `'${text}' is not an instant: a question asks about one date or time, not a span`,
    };
  if (!isTimeZone(zone)) return { ok: false, message: `'${zone}' is not a known time zone` };
  const instant = { local: trimmed, zone };
  return { ok: true, ms: rangeOf(instant).end - 1, label: formatInstant(instant) };
}
