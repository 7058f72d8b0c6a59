/**
 * Court days for the rules that count periods in days. A period's last day is included, but when it falls
 * on a Saturday, a Sunday or a legal holiday the period runs until the end of the next day that is none of
 * these (FRAP 26(a)(1)(C); FRCP 6(a)(1)(C); S. Ct. R. 30.1). The legal holidays are the days set aside by
 * statute for observing the federal holidays of 5 U.S.C. 6103(a) (FRAP 26(a)(6)(A)), as in force on the day
 * asked about: Juneteenth only from 17 June 2021 (Pub. L. 117-17). A holiday that falls on a Saturday is
 * observed on the Friday before, one on a Sunday on the Monday after (5 U.S.C. 6103(b); Exec. Order 11582).
 * Not modelled: days the President or Congress declares a holiday (FRAP 26(a)(6)(B), such as 24 December
 * 2020), a state's holidays (26(a)(6)(C)), and a clerk's office that is inaccessible (26(a)(3)).
 *
 * Days are local calendar dates, `2021-03-14`, held as whole days since 1970-01-01 (UTC arithmetic on a
 * date carries no clock, so no change to summer time can move one).
 */

const DAY = 86_400_000;

/** The day number of a local date `YYYY-MM-DD`. */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

function dateOf(day: number): Date {
  return new Date(day * DAY);
}

/** The `nth` (1-based) `weekday` (0 = Sunday) of a month, or the last one when `nth` is -1. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  if (nth === -1) {
    const last = Date.UTC(year, month + 1, 0) / DAY;
    return last - ((dateOf(last).getUTCDay() - weekday + 7) % 7);
  }
  const first = Date.UTC(year, month, 1) / DAY;
  return first + ((weekday - dateOf(first).getUTCDay() + 7) % 7) + 7 * (nth - 1);
}

/** A holiday on a fixed date, moved to the weekday on which it is observed. */
function observed(year: number, month: number, date: number): number {
  const day = Date.UTC(year, month, date) / DAY;
  const weekday = dateOf(day).getUTCDay();
  return weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day;
}

const holidaysByYear = new Map<number, ReadonlySet<number>>();

/** The observed federal legal holidays of `year` (5 U.S.C. 6103(a)), as day numbers. */
function holidaysOf(year: number): ReadonlySet<number> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const monday = 1;
    const thursday = 4;
    const list = [
      observed(year, 0, 1), // New Year's Day
      nthWeekday(year, 0, monday, 3), // Birthday of Martin Luther King, Jr.
      nthWeekday(year, 1, monday, 3), // Washington's Birthday
      nthWeekday(year, 4, monday, -1), // Memorial Day
      observed(year, 6, 4), // Independence Day
      nthWeekday(year, 8, monday, 1), // Labor Day
      nthWeekday(year, 9, monday, 2), // Columbus Day
      observed(year, 10, 11), // Veterans Day
      nthWeekday(year, 10, thursday, 4), // Thanksgiving Day
      observed(year, 11, 25), // Christmas Day
      // New Year's Day of the next year, observed on 31 December when 1 January is a Saturday.
      observed(year + 1, 0, 1),
    ];
    // Juneteenth National Independence Day, a legal holiday from its enactment on 17 June 2021.
    if (year >= 2021) list.push(observed(year, 5, 19));
    days = new Set(list);
    holidaysByYear.set(year, days);
  }
  return days;
}

/** Whether the court is closed by rule on `day`: a Saturday, a Sunday or a federal legal holiday. */
export function isNonCourtDay(day: number): boolean {
  const date = dateOf(day);
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6 || holidaysOf(date.getUTCFullYear()).has(day);
}

/**
 * The last day of a period of `days` days counted from the day numbered `trigger` (the day of the event
 * that starts it, excluded): the `days`th day after it, or the next court day after that when it is not one.
 */
export function lastDayOfPeriod(trigger: number, days: number): number {
  // An open bound (a record's "no later than") has no calendar day: the period's end is as open.
  if (!Number.isFinite(trigger)) return trigger;
  let last = trigger + days;
  while (isNonCourtDay(last)) last += 1;
  return last;
}
