/** Dates for people, as precise as the record: "Sat 19 Sep 2020", "Sep 2020", "20 Sep 2020, 23:59 EDT". */
import { isPlain, localAt, precisionOf, zoneLabel } from '../../src/events/instant.js';
import type { Instant } from '../../src/events/schema.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function formatDate(instant: Instant): string {
  // A span or doubted date (EDTF) is shown as the record gives it.
  if (!isPlain(instant)) return `${instant.local} (${instant.zone})`;
  const [date = '', time] = instant.local.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const precision = precisionOf(instant);
  const month = MONTHS[m - 1] ?? '';
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${month} ${y}`;
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  const day = `${weekday} ${d} ${month} ${y}`;
  if (precision === 'day') return day;
  return `${day}, ${(time ?? '').slice(0, 5)} ${zoneLabel(instant)}`;
}

/** `2020-09-21` for a date input, from epoch ms in `zone`. */
export function isoDay(ms: number, zone: string): string {
  // An event the record dates only "no later than" its first day counts from an open start: no day to show.
  if (!Number.isFinite(ms)) return '';
  return localAt(ms, zone);
}
