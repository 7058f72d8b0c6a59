/**
 * The local part of an instant, read as EDTF (Extended Date/Time Format, ISO 8601-2 as profiled by the
 * Library of Congress): as precise, as doubtful and as bounded as the record is. Only the subset a court
 * record needs is read:
 *
 * - a date or time: `2020`, `2020-09`, `2020-09-24`, `2020-09-20T23:59`, `2020-09-20T23:59:30`;
 * - a date the record doubts: `2020-09-24?` (uncertain), `2020-09~` (approximate), `2020-09-24%` (both);
 * - one day (or month, or time) somewhere in a span, as an EDTF set, "one of": `[2020-09-18..2020-09-26]`,
 *   `[..2020-09-26]` (no later than), `[2020-09-18..]` (no earlier than), `[2020-09-18,2020-09-21]`;
 * - the same as an EDTF interval: `2020-09-18/2020-09-26`, `../2020-09-26`, `2020-09-18/..`. An instant
 *   is a moment, so an interval here says where the moment lies, not that something lasted that long.
 *
 * The `edtf` package is the reference parser and tests hold this one to it; at run time this small reader
 * stands in for it, because importing `edtf` (a nearley grammar) costs about a quarter of a bare Node start.
 * Times carry no zone or offset: the instant's zone is kept beside `local`.
 */

/** How finely one date or time of the record is given. */
export type Precision = 'year' | 'month' | 'day' | 'minute' | 'second';

/** A wall-clock reading; fields finer than `precision` are at their first value. */
export interface LocalPoint {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly precision: Precision;
}

/** EDTF qualification of a date: `?` uncertain, `~` approximate, `%` both. */
export type Qualifier = 'uncertain' | 'approximate' | 'uncertain-approximate';

/**
 * What a `local` text says: the instant lies somewhere from the start of `earliest` to the end of `latest`
 * (null where the record leaves that side open). For a single date both are the same point.
 */
export interface LocalReading {
  readonly form: 'point' | 'one-of' | 'interval';
  readonly earliest: LocalPoint | null;
  readonly latest: LocalPoint | null;
  readonly qualifier?: Qualifier;
}

const POINT = String.raw`(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?|\d{4}(?:-\d{2}){0,2}[?~%]?)`;
const SET_ELEMENT = String.raw`(?:${POINT}(?:\.\.(?:${POINT})?)?|\.\.${POINT})`;

/** The shape of every `local` this module reads (the JSON Schema carries it; `readLocal` checks the rest). */
export const LOCAL_PATTERN = new RegExp(
  String.raw`^(?:${POINT}|(?:${POINT}|\.\.)/(?:${POINT}|\.\.)|\[${SET_ELEMENT}(?:,${SET_ELEMENT})*\])$`,
);

export const LOCAL_FORMS =
  'expected an EDTF date or time in local time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], a date marked ? ~ or %, one of a span [A..B], [..B], [A..], or an interval A/B, ../B, A/..';

const POINT_PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?([?~%])?$/;
const QUALIFIERS: Record<string, Qualifier> = {
  '?': 'uncertain',
  '~': 'approximate',
  '%': 'uncertain-approximate',
};

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

function readPoint(text: string): Read<{ point: LocalPoint; qualifier?: Qualifier }> {
  const m = POINT_PARTS.exec(text);
  if (!m) return { ok: false, problem: `'${text}' is not a date or time` };
  const [, y, mo, d, h, mi, s, q] = m;
  if (q !== undefined && h !== undefined)
    return { ok: false, problem: `'${text}': only a date can be marked ${q}` };
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
  const point: LocalPoint = {
    year: Number(y),
    month: mo === undefined ? 1 : Number(mo),
    day: d === undefined ? 1 : Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    precision,
  };
  if (point.month < 1 || point.month > 12)
    return { ok: false, problem: `month ${point.month} does not exist` };
  if (point.day < 1 || point.day > daysInMonth(point.year, point.month))
    return { ok: false, problem: `${text.slice(0, 10)} is not a calendar date` };
  if (point.hour > 23 || point.minute > 59 || point.second > 59)
    return { ok: false, problem: `${text.slice(11)} is not a time of day` };
  const qualifier = q === undefined ? undefined : QUALIFIERS[q];
  return { ok: true, value: qualifier ? { point, qualifier } : { point } };
}

/** Orders points by where their periods start; a coarser point starts no later than a finer one inside it. */
function compareStarts(a: LocalPoint, b: LocalPoint): number {
  return (
    a.year - b.year ||
    a.month - b.month ||
    a.day - b.day ||
    a.hour - b.hour ||
    a.minute - b.minute ||
    a.second - b.second
  );
}

/** The wall-clock reading at which `p`'s period ends (exclusive): the next year, month, day, minute or second. */
export function endOfPeriod(p: LocalPoint): Omit<LocalPoint, 'precision'> {
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
  switch (p.precision) {
    case 'year':
      next.setUTCFullYear(p.year + 1);
      break;
    case 'month':
      next.setUTCMonth(p.month);
      break;
    case 'day':
      next.setUTCDate(p.day + 1);
      break;
    case 'minute':
      next.setUTCMinutes(p.minute + 1);
      break;
    case 'second':
      next.setUTCSeconds(p.second + 1);
      break;
  }
  // Years before 100 would be read as 19xx by Date.UTC; the record has none, but keep the arithmetic exact.
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: next.getUTCHours(),
    minute: next.getUTCMinutes(),
    second: next.getUTCSeconds(),
  };
}

/** The end of `a`'s period compared with the end of `b`'s. */
function compareEnds(a: LocalPoint, b: LocalPoint): number {
  return compareStarts(
    { ...endOfPeriod(a), precision: 'second' },
    { ...endOfPeriod(b), precision: 'second' },
  );
}

function bounded(
  form: LocalReading['form'],
  earliest: LocalPoint | null,
  latest: LocalPoint | null,
  text: string,
): Read<LocalReading> {
  if (earliest === null && latest === null)
    return { ok: false, problem: `'${text}' is open at both ends: give at least one date` };
  if (earliest && latest && compareStarts(latest, earliest) < 0)
    return { ok: false, problem: `'${text}' ends before it begins` };
  // As in the EDTF reference parser, an interval must end after it begins; one date is written alone.
  if (form === 'interval' && earliest && latest && compareStarts(latest, earliest) === 0)
    return { ok: false, problem: `'${text}' begins and ends on the same date: write the date alone` };
  return { ok: true, value: { form, earliest, latest } };
}

function readBound(text: string): Read<LocalPoint | null> {
  if (text === '..') return { ok: true, value: null };
  const read = readPoint(text);
  return read.ok ? { ok: true, value: read.value.point } : read;
}

function readSet(text: string): Read<LocalReading> {
  let earliest: LocalPoint | null | undefined;
  let latest: LocalPoint | null | undefined;
  for (const element of text.slice(1, -1).split(',')) {
    const [from = '', to] = element.includes('..') ? element.split('..') : [element, element];
    const start = from === '' ? ({ ok: true, value: null } as const) : readBound(from);
    if (!start.ok) return start;
    const end = to === undefined || to === '' ? ({ ok: true, value: null } as const) : readBound(to);
    if (!end.ok) return end;
    const inner = bounded('one-of', start.value, end.value, element);
    if (!inner.ok) return inner;
    earliest =
      earliest === undefined ||
      start.value === null ||
      (earliest !== null && compareStarts(start.value, earliest) < 0)
        ? start.value
        : earliest;
    latest =
      latest === undefined || end.value === null || (latest !== null && compareEnds(end.value, latest) > 0)
        ? end.value
        : latest;
  }
  return bounded('one-of', earliest ?? null, latest ?? null, text);
}

/** Reads a `local` text, or says why it is not one this project reads. */
export function readLocal(text: string): Read<LocalReading> {
  if (!LOCAL_PATTERN.test(text)) return { ok: false, problem: LOCAL_FORMS };
  if (text.startsWith('[')) return readSet(text);
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const start = readBound(text.slice(0, slash));
    if (!start.ok) return start;
    const end = readBound(text.slice(slash + 1));
    if (!end.ok) return end;
    return bounded('interval', start.value, end.value, text);
  }
  const read = readPoint(text);
  if (!read.ok) return read;
  const { point, qualifier } = read.value;
  return {
    ok: true,
    value: { form: 'point', earliest: point, latest: point, ...(qualifier ? { qualifier } : {}) },
  };
}
