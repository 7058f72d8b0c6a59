/**
 * Bounded work: whatever a user types or points casesim at, a run ends and its memory stays small. Counts
 * are decimal whole numbers under an upper bound; a line longer than an event may be is reported by number
 * without being held (and an endless one, /dev/zero, stops the read); Ctrl-C during sampling leaves the
 * terminal as it was; a standard error is never NaN.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/cli/commands/outcomes.js';
import { MAX_LINE_BYTES } from '../src/events/parse.js';
import { standardError } from '../src/outcomes/analyse.js';
import { cli, STACK_TRACE } from './support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_CLI = path.join(ROOT, 'dist/bin/casesim.js');
const built = existsSync(BUILT_CLI);
const dir = mkdtempSync(path.join(tmpdir(), 'casesim-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outcomes counts', () => {
  it.each([
    ['--samples', '1e12'],
    ['--samples', '0x10'],
    ['--samples', '10.0'],
    ['--samples', '-5'],
    ['--samples', ' 7'],
    ['--samples', String(LIMITS['--samples'] + 1)],
    ['--depth', String(LIMITS['--depth'] + 1)],
    ['--depth', '0'],
    ['--max-paths', '1e9'],
    ['--seed', String(2 ** 32)],
  ])('refuse %s %s with the bound in the message, before any work (exit 2)', async (flag, value) => {
    const { code, out, err } = await cli('outcomes', flag, value);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      new RegExp(`^casesim: ${flag}: expected a whole number in decimal digits from \\d+ to [\\d,]+, got '`),
    );
  });

  it('accept the bound itself', async () => {
    const { code } = await cli('outcomes', '--depth', String(LIMITS['--depth']), '--json');
    expect(code).toBe(0);
  });

  it('never print a standard error of NaN, even when the sampled shares sum past 1 by rounding', async () => {
    // 100 draws of weight 0.01 that all land on one ending: 100 × 0.01 is 1.0000000000000007, and p(1 - p) < 0.
    let sum = 0;
    for (let i = 0; i < 100; i++) sum += 0.01;
    expect(sum).toBeGreaterThan(1);
    expect(standardError(sum, 100)).toBe(0);
    for (const from of ['appeal-dismissed', 'eo-14034-revokes']) {
      const { code, out } = await cli(
        'outcomes',
        '--from',
        from,
        '--method',
        'monte-carlo',
        '--samples',
        '100',
      );
      expect(code).toBe(0);
      expect(out).not.toMatch(/NaN/);
      expect(out).toMatch(/^total +100\.0%$/m);
    }
  });
});

describe('a log line longer than an event may be', () => {
  it('is reported by its number, and the lines after it are still checked', async () => {
    const log = path.join(dir, 'long-line.jsonl');
    const good = readFileSync(path.join(ROOT, 'tests/fixtures/logs/minimal.jsonl'), 'utf8').split('\n');
    const long = `{"summary":"${'x'.repeat(3 * MAX_LINE_BYTES)}"}`;
    writeFileSync(log, [good[0], long, 'not json', ''].join('\n'));
    const { code, err } = await cli('validate', log);
    expect(code).toBe(1);
    expect(err).toContain(`${log}:2: line is ${long.length} bytes; the limit is ${MAX_LINE_BYTES}`);
    expect(err).toContain(`${log}:3: not valid JSON`);
  });

  it.skipIf(!built)(
    `${built ? '' : '[skipped: dist/ is missing; run npm run build] '}without end stops the read with file and line, in bounded memory; a device (/dev/zero) is not read at all`,
    () => {
      // The heap is capped, and the resident set reported on exit: reading must not hold the input.
      const rss = path.join(dir, 'rss.mjs');
      writeFileSync(
        rss,
        [
          "process.on('exit', () =>",
          "  process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + '\\n'));",
        ].join('\n'),
      );
      // A regular file of 70 MiB with no newline (sparse: it takes no disk), the shape of /dev/zero.
      const endless = path.join(dir, 'endless.jsonl');
      writeFileSync(endless, '');
      truncateSync(endless, 70 * 1024 * 1024);
      const run = (file: string, json: boolean) => {
        const args = ['validate', file, ...(json ? ['--json'] : [])];
        const child = spawnSync(
          process.execPath,
          ['--max-old-space-size=48', '--import', rss, BUILT_CLI, ...args],
          { encoding: 'utf8', timeout: 60_000 },
        );
        const maxRssKb = Number(/maxrss=(\d+)/.exec(child.stderr)?.[1]);
        expect(maxRssKb).toBeGreaterThan(0);
        expect(maxRssKb).toBeLessThan(200 * 1024);
        expect(child.stderr).not.toMatch(STACK_TRACE);
        return child;
      };
      for (const json of [false, true]) {
        const long = run(endless, json);
        expect(long.status).toBe(1);
        if (json)
          expect(JSON.parse(long.stdout).error).toMatchObject({
            code: 'INVALID',
            where: { file: endless, line: 1 },
          });
        else expect(long.stderr).toContain(`casesim: ${endless}:1: line 1 runs past 64 MiB without an end`);
        // A device never ends and a FIFO never closes: neither is read (the store's readers refuse them).
        const device = run('/dev/zero', json);
        expect(device.status).toBe(2);
        if (json)
          expect(JSON.parse(device.stdout).error).toMatchObject({
            code: 'UNREADABLE',
            where: { file: '/dev/zero' },
          });
        else expect(device.stderr).toContain('/dev/zero is a device, not a log');
      }
    },
  );
});

const HAS_SCRIPT = existsSync('/usr/bin/script');

describe('Ctrl-C during Monte Carlo sampling', () => {
  it.skipIf(!built || !HAS_SCRIPT)(
    `${built && HAS_SCRIPT ? '' : '[skipped: needs dist/ (npm run build) and /usr/bin/script] '}leaves the cursor shown and line wrapping on`,
    async () => {
      // `script` gives the child a terminal, so the progress bar shows; ^C typed into it is SIGINT.
      const command = `${process.execPath} ${BUILT_CLI} outcomes --method monte-carlo --samples ${LIMITS['--samples']}`;
      const child = spawn('/usr/bin/script', ['-qfec', command, '/dev/null'], {
        env: { ...process.env, TERM: 'xterm', COLUMNS: '100' },
      });
      let transcript = '';
      child.stdout.on('data', (chunk) => {
        transcript += String(chunk);
      });
      const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
      const deadline = Date.now() + 30_000;
      while (!transcript.includes('sampling') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(transcript).toContain('sampling');
      child.stdin.write('\x03');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
      // The terminal ends as it began: every hidden cursor shown again, every wrap-off turned back on.
      for (const [off, on] of [
        ['\x1b[?25l', '\x1b[?25h'],
        ['\x1b[?7l', '\x1b[?7h'],
      ] as const) {
        const lastOff = transcript.lastIndexOf(off);
        if (lastOff >= 0) expect(transcript.lastIndexOf(on)).toBeGreaterThan(lastOff);
      }
      expect(transcript).not.toContain('100%');
    },
    60_000,
  );
});
