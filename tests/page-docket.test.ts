/**
 * Behaviour: the case page's `?docket=D` shows one docket of the matter, as `--docket D` does on the command
 * line: the stops of that docket's events with the matter-level ones, each with the whole matter's state;
 * an unknown docket is said in the notice, listing the dockets the log holds, and the matter is shown.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage, WEB_DIST } from '../src/cli/commands/serve.js';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { docketFilter } from '../src/replay/docket.js';
import { replayAll } from '../src/replay/replay.js';
import { stopsOnDocket } from '../web/src/docket.js';
import { buildStops } from '../web/src/model.js';
import { NDCAL } from './support/case-events.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM } from './support/chromium.js';
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

  it('keeps every stop without a docket, and refuses one the log does not hold', () => {
    const all = stopsOnDocket(combined, stops, null);
    expect(all.ok && all.stops).toEqual(stops);
    const unknown = stopsOnDocket(combined, stops, 'nope');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problem).toContain(`unknown docket 'nope': the log holds ${NDCAL}`);
  });
});

if (!HAS_CHROMIUM) {
  console.warn(`SKIPPED the browser part of tests/page-docket.test.ts: ${NO_CHROMIUM}`);
  describe('?docket= in a real browser', () => {
    it.skip(`is SKIPPED: ${NO_CHROMIUM}`, () => {});
  });
} else {
  describe('?docket= in a real browser', () => {
    let browser: Browser;
    let server: Server;
    let base: string;

    beforeAll(async () => {
      server = await servePage(WEB_DIST, 0);
      const address = server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    async function open(query: string): Promise<Page> {
      const page = await browser.newPage();
      await page.goto(`${base}${query}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      return page;
    }
    const eventStops = (page: Page) =>
      page.evaluate("document.querySelectorAll('.timeline > li .type').length") as Promise<number>;

    it('shows only the appeal’s events with the matter-level ones, under the appeal’s name', async () => {
      const page = await open(`?docket=${APPEAL}`);
      const shown = docketFilter(replayAll(wechat).snapshot.context, APPEAL);
      expect(await eventStops(page)).toBe(wechat.filter(shown).length);
      expect(await eventStops(page)).toBeLessThan(wechat.length);
      expect(await page.textContent('[data-testid="case-name"]')).toContain('20-16908');
      await page.close();
    });

    it('says an unknown docket in the notice, listing the dockets, and shows the whole matter', async () => {
      const page = await open('?docket=nope');
      const notice = (await page.textContent('[data-testid="notice"]')) ?? '';
      expect(notice).toContain("unknown docket 'nope': the log holds");
      expect(notice).toContain(APPEAL);
      expect(await eventStops(page)).toBe(wechat.length);
      await page.close();
    });
  });
}
