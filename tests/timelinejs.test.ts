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
import { toTimelineJs } from '../src/export/timelinejs.js';

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

  it('dates a slide only as precisely as the record: no day for a month, hour and minute for a time', () => {
    const byId = new Map(doc.events.map((s) => [s.unique_id, s]));
    expect(byId.get('pi-granted')?.start_date).toMatchObject({ year: 2020, month: 9, day: 19 });
    expect(byId.get('pi-granted')?.start_date.hour).toBeUndefined();
    expect(byId.get('pi-hearing')?.start_date).toMatchObject({
      year: 2020,
      month: 9,
      day: 17,
      hour: 9,
      minute: 30,
    });
    expect(byId.get('us-user-count')?.start_date).toEqual(expect.objectContaining({ year: 2020, month: 8 }));
    expect(byId.get('us-user-count')?.start_date.day).toBeUndefined();
  });

  it('groups slides by the court or actor that acted', () => {
    const group = (id: string) => doc.events.find((s) => s.unique_id === id)?.group;
    expect(group('pi-granted')).toBe('N.D. Cal.');
    expect(group('ca9-stay-denied')).toBe(group('notice-of-appeal'));
    expect(group('identification-announced')).toBe('U.S. Department of Commerce');
    expect(new Set(doc.events.map((s) => s.group)).size).toBeGreaterThan(3);
  });

  it('credits every source of an event, and quotes them in the slide', () => {
    const slide = doc.events.find((s) => s.unique_id === 'eo-13943-signed');
    expect(slide?.media?.credit).toContain('Executive Order 13943');
    expect(slide?.media?.url).toMatch(/^https:\/\//);
    expect(slide?.text.text).toContain('<blockquote>(c) 45 days after the date of this order');
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
