/**
 * `casesim export --format timelinejs`: the case as a TimelineJS3 document (timeline.knightlab.com,
 * "JSON format"): slides with dates as precise as the record, a group per court or actor, sources as
 * credits, eras for the periods a prohibition was in force, enjoined or stayed; log text escaped, since
 * TimelineJS renders it as HTML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS } from '../src/cli/commands/index.js';
import { run } from '../src/cli/program.js';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import {
  groupOf,
  headlineOf,
  isShowableMedia,
  type TimelineDate,
  toTimelineJs,
} from '../src/export/timelinejs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const events: CaseEvent[] = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl'))).events.map(
  (l) => l.event,
);

/** The TimelineJS3 JSON format, as its documentation gives it. */
const TlDate = z.strictObject({
  year: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  hour: z.number().int().min(0).max(23).optional(),
  minute: z.number().int().min(0).max(59).optional(),
  second: z.number().int().min(0).max(59).optional(),
  millisecond: z.number().int().min(0).max(999).optional(),
  display_date: z.string().optional(),
});
const TlText = z.strictObject({ headline: z.string(), text: z.string() }).partial();
const TlMedia = z.strictObject({
  url: z.url(),
  caption: z.string().optional(),
  credit: z.string().optional(),
  thumbnail: z.string().optional(),
});
const TlSlide = z.strictObject({
  start_date: TlDate,
  end_date: TlDate.optional(),
  text: TlText.optional(),
  media: TlMedia.optional(),
  group: z.string().optional(),
  display_date: z.string().optional(),
  unique_id: z.string().optional(),
});
const TimelineJs3 = z.strictObject({
  title: TlSlide.omit({ start_date: true }).extend({ start_date: TlDate.optional() }).optional(),
  events: z.array(TlSlide).min(1),
  eras: z.array(z.strictObject({ start_date: TlDate, end_date: TlDate, text: TlText.optional() })).optional(),
  scale: z.enum(['human', 'cosmological']).optional(),
});

function eventWithSummary(summary: string): CaseEvent[] {
  return events.map((e) => (e.id === 'pi-granted' ? { ...e, summary } : e));
}

describe('the TimelineJS export of the WeChat log', () => {
  const doc = toTimelineJs(events);

  it('matches the TimelineJS3 JSON format, one slide per event', () => {
    expect(TimelineJs3.safeParse(doc).error?.issues ?? []).toEqual([]);
    expect(doc.events).toHaveLength(events.length);
    expect(doc.title.text.headline).toBe('U.S. WeChat Users Alliance v. Trump');
  });

  it('shows each date only as precisely as the record: a month, a day, or a time with its zone', () => {
    const byId = new Map(doc.events.map((s) => [s.unique_id, s]));
    expect(byId.get('pi-granted')?.start_date.display_date).toBe('2020-09-19');
    expect(byId.get('pi-hearing')?.start_date.display_date).toBe('2020-09-17 09:30 (America/Los_Angeles)');
    expect(byId.get('us-user-count')?.start_date.display_date).toBe('2020-08');
    expect(byId.get('tencent-mitigation-proposal')?.start_date.display_date).toBe('2020');
  });

  it("places each slide inside its record's period, in the log's order (TimelineJS sorts by date)", () => {
    const instant = (d: TimelineDate) =>
      Date.UTC(
        d.year,
        (d.month ?? 1) - 1,
        d.day ?? 1,
        d.hour ?? 0,
        d.minute ?? 0,
        d.second ?? 0,
        d.millisecond ?? 0,
      );
    const times = doc.events.map((s) => instant(s.start_date));
    for (let i = 1; i < times.length; i++)
      expect(times[i], doc.events[i]?.unique_id).toBeGreaterThan(times[i - 1] ?? 0);
    const byId = new Map(doc.events.map((s) => [s.unique_id, s.start_date]));
    // The ruling of 19 Sept goes after that afternoon's hearing, still on 19 Sept.
    expect(byId.get('pi-granted')).toMatchObject({ year: 2020, month: 9, day: 19, hour: 13, minute: 30 });
    // "Sometime in 2020", in the log after the stay motion of 24 Sept: not 1 January.
    expect(byId.get('tencent-mitigation-proposal')).toMatchObject({ year: 2020, month: 9, day: 24 });
    expect(byId.get('us-user-count')).toMatchObject({ year: 2020, month: 8 });
  });

  it('groups slides by the court or actor that acted', () => {
    const group = (id: string) => doc.events.find((s) => s.unique_id === id)?.group;
    expect(group('pi-granted')).toBe('N.D. Cal.');
    expect(group('ca9-stay-denied')).toBe(group('notice-of-appeal'));
    expect(group('identification-announced')).toBe('U.S. Department of Commerce');
    expect(new Set(doc.events.map((s) => s.group)).size).toBeGreaterThan(3);
  });

  it('quotes and links every source in the slide text, and puts no web page or PDF in the media slot', () => {
    const slide = doc.events.find((s) => s.unique_id === 'eo-13943-signed');
    expect(slide?.media).toBeUndefined();
    expect(slide?.text.text).toContain('<blockquote>(c) 45 days after the date of this order');
    expect(slide?.text.text).toMatch(
      /<a href="https:\/\/[^"]+" target="_blank" rel="noopener">Executive Order 13943/,
    );
    expect(doc.events.filter((s) => s.media)).toEqual([]);
  });

  it('counts as media only what TimelineJS shows inline (an image), never a page, a PDF or a non-web address', () => {
    expect(isShowableMedia('https://example.org/photo.JPG')).toBe(true);
    expect(isShowableMedia('https://example.org/chart.png?size=2')).toBe(true);
    expect(isShowableMedia('https://assets.documentcloud.org/documents/7213825/order.pdf')).toBe(false);
    expect(isShowableMedia('https://www.federalregister.gov/d/2020-17699')).toBe(false);
    expect(isShowableMedia('javascript:alert(1)//.png')).toBe(false);
  });

  it('cuts a long headline between words, with an ellipsis, and ends the first sentence after no abbreviation', () => {
    for (const event of events) {
      const headline = headlineOf(event.summary);
      expect(headline.length).toBeLessThanOrEqual(90);
      expect(event.summary.startsWith(headline.replace(/…$/, ''))).toBe(true);
      if (headline.endsWith('…')) expect(headline).toMatch(/[\w.')]…$/);
    }
    expect(headlineOf('WeChat users and the U.S. WeChat Users Alliance sue. Then more.')).toBe(
      'WeChat users and the U.S. WeChat Users Alliance sue.',
    );
    const long = headlineOf(`${'word '.repeat(30)}end.`);
    expect(long).toMatch(/^(word )+word…$/);
  });

  it.each([
    ['N.D. Cal. (Magistrate Judge Beeler)', 'N.D. Cal.'],
    ['Defendants (U.S. Department of Justice)', 'U.S. Department of Justice'],
    ['Appellants (U.S. Department of Justice)', 'U.S. Department of Justice'],
    ['U.S. Department of Justice, for the defendants', 'U.S. Department of Justice'],
    ['Plaintiffs-appellees', 'Plaintiffs'],
    ['Plaintiffs', 'Plaintiffs'],
    ['President Donald J. Trump', 'The President'],
    ["Executive Order 14034, Protecting Americans' Sensitive Data From Foreign Adversaries", 'The President'],
    ['Chevron Corp.', 'Chevron Corp.'],
  ])('groups %j as %j: one group per court or actor', (actor, group) => {
    expect(groupOf(actor)).toBe(group);
  });

  it('has an era for the period the six prohibitions were enjoined, from 20 Sept 2020 to the revocation', () => {
    expect(doc.eras).toHaveLength(1);
    expect(doc.eras[0]).toMatchObject({
      start_date: { year: 2020, month: 9, day: 20 },
      end_date: { year: 2021, month: 6, day: 9 },
    });
    expect(doc.eras[0]?.text.headline).toContain('Enjoined: app-store-distribution');
  });

  it('escapes log text, so a summary holding HTML shows as text in TimelineJS', () => {
    const crafted = toTimelineJs(eventWithSummary('<img src=x onerror=alert(1)> granted.'));
    const slide = crafted.events.find((s) => s.unique_id === 'pi-granted');
    expect(slide?.text.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(JSON.stringify(crafted)).not.toContain('<img');
  });

  it('is what `casesim export --format timelinejs` prints', async () => {
    let out = '';
    const code = await run(['export', '--format', 'timelinejs'], COMMANDS, {
      out: (t) => (out += t),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe('an era when a stay lets the prohibitions bind again', () => {
  it('reads "Stayed" for the period an injunction is stayed pending appeal', () => {
    const granted: CaseEvent[] = events.map((e) =>
      e.id === 'district-stay-denied' && e.type === 'stay.denied'
        ? {
            ...e,
            type: 'stay.granted',
            findings: {
              merits: 'strong-showing',
              irreparableInjury: 'shown',
              harmToOthers: 'not-substantial',
              publicInterest: 'favors-stay',
            },
          }
        : e,
    );
    const doc = toTimelineJs(granted);
    expect(doc.eras.map((e) => e.text.headline.split(':')[0])).toEqual(['Enjoined', 'Stayed']);
    expect(doc.eras[1]?.start_date).toMatchObject({ year: 2020, month: 10, day: 23 });
  });
});
