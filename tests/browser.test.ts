/**
 * The case page in a real browser (Debian's chromium, driven by playwright-core): it loads from
 * `casesim serve` and from disk, the scrubber moves through time by mouse and keyboard, the panels show
 * each prohibition's legal effect and the step that led there, the what-if switch redraws the branch,
 * the case switch shows each bundled case, the docket picker (and `?docket=`) one docket of the matter, and
 * text from a log is never run as HTML. Screenshots land
 * in test-output/screenshots/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage, WEB_DIST } from '../src/cli/commands/serve.js';
import { lifecycleGraphs } from '../src/docs/graph.js';
import { parseLog } from '../src/events/parse.js';
import { docketFilter } from '../src/replay/docket.js';
import { replayAll } from '../src/replay/replay.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM } from './support/chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = path.join(root, 'test-output', 'screenshots');
const INDEX = path.join(WEB_DIST, 'index.html');
const XSS = '<img src=x onerror=alert(1)>';

/** The test id of the focused element (a string expression: the tests are not compiled with the DOM library). */
const FOCUSED = "document.activeElement && document.activeElement.getAttribute('data-testid')";

const testid = (id: string) => `[data-testid="${id}"]`;

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
}

async function goToDate(page: Page, date: string): Promise<void> {
  await page.fill(testid('date-input'), date);
  await page.dispatchEvent(testid('date-input'), 'change');
}

/** "Open a log" with a fixture from tests/fixtures/logs. */
async function openFixtureLog(page: Page, name: string): Promise<void> {
  await page.setInputFiles(testid('log-file'), {
    name: `${name}.jsonl`,
    mimeType: 'application/json',
    buffer: readFileSync(path.join(root, 'tests', 'fixtures', 'logs', `${name}.jsonl`)),
  });
}

/** The arrows the lifecycle charts light now, as `lifecycle: source -> target (event)`. */
async function litArrows(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('.arrow[data-lit="true"]')].map((e) =>
    e.dataset.lifecycle + ': ' + (e.dataset.source || 'start') + ' -> ' + e.dataset.target + ' (' + e.dataset.event + ')')`)) as string[];
}

/** The states the lifecycle charts light now, as `lifecycle: state`. */
async function litStates(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('.state[data-active="true"]')].map((e) =>
    e.dataset.lifecycle + ': ' + e.dataset.state)`)) as string[];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

if (!HAS_CHROMIUM) {
  // Said plainly, on the console as well as in the skip count: a green run without the browser suite
  // has not checked the page.
  console.warn(`SKIPPED tests/browser.test.ts: the case page was NOT tested: ${NO_CHROMIUM}`);
  describe('the case page in a real browser', () => {
    it.skip(`is SKIPPED: ${NO_CHROMIUM}`, () => {});
  });
} else {
  describe('the case page in a real browser', () => {
    let browser: Browser;
    let server: Server;
    let base: string;

    beforeAll(async () => {
      if (!existsSync(INDEX)) {
        execFileSync(
          path.join(root, 'node_modules', '.bin', 'vite'),
          ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
          {
            cwd: root,
            stdio: 'inherit',
          },
        );
      }
      mkdirSync(SHOTS, { recursive: true });
      server = await servePage(WEB_DIST, 0);
      const address = server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    const errors = new WeakMap<Page, string[]>();

    async function newPage(): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const seen: string[] = [];
      errors.set(page, seen);
      page.on('pageerror', (error) => seen.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') seen.push(message.text());
      });
      return page;
    }

    /** Closes a page, failing the test if it logged an error or threw. */
    async function close(page: Page): Promise<void> {
      const seen = errors.get(page) ?? [];
      await page.close();
      expect(seen, 'errors in the page').toEqual([]);
    }

    it('is served by casesim serve on 127.0.0.1 only, and nothing outside web/dist', async () => {
      expect((server.address() as { address: string }).address).toBe('127.0.0.1');
      expect((await fetch(base)).status).toBe(200);
      expect((await fetch(`${base}..%2f..%2fpackage.json`)).status).toBe(404);
      expect((await fetch(`${base}%2e%2e/package.json`)).status).toBe(404);
    });

    it('is what `casesim serve` serves, from the built CLI', async (context) => {
      const cli = path.join(root, 'dist', 'bin', 'casesim.js');
      if (!existsSync(cli)) context.skip(`dist/bin/casesim.js is not built (npm run build)`);
      const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
            if (match) resolve(match[0]);
          });
          child.once('exit', (code) => reject(new Error(`casesim serve exited with ${code}: ${out}`)));
        });
        const response = await fetch(url);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('data-testid="scrubber"');
      } finally {
        child.kill();
      }
    });

    it('loads the WeChat case: the machine drawn and lit, the timeline, the first step; the mouse scrubs', async () => {
      const page = await newPage();
      await open(page, base);
      await expect
        .poll(() => page.textContent(testid('case-name')))
        .toBe('U.S. WeChat Users Alliance v. Trump');
      // The order exists, created along the start arrow labelled by the event that created it; nothing else yet.
      expect(await litStates(page)).toEqual(['order: in-force']);
      expect(await litArrows(page)).toEqual(['order: start -> in-force (order.signed)']);
      expect(await page.locator(`${testid('timeline')} > li`).count()).toBeGreaterThan(30);
      expect(await page.textContent(testid('step'))).toContain('eo-13943-signed');
      await shot(page, 'page-start');
      // The mouse moves through time too: a click near the end of the track jumps there.
      const box = await page.locator(testid('scrubber')).boundingBox();
      if (!box) throw new Error('the scrubber is not visible');
      await page.mouse.click(box.x + box.width * 0.98, box.y + box.height / 2);
      await expect.poll(async () => Number(await page.inputValue(testid('scrubber')))).toBeGreaterThan(30);
      expect(await page.textContent(testid('current-date'))).toMatch(/2021/);
      await close(page);
    });

    it('on 21 Sept 2020 shows the app-store prohibition enjoined by the 19 Sept order', async () => {
      const page = await newPage();
      await open(page, base);
      await goToDate(page, '2020-09-21');
      const status = testid('effect-status-app-store-distribution');
      await expect.poll(() => page.textContent(status)).toBe('enjoined');
      const effect = await page.textContent(testid('effect-app-store-distribution'));
      expect(effect).toContain('Enjoined by pi-granted: Wilbur Ross and those bound with them');
      expect(effect).toContain('pi-granted (Sat 19 Sep 2020)');
      expect(await litStates(page)).toEqual(
        expect.arrayContaining(['motion: granted', 'injunction: in-force']),
      );
      await shot(page, 'enjoined-2020-09-21');
      // The step that led there is explained from the machine: the PI's rules, with citations.
      await page.click(`${testid('effect-app-store-distribution')} button[data-event="pi-granted"]`);
      await expect.poll(() => page.textContent(testid('step'))).toContain('Winter v. NRDC');
      await shot(page, 'step-pi-granted');
      await close(page);
    });

    it('in the stay-granted what-if, the app-store prohibition awaits a new date from the agency after the stay', async () => {
      const page = await newPage();
      await open(page, base);
      await page.selectOption(testid('scenario-select'), 'district-stay-granted');
      await expect.poll(() => page.isVisible(testid('scenario-banner'))).toBe(true);
      await goToDate(page, '2020-10-22');
      await expect
        .poll(() => page.textContent(testid('effect-status-app-store-distribution')))
        .toBe('enjoined');
      await goToDate(page, '2020-10-24');
      await expect
        .poll(() => page.textContent(testid('effect-status-app-store-distribution')))
        .toBe('awaiting a new date');
      expect(await page.textContent(testid('effect-reason-app-store-distribution'))).toContain(
        'its effective time is to be set by the agency',
      );
      expect(await litStates(page)).toEqual(expect.arrayContaining(['injunction: stayed', 'stay: in-force']));
      expect(await litArrows(page)).toContain('injunction: in-force -> stayed (stay.granted)');
      await shot(page, 'whatif-stay-granted');
      await close(page);
    });

    it('goes to the date asked and keeps it: 21 Sept shows 21 Sept, 1 Jan 2021 shows 1 Jan 2021', async () => {
      const page = await newPage();
      await open(page, base);
      await goToDate(page, '2020-09-21');
      await expect.poll(() => page.textContent(testid('current-date'))).toBe('Mon 21 Sep 2020');
      expect(await page.inputValue(testid('date-input'))).toBe('2020-09-21');
      // The heading is over enjoined items too: it names the legal effect, not "in force".
      expect(await page.textContent(testid('effects-heading'))).toBe('Legal effect on Mon 21 Sep 2020');
      await goToDate(page, '2021-01-01');
      await expect.poll(() => page.textContent(testid('current-date'))).toBe('Fri 1 Jan 2021');
      expect(await page.inputValue(testid('date-input'))).toBe('2021-01-01');
      // Moving on by step shows the step's own date again.
      await page.click(testid('next'));
      await expect.poll(() => page.textContent(testid('current-date'))).not.toBe('Fri 1 Jan 2021');
      await close(page);
    });

    it('after "Open a log": the branch menu names the opened log and goes back to the bundled case', async () => {
      const page = await newPage();
      await open(page, base);
      await openFixtureLog(page, 'minimal');
      await expect.poll(() => page.textContent(testid('case-meta'))).toContain('minimal.jsonl');
      expect(await page.isEnabled(testid('scenario-select'))).toBe(true);
      expect(await page.inputValue(testid('scenario-select'))).toBe('(opened)');
      expect(await page.textContent(`${testid('scenario-select')} option:checked`)).toBe(
        'Opened log: minimal.jsonl',
      );
      await page.selectOption(testid('scenario-select'), '');
      await expect.poll(() => page.textContent(testid('case-meta'))).toContain('events/wechat.jsonl');
      await page.selectOption(testid('scenario-select'), 'district-stay-granted');
      await expect.poll(() => page.isVisible(testid('scenario-banner'))).toBe(true);
      await page.selectOption(testid('scenario-select'), '(opened)');
      await expect.poll(() => page.textContent(testid('case-meta'))).toContain('minimal.jsonl');
      await close(page);
    });

    it.each([
      ['an empty file', 'empty.jsonl', Buffer.alloc(0), /empty\.jsonl has no events: the file is empty/],
      [
        'a binary file',
        'random.bin',
        Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 97 + 13) % 256)),
        /random\.bin has no readable event/,
      ],
    ])('%s clears the previous case (date, phases, lit chart) and says why', async (_, name, buffer, why) => {
      const page = await newPage();
      await open(page, base);
      await goToDate(page, '2020-09-21');
      await expect.poll(() => page.textContent(testid('current-date'))).toBe('Mon 21 Sep 2020');
      await page.setInputFiles(testid('log-file'), { name, mimeType: 'application/octet-stream', buffer });
      await expect.poll(() => page.isVisible(testid('notice'))).toBe(true);
      expect(await page.textContent(testid('notice'))).toMatch(why);
      expect(await page.textContent(testid('current-date'))).toBe('');
      expect(await page.textContent(testid('phases'))).toBe('');
      expect(await page.locator('[data-active="true"]').count()).toBe(0);
      expect(await page.textContent(testid('effects-slot'))).toContain('no event to show');
      await close(page);
    });

    it('a log with a rejected event says so up front, naming the line, event and rule', async () => {
      const page = await newPage();
      await open(page, base);
      await openFixtureLog(page, 'illegal-event');
      await expect.poll(() => page.isVisible(testid('notice'))).toBe(true);
      expect(await page.textContent(testid('notice'))).toContain(
        'illegal-event.jsonl:7: event stay-granted: stay.granted breaks rule stayMotionPending',
      );
      await close(page);
    });

    it('shows a summary holding HTML as literal text, and no script runs', async () => {
      const page = await newPage();
      let dialogs = 0;
      page.on('dialog', async (dialog) => {
        dialogs += 1;
        await dialog.dismiss();
      });
      await open(page, base);
      const log = readFileSync(path.join(root, 'events', 'wechat.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const event = JSON.parse(line);
          return JSON.stringify(
            event.id === 'pi-granted' ? { ...event, summary: `${XSS} Judge Beeler grants it.` } : event,
          );
        })
        .join('\n');
      await page.setInputFiles(testid('log-file'), {
        name: 'crafted.jsonl',
        mimeType: 'application/json',
        buffer: Buffer.from(`${log}\n`),
      });
      await expect.poll(() => page.textContent(testid('case-meta'))).toContain('crafted.jsonl');
      const entry = page.locator(`${testid('timeline')} > li[data-event-id="pi-granted"]`);
      expect(await entry.locator('.summary').textContent()).toBe(`${XSS} Judge Beeler grants it.`);
      await entry.locator('button').click();
      await expect.poll(() => page.textContent(testid('step-summary'))).toContain(XSS);
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toBe(0);
      await shot(page, 'crafted-log-as-text');
      await close(page);
    });

    it('moves through time by keyboard alone: Tab to the scrubber, arrows step one event, Home and End', async () => {
      const page = await newPage();
      await open(page, base);
      const total = await page.locator(`${testid('timeline')} > li`).count();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(FOCUSED)) === 'scrubber') break;
      }
      expect(await page.evaluate(FOCUSED)).toBe('scrubber');
      const step = () => page.textContent(testid('current-step'));
      const date = () => page.textContent(testid('current-date'));
      await page.keyboard.press('End');
      await expect.poll(step).toMatch(new RegExp(`^${total} of ${total}`));
      // The last two stops may share a day (the log ends with two events of 10 Aug 2021): compare the stops.
      const last = await page.getAttribute(testid('scrubber'), 'aria-valuetext');
      await page.keyboard.press('Home');
      await expect.poll(step).toMatch(new RegExp(`^1 of ${total}`));
      expect(await date()).toBe('Thu 6 Aug 2020');
      await page.keyboard.press('ArrowRight');
      await expect.poll(step).toMatch(new RegExp(`^2 of ${total}`));
      expect(await date()).not.toBe('Thu 6 Aug 2020');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(step).toMatch(new RegExp(`^${total - 1} of ${total}`));
      expect(await page.getAttribute(testid('scrubber'), 'aria-valuetext')).toContain(':');
      expect(await page.getAttribute(testid('scrubber'), 'aria-valuetext')).not.toBe(last);
      await shot(page, 'keyboard-scrubber');
      await close(page);
    });

    it('lets a student follow PI granted → stay motion → appeal → stay denied → abeyance → order revoked → appeal dismissed as moot along lit, labelled arrows', async () => {
      const page = await newPage();
      await open(page, base);
      // The record's order (the appeal was noticed before the district court denied the stay).
      const path: [string, string[]][] = [
        [
          'pi-granted',
          [
            'motion: pending -> granted (injunction.granted)',
            'injunction: start -> in-force (injunction.granted)',
          ],
        ],
        ['district-stay-motion', ['motion: start -> pending (stay.motionFiled)']],
        ['notice-of-appeal', ['appeal: start -> pending (appeal.noticed)']],
        ['district-stay-denied', ['motion: pending -> denied (stay.denied)']],
        ['appeal-abeyance', ['appeal: pending -> in-abeyance (appeal.heldInAbeyance)']],
        [
          'eo-14034-revokes',
          [
            'order: in-force -> revoked (order.revoked)',
            'prohibition: scheduled -> order-revoked (order.revoked)',
          ],
        ],
        ['appeal-dismissed', ['appeal: in-abeyance -> dismissed (appeal.dismissed)']],
      ];
      for (const [id, arrows] of path) {
        await page.click(`${testid('timeline')} > li[data-event-id="${id}"] button`);
        await expect.poll(() => page.textContent(testid('current-step'))).toContain(id);
        expect(await litArrows(page), id).toEqual(arrows);
        for (const arrow of await page.locator('.arrow[data-lit="true"]').all()) {
          // Labelled on the chart by its event kind, and leading into a lit state.
          expect(await arrow.locator('text.label').textContent()).toBe(
            await arrow.getAttribute('data-event'),
          );
          const into = `state-${await arrow.getAttribute('data-lifecycle')}-${await arrow.getAttribute('data-target')}`;
          expect(await page.getAttribute(testid(into), 'data-active')).toBe('true');
        }
        await shot(page, `lifecycle-path-${id}`);
      }
      await close(page);
    });

    it("shows an arrow's rules, each with its title and citation, on hover and on keyboard focus", async () => {
      const page = await newPage();
      await open(page, base);
      await page.click(`${testid('timeline')} > li[data-event-id="appeal-dismissed"] button`);
      const arrow = page.locator('.arrow[data-lit="true"]');
      const [lifecycle, index] = ((await arrow.getAttribute('data-testid')) ?? '').split(/-(?=[^-]+$)/);
      const graph = lifecycleGraphs().find((g) => `arrow-${g.id}` === lifecycle);
      const transition = graph?.transitions[Number(index)];
      if (!transition) throw new Error(`no transition for ${lifecycle} ${index}`);
      expect(transition.rules.map((r) => r.name)).toContain('mootnessIsTheCourtsFinding');
      const tip = page.locator(testid('arrow-details'));
      expect(await tip.isHidden()).toBe(true);
      await arrow.locator('text.label').hover();
      await expect.poll(() => tip.isVisible()).toBe(true);
      for (const rule of transition.rules) {
        expect(await tip.textContent()).toContain(rule.title);
        expect(await tip.textContent()).toContain(rule.citation);
      }
      await shot(page, 'arrow-rules-on-hover');
      await page.mouse.move(0, 0);
      await expect.poll(() => tip.isHidden()).toBe(true);
      // By keyboard: the arrows are in the tab order, and focus shows the same rules as hover.
      await arrow.focus();
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toContain(transition.rules[0]?.citation ?? '');
      expect(await arrow.getAttribute('aria-describedby')).toBe('arrow-tip');
      await page.keyboard.press('Tab');
      const next = (await page.evaluate(FOCUSED)) as string;
      expect(next).toMatch(/^arrow-/);
      expect(next).not.toBe(await arrow.getAttribute('data-testid'));
      const nextEvent = await page.getAttribute(testid(next), 'data-event');
      await expect.poll(() => tip.textContent()).toContain(nextEvent ?? '?');
      await shot(page, 'arrow-rules-on-focus');
      await page.keyboard.press('Escape');
      await expect.poll(() => tip.isHidden()).toBe(true);
      await close(page);
    });

    it('lights no state and no arrow once a log with no event is opened', async () => {
      const page = await newPage();
      await open(page, base);
      await goToDate(page, '2020-09-21');
      await expect.poll(async () => (await litStates(page)).length).toBeGreaterThan(0);
      await page.setInputFiles(testid('log-file'), {
        name: 'empty.jsonl',
        mimeType: 'application/json',
        buffer: Buffer.alloc(0),
      });
      await expect.poll(() => litStates(page)).toEqual([]);
      expect(await litArrows(page)).toEqual([]);
      expect(await page.textContent(testid('objects-injunction'))).toBe('None in the record yet.');
      await close(page);
    });

    it('opens from disk (file://) with no server', async () => {
      const page = await newPage();
      await open(page, pathToFileURL(INDEX).href);
      await goToDate(page, '2020-09-21');
      await expect
        .poll(() => page.textContent(testid('effect-status-app-store-distribution')))
        .toBe('enjoined');
      await shot(page, 'from-disk');
      await close(page);
    });

    /** The texts of a select's options. */
    const optionTexts = (page: Page, id: string) =>
      page.$$eval(`${testid(id)} option`, (options) => options.map((o) => o.textContent ?? ''));

    it('switches between the bundled cases, WeChat first: the other case shows its own timeline, charts, branches and odds', async () => {
      const page = await newPage();
      await open(page, base);
      expect(await optionTexts(page, 'case-select')).toEqual([
        'U.S. WeChat Users Alliance v. Trump',
        'State of Washington v. Trump',
      ]);
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
      // Its own what-if branches (the scenarios whose base is this log), none of the WeChat case's.
      expect(await optionTexts(page, 'scenario-select')).toEqual([
        'The real record (State of Washington v. Trump)',
        'What if: The Ninth Circuit stays the TRO',
        'What if: Judge Robart denies the TRO',
      ]);
      expect(await page.textContent(testid('odds-slot'))).toContain('entry-suspension order');
      // The scrubber starts at this case's first event, and the charts light this case's objects.
      expect(await page.textContent(testid('current-date'))).toContain('2017');
      await goToDate(page, '2017-02-10');
      expect(await litStates(page)).toContain('order: in-force');
      expect(await litStates(page)).toContain('district-case: open');
      // On 10 Feb 2017 the TRO restrains the order's sections, and the Ninth Circuit has denied the stay.
      expect(await litStates(page)).toContain('injunction: in-force');
      await shot(page, 'washington-v-trump');

      await page.selectOption(testid('case-select'), 'wechat');
      expect(await page.textContent(testid('case-name'))).toBe('U.S. WeChat Users Alliance v. Trump');
      expect(await optionTexts(page, 'scenario-select')).toEqual(wechatBranches);
      expect(await page.textContent(testid('timeline-slot'))).toBe(wechatTimeline);
      await close(page);
    });

    /** The WeChat log, and which of its events the page shows on one docket (as `--docket` does). */
    const wechat = parseLog(readFileSync(path.join(root, 'events', 'wechat.jsonl'))).events.map(
      (l) => l.event,
    );
    const onDocket = (docket: string) =>
      wechat.filter(docketFilter(replayAll(wechat).snapshot.context, docket)).length;
    const APPEAL = 'ca9-20-16908';
    const eventStops = (page: Page) =>
      page.evaluate("document.querySelectorAll('.timeline > li .type').length") as Promise<number>;
    const docketInUrl = (page: Page) => new URL(page.url()).searchParams.get('docket');

    it('picks one docket of the matter, the whole matter by default, and keeps the choice in the URL', async () => {
      const page = await newPage();
      await open(page, base);
      expect(await optionTexts(page, 'docket-select')).toEqual([
        'Whole matter (2 dockets)',
        'N.D. Cal. 3:20-cv-05910-LB (district case)',
        'U.S. Court of Appeals for the Ninth Circuit 20-16908 (appeal)',
      ]);
      expect(await page.inputValue(testid('docket-select'))).toBe('');
      expect(await eventStops(page)).toBe(wechat.length);

      await page.selectOption(testid('docket-select'), APPEAL);
      expect(docketInUrl(page)).toBe(APPEAL);
      expect(await eventStops(page)).toBe(onDocket(APPEAL));
      expect(await eventStops(page)).toBeLessThan(wechat.length);
      expect(await page.textContent(testid('case-name'))).toContain('20-16908');

      // A reload (or the link, shared) shows the same docket, with the picker on it.
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      expect(await page.inputValue(testid('docket-select'))).toBe(APPEAL);
      expect(await eventStops(page)).toBe(onDocket(APPEAL));

      await page.selectOption(testid('docket-select'), '');
      expect(docketInUrl(page)).toBeNull();
      expect(await eventStops(page)).toBe(wechat.length);
      await close(page);
    });

    it('opens another case on its whole matter, with that case’s dockets', async () => {
      const page = await newPage();
      await open(page, `${base}?docket=${APPEAL}`);
      await page.selectOption(testid('case-select'), 'washington-v-trump');
      expect(docketInUrl(page)).toBeNull();
      expect(await page.inputValue(testid('docket-select'))).toBe('');
      expect(await optionTexts(page, 'docket-select')).toEqual([
        'Whole matter (2 dockets)',
        'W.D. Wash. 2:17-cv-00141-JLR (district case)',
        'Ninth Circuit 17-35105 (appeal)',
      ]);
      await close(page);
    });

    it('says an unknown ?docket= in the notice, listing the dockets, and shows the whole matter', async () => {
      const page = await newPage();
      await open(page, `${base}?docket=nope`);
      const notice = (await page.textContent(testid('notice'))) ?? '';
      expect(notice).toContain("unknown docket 'nope': the log holds");
      expect(notice).toContain(APPEAL);
      expect(await page.inputValue(testid('docket-select'))).toBe('');
      expect(await eventStops(page)).toBe(wechat.length);
      await close(page);
    });
  });
}
