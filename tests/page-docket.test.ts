/**
 * Behaviour: the case page's model of one docket (`?docket=D`, the docket picker) is what `--docket D` shows
 * on the command line: the stops of that docket's events with the matter-level ones, each with the whole
 * matter's state; an unknown docket is refused, listing the dockets the log holds. The page itself, in a
 * real browser, is tested with the rest of the page in tests/browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { docketFilter } from '../src/replay/docket.js';
import { replayAll } from '../src/replay/replay.js';
import { docketChoices, stopsOnDocket } from '../web/src/docket.js';
import { buildStops } from '../web/src/model.js';
import { NDCAL } from './support/case-events.js';
import { logsOf, MATTERS } from './support/matters.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wechat: CaseEvent[] = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl'))).events.map(
  (l) => l.event,
);
const APPEAL = 'ca9-20-16908';

describe('the page model of one docket', () => {
  const { combined } = logsOf(MATTERS[0]!);
  const stops = buildStops(combined);

  it('keeps the stops of the docket’s events, and every stop’s state is the matter’s', () => {
    const view = stopsOnDocket(combined, stops, NDCAL);
    if (!view.ok) throw new Error(view.problem);
    const shown = docketFilter(replayAll(combined).snapshot.context, NDCAL);
    const events = view.stops.flatMap((s) => (s.kind === 'event' ? [s.event] : []));
    expect(events).toEqual(combined.filter(shown));
    for (const stop of view.stops) expect(stops).toContain(stop);
    expect(view.caseName).toBe('Lantern Users Coalition v. President');
  });

  it('offers each docket the log holds, by its court and number, district cases first', () => {
    expect(docketChoices(wechat)).toEqual([
      { value: 'cand-3-20-cv-05910', label: 'N.D. Cal. 3:20-cv-05910-LB (district case)' },
      { value: APPEAL, label: 'U.S. Court of Appeals for the Ninth Circuit 20-16908 (appeal)' },
    ]);
    expect(docketChoices([])).toEqual([]);
  });

  it('keeps every stop without a docket, and refuses one the log does not hold', () => {
    const all = stopsOnDocket(combined, stops, null);
    expect(all.ok && all.stops).toEqual(stops);
    const unknown = stopsOnDocket(combined, stops, 'nope');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problem).toContain(`unknown docket 'nope': the log holds ${NDCAL}`);
  });
});
