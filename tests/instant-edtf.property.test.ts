/**
 * The run-time EDTF reader (`src/time/edtf.ts`) against the `edtf` package, the reference parser of the
 * Library of Congress format: on every generated date, date with ? ~ %, interval and set, both accept or
 * both refuse; and where `edtf` gives bounds for the same reading (dates and date intervals), the instant
 * lies between the same first and last millisecond.
 */
import { fc, test } from '@fast-check/vitest';
import edtf, { parse } from 'edtf';
import { describe, expect, it } from 'vitest';
import { endOfPeriod, type LocalPoint, readLocal } from '../src/time/edtf.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Dates of every precision, some not on the calendar (day 29-31 of short months). */
const date = fc
  .record({
    year: fc.integer({ min: 1900, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
  })
  .map(({ year, month, day, precision }) =>
    precision === 'year'
      ? pad(year, 4)
      : precision === 'month'
        ? `${pad(year, 4)}-${pad(month)}`
        : `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
  );

const qualified = fc.tuple(date, fc.constantFrom('', '?', '~', '%')).map(([d, q]) => `${d}${q}`);

const dateTime = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
  })
  .map(
    ({ day, hour, minute, second }) =>
      `2020-09-${pad(day)}T${pad(hour)}:${pad(minute)}${second === undefined ? '' : `:${pad(second)}`}`,
  );

const interval = fc
  .tuple(fc.oneof(date, fc.constant('..')), fc.oneof(date, fc.constant('..')))
  .filter(([a, b]) => !(a === '..' && b === '..'))
  .map(([a, b]) => `${a}/${b}`);

/** Sets of days of one precision (edtf reads no span mixing precisions). */
const daySet = fc
  .array(
    fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom('one', 'span'))
      .map(([d, n, kind]) =>
        kind === 'one' ? `2020-09-${pad(d)}` : `2020-09-${pad(d)}..2020-09-${pad(Math.min(28, d + n))}`,
      ),
    { minLength: 1, maxLength: 3 },
  )
  .map((elements) => `[${elements.join(',')}]`);

/** Whether `edtf` reads the text; it checks an interval's order only when building it (and cannot build
 * an interval with an open start, whose minimum is -Infinity, so for those the parse is the answer). */
const accepts = (text: string) => {
  try {
    parse(text);
    if (!text.startsWith('..')) edtf(text);
    return true;
  } catch {
    return false;
  }
};

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const utc = (p: Omit<LocalPoint, 'precision'>) =>
  Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);

describe('the EDTF reader', () => {
  test.prop([fc.oneof(qualified, dateTime, interval, daySet)], { numRuns: 400 })(
    'accepts exactly what the edtf package accepts',
    (text) => {
      // edtf 4.x takes 29 February of any year (1900-02-29 becomes 1 March); the calendar does not.
      fc.pre(!/(\d{4})-02-29/.test(text) || isLeap(Number(/(\d{4})-02-29/.exec(text)?.[1])));
      expect(readLocal(text).ok, text).toBe(accepts(text));
    },
  );

  it('takes 29 February only in a leap year, where the edtf package takes it in any year', () => {
    expect(['2020-02-29', '2000-02-29', '1900-02-29', '2019-02-29/..'].map((t) => readLocal(t).ok)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  test.prop(
    [
      fc.oneof(
        qualified,
        interval.filter((t) => !t.startsWith('..')),
      ),
    ],
    { numRuns: 400 },
  )('places a date or interval between the same first and last millisecond as the edtf package', (text) => {
    const read = readLocal(text);
    fc.pre(read.ok);
    if (!read.ok) return;
    const reference = edtf(text) as { min: number; max: number };
    const { earliest, latest } = read.value;
    expect(earliest && utc(earliest), text).toBe(reference.min);
    expect(latest ? utc(endOfPeriod(latest)) - 1 : Number.POSITIVE_INFINITY, text).toBe(reference.max);
  });

  it('reads a set of days as one day somewhere from its first to its last', () => {
    const read = readLocal('[2020-09-18..2020-09-20,2020-09-26]');
    expect(read.ok && [read.value.form, read.value.earliest?.day, read.value.latest?.day]).toEqual([
      'one-of',
      18,
      26,
    ]);
  });

  it('reads "no later than" with an open start, and refuses a span open at both ends', () => {
    const read = readLocal('../2020-09-26');
    expect(read.ok && read.value.earliest).toBeNull();
    expect(readLocal('../..')).toMatchObject({ ok: false });
    expect(readLocal('[..]')).toMatchObject({ ok: false });
  });

  it('keeps the doubt a date is marked with, and refuses a mark on a time of day', () => {
    expect(readLocal('2020-09-24%')).toMatchObject({
      ok: true,
      value: { qualifier: 'uncertain-approximate' },
    });
    expect(readLocal('2020-09-20T23:59?')).toMatchObject({ ok: false });
  });
});
