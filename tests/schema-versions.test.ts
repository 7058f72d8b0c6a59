/**
 * Schema versions (issue 5, part 4): every event records the version it was written in, an upcaster
 * chain reads older versions forever, and a log is never rewritten to a newer shape. Version 2 renamed
 * `government.position`'s text from `position` to `statement`; the version-1 fixture log in
 * `tests/fixtures/v1/` still reads and replays, byte for byte unchanged on disk. A version newer than this
 * program is refused by name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog, serializeEvent, validateEvent } from '../src/events/parse.js';
import { type CaseEvent, SCHEMA_VERSION } from '../src/events/schema.js';
import { upcast } from '../src/events/versions.js';
import { checkLog } from '../src/replay/check.js';
import { replayAll } from '../src/replay/replay.js';
import { ROOT } from './helpers/built.js';

const V1_LOG = path.join(ROOT, 'tests/fixtures/v1/case.jsonl');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const v1Position = () =>
  JSON.parse(readFileSync(V1_LOG, 'utf8').trimEnd().split('\n').at(-1) ?? '') as Record<string, unknown>;

describe('the current schema version', () => {
  it('is 2', () => {
    expect(SCHEMA_VERSION).toBe(2);
  });

  it('is what serializeEvent writes, whatever version the event was read from', () => {
    const read = validateEvent(v1Position());
    expect(read.ok).toBe(true);
    const line = JSON.parse(serializeEvent((read as { event: CaseEvent }).event));
    expect(line.schemaVersion).toBe(SCHEMA_VERSION);
    expect(line.statement).toBe('Individual users who download or use Lantern will not be penalized.');
    expect(line).not.toHaveProperty('position');
  });
});

describe('a version-1 log, after the schema moved on to version 2', () => {
  it('still parses and replays with no problem, and is byte for byte unchanged on disk', () => {
    const before = sha256(V1_LOG);
    const lines = readFileSync(V1_LOG, 'utf8').trimEnd().split('\n');
    expect(
      lines.every((l) => JSON.parse(l).schemaVersion === 1),
      'the fixture is all version 1',
    ).toBe(true);

    const parsed = parseLog(readFileSync(V1_LOG), V1_LOG);
    expect(parsed.problems).toEqual([]);
    expect(checkLog(parsed)).toEqual([]);
    expect(parsed.events).toHaveLength(lines.length);
    expect(parsed.events.every((e) => e.event.schemaVersion === SCHEMA_VERSION)).toBe(true);

    const { snapshot } = replayAll(parsed.events.map((e) => e.event));
    expect(snapshot.context.positions).toEqual([
      {
        eventId: 'no-user-penalties',
        by: 'United States',
        position: 'Individual users who download or use Lantern will not be penalized.',
      },
    ]);
    expect(sha256(V1_LOG)).toBe(before);
  });

  it('includes the bundled WeChat log, still written in version 1', () => {
    const wechat = path.join(ROOT, 'events/wechat.jsonl');
    const before = sha256(wechat);
    const parsed = parseLog(readFileSync(wechat), wechat);
    expect(readFileSync(wechat, 'utf8')).toContain('"schemaVersion":1');
    expect(checkLog(parsed)).toEqual([]);
    expect(sha256(wechat)).toBe(before);
  });
});

describe('the v1 → v2 upcaster', () => {
  it('renames government.position.position to statement and bumps the version, leaving its input untouched', () => {
    const v1 = v1Position();
    const frozen = JSON.stringify(v1);
    const v2 = upcast(v1) as Record<string, unknown>;
    expect(v2.schemaVersion).toBe(2);
    expect(v2.statement).toBe(v1.position);
    expect(v2).not.toHaveProperty('position');
    expect(JSON.stringify(v1)).toBe(frozen);
  });

  it('only bumps the version of every other kind', () => {
    const order = JSON.parse(readFileSync(V1_LOG, 'utf8').split('\n')[0] ?? '');
    expect(upcast(order)).toEqual({ ...order, schemaVersion: 2 });
  });

  it('does not apply to a version-2 event: `position` is then an unknown field', () => {
    const result = validateEvent({ ...v1Position(), schemaVersion: 2 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/position|statement/);
  });
});

describe('an event from a future schema version', () => {
  it('is refused with a message that names the version and what to do', () => {
    const result = validateEvent({ ...v1Position(), schemaVersion: 99 });
    expect(result).toEqual({
      ok: false,
      message:
        'schemaVersion 99 is from a newer casesim (this one reads versions 1 to 2); upgrade casesim to read it',
    });
  });

  it('is reported by parseLog on its line with its id', () => {
    const text = `${JSON.stringify({ ...v1Position(), schemaVersion: 99 })}\n`;
    expect(parseLog(text, 'future.jsonl').problems).toEqual([
      expect.objectContaining({
        code: 'INVALID_EVENT',
        where: { file: 'future.jsonl', line: 1, eventId: 'no-user-penalties' },
      }),
    ]);
  });

  it.each([
    [0, /whole number from 1 to 2, not 0/],
    [1.5, /whole number from 1 to 2, not 1.5/],
    ['2', /whole number from 1 to 2, not "2"/],
    [undefined, /missing "schemaVersion"/],
  ])('a schemaVersion of %s is refused as not a version', (version, message) => {
    const { schemaVersion: _, ...rest } = v1Position();
    const result = validateEvent(version === undefined ? rest : { ...rest, schemaVersion: version });
    expect(!result.ok && result.message).toMatch(message);
  });
});
