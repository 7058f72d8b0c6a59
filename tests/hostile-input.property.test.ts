/**
 * Hostile input (issue 5, part 5), through `parseLog`, `validateEvent`, `appendEventText`, `casesim validate`
 * and `casesim append`: random bytes, invalid UTF-8, a byte-order mark, CRLF line ends, a 10 MB line,
 * 100,000-deep nesting, `__proto__` and `constructor` keys, numbers where strings belong, an impossible date,
 * an instant without a time zone. Never a crash or a stack trace, never a polluted prototype, always one
 * clear error with file, line and event id (where there is one), and nothing already stored is changed.
 * 10,500 generated inputs a run (the counts are in the test names), plus the fixtures in
 * `tests/fixtures/hostile/`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, parseLog, validateEvent } from '../src/events/parse.js';
import { appendEventText } from '../src/store/index.js';
import { ROOT, removeDir, tempDir } from './helpers/built.js';
import { cli } from './support/cli.js';

const RUNS = { bytes: 3500, lines: 2500, values: 3000, append: 1000, cli: 500 } as const;
const FIXTURES = path.join(ROOT, 'tests/fixtures/hostile');
const SEED_LOG = readFileSync(path.join(ROOT, 'tests/fixtures/store/seed.jsonl'));
const SEED_LINES = SEED_LOG.toString('utf8').trimEnd().split('\n');
const NOTE = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/store/note.json'), 'utf8')) as Record<
  string,
  unknown
>;
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// --- the prototypes, as they were before any hostile input ---
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const shapes = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join());
function expectPrototypesClean(): void {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(([] as unknown as { polluted?: unknown }).polluted).toBeUndefined();
  expect(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join())).toEqual(shapes);
}
afterEach(expectPrototypesClean);

// --- arbitraries ---
const KEYS = [...Object.keys(NOTE), '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
/** A valid note with one field replaced (or added) by any JSON value, written as JSON text, so `__proto__` is a real key. */
const mutatedEventText = fc
  .tuple(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), fc.nat(1000))
  .map(([key, value, n]) => {
    const base = JSON.stringify({ ...NOTE, id: `hostile-${n}` });
    return `${base.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`;
  });
const pollutingText = fc.constantFrom(
  `${JSON.stringify({ ...NOTE, id: 'proto' }).slice(0, -1)},"__proto__":{"polluted":"yes"}}`,
  `${JSON.stringify({ ...NOTE, id: 'ctor' }).slice(0, -1)},"constructor":{"prototype":{"polluted":"yes"}}}`,
  '{"__proto__":{"polluted":"yes"},"type":"context.note"}',
  '[{"__proto__":{"polluted":"yes"}}]',
);
const wrongTypesText = fc
  .tuple(
    fc.constantFrom('id', 'summary', 'category', 'at', 'knownAt', 'sources', 'type'),
    fc.oneof(fc.integer(), fc.double(), fc.boolean()),
  )
  .map(([key, value]) => JSON.stringify({ ...NOTE, [key]: value }));
const badInstantText = fc
  .constantFrom(
    { local: '2020-02-30', zone: 'America/Los_Angeles' },
    { local: '2021-02-29', zone: 'UTC' },
    { local: '2020-09-01T12:00' },
    { local: '2020-09-01T25:00', zone: 'UTC' },
    { local: '2020-09-01', zone: 'Mars/Olympus_Mons' },
    '2020-09-01T12:00:00',
    1599000000000,
  )
  .map((at) => JSON.stringify({ ...NOTE, at }));
const hostileText = fc.oneof(
  mutatedEventText,
  pollutingText,
  wrongTypesText,
  badInstantText,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const hostileLineBytes = fc.oneof(
  { arbitrary: hostileText.map((t) => Buffer.from(t, 'utf8')), weight: 4 },
  { arbitrary: fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b)), weight: 1 },
  { arbitrary: fc.constantFrom(...SEED_LINES).map((l) => Buffer.from(l)), weight: 2 },
);
/** A whole log: hostile and valid lines, LF or CRLF, with or without a BOM and a final newline. */
const hostileLog = fc
  .record({
    lines: fc.array(hostileLineBytes, { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ lines, eol, bom, finalNewline }) => {
    const parts: Buffer[] = bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
    lines.forEach((line, i) => {
      parts.push(line);
      if (i < lines.length - 1 || finalNewline) parts.push(Buffer.from(eol));
    });
    return Buffer.concat(parts);
  });

// --- what every answer must look like ---
function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n += 1;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}
function expectClearProblems(bytes: Uint8Array, file: string): void {
  const parsed = parseLog(bytes, file);
  const lines = lineCount(bytes);
  const seen = new Set<number>();
  for (const p of parsed.problems) {
    expect(p.where.file).toBe(file);
    expect(p.where.line).toBeGreaterThanOrEqual(1);
    expect(p.where.line).toBeLessThanOrEqual(lines);
    expect(seen.has(p.where.line), `one problem per line (line ${p.where.line})`).toBe(false);
    seen.add(p.where.line);
    expect(p.message).not.toMatch(/[\n\r]|\n\s+at /);
    if (p.where.eventId !== undefined) expect(p.where.eventId).toMatch(/^[\x21-\x7e]{1,120}$/);
  }
  for (const e of parsed.events) expect(seen.has(e.line)).toBe(false);
  // Every line that is not blank is either an event or exactly one problem: nothing is silently dropped.
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const text = Buffer.from(body).toString('latin1').split('\n');
  if (text.at(-1) === '') text.pop();
  const blank = text.filter((l) => /^[ \t\r]*$/.test(l)).length;
  const read = parsed.events.length + parsed.problems.length;
  expect(read).toBeGreaterThanOrEqual(lineCount(body) - blank - countUnicodeBlank(body));
  expect(read).toBeLessThanOrEqual(lineCount(body) - blank);
}

/** Lines that only Unicode whitespace makes blank (String.prototype.trim knows more than space and tab). */
function countUnicodeBlank(bytes: Uint8Array): number {
  return Buffer.from(bytes)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.replace(/\r$/, '').trim() === '' && !/^[ \t\r]*$/.test(l)).length;
}

let dir: string;
beforeAll(() => {
  dir = tempDir('hostile');
});
afterAll(() => removeDir(dir));

describe('parseLog', () => {
  it(`never throws on ${RUNS.bytes} random byte strings, and reports each bad line once with its file and line`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expectClearProblems(bytes, 'random.jsonl');
        expectPrototypesClean();
      }),
      { numRuns: RUNS.bytes },
    );
  });

  it(`reads ${RUNS.lines} hostile logs (BOM, CRLF, invalid UTF-8, __proto__, wrong types, bad instants) line by line, keeping every valid event`, () => {
    fc.assert(
      fc.property(hostileLog, (bytes) => {
        expectClearProblems(bytes, 'hostile.jsonl');
        expectPrototypesClean();
      }),
      { numRuns: RUNS.lines },
    );
  });

  it('takes a byte-order mark and CRLF line ends in its stride', () => {
    const parsed = parseLog(readFileSync(path.join(FIXTURES, 'bom-crlf.jsonl')), 'bom-crlf.jsonl');
    expect(parsed.problems).toEqual([]);
    expect(parsed.events).toHaveLength(3);
  });

  it('reports invalid UTF-8 on its line and reads the lines around it', () => {
    const parsed = parseLog(readFileSync(path.join(FIXTURES, 'invalid-utf8.jsonl')), 'invalid-utf8.jsonl');
    expect(parsed.problems).toEqual([
      {
        code: 'BAD_ENCODING',
        where: { file: 'invalid-utf8.jsonl', line: 2 },
        message: 'line is not valid UTF-8',
      },
    ]);
    expect(parsed.events.map((e) => e.line)).toEqual([1, 3]);
  });

  it('refuses a 10 MB line by its length, before parsing it', () => {
    const big = Buffer.concat([
      SEED_LOG,
      Buffer.from(`{"type":"context.note","summary":"${'x'.repeat(10 * 1024 * 1024)}"}\n`),
    ]);
    const parsed = parseLog(big, 'big.jsonl');
    expect(parsed.problems).toMatchObject([{ code: 'LINE_TOO_LONG', where: { line: 4 } }]);
    expect(parsed.events).toHaveLength(3);
  });

  it('reports 100,000-deep nested arrays and objects as one invalid line each', () => {
    const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const parsed = parseLog(`${arrays}\n${objects}\n`, 'deep.jsonl');
    expect(parsed.problems.map((p) => [p.where.line, p.code])).toEqual([
      [1, 'INVALID_EVENT'],
      [2, 'INVALID_EVENT'],
    ]);
  });
});

describe('validateEvent', () => {
  it(`never throws on ${RUNS.values} hostile values, and explains every refusal in one line`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText.map((t) => JSON.parse(JSON.stringify(safeParse(t)))),
          fc.anything({ maxDepth: 3 }),
        ),
        (value) => {
          const result = validateEvent(value);
          if (!result.ok) expect(result.message).toMatch(/^[^\n\r]+$/);
          expectPrototypesClean();
        },
      ),
      { numRuns: RUNS.values },
    );
  });

  it.each([
    ['proto-keys.json', /unrecognized key/i],
    ['number-for-string.json', /^summary: .*expected string, received number/i],
    ['impossible-date.json', /^at\.local: .*(February|2020-02-30|does not exist|day)/i],
    ['no-zone.json', /^at\.zone: /],
    ['bare-instant.json', /^at: .*expected object/i],
  ])('refuses %s with a message that says which field and why', (name, message) => {
    const raw = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
    const result = validateEvent(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

describe('appendEventText', () => {
  it(`refuses ${RUNS.append} hostile events with one coded error (file, line, id where there is one) and changes no stored byte`, async () => {
    const log = path.join(dir, 'append.jsonl');
    writeFileSync(log, SEED_LOG);
    const input = fc.oneof(
      { arbitrary: hostileText.map((t) => Buffer.from(t, 'utf8')), weight: 4 },
      { arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const before = hash(log);
        const result = await appendEventText(log, bytes, { source: 'event.json' });
        if (result.ok) {
          // A mutation can leave a valid event: it is stored whole; start again from the seed.
          expect(parseLog(readFileSync(log)).problems).toEqual([]);
          writeFileSync(log, SEED_LOG);
          return;
        }
        expect([
          'INVALID_EVENT',
          'ILLEGAL_EVENT',
          'OUT_OF_ORDER',
          'DUPLICATE_ID_DIFFERENT_CONTENT',
        ]).toContain(result.error.code);
        expect([log, 'event.json']).toContain(result.error.where.file);
        expect(result.error.where.line).toBeGreaterThanOrEqual(1);
        expect(result.error.message).toMatch(/^[^\n\r]+$/);
        expect(hash(log)).toBe(before);
        expectPrototypesClean();
      }),
      { numRuns: RUNS.append },
    );
  });

  it('refuses a 10 MB event by its size and 100,000-deep nesting as not an event', async () => {
    const log = path.join(dir, 'big.jsonl');
    writeFileSync(log, SEED_LOG);
    const before = hash(log);
    const big = await appendEventText(log, `{"summary":"${'x'.repeat(10 * 1024 * 1024)}"}`, {
      source: 'big.json',
    });
    expect(big.error).toMatchObject({ code: 'INVALID_EVENT', where: { file: 'big.json', line: 1 } });
    expect(big.error?.message).toMatch(/more than \d+ bytes; a log line may be at most/);
    const deep = await appendEventText(log, `${'['.repeat(100_000)}${']'.repeat(100_000)}`, {
      source: 'deep.json',
    });
    expect(deep.error).toMatchObject({ code: 'INVALID_EVENT', where: { file: 'deep.json', line: 1 } });
    expect(hash(log)).toBe(before);
    expect(MAX_LINE_BYTES).toBeLessThan(10 * 1024 * 1024);
  });

  it.each([
    'proto-keys.json',
    'number-for-string.json',
    'impossible-date.json',
    'no-zone.json',
    'bare-instant.json',
  ])('refuses %s as INVALID_EVENT with its file, line 1 and its id', async (name) => {
    const log = path.join(dir, `fixture-${name}.jsonl`);
    writeFileSync(log, SEED_LOG);
    const before = hash(log);
    const result = await appendEventText(log, readFileSync(path.join(FIXTURES, name)), { source: name });
    expect(result.error).toMatchObject({
      code: 'INVALID_EVENT',
      where: { file: name, line: 1, eventId: name.replace('.json', '') },
    });
    expect(hash(log)).toBe(before);
  });
});

describe('casesim validate and casesim append', () => {
  it(`answer ${RUNS.cli} hostile logs and event files with clear lines and an exit code, never a stack trace`, async () => {
    const log = path.join(dir, 'cli.jsonl');
    const hostile = path.join(dir, 'cli-hostile.jsonl');
    const eventFile = path.join(dir, 'cli-event.json');
    writeFileSync(log, SEED_LOG);
    await fc.assert(
      fc.asyncProperty(hostileLog, hostileLineBytes, async (logBytes, eventBytes) => {
        writeFileSync(hostile, logBytes);
        const v = await cli('validate', hostile);
        expect([0, 1]).toContain(v.code);
        for (const line of v.err.trimEnd().split('\n').filter(Boolean))
          expect(line.startsWith(`${hostile}:`), line).toBe(true);
        expect(v.out + v.err).not.toMatch(/\n\s+at |internal error/);

        writeFileSync(eventFile, eventBytes);
        const before = hash(log);
        const a = await cli('append', log, eventFile);
        expect(a.out + a.err).not.toMatch(/\n\s+at |internal error/);
        if (a.code === 0) {
          writeFileSync(log, SEED_LOG);
          return;
        }
        expect(a.code).toBe(1);
        expect(a.err.trimEnd().split('\n')).toHaveLength(1);
        expect(a.err).toMatch(/^casesim: \S+:\d+: /);
        expect(hash(log)).toBe(before);
      }),
      { numRuns: RUNS.cli },
    );
  });

  it('refuse a 10 MB event file by its size, and validate names a 10 MB line by its number', async () => {
    const log = path.join(dir, 'cli-big.jsonl');
    writeFileSync(log, SEED_LOG);
    const big = path.join(dir, 'big-event.json');
    writeFileSync(big, `{"summary":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    const before = hash(log);
    const a = await cli('append', log, big);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(
      new RegExp(`^casesim: ${big}:1: the event is more than \\d+ bytes.*\\[INVALID_EVENT\\]`),
    );
    expect(hash(log)).toBe(before);
    writeFileSync(log, Buffer.concat([SEED_LOG, readFileSync(big), Buffer.from('\n')]));
    const v = await cli('validate', log);
    expect(v.code).toBe(1);
    expect(v.err).toContain(
      `${log}:4: line is ${10 * 1024 * 1024 + 14} bytes; the limit is ${MAX_LINE_BYTES}`,
    );
  });

  it('refuses to append to a log with a hostile line, pointing at it, and changes nothing', async () => {
    const log = path.join(dir, 'cli-bad-log.jsonl');
    writeFileSync(log, readFileSync(path.join(FIXTURES, 'invalid-utf8.jsonl')));
    const before = hash(log);
    const a = await cli('append', log, path.join(ROOT, 'tests/fixtures/store/note.json'));
    expect(a.code).toBe(1);
    expect(a.err).toMatch(
      new RegExp(`^casesim: ${log}:2: the log is not valid: line is not valid UTF-8.*casesim repair`),
    );
    expect(hash(log)).toBe(before);
  });
});
