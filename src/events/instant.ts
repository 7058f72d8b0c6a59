/**
 * Instants as the record gives them: a local date or time, as precise as the source allows, in a named
 * time zone. Court dates are in the court's local time; an executive deadline may be "11:59 p.m. ET".
 * Nothing here reads the wall clock: every conversion is a pure function of the text.
 */

/** How precisely the record fixes an instant; derived from the shape of `local`, never stated twice. */
export type Precision = 'year' | 'month' | 'day' | 'minute' | 'second';

export interface InstantLike {
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, local to `zone`. */
  readonly local: string;
  /** An IANA time zone, for example `America/Los_Angeles`. */
  readonly zone: string;
}

/** A half-open interval of epoch milliseconds: the instant lies somewhere in [start, end). */
export interface EpochRange {
  readonly start: number;
  readonly end: number;
}

export const LOCAL_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?$/;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  precision: Precision;
}

function fieldsOf(local: string): Fields | undefined {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const precision: Precision =
    s !== undefined
      ? 'second'
      : mi !== undefined
        ? 'minute'
        : d !== undefined
          ? 'day'
          : mo !== undefined
            ? 'month'
            : 'year';
  return {
    year: Number(y),
    month: mo === undefined ? 1 : Number(mo),
    day: d === undefined ? 1 : Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    precision,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const localProblems = new Map<string, string | undefined>();

/** Why `local` is not a real local date or time (for example 2020-02-30), or undefined when it is. */
export function localProblem(local: string): string | undefined {
  // Every instant of every event is checked on validation; a log uses few distinct dates.
  if (localProblems.has(local)) return localProblems.get(local);
  const problem = findLocalProblem(local);
  if (localProblems.size > 50_000) localProblems.clear();
  localProblems.set(local, problem);
  return problem;
}

function findLocalProblem(local: string): string | undefined {
  const f = fieldsOf(local);
  if (!f) return 'expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS';
  if (f.month < 1 || f.month > 12) return `month ${f.month} does not exist`;
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month))
    return `${local.slice(0, 10)} is not a calendar date`;
  if (f.hour > 23 || f.minute > 59 || f.second > 59) return `${local.slice(11)} is not a time of day`;
  return undefined;
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

/** Offset of `zone` from UTC at epoch `ms`, in milliseconds (negative west of Greenwich). */
function offsetAt(zone: string, ms: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - (ms - (ms % 1000));
}

/** Epoch milliseconds of a wall-clock reading in `zone` (the earlier reading when clocks fall back). */
function zonedToEpoch(zone: string, f: Omit<Fields, 'precision'>): number {
  const guess = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const first = guess - offsetAt(zone, guess);
  const second = guess - offsetAt(zone, first);
  return Math.min(first, second);
}

function nextPeriod(f: Fields): Omit<Fields, 'precision'> {
  const { year, month, day, hour, minute, second } = f;
  switch (f.precision) {
    case 'year':
      return { year: year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    case 'month':
      return month === 12
        ? { year: year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 }
        : { year, month: month + 1, day: 1, hour: 0, minute: 0, second: 0 };
    case 'day': {
      const d = new Date(Date.UTC(year, month - 1, day + 1));
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      };
    }
    case 'minute':
      return { year, month, day, hour, minute, second: 60 };
    case 'second':
      return { year, month, day, hour, minute, second: second + 1 };
  }
}

const rangeCache = new Map<string, EpochRange>();
/** The same instant object is asked about again and again (rules, effects, queries): skip building its key. */
const rangeByObject = new WeakMap<InstantLike, { local: string; zone: string; range: EpochRange }>();

/** The span of epoch time an instant covers at its precision: a day in Pacific time is 24 (or 23, 25) hours. */
export function rangeOf(instant: InstantLike): EpochRange {
  const known = rangeByObject.get(instant);
  if (known && known.local === instant.local && known.zone === instant.zone) return known.range;
  const key = `${instant.local}|${instant.zone}`;
  const cached = rangeCache.get(key);
  if (cached) {
    rangeByObject.set(instant, { local: instant.local, zone: instant.zone, range: cached });
    return cached;
  }
  const f = fieldsOf(instant.local);
  if (!f) throw new Error(`not a local instant: ${instant.local}`);
  const range = { start: zonedToEpoch(instant.zone, f), end: zonedToEpoch(instant.zone, nextPeriod(f)) };
  if (rangeCache.size > 50_000) rangeCache.clear();
  rangeCache.set(key, range);
  rangeByObject.set(instant, { local: instant.local, zone: instant.zone, range });
  return range;
}

export function precisionOf(instant: InstantLike): Precision {
  const f = fieldsOf(instant.local);
  if (!f) throw new Error(`not a local instant: ${instant.local}`);
  return f.precision;
}

/**
 * Whether an event dated `instant` had certainly happened by epoch `t`. A date known only to the day
 * counts once that day is over in its zone: the record cannot place it earlier.
 */
export function happenedBy(instant: InstantLike, t: number): boolean {
  return countedAt(instant) <= t;
}

/** The epoch at which an event dated `instant` counts: the last moment of its day, month or minute. */
export function countedAt(instant: InstantLike): number {
  return rangeOf(instant).end - 1;
}

/** Whether an effective instant ("11:59 p.m. ET") has begun by epoch `t`. */
export function begunBy(instant: InstantLike, t: number): boolean {
  return rangeOf(instant).start <= t;
}

/** True when `later` certainly lies before `earlier`: their spans do not even overlap. */
export function certainlyBefore(later: InstantLike, earlier: InstantLike): boolean {
  return rangeOf(later).end <= rangeOf(earlier).start;
}

/** A short zone label such as PDT or EST for `zone` at epoch `ms`, for people. */
function zoneAbbreviation(zone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(
    new Date(ms),
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** A short zone label such as PDT or EST at that instant, for people. */
export function zoneLabel(instant: InstantLike): string {
  return zoneAbbreviation(instant.zone, rangeOf(instant).start);
}

/** `2020-10-23` for a day's edge (its first or last millisecond) in `zone`, else `2020-09-20 20:59 PDT`. */
export function formatMoment(ms: number, zone: string): string {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}:${get('second')}`;
  if (time === '00:00:00' || (time === '23:59:59' && ms % 1000 === 999)) return date;
  return `${date} ${get('hour')}:${get('minute')} ${zoneAbbreviation(zone, ms)}`;
}

/** `2020-09-20 23:59 EDT`, `2020-09-19 (America/Los_Angeles)`: the instant as precise as the record is. */
export function formatInstant(instant: InstantLike): string {
  const p = precisionOf(instant);
  const text = instant.local.replace('T', ' ');
  return p === 'minute' || p === 'second' ? `${text} ${zoneLabel(instant)}` : `${text} (${instant.zone})`;
}

/** `2021-06-09`, `2020-09-20 23:59 EDT`: the instant as precise as the record is, short enough for a table. */
export function shortInstant(instant: InstantLike): string {
  const p = precisionOf(instant);
  return p === 'minute' || p === 'second'
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
  if (!isTimeZone(zone)) return { ok: false, message: `'${zone}' is not a known time zone` };
  const instant = { local: trimmed, zone };
  return { ok: true, ms: rangeOf(instant).end - 1, label: formatInstant(instant) };
}
