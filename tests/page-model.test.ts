/**
 * The case page's model (web/src/model.ts): the stops the scrubber moves through. Each stop must agree
 * with `casesim state --at` (caseAt) at its instant, so the page and the CLI never tell different stories.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WALKTHROUGH } from '../src/docs/walkthrough.js';
import { parseQueryInstant } from '../src/events/instant.js';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { caseAt } from '../src/replay/query.js';
import { buildStops, stopIndexAt } from '../web/src/model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const events: CaseEvent[] = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl'))).events.map(
  (l) => l.event,
);
const stops = buildStops(events);

function endOf(day: string): number {
  const q = parseQueryInstant(day, 'America/Los_Angeles');
  if (!q.ok) throw new Error(q.message);
  return q.ms;
}

describe('the stops of the case page', () => {
  it('has one stop per event, plus the instants the prohibitions were due to take effect, in time order', () => {
    expect(stops.filter((s) => s.kind === 'event')).toHaveLength(events.length);
    expect(stops.filter((s) => s.kind === 'effective').length).toBeGreaterThan(0);
    for (let i = 1; i < stops.length; i++) expect(stops[i]?.t).toBeGreaterThanOrEqual(stops[i - 1]?.t ?? 0);
  });

  it('shows at the last stop of each instant what casesim state shows at that instant', () => {
    stops.forEach((stop, i) => {
      if (stops[i + 1]?.t === stop.t) return;
      const expected = caseAt(events, { at: stop.t });
      expect(stop.effects, `stop ${i}`).toEqual(expected.effects);
      expect(stop.snapshot.value, `stop ${i}`).toEqual(expected.snapshot.value);
    });
  });

  it('on 21 Sept 2020 lands after the effective instant, with the app-store prohibition enjoined by pi-granted', () => {
    const stop = stops[stopIndexAt(stops, endOf('2020-09-21'))];
    expect(stop?.kind).toBe('effective');
    expect(stop?.effects.find((e) => e.prohibition === 'app-store-distribution')).toMatchObject({
      status: 'enjoined',
      enjoinedBy: ['pi-granted'],
    });
  });
});

describe('the README walk-through', () => {
  it('names only events of the WeChat log and shipped what-if scenarios', () => {
    const ids = new Set(events.map((e) => e.id));
    for (const step of WALKTHROUGH) {
      for (const [, id] of step.lead.matchAll(/`([a-z0-9][a-z0-9.-]*)`/g)) {
        const scenario = path.join(root, 'events', 'scenarios', `${id}.json`);
        expect(ids.has(id ?? '') || existsSync(scenario), `${step.title}: ${id}`).toBe(true);
      }
    }
  });
});
