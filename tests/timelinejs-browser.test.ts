/**
 * The TimelineJS export, loaded into TimelineJS itself (@knight-lab/timelinejs, served from node_modules,
 * in Debian's chromium through playwright-core, with every other address refused: no network): it renders
 * without an error, every event is on a slide in the log's date order, media appear only where TimelineJS
 * can show them (every source here is a link in the text instead), and each court or actor is one group.
 * A screenshot of the rendered WeChat timeline lands in test-output/screenshots/timelinejs.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { toTimelineJs } from '../src/export/timelinejs.js';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TL_DIST = path.join(root, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const SHOTS = path.join(root, 'test-output', 'screenshots');
const ORIGIN = 'http://timelinejs.test';

const events: CaseEvent[] = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl'))).events.map(
  (l) => l.event,
);
const doc = toTimelineJs(events);

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
<style>html, body { margin: 0; height: 100%; } #timeline { width: 100%; height: 100%; }</style>
</head><body><div id="timeline"></div>
<script>
  window.tlLoaded = false;
  fetch('/data.json').then((r) => r.json()).then((data) => {
    window.timeline = new TL.Timeline('timeline', data, {
      script_path: '${ORIGIN}/tl/js/',
      language: 'en',
      // The default font comes from Google Fonts; this one is the system's, so the test needs no network.
      font: 'georgia-helvetica',
    });
    window.timeline.on('loaded', () => { window.tlLoaded = true; });
  });
</script></body></html>`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A page on which TimelineJS and the export are served from disk, and nothing else is reachable. */
async function timelinePage(browser: Browser, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      problems.push(`network request refused: ${url.href}`);
      return route.abort();
    }
    if (url.pathname === '/') return route.fulfill({ body: PAGE, contentType: 'text/html' });
    if (url.pathname === '/data.json') return route.fulfill({ json: doc });
    const file = path.join(TL_DIST, path.normalize(url.pathname.replace(/^\/tl\//, '')));
    if (!url.pathname.startsWith('/tl/') || !file.startsWith(TL_DIST) || !existsSync(file)) {
      problems.push(`missing: ${url.pathname}`);
      return route.fulfill({ status: 404, body: '' });
    }
    return route.fulfill({
      body: readFileSync(file),
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction('window.tlLoaded === true', undefined, { timeout: 30_000 });
  return page;
}

/** What TimelineJS drew, read from the DOM (a string expression: tests are not compiled with the DOM lib). */
const RENDERED = `(() => {
  const slides = [...document.querySelectorAll('.tl-storyslider .tl-slide')];
  return {
    slides: slides.map((s) => ({
      id: s.id,
      date: (s.querySelector('.tl-headline-date') || {}).textContent || '',
      media: s.querySelectorAll('.tl-media-item, .tl-media-content').length,
      images: [...s.querySelectorAll('.tl-media img')].map((i) => i.getAttribute('src')),
      links: [...s.querySelectorAll('.tl-text a[href]')].map((a) => a.getAttribute('href')),
    })),
    markers: [...document.querySelectorAll('.tl-timemarker')].map((m) => ({
      id: m.id.replace(/-marker$/, ''),
      left: parseFloat(m.style.left),
    })),
    groups: [...document.querySelectorAll('.tl-timegroup-message')].map((g) => g.textContent),
    loading: [...document.querySelectorAll('.tl-loading-icon, .tl-message-loading')].filter(
      (e) => e.offsetParent !== null,
    ).length,
    text: document.body.innerText,
  };
})()`;

interface Rendered {
  slides: { id: string; date: string; media: number; images: string[]; links: string[] }[];
  markers: { id: string; left: number }[];
  groups: string[];
  loading: number;
  text: string;
}

if (!existsSync(CHROMIUM)) {
  describe('the TimelineJS export in TimelineJS', () => {
    it.skip(`is SKIPPED: no chromium at ${CHROMIUM} (Debian: apt-get install chromium)`, () => {});
  });
  console.warn(
    `SKIPPED tests/timelinejs-browser.test.ts: no chromium at ${CHROMIUM}; the export was NOT loaded into TimelineJS (Debian: apt-get install chromium)`,
  );
} else {
  describe('the TimelineJS export in TimelineJS', () => {
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];
    let rendered: Rendered;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
      page = await timelinePage(browser, problems);
      rendered = (await page.evaluate(RENDERED)) as Rendered;
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('renders with no error, no request outside the page, and nothing left loading', () => {
      expect(problems).toEqual([]);
      expect(rendered.loading).toBe(0);
      expect(rendered.text).not.toMatch(/Loading Document Cloud|DV is not defined|Error loading/i);
    });

    it('puts every event on a slide, in the order of the log (after the title slide)', () => {
      const ids = rendered.slides.map((s) => s.id).filter((id) => id !== '' && !id.endsWith('-title'));
      expect(ids.slice(-events.length)).toEqual(events.map((e) => e.id));
    });

    it('places the markers in the same order along the time axis', () => {
      const byId = new Map(rendered.markers.map((m) => [m.id, m.left]));
      const lefts = events.map((e) => byId.get(e.id));
      expect(lefts.every((l) => typeof l === 'number' && Number.isFinite(l))).toBe(true);
      for (let i = 1; i < lefts.length; i++)
        expect(lefts[i] ?? 0, events[i]?.id).toBeGreaterThanOrEqual(lefts[i - 1] ?? 0);
    });

    it('shows each date as precisely as the record: the year-only note reads 2020, after the stay motion', () => {
      const date = (id: string) => rendered.slides.find((s) => s.id === id)?.date;
      expect(date('tencent-mitigation-proposal')).toBe('2020');
      expect(date('pi-granted')).toBe('2020-09-19');
      expect(date('pi-saturday-hearing')).toBe('2020-09-19 13:30 (America/Los_Angeles)');
      const order = rendered.slides.map((s) => s.id);
      expect(order.indexOf('tencent-mitigation-proposal')).toBeGreaterThan(
        order.indexOf('district-stay-motion'),
      );
      expect(order.indexOf('pi-granted')).toBeGreaterThan(order.indexOf('pi-saturday-hearing'));
    });

    it('shows media only where TimelineJS can show it; every source with an address is a link in the text', () => {
      for (const slide of rendered.slides) {
        const event = events.find((e) => e.id === slide.id);
        if (!event) continue;
        expect(slide.media, slide.id).toBe(0);
        const urls = event.sources.flatMap((s) => (s.type !== 'article' && s.url ? [s.url] : []));
        for (const url of urls) expect(slide.links, slide.id).toContain(url);
      }
    });

    it('has one group per court or actor', () => {
      const groups = rendered.groups.map((g) => g.trim());
      expect(new Set(groups).size).toBe(groups.length);
      expect(groups.length).toBe(new Set(doc.events.map((e) => e.group)).size);
      expect(groups).toEqual(
        expect.arrayContaining(['N.D. Cal.', 'U.S. Department of Justice', 'Plaintiffs']),
      );
      for (const g of groups) expect(g).not.toMatch(/\(|, for the /);
    });

    it('looks right: a screenshot at the injunction', async () => {
      await page.evaluate("window.timeline.goToId('pi-granted')");
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(SHOTS, 'timelinejs.png') });
      expect(problems).toEqual([]);
    });
  });
}
