/**
 * `appendEvent` and `casesim append` (issue 5, part 1) read as a specification: an append is validated
 * (schema, then legality, decided by the machine), checked against the expected version, idempotent by
 * event id, and refused, with a code, file, line and event id, whenever it cannot be stored; a refused append
 * changes no byte of the log. `repairLog` and `casesim repair` move a torn tail aside and delete nothing.
 */
import { createHash } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import { SCHEMA_VERSION } from '../src/events/schema.js';
import { appendEvent, appendEventText, readLogState, repairLog } from '../src/store/index.js';
import { buildForChildren, ROOT, removeDir, tempDir } from './helpers/built.js';
import { runNode, start } from './helpers/children.js';
import { cli } from './support/cli.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/store');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const json = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const note = (id: string, extra: Record<string, unknown> = {}) => ({ ...json('note.json'), id, ...extra });

let dir: string;
let log: string;
beforeEach(() => {
  dir = tempDir('store-append');
  log = path.join(dir, 'case.jsonl');
  writeFileSync(log, fixture('seed.jsonl'));
});
afterEach(() => removeDir(dir));

describe('appending a valid, legal event', () => {
  it('writes one whole line at the end and reports its line and the new version', async () => {
    const before = readFileSync(log);
    const result = await appendEvent(log, json('pi-motion.v1.json'));
    expect(result).toMatchObject({ ok: true, status: 'appended', eventId: 'pi-motion', line: 4, version: 4 });
    const after = readFileSync(log);
    expect(after.subarray(0, before.length).equals(before), 'nothing already stored changes').toBe(true);
    expect(after.toString('utf8').endsWith('\n')).toBe(true);
    expect(
      parseLog(after)
        .events.map((e) => e.event.id)
        .at(-1),
    ).toBe('pi-motion');
  });

  it('stores an event given in schema version 1 upcast to the current version', async () => {
    await appendEvent(log, json('pi-motion.v1.json'));
    const last = JSON.parse(readFileSync(log, 'utf8').trimEnd().split('\n').at(-1) ?? '');
    expect(last.schemaVersion).toBe(SCHEMA_VERSION);
    expect(readFileSync(log, 'utf8').split('\n')[0]).toContain('"schemaVersion":1');
  });

  it('creates the log when it does not exist yet', async () => {
    const fresh = path.join(dir, 'new-case.jsonl');
    const result = await appendEvent(fresh, JSON.parse(fixture('seed.jsonl').split('\n')[0] ?? ''));
    expect(result).toMatchObject({ ok: true, line: 1, version: 1 });
    expect(parseLog(readFileSync(fresh)).events).toHaveLength(1);
  });

  it('ends a hand-edited last line that lacks its newline in the same single write, changing no stored byte', async () => {
    writeFileSync(log, fixture('seed.jsonl').trimEnd());
    const before = readFileSync(log);
    const result = await appendEvent(log, json('pi-motion.v1.json'));
    expect(result).toMatchObject({ ok: true, line: 4 });
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, line: 5, version: 5 });
    const after = readFileSync(log);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const parsed = parseLog(after);
    expect(parsed.problems).toEqual([]);
    expect(parsed.events.map((e) => [e.event.id, e.line]).slice(3)).toEqual([
      ['pi-motion', 4],
      ['n-1', 5],
    ]);
  });

  it('leaves no lock file behind: beside the log are only its checkpoint and id table', async () => {
    await appendEvent(log, note('n-1'));
    expect(readdirSync(dir).sort()).toEqual(['case.jsonl', 'case.jsonl.checkpoint', 'case.jsonl.ids']);
  });
});

describe('appending the same event id again', () => {
  it('is a no-op success when the content is the same, even with keys in another order', async () => {
    await appendEvent(log, note('n-1'));
    const before = hash(log);
    const reordered = Object.fromEntries(Object.entries(note('n-1')).reverse());
    const again = await appendEvent(log, reordered);
    expect(again).toMatchObject({ ok: true, status: 'duplicate', line: 4, version: 4 });
    expect(hash(log)).toBe(before);
  });

  it('is a no-op when an event stored upcast is sent again in its old version', async () => {
    await appendEvent(log, json('pi-motion.v1.json'));
    const again = await appendEvent(log, json('pi-motion.v1.json'));
    expect(again).toMatchObject({ ok: true, status: 'duplicate' });
  });

  it('is refused as DUPLICATE_ID_DIFFERENT_CONTENT, naming the line that holds the id, when the content differs', async () => {
    await appendEvent(log, note('n-1'));
    const before = hash(log);
    const result = await appendEvent(log, note('n-1', { summary: 'Something else entirely.' }));
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({
      code: 'DUPLICATE_ID_DIFFERENT_CONTENT',
      where: { file: log, line: 4, eventId: 'n-1' },
    });
    expect(hash(log)).toBe(before);
  });
});

describe('the expected version (the number of events in the log)', () => {
  it('lets the append through when it matches', async () => {
    expect(await appendEvent(log, note('n-1'), { expectedVersion: 3 })).toMatchObject({
      ok: true,
      version: 4,
    });
  });

  it('refuses a stale expectation with CONFLICT, saying how far the log has moved on', async () => {
    await appendEvent(log, note('n-1'));
    const before = hash(log);
    const result = await appendEvent(log, note('n-2'), { expectedVersion: 3 });
    expect(result.error).toMatchObject({
      code: 'CONFLICT',
      expectedVersion: 3,
      actualVersion: 4,
      where: { eventId: 'n-2' },
    });
    expect(result.error?.message).toMatch(
      /expected version 3 but the log is at version 4 \(1 event was appended since\)/,
    );
    expect(hash(log)).toBe(before);
  });

  it('does not stand in the way of a retry: an event already stored is a duplicate even with a stale expectation', async () => {
    await appendEvent(log, note('n-1'), { expectedVersion: 3 });
    await appendEvent(log, note('n-2'));
    expect(await appendEvent(log, note('n-1'), { expectedVersion: 3 })).toMatchObject({
      ok: true,
      status: 'duplicate',
      line: 4,
      version: 5,
    });
  });

  it('refuses an expectation ahead of the log', async () => {
    const result = await appendEvent(log, note('n-1'), { expectedVersion: 7 });
    expect(result.error).toMatchObject({ code: 'CONFLICT', actualVersion: 3 });
  });
});

describe('an event the log cannot take', () => {
  it('is refused as ILLEGAL_EVENT with the rule it breaks: name, explanation and citation', async () => {
    const before = hash(log);
    const result = await appendEvent(log, json('pi-granted.v1.json'));
    expect(result.error).toMatchObject({
      code: 'ILLEGAL_EVENT',
      where: { file: log, line: 4, eventId: 'pi-granted' },
    });
    expect(result.error?.rule?.name).toBe('injunctionMotionPending');
    expect(result.error?.rule?.explanation.length).toBeGreaterThan(20);
    expect(result.error?.rule?.citation).toMatch(/FRCP/);
    expect(result.error?.message).toContain(result.error?.rule?.citation);
    expect(hash(log)).toBe(before);
  });

  it('is refused as INVALID_EVENT with the event file, line 1 and its id when the schema rejects it', async () => {
    const result = await appendEvent(log, note('n-1', { category: 42 }), { source: 'note.json' });
    expect(result.error).toMatchObject({
      code: 'INVALID_EVENT',
      where: { file: 'note.json', line: 1, eventId: 'n-1' },
    });
    expect(result.error?.message).toMatch(/^category: /);
  });

  it('reports the line where JSON parsing stopped in a multi-line event file (two events are not one)', async () => {
    const result = await appendEventText(log, '{\n  "type": "context.note"\n}\n{"second": 1}', {
      source: 'e.json',
    });
    expect(result.error).toMatchObject({ code: 'INVALID_EVENT', where: { file: 'e.json', line: 4 } });
  });

  it('is refused as OUT_OF_ORDER when it takes effect before the last event', async () => {
    const result = await appendEvent(log, note('n-1', { at: { local: '2019-01-01', zone: 'UTC' } }));
    expect(result.error).toMatchObject({ code: 'OUT_OF_ORDER', where: { line: 4, eventId: 'n-1' } });
  });
});

describe('a log that cannot be written', () => {
  it('is refused as IO_ERROR, saying why, when its directory does not exist', async () => {
    const result = await appendEvent(path.join(dir, 'missing', 'case.jsonl'), note('n-1'));
    expect(result.error).toMatchObject({ code: 'IO_ERROR', where: { eventId: 'n-1' } });
    expect(result.error?.message).toMatch(/its directory does not exist/);
  });
});

describe('a log that is not valid', () => {
  it('refuses every append while the last line is torn, pointing to validate and repair, and changes nothing', async () => {
    writeFileSync(log, `${fixture('seed.jsonl')}{"type":"context.note","id":"half`);
    const before = hash(log);
    const result = await appendEvent(log, note('n-1'));
    expect(result.error).toMatchObject({ code: 'CORRUPT_LOG', where: { file: log, line: 4 } });
    expect(result.error?.message).toMatch(/casesim validate .*casesim repair/);
    expect(hash(log)).toBe(before);
  });

  it('refuses every append while any line is invalid', async () => {
    const lines = fixture('seed.jsonl').split('\n');
    writeFileSync(log, [lines[0], '{"not": "an event"}', lines[1], lines[2], ''].join('\n'));
    const result = await appendEvent(log, note('n-1'));
    expect(result.error).toMatchObject({ code: 'CORRUPT_LOG', where: { line: 2 } });
  });
});

describe('the lock', () => {
  const holdLock = (file: string, ms: number | 'forever') =>
    start([path.join(ROOT, 'tests/helpers/hold-lock.mjs'), file, String(ms)]);

  /** Runs `body` while another process holds the lock on `log`, killing that process afterwards. */
  async function whileHeld(body: () => Promise<void>): Promise<void> {
    const holder = holdLock(log, 'forever');
    await holder.firstOutput;
    try {
      await body();
    } finally {
      holder.child.kill('SIGKILL');
      await holder.done;
    }
  }

  it("is the kernel's lock on the file itself: a writer through a symlink waits for it (issue 15, point 1)", () =>
    whileHeld(async () => {
      const link = path.join(dir, 'link.jsonl');
      symlinkSync(log, link);
      const before = hash(log);
      const result = await appendEvent(link, note('n-1'), { lockTimeoutMs: 300 });
      expect(result.error).toMatchObject({ code: 'LOCK_TIMEOUT' });
      expect(result.error?.message).toMatch(/nothing was appended.*--wait SECONDS/);
      expect(hash(log)).toBe(before);
    }));

  it('is the same lock under every hard link to the log (issue 15, point 1)', () =>
    whileHeld(async () => {
      const other = path.join(dir, 'other-name.jsonl');
      linkSync(log, other);
      const result = await appendEvent(other, note('n-1'), { lockTimeoutMs: 300 });
      expect(result.error).toMatchObject({ code: 'LOCK_TIMEOUT' });
    }));

  it('is waited for by repair too (--wait), which then changes nothing', () =>
    whileHeld(async () => {
      writeFileSync(log, `${fixture('seed.jsonl')}{"torn`);
      const before = hash(log);
      const r = await cli('repair', log, '--wait', '0.2');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/LOCK_TIMEOUT/);
      expect(hash(log)).toBe(before);
    }));

  it('is released by the kernel when its holder is killed, with no file left to go stale (issue 15, point 2)', async () => {
    const holder = holdLock(log, 'forever');
    await holder.firstOutput;
    holder.child.kill('SIGKILL');
    await holder.done;
    expect(await appendEvent(log, note('n-1'), { lockTimeoutMs: 1000 })).toMatchObject({ ok: true });
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('is waited for while held, and the append goes through once it is released', async () => {
    const holder = holdLock(log, 300);
    await holder.firstOutput;
    expect(await appendEvent(log, note('n-1'), { lockTimeoutMs: 10_000 })).toMatchObject({
      ok: true,
      line: 4,
    });
    await holder.done;
  });

  it('ignores a LOG.lock file left by an older casesim, whatever PID or host it names (issue 15, point 2)', async () => {
    writeFileSync(
      `${log}.lock`,
      JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), token: 'x', since: '' }),
    );
    expect(await appendEvent(log, note('n-1'), { lockTimeoutMs: 200 })).toMatchObject({ ok: true });
  });
});

describe('repairing a log', () => {
  const torn = '{"type":"context.note","id":"half-writ';

  it('moves a torn last line to LOG.torn-1, syncs it, and truncates only that tail', async () => {
    const whole = readFileSync(log);
    writeFileSync(log, Buffer.concat([whole, Buffer.from(torn)]));
    const result = await repairLog(log);
    expect(result).toMatchObject({
      ok: true,
      status: 'moved',
      line: 4,
      sideFile: `${log}.torn-1`,
      problems: [],
    });
    expect(readFileSync(`${log}.torn-1`, 'utf8')).toBe(torn);
    expect(readFileSync(log).equals(whole)).toBe(true);
    expect(await appendEvent(log, note('n-1'))).toMatchObject({ ok: true, line: 4 });
  });

  it('never overwrites an earlier side file', async () => {
    writeFileSync(log, `${fixture('seed.jsonl')}{"first`);
    await repairLog(log);
    writeFileSync(log, `${fixture('seed.jsonl')}{"second`);
    expect(await repairLog(log)).toMatchObject({ sideFile: `${log}.torn-2` });
    expect(readFileSync(`${log}.torn-1`, 'utf8')).toBe('{"first');
    expect(readFileSync(`${log}.torn-2`, 'utf8')).toBe('{"second');
  });

  it('ends a whole, valid last event that lacks its newline instead of moving it', async () => {
    writeFileSync(log, fixture('seed.jsonl').trimEnd());
    expect(await repairLog(log)).toMatchObject({ ok: true, status: 'terminated', line: 3 });
    expect(readFileSync(log, 'utf8')).toBe(fixture('seed.jsonl'));
  });

  it('changes nothing in a clean log', async () => {
    const before = hash(log);
    expect(await repairLog(log)).toMatchObject({ ok: true, status: 'clean', problems: [] });
    expect(hash(log)).toBe(before);
  });

  it('leaves an invalid line before the end alone and reports it', async () => {
    const lines = fixture('seed.jsonl').split('\n');
    writeFileSync(log, [lines[0], 'garbage', lines[1], ''].join('\n'));
    const before = hash(log);
    const result = await repairLog(log);
    expect(result).toMatchObject({ ok: true, status: 'clean' });
    expect(result.ok && result.problems.map((p) => p.where.line)).toEqual([2]);
    expect(hash(log)).toBe(before);
  });
});

describe('casesim append', () => {
  it('appends from an event file and says where (exit 0)', async () => {
    const file = path.join(dir, 'motion.json');
    writeFileSync(file, fixture('pi-motion.v1.json'));
    const r = await cli('append', log, file);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`${log}:4: appended event pi-motion (the log is at version 4)`);
    expect((await cli('append', log, file)).out).toContain(
      'already in the log with the same content; nothing appended',
    );
  });

  it('refuses an illegal event with one line naming the rule (exit 1), and --json gives the code', async () => {
    const file = path.join(dir, 'granted.json');
    writeFileSync(file, fixture('pi-granted.v1.json'));
    const r = await cli('append', log, file);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      new RegExp(`^casesim: ${log}:4: event pi-granted: .*injunctionMotionPending.*\\[ILLEGAL_EVENT\\]`),
    );
    const j = await cli('append', log, file, '--json');
    expect(JSON.parse(j.out)).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_EVENT', where: { line: 4 } },
    });
  });

  it.each(['0x10', '1e3', '-1', '', '30s', '86401', ' 5'])(
    'refuses --wait %j as a usage error (exit 2): seconds are a plain number up to a day',
    async (wait) => {
      const r = await cli('append', log, path.join(FIXTURES, 'note.json'), '--wait', wait);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--wait/);
    },
  );

  it('refuses a stale --expect-version with CONFLICT (exit 1) and a malformed one as a usage error (exit 2)', async () => {
    const file = path.join(dir, 'n.json');
    writeFileSync(file, JSON.stringify(note('n-1')));
    const stale = await cli('append', log, file, '--expect-version', '2');
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/expected version 2 but the log is at version 3 .*\[CONFLICT\]/);
    expect((await cli('append', log, file, '--expect-version', 'two')).code).toBe(2);
    expect((await cli('append', log, file, '--expect-version', '3')).code).toBe(0);
  });

  it('reads the event from stdin when given -', async () => {
    const built = await buildForChildren('store-append');
    const r = await runNode([built.cli, 'append', log, '-', '--json'], JSON.stringify(note('from-stdin')));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      status: 'appended',
      eventId: 'from-stdin',
      line: 4,
    });
    built.dispose();
  });

  it('says so when the event file is missing (exit 2)', async () => {
    const r = await cli('append', log, path.join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no such event file');
  });
});

describe('casesim validate and casesim repair on a torn log', () => {
  it('validate names the torn last line by number; repair moves it aside; validate is then clean', async () => {
    writeFileSync(log, `${fixture('seed.jsonl')}{"type":"context.no`);
    const v = await cli('validate', log);
    expect(v.code).toBe(1);
    expect(v.err).toContain(`${log}:4: the last line is incomplete`);
    const r = await cli('repair', log);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${log}:4: moved a torn last line (19 bytes) to ${log}.torn-1`);
    expect((await cli('validate', log)).code).toBe(0);
    expect(readLogState(log).problems).toEqual([]);
  });
});
