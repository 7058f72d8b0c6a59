/**
 * Court days: the Saturdays, Sundays and federal legal holidays a period's last day moves past
 * (FRAP 26(a)(1)(C), (a)(6)(A); S. Ct. R. 30.1), with each holiday on the day it is observed
 * (5 U.S.C. 6103(a)-(b)) and as the statute stood on that day.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, isNonCourtDay, lastDayOfPeriod } from '../src/time/legal-days.js';

const closed = (date: string) => isNonCourtDay(dayNumber(date));
const lastDay = (from: string, days: number) =>
  new Date(lastDayOfPeriod(dayNumber(from), days) * 86_400_000).toISOString().slice(0, 10);

describe('court days (FRAP 26(a))', () => {
  it('the federal legal holidays of 2020 are not court days (5 U.S.C. 6103(a))', () => {
    for (const holiday of [
      '2020-01-01',
      '2020-01-20', // Martin Luther King, Jr.: third Monday of January
      '2020-02-17', // Washington's Birthday: third Monday of February
      '2020-05-25', // Memorial Day: last Monday of May
      '2020-07-03', // Independence Day fell on a Saturday: observed on Friday 3 July
      '2020-09-07', // Labor Day
      '2020-10-12', // Columbus Day
      '2020-11-11', // Veterans Day
      '2020-11-26', // Thanksgiving Day
      '2020-12-25',
    ])
      expect(closed(holiday), holiday).toBe(true);
  });

  it('weekdays that are no holiday are court days, and every Saturday and Sunday is not', () => {
    for (const day of ['2020-09-18', '2020-09-21', '2020-10-13', '2020-11-27', '2020-12-24'])
      expect(closed(day), day).toBe(false);
    expect(closed('2020-09-19')).toBe(true);
    expect(closed('2020-09-20')).toBe(true);
  });

  it('Juneteenth is a legal holiday only from its enactment on 17 June 2021 (Pub. L. 117-17)', () => {
    expect(closed('2020-06-19')).toBe(false);
    // 19 June 2021 was a Saturday: observed on Friday 18 June.
    expect(closed('2021-06-18')).toBe(true);
  });

  it("a Saturday holiday is observed on the Friday before, even across the year's end (Exec. Order 11582)", () => {
    // 1 January 2022 was a Saturday: New Year's Day was observed on Friday 31 December 2021.
    expect(closed('2021-12-31')).toBe(true);
    // Christmas 2021 fell on a Saturday: observed on Friday 24 December.
    expect(closed('2021-12-24')).toBe(true);
  });

  it('a period ending on a court day ends then; one ending on a weekend or holiday runs to the next court day', () => {
    expect(lastDay('2020-09-19', 30)).toBe('2020-10-19'); // a Monday
    expect(lastDay('2020-09-19', 60)).toBe('2020-11-18'); // a Wednesday
    expect(lastDay('2021-01-28', 45)).toBe('2021-03-15'); // Sunday 14 March runs to Monday
    expect(lastDay('2020-10-27', 30)).toBe('2020-11-27'); // Thanksgiving, 26 November, runs to Friday
    expect(lastDay('2020-12-29', 4)).toBe('2021-01-04'); // Saturday 2 January, Sunday 3 January
  });
});
