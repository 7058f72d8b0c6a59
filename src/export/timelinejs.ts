/**
 * The case as TimelineJS3 JSON (Knight Lab), so a journalist can embed a sourced timeline: one slide per
 * event, in the log's order, grouped by the court or actor that acted, its sources quoted and linked in
 * the text, and eras for the periods a prohibition was in force, enjoined or stayed (from
 * `effectIntervals`). TimelineJS renders `text` as HTML, so every string taken from a log is escaped here.
 *
 * What TimelineJS does with a document decided three things (tests/timelinejs-browser.test.ts loads the
 * export into TimelineJS itself):
 * - it sorts slides by date, and puts a date known only to the year at 1 January: each slide's date is a
 *   point inside the record's own day, month or year, no earlier than the slide before it, so the order is
 *   the log's (a ruling after the hearing that produced it) while `display_date` shows the record's date;
 * - it puts any `media.url` into a media viewer, and a web page or a PDF there is a broken pane (or a
 *   DocumentCloud viewer it cannot load): media is only what it shows inline, an image; sources are links;
 * - it makes a row per distinct `group` string: groups are the court or actor, one name each.
 */
import { evidenceOf } from '../events/evidence.js';
import {
  calendarPointOf,
  countingMoments,
  isPlain,
  latestOf,
  precisionOf,
  wallClockOf,
} from '../events/instant.js';
import type { CaseEvent, Instant, Source } from '../events/schema.js';
import { type CaseContext, courtOf } from '../machine/context.js';
import type { EffectStatus } from '../machine/effects.js';
import { docketOfEvent } from '../replay/docket.js';
import { changeInstants, type EffectInterval, effectIntervals } from '../replay/intervals.js';
import { caseZone } from '../replay/query.js';
import { replay } from '../replay/replay.js';

export interface TimelineDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
  readonly display_date?: string;
}

export interface TimelineText {
  readonly headline: string;
  readonly text: string;
}

export interface TimelineSlide {
  readonly unique_id: string;
  readonly start_date: TimelineDate;
  readonly text: TimelineText;
  readonly group: string;
  /** Only a source TimelineJS shows inline (an image); every other source is a link in the text. */
  readonly media?: { readonly url: string; readonly credit: string; readonly caption?: string };
}

export interface TimelineEra {
  readonly start_date: TimelineDate;
  readonly end_date: TimelineDate;
  readonly text: TimelineText;
}

export interface TimelineJs {
  readonly title: { readonly text: TimelineText };
  readonly events: readonly TimelineSlide[];
  readonly eras: readonly TimelineEra[];
}

/** Text for TimelineJS, which renders it as HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The record's local date as a range of naive (zone-free) epoch ms: [start, end). */
function naiveRange(instant: Instant): { start: number; end: number } {
  const [date = '', time] = instant.local.split('T');
  const [y = 0, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = (time ?? '').split(':').map(Number);
  const start = Date.UTC(y, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  const precision = precisionOf(instant);
  const end =
    precision === 'year'
      ? Date.UTC(y + 1, 0, 1)
      : precision === 'month'
        ? Date.UTC(y, mo ?? 1, 1)
        : precision === 'day'
          ? start + 86_400_000
          : precision === 'minute'
            ? start + 60_000
            : start + 1000;
  return { start, end };
}

/**
 * TimelineJS dates for the events in log order: each inside its own record's period (in its own zone's
 * wall time), and each no earlier than the one before, so that TimelineJS's sort keeps the log's order.
 */
export function slideDates(events: readonly CaseEvent[]): TimelineDate[] {
  let previous = Number.NEGATIVE_INFINITY;
  return events.map((e) => {
    const { start, end } = naiveRange(e.at);
    // A later event in a wider period (the day of a ruling after the hearing that morning) goes just after.
    const t = Math.max(start, Math.min(previous + 1, end - 1), previous + 1);
    previous = t;
    const d = new Date(t);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    };
  });
}

/** A local instant as a TimelineJS date, as precise as the record: no day for a date known to the month. */
export function timelineDate(instant: Instant): TimelineDate {
  // A span or doubted date is placed where it counts (its earliest date); the slide's text shows the record.
  const { year, month, day, hour, minute, precision } = calendarPointOf(instant);
  return {
    year,
    ...(precision !== 'year' ? { month } : {}),
    ...(precision !== 'year' && precision !== 'month' ? { day } : {}),
    ...(precision === 'minute' || precision === 'second' ? { hour, minute } : {}),
  };
}

/** Epoch ms as a calendar day in `zone`. */
function dayIn(ms: number, zone: string): TimelineDate {
  const c = wallClockOf(ms, zone);
  return { year: Number(c.year), month: Number(c.month), day: Number(c.day) };
}

export function sourceCredit(source: Source): string {
  switch (source.type) {
    case 'article':
      return `${source.outlet}, "${source.headline}"`;
    case 'court-record':
      return `${source.court} ${source.docket}, ${source.entry}`;
    case 'public-record':
      return source.verified ? source.title : `${source.title} (unverified)`;
  }
}

function sourceUrl(source: Source): string | undefined {
  const url = source.type === 'article' ? undefined : source.url;
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Addresses TimelineJS shows inline as media: images. A web page or a PDF would be a broken pane. */
export function isShowableMedia(url: string): boolean {
  return /^https?:\/\/[^?#]+\.(?:jpe?g|png|gif|webp|svg)(?:[?#].*)?$/i.test(url);
}

/**
 * Where the first sentence ends: a full stop, not one after an initial or an abbreviation ("U.S.", "W.",
 * "No.", "v."), followed by a space and a capital.
 */
const SENTENCE_END =
  /(?<!\b(?:[A-Z]|U\.S|No|Nos|v|vs|Inc|Corp|Ltd|Co|Jr|Sr|Mr|Ms|Mrs|Dr|St|Cal|Cir|Sept|Oct|Nov|Dec|Jan|Feb|Aug))[.!?](?=\s+[A-Z"“])/;

/** The first sentence of a summary, short enough for a headline, cut between words. */
export function headlineOf(summary: string, max = 90): string {
  const end = SENTENCE_END.exec(summary);
  const first = end ? summary.slice(0, end.index + 1) : summary;
  if (first.length <= max) return first;
  const cut = first.slice(0, max).replace(/\s+\S*$/, '');
  return `${cut.replace(/[\s,;:(-]+$/, '')}…`;
}

/** Words that name a side of a suit, not an actor: the actor is the one they name (or the side itself). */
const PARTY_ROLE =
  /^(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?)(?:-[a-z]+)?$/i;

/**
 * One group name per court or actor: "N.D. Cal. (Magistrate Judge Beeler)" is N.D. Cal., "Appellants (U.S.
 * Department of Justice)" and "U.S. Department of Justice, for the defendants" are the Department of
 * Justice, "Plaintiffs-appellees" are the plaintiffs, and an order signed or revoked is the President's.
 */
export function groupOf(actor: string): string {
  const name = actor.replace(/,\s+for the [^,]+$/i, '').trim();
  const paren = /^(.*?)\s*\(([^()]+)\)$/.exec(name);
  if (paren) {
    const [, outside = '', inside = ''] = paren;
    return PARTY_ROLE.test(outside.trim()) ? groupOf(inside) : groupOf(outside);
  }
  if (PARTY_ROLE.test(name)) {
    const side = name.split('-')[0] ?? name;
    return side.charAt(0).toUpperCase() + side.slice(1).toLowerCase().replace(/s?$/, 's');
  }
  if (/^(?:President\b|Executive Order\b)/.test(name)) return 'The President';
  return name;
}

/**
 * The court or actor that acted: the actor named where the event names one, else the court of the docket
 * the event was entered on (`docketOfEvent`, one reading of that for every view).
 */
export function actorOf(event: CaseEvent, ctx: CaseContext): string {
  switch (event.type) {
    case 'order.signed':
      return event.issuer;
    case 'order.revoked':
      return event.by;
    case 'identification.announced':
      return event.agency;
    case 'identification.datesChanged':
    case 'identification.withdrawn':
    case 'identification.rescinded':
    case 'identification.suspended':
    case 'identification.enforcementResumed':
      return ctx.identifications[event.identification]?.agency ?? 'Agency';
    case 'government.position':
      return event.by;
    case 'complaint.filed':
    case 'appeal.noticed':
    case 'relief.enteredElsewhere':
    case 'relief.stayedElsewhere':
      return event.court;
    case 'appeal.rehearingSought':
      return event.petitioner;
    case 'appeal.mandateStayMotionFiled':
    case 'injunctionPendingAppeal.motionFiled':
      return event.movant;
    case 'stay.applicationFiled':
      return event.applicant;
    case 'injunction.extended':
      return ctx.injunctions[event.injunction]?.court ?? 'Court';
    case 'stay.applicationGranted':
    case 'stay.applicationDenied':
    case 'certiorari.granted':
    case 'certiorari.denied':
    case 'certiorari.decided':
    case 'certiorari.judgmentSent':
      return 'Supreme Court';
    case 'certiorari.petitioned':
      return event.petitioner;
    case 'context.note':
      return event.actor ?? 'Context';
    case 'relief.stayLiftedElsewhere':
      return ctx.injunctions[ctx.stays[event.stay]?.injunction ?? '']?.court ?? 'Court';
    case 'relief.endedElsewhere':
      return ctx.injunctions[event.injunction]?.court ?? 'Court';
    default: {
      const docket = docketOfEvent(ctx, event);
      return (docket === undefined ? undefined : courtOf(ctx, docket)) ?? docket ?? 'Court';
    }
  }
}

function slideText(event: CaseEvent, rejected: string | undefined): string {
  // A blockquote only for the source's own words; a note is ours and is printed as plain text.
  const quotes = event.sources.map((s) => {
    const url = sourceUrl(s);
    const credit = escapeHtml(sourceCredit(s));
    const cite = url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${credit}</a>` : credit;
    const evidence = evidenceOf(s);
    const shown =
      evidence.kind === 'quote'
        ? `<blockquote>${escapeHtml(evidence.text)}</blockquote>`
        : `<p>Note: ${escapeHtml(evidence.text)}</p>`;
    return `${shown}<p><small>${cite}</small></p>`;
  });
  const warning = rejected ? [`<p><strong>Rejected by rule ${escapeHtml(rejected)}.</strong></p>`] : [];
  return [`<p>${escapeHtml(event.summary)}</p>`, ...warning, ...quotes].join('');
}

/** How an interval reads on an era band: stayed when an injunction covers it but a stay lets it bind. */
function eraStatus(interval: EffectInterval, stays: ReadonlySet<string>): string | undefined {
  const kinds: Partial<Record<EffectStatus, string>> = {
    'in-force': 'In force',
    enjoined: 'Enjoined',
    'partly-enjoined': 'Partly enjoined',
  };
  // A stayed injunction over a prohibition that never took effect leaves it awaiting the agency's new date.
  const stayable = interval.status === 'in-force' || interval.status === 'awaiting-date';
  if (stayable && interval.basis.some((id) => stays.has(id))) return 'Stayed';
  return kinds[interval.status];
}

function eras(events: readonly CaseEvent[], zone: string): TimelineEra[] {
  const last = events.at(-1);
  if (!last) return [];
  // The eras run to the end of the last event's day (to when it counts, if the record leaves it open).
  const lastEnd = latestOf(last.at);
  const end = Number.isFinite(lastEnd) ? lastEnd : (countingMoments(events).at(-1) ?? lastEnd);
  const stays = new Set(
    events.filter((e) => e.type === 'stay.granted' || e.type === 'relief.stayedElsewhere').map((e) => e.id),
  );
  // An era's edge is named by the day of the instant that made it, in that instant's own zone: a revocation
  // dated 9 June in Eastern time counts from midnight ET, which is still 8 June in the court's zone.
  const instants = changeInstants(events);
  const eraEdge = (ms: number): TimelineDate => {
    const instant = instants.get(ms);
    if (!instant) return dayIn(ms, zone);
    const { year, month, day } = timelineDate(instant);
    return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
  };
  const merged = new Map<
    string,
    { status: string; from: number; to: number; prohibitions: string[]; basis: string[] }
  >();
  for (const p of effectIntervals(events)) {
    for (const interval of p.intervals) {
      const status = eraStatus(interval, stays);
      if (!status) continue;
      const to = interval.to ?? end;
      const key = `${status}|${interval.from}|${to}`;
      const era = merged.get(key) ?? { status, from: interval.from, to, prohibitions: [], basis: [] };
      era.prohibitions.push(p.prohibition);
      for (const id of interval.basis) if (!era.basis.includes(id)) era.basis.push(id);
      merged.set(key, era);
    }
  }
  return [...merged.values()]
    .filter((era) => era.to > era.from)
    .sort((a, b) => a.from - b.from)
    .map((era) => ({
      start_date: eraEdge(era.from),
      end_date: eraEdge(era.to),
      text: {
        headline: escapeHtml(`${era.status}: ${era.prohibitions.join(', ')}`),
        text: escapeHtml(`Basis: ${era.basis.join(', ')}`),
      },
    }));
}

/**
 * The whole log as a TimelineJS3 document; with `shown` (one docket's view, `replay/docket.ts`), only the
 * slides of the events it shows, under that docket's title. The eras are the matter's either way: what is
 * in force does not depend on the docket looked at.
 */
export function toTimelineJs(
  events: readonly CaseEvent[],
  shown: (event: CaseEvent) => boolean = () => true,
): TimelineJs {
  const zone = caseZone(events);
  const slides: TimelineSlide[] = [];
  const dates = slideDates(events);
  for (const step of replay(events)) {
    const e = step.event;
    if (!shown(e)) continue;
    const credit = [...new Set(e.sources.map(sourceCredit))].join('; ');
    const linked = e.sources.find((s) => {
      const url = sourceUrl(s);
      return url !== undefined && isShowableMedia(url);
    });
    const url = linked ? sourceUrl(linked) : undefined;
    const precision = precisionOf(e.at);
    const display = `${e.at.local.replace('T', ' ')}${precision === 'minute' || precision === 'second' || !isPlain(e.at) ? ` (${e.at.zone})` : ''}`;
    slides.push({
      unique_id: e.id,
      start_date: { ...dates[step.index], year: dates[step.index]?.year ?? 0, display_date: display },
      text: { headline: escapeHtml(headlineOf(e.summary)), text: slideText(e, step.rejection?.rule.name) },
      group: escapeHtml(groupOf(actorOf(e, step.before.context))),
      ...(linked && url
        ? { media: { url, credit: escapeHtml(credit), caption: escapeHtml(sourceCredit(linked)) } }
        : {}),
    });
  }
  return { title: { text: matterTitle(events.filter(shown)) }, events: slides, eras: eras(events, zone) };
}

/**
 * The title of a matter: every case the log holds, by caption (a district case and its appeal share one),
 * and every docket, in the order the log opens them, with the cases whose relief it records from elsewhere.
 */
export function matterTitle(events: readonly CaseEvent[]): TimelineText {
  const captions: string[] = [];
  const dockets: string[] = [];
  const elsewhere: string[] = [];
  for (const e of events) {
    if (e.type === 'complaint.filed') {
      if (!captions.includes(e.caseName)) captions.push(e.caseName);
      dockets.push(`${e.court}, ${e.caseNumber}`);
    }
    if (e.type === 'appeal.noticed' && !dockets.includes(`${e.court}, ${e.caseNumber}`))
      dockets.push(`${e.court}, ${e.caseNumber}`);
    if (e.type === 'relief.enteredElsewhere') {
      const other = `${e.caption} (${e.court}, ${e.caseNumber})`;
      if (!elsewhere.includes(other)) elsewhere.push(other);
    }
  }
  if (captions.length === 0 && dockets.length === 0)
    return { headline: 'Case timeline', text: 'Every event with its sources.' };
  const recorded = elsewhere.length > 0 ? ` Relief entered elsewhere: ${elsewhere.join('; ')}.` : '';
  return {
    headline: escapeHtml(captions.length > 0 ? captions.join('; ') : dockets.join('; ')),
    text: escapeHtml(`${dockets.join('; ')}.${recorded} Every event with its sources.`),
  };
}
