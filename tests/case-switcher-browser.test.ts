/**
 * The page's case switcher in a real browser (Debian's chromium, driven by playwright-core): every bundled
 * log is a case; switching shows that case's timeline, lifecycle charts, what-if branches and odds, and
 * switching back restores the first case's.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage, WEB_DIST } from '../src/cli/commands/serve.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM } from './support/chromium.js';

const testid = (id: string) => `[data-testid="${id}"]`;

/** The states the lifecycle charts light now, as `lifecycle: state`. */
async function litStates(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('.state[data-active="true"]')].map((e) =>
    e.dataset.lifecycle + ': ' + e.dataset.state)`)) as string[];
}

async function optionTexts(page: Page, id: string): Promise<string[]> {
  return page.$$eval(`${testid(id)} option`, (options) => options.map((o) => o.textContent ?? ''));
}

const ready = !HAS_CHROMIUM
  ? NO_CHROMIUM
  : existsSync(`${WEB_DIST}/index.html`)
    ? undefined
    : 'web/dist is not built (npm run build)';

if (ready) {
  console.warn(`SKIPPED tests/case-switcher-browser.test.ts: the case switcher was NOT tested: ${ready}`);
  describe('the case switcher in a real browser', () => {
    it.skip(`is SKIPPED: ${ready}`, () => {});
  });
} else {
  describe('the case switcher in a real browser', () => {
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

    it('offers every bundled case, WeChat first, and switching shows the other case: its timeline, charts, branches and odds', async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(base);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

      expect(await optionTexts(page, 'case-select')).toEqual([
        'U.S. WeChat Users Alliance v. Trump',
        'State of Washington v. Trump',
      ]);
      expect(await page.textContent(testid('case-name'))).toBe('U.S. WeChat Users Alliance v. Trump');
      const wechatBranches = await optionTexts(page, 'scenario-select');
      expect(wechatBranches.length).toBeGreaterThan(1);
      expect(await page.textContent(testid('odds-slot'))).toContain('IEEPA order');
      const wechatTimeline = await page.textContent(testid('timeline-slot'));
      expect(wechatTimeline).toContain('WeChat');

      await page.selectOption(testid('case-select'), 'washington-v-trump');
      expect(await page.textContent(testid('case-name'))).toBe('State of Washington v. Trump');
      expect(await page.textContent(testid('case-meta'))).toContain('2:17-cv-00141-JLR');
      const timeline = (await page.textContent(testid('timeline-slot'))) ?? '';
      expect(timeline).toContain('13769');
      expect(timeline).not.toContain('WeChat');
      // Only the real record: no what-if branch of the WeChat case is offered for this one.
      expect(await optionTexts(page, 'scenario-select')).toEqual([
        'The real record (State of Washington v. Trump)',
      ]);
      expect(await page.textContent(testid('odds-slot'))).toContain('entry-suspension order');
      // The scrubber starts at this case's first event, and the charts light this case's objects.
      expect(await page.textContent(testid('current-date'))).toContain('2017');
      await page.fill(testid('date-input'), '2017-02-10');
      await page.dispatchEvent(testid('date-input'), 'change');
      expect(await litStates(page)).toContain('order: in-force');
      expect(await litStates(page)).toContain('district-case: open');

      await page.selectOption(testid('case-select'), 'wechat');
      expect(await page.textContent(testid('case-name'))).toBe('U.S. WeChat Users Alliance v. Trump');
      expect(await optionTexts(page, 'scenario-select')).toEqual(wechatBranches);
      expect(await page.textContent(testid('timeline-slot'))).toBe(wechatTimeline);
      await page.close();
      expect(errors, 'errors in the page').toEqual([]);
    });
  });
}
