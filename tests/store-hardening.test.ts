/**
 * The store cannot be fooled (issue 15): a write whose end is unknown says so; repair moves only a genuinely
 * torn tail and its side file is whole or absent; errors name the file and the cause in words; a FIFO, a
 * directory or a dangling symlink given as a log is refused at once; and the checkpoint that makes appends
 * cheap is never trusted over the log itself.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import { appendEvent, repairLog } from '../src/store/index.js';
import { ROOT, removeDir, tempDir } from './helpers/built.js';
import { withSmallDisk } from './helpers/children.js';
import { cli } from './support/cli.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/store');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const note = (id: string, extra: Record<string, unknown> = {}) => ({
  ...(JSON.parse(fixture('note.json')) as Record<string, unknown>),
  id,
  ...extra,
});
const errno = (code: string) => Object.assign(new Error(code), { code });
const isRoot = process.getuid?.() === 0;

let dir: string;
let log: string;
beforeEach(() => {
  dir = tempDir('store-hardening');
  log = path.join(dir, 'case.jsonl');
  writeFileSync(log, fixture('seed.jsonl'));
});
afterEach(() => removeDir(dir));

describe('a write whose outcome is unknown (issue 15, point 5)', () => {
  it('after an fsync error, says the event may or may not be stored, and a retry with the same id is safe', async () => {
    const result = await appendEvent(log, note('n-1'), {
      fs: {
        writeSync,
        fsyncSync: () => {
          throw errno('EIO');
        },
      },
    });
    expect(result.error).toMatchObject({ code: 'OUTCOME_UNKNOWN', where: { eventId: 'n-1' } });
    expect(result.error?.message).toMatch(
      /input\/output error.*may or may not be stored: run `casesim validate .*`; a retry with the same id is safe/,
    );
    expect(result.error?.message).not.toMatch(/not stored/);
    // Here it was stored: validate counts it, and the retry is told so.
    expect(parseLog(readFileSync(log)).events.map((e) => e.event.id)).toContain('n-1');
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, status: 'duplicate' });
  });

  const cutAt = (keep: (length: number) => number) => ({
    writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (offset === 0) return writeSync(fd, buffer, 0, keep(length));
      throw errno('ENOSPC');
    },
    fsyncSync,
  });

  it('after a write cut off just before its newline, never says "not stored" (it is stored: a retry says so)', async () => {
    const result = await appendEvent(log, note('n-1'), { fs: cutAt((n) => n - 1) });
    expect(result.error).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(result.error?.message).toMatch(
      /cut off after \d+ of \d+ bytes \(the disk is full\).*may or may not/,
    );
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, status: 'duplicate', line: 4 });
  });

  it('after a write cut off mid-line, says the same; the torn line then stops every append until repair', async () => {
    const result = await appendEvent(log, note('n-1'), { fs: cutAt((n) => n >> 1) });
    expect(result.error).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect((await appendEvent(log, note('n-1'))).error).toMatchObject({
      code: 'CORRUPT_LOG',
      where: { line: 4 },
    });
    expect(await repairLog(log)).toMatchObject({ ok: true, status: 'moved' });
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, status: 'appended', line: 4 });
  });

  it('says "not stored" only when nothing reached the file, naming the cause in words', async () => {
    const before = hash(log);
    const result = await appendEvent(log, note('n-1'), {
      fs: {
        writeSync: () => {
          throw errno('ENOSPC');
        },
        fsyncSync,
      },
    });
    expect(result.error).toMatchObject({ code: 'IO_ERROR' });
    expect(result.error?.message).toBe('cannot write to the log: the disk is full; the event is not stored');
    expect(hash(log)).toBe(before);
  });
});

describe('errors name the file and the cause in words (issue 15, points 6 and 8)', () => {
  it('a directory given as a log: "is a directory", for append and repair alike (issue 13, point 8)', async () => {
    const folder = path.join(dir, 'folder.jsonl');
    mkdirSync(folder);
    const appended = await appendEvent(folder, note('n-1'));
    expect(appended.error?.message).toBe(`${folder} is a directory; the event is not stored`);
    const repaired = await repairLog(folder);
    expect(repaired.error?.message).toBe(`${folder} is a directory; nothing changed`);
    expect(repaired.error?.message).not.toMatch(/torn/);
  });

  it('a FIFO given as a log is refused at once, never waited on', async () => {
    const fifo = path.join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect((await appendEvent(fifo, note('n-1'), { lockTimeoutMs: 100 })).error?.message).toMatch(
      /is a FIFO \(named pipe\), not a log file; the event is not stored/,
    );
    expect((await repairLog(fifo)).error?.message).toMatch(/is a FIFO/);
  });

  it('readers refuse a FIFO or a device given as a log, at once, instead of hanging or reading without end', async () => {
    const fifo = path.join(dir, 'reader.jsonl');
    execFileSync('mkfifo', [fifo]);
    const r = await cli('validate', fifo);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`casesim: ${fifo} is a FIFO (named pipe), not a log\n`);
    const zero = await cli('validate', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.err).toBe('casesim: /dev/zero is a device, not a log\n');
  });

  it('a dangling symlink whose target directory is missing is named as such, at once', async () => {
    const link = path.join(dir, 'dangling.jsonl');
    symlinkSync(path.join(dir, 'gone', 'case.jsonl'), link);
    const result = await appendEvent(link, note('n-1'));
    expect(result.error?.message).toMatch(/is a symbolic link to .*gone.*whose directory does not exist/);
    expect((await repairLog(link)).error?.message).toBe('no such log');
  });

  it.skipIf(!isRoot)(
    'a full disk: append says "the disk is full" and stores nothing; repair leaves no empty side file',
    async () => {
      await withSmallDisk(path.join(dir, 'small'), async (mount) => {
        // A clean log that fills its last page exactly, so the next line needs a page the disk lacks.
        const clean = path.join(mount, 'clean.jsonl');
        const seed = fixture('seed.jsonl');
        const pad = (n: number) => `${JSON.stringify(note('pad', { summary: 'p'.repeat(n) }))}\n`;
        const base = Buffer.byteLength(seed + pad(0));
        writeFileSync(clean, seed + pad(4096 * Math.ceil(base / 4096) - base));
        const small = path.join(mount, 'case.jsonl');
        const torn = `{"type":"context.note","id":"torn","summary":"${'x'.repeat(20_000)}`;
        writeFileSync(small, seed + torn);
        try {
          writeFileSync(path.join(mount, 'filler'), Buffer.alloc(64 * 1024));
        } catch {
          // Filled to the last page: that is the point.
        }
        const cleanBefore = hash(clean);
        const appended = await appendEvent(clean, note('n-1'));
        expect(appended.error).toMatchObject({ code: 'IO_ERROR' });
        expect(appended.error?.message).toBe(
          'cannot write to the log: the disk is full; the event is not stored',
        );
        expect(hash(clean)).toBe(cleanBefore);

        const before = hash(small);
        const result = await repairLog(small);
        expect(result.error?.message).toMatch(
          /cannot write the torn line to a side file: the disk is full; nothing changed/,
        );
        expect(readdirSync(mount).filter((f) => f.includes('torn'))).toEqual([]);
        expect(hash(small)).toBe(before);
      });
    },
  );
});

describe('repair moves only a genuinely torn tail (issue 15, point 4; issue 13, point 8)', () => {
  it('refuses a log with CR-only line endings and leaves it untouched', async () => {
    writeFileSync(log, fixture('seed.jsonl').replaceAll('\n', '\r'));
    const before = hash(log);
    const result = await repairLog(log);
    expect(result.error).toMatchObject({ code: 'CORRUPT_LOG' });
    expect(result.error?.message).toMatch(/CR-only line endings.*nothing changed/);
    expect(hash(log)).toBe(before);
    expect(readdirSync(dir)).toEqual(['case.jsonl']);
  });

  it('refuses a file that is not a log (random bytes) and says why', async () => {
    writeFileSync(
      log,
      randomBytes(4096).map((b) => (b === 0x0a || b === 0x0d ? 0x20 : b)),
    );
    const before = hash(log);
    const withNewlines = Buffer.concat([readFileSync(log), Buffer.from('\n{"partial')]);
    writeFileSync(log, withNewlines);
    const result = await repairLog(log);
    expect(result.error?.message).toMatch(/no line before its end is an event: it is not a casesim log/);
    expect(hash(log)).not.toBe(before);
    expect(readFileSync(log).equals(withNewlines)).toBe(true);
    expect(readdirSync(dir)).toEqual(['case.jsonl']);
  });

  it('refuses garbage after the last whole line: it is not a cut-off write', async () => {
    writeFileSync(log, `${fixture('seed.jsonl')}root:x:0:0:root:/root:/bin/bash`);
    const before = hash(log);
    const result = await repairLog(log);
    expect(result.error?.message).toMatch(/do not look like the start of an event/);
    expect(hash(log)).toBe(before);
  });

  it('through the CLI: exit 1, the reason in one line, the log unchanged', async () => {
    writeFileSync(log, fixture('seed.jsonl').replaceAll('\n', '\r'));
    const r = await cli('repair', log);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/CR-only/);
    expect(r.out).toBe('');
  });
});

describe('the checkpoint beside the log is never trusted over the log (issue 15, point 7)', () => {
  it('sees a log rewritten under it: an event made illegal by the rewrite is refused', async () => {
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, version: 4 });
    // The log is replaced by an invalid one of the same length: the checkpoint must not vouch for it.
    const bytes = readFileSync(log);
    const broken = Buffer.from(bytes);
    broken.write('X', 0);
    writeFileSync(log, broken);
    expect((await appendEvent(log, note('n-2'))).error).toMatchObject({
      code: 'CORRUPT_LOG',
      where: { line: 1 },
    });
  });

  it('ignores a damaged or foreign checkpoint and id table', async () => {
    await appendEvent(log, note('n-1'));
    writeFileSync(`${log}.checkpoint`, '{"format":"casesim.checkpoint","version":1,"garbage":true}');
    writeFileSync(`${log}.ids`, randomBytes(100));
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, status: 'duplicate', line: 4 });
    expect(await appendEvent(log, note('n-2'))).toMatchObject({ ok: true, line: 5, version: 5 });
  });

  it('catches up with events appended through another name (a hard link): versions and ids stay exact', async () => {
    const other = path.join(dir, 'other.jsonl');
    linkSync(log, other);
    expect(await appendEvent(log, note('a-1'))).toMatchObject({ version: 4 });
    expect(await appendEvent(other, note('b-1'))).toMatchObject({ version: 5 });
    expect(await appendEvent(log, note('a-2'))).toMatchObject({ version: 6 });
    expect(await appendEvent(log, note('b-1'))).toMatchObject({ status: 'duplicate', line: 5 });
    expect(await appendEvent(other, note('a-2'))).toMatchObject({ status: 'duplicate', line: 6 });
    expect((await appendEvent(log, note('b-1', { summary: 'other' }))).error).toMatchObject({
      code: 'DUPLICATE_ID_DIFFERENT_CONTENT',
      where: { line: 5 },
    });
    const parsed = parseLog(readFileSync(log));
    expect(parsed.problems).toEqual([]);
    expect(parsed.events).toHaveLength(6);
  });

  it('keeps every id findable as its table grows past its first size', async () => {
    const lines = Array.from({ length: 505 }, (_, i) => `${JSON.stringify(note(`n-${i}`))}\n`);
    writeFileSync(log, fixture('seed.jsonl') + lines.join(''));
    // 508 events: the table (1024 slots) is rebuilt from the log, then grows at 512 while appending.
    for (let i = 505; i < 515; i++)
      expect(await appendEvent(log, note(`n-${i}`))).toMatchObject({ status: 'appended', line: 4 + i });
    for (const i of [0, 299, 504, 510, 514])
      expect(await appendEvent(log, note(`n-${i}`))).toMatchObject({ status: 'duplicate', line: 4 + i });
    expect(existsSync(`${log}.ids.tmp`)).toBe(false);
  });
});
