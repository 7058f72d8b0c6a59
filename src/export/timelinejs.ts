/**
 * The case as TimelineJS3 JSON (Knight Lab), so a journalist can embed a sourced timeline: one slide per
 * event, grouped by the court or actor that acted, its sources as the credit, and eras for the periods a
 * prohibition was in force, enjoined or stayed (from `effectIntervals`). TimelineJS renders `text` as HTML,
 * so every string taken from a log is escaped here.
 */
import { precisionOf, rangeOf } from '../events/instant.js';
import type { CaseEvent, Instant, Source } from '../events/schema.js';
import { type CaseContext, courtOf } from '../machine/context.js';
import type { EffectStatus } from '../machine/effects.js';
import { type EffectInterval, effectIntervals } from '../replay/intervals.js';
import { caseZone } from '../replay/query.js';
import { replay } from '../replay/replay.js';

export interface TimelineDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
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
  /** The first source with an address, and every source as the credit (TimelineJS requires `url`). */
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

/** A local instant as a TimelineJS date, as precise as the record: no day for a date known to the month. */
export function timelineDate(instant: Instant): TimelineDate {
  const [date = '', time] = instant.local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = (time ?? '').split(':').map(Number);
  const precision = precisionOf(instant);
  return {
    year: year ?? 0,
    ...(month !== undefined ? { month } : {}),
    ...(day !== undefined ? { day } : {}),
    ...(precision === 'minute' || precision === 'second' ? { hour: hour ?? 0, minute: minute ?? 0 } : {}),
  };
}

/** Epoch ms as a calendar day in `zone`. */
function dayIn(ms: number, zone: string): TimelineDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
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
  return source.type === 'article' ? undefined : source.url;
}

/** The first sentence of a summary, short enough for a headline. */
export function headlineOf(summary: string, max = 90): string {
  const first = summary.split(/(?<=[.!?])\s/)[0] ?? summary;
  return first.length <= max ? first : `${first.slice(0, max - 1).trimEnd()}…`;
}

/** The court or actor that acted: the court of the docket for filings and rulings, else the actor named. */
export function actorOf(event: CaseEvent, ctx: CaseContext): string {
  const court = (docket: string | undefined) => (docket ? courtOf(ctx, docket) : undefined);
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
      return event.court;
    case 'complaint.amended':
    case 'injunction.motionFiled':
    case 'stay.motionFiled':
    case 'case.dismissed':
    case 'case.proceedingsStayed':
    case 'case.proceedingsResumed':
    case 'case.judgment':
      return court(event.docket) ?? event.docket;
    case 'injunction.granted':
    case 'injunction.denied':
    case 'stay.granted':
    case 'stay.denied':
    case 'motion.withdrawn': {
      const docket = ctx.motions[event.motion]?.docket;
      return court(docket) ?? 'Court';
    }
    case 'appeal.noticed':
      return event.court;
    case 'appeal.heldInAbeyance':
    case 'appeal.abeyanceLifted':
    case 'appeal.decided':
    case 'appeal.mandateIssued':
    case 'appeal.rehearingDenied':
    case 'appeal.dismissed':
      return court(event.appealDocket) ?? event.appealDocket;
    case 'appeal.rehearingSought':
      return event.petitioner;
    case 'injunction.extended':
      return ctx.injunctions[event.injunction]?.court ?? 'Court';
    case 'context.note':
      return event.actor ?? 'Context';
  }
}

function slideText(event: CaseEvent, rejected: string | undefined): string {
  const quotes = event.sources.map(
    (s) =>
      `<blockquote>${escapeHtml(s.quote)}</blockquote><p><small>${escapeHtml(sourceCredit(s))}</small></p>`,
  );
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
  const end = rangeOf(last.at).end - 1;
  const stays = new Set(events.filter((e) => e.type === 'stay.granted').map((e) => e.id));
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
      start_date: dayIn(era.from, zone),
      end_date: dayIn(era.to, zone),
      text: {
        headline: escapeHtml(`${era.status}: ${era.prohibitions.join(', ')}`),
        text: escapeHtml(`Basis: ${era.basis.join(', ')}`),
      },
    }));
}

/** The whole log as a TimelineJS3 document. */
export function toTimelineJs(events: readonly CaseEvent[]): TimelineJs {
  const zone = caseZone(events);
  const complaint = events.find((e) => e.type === 'complaint.filed');
  const slides: TimelineSlide[] = [];
  for (const step of replay(events)) {
    const e = step.event;
    const credit = [...new Set(e.sources.map(sourceCredit))].join('; ');
    const linked = e.sources.find((s) => sourceUrl(s) !== undefined);
    const url = linked ? sourceUrl(linked) : undefined;
    const display = `${e.at.local.replace('T', ' ')}${precisionOf(e.at) === 'minute' ? ` (${e.at.zone})` : ''}`;
    slides.push({
      unique_id: e.id,
      start_date: { ...timelineDate(e.at), display_date: display },
      text: { headline: escapeHtml(headlineOf(e.summary)), text: slideText(e, step.rejection?.rule.name) },
      group: escapeHtml(actorOf(e, step.before.context)),
      ...(linked && url
        ? { media: { url, credit: escapeHtml(credit), caption: escapeHtml(sourceCredit(linked)) } }
        : {}),
    });
  }
  const title =
    complaint?.type === 'complaint.filed'
      ? {
          headline: escapeHtml(complaint.caseName),
          text: escapeHtml(`${complaint.court}, ${complaint.caseNumber}. Every event with its sources.`),
        }
      : { headline: 'Case timeline', text: 'Every event with its sources.' };
  return { title: { text: title }, events: slides, eras: eras(events, zone) };
}
