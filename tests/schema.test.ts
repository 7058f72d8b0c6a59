/**
 * The JSON Schemas casesim ships (`events/schema.json` for a log line, `events/scenarios/schema.json`,
 * `events/odds/schema.json`), checked with a real validator (ajv, draft 2020-12, with ajv-formats): each is
 * exactly what the zod schemas generate today, every shipped file is valid against its schema, it refuses
 * what casesim refuses in a line's form (impossible dates, unknown zones, unknown kinds), and one mistake
 * gives a handful of errors, because each union branches on its discriminator.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaFiles, schemaText } from '../src/cli/commands/schema.js';
import { validateEvent } from '../src/events/parse.js';
import { EVENT_TYPES, SCHEMA_VERSION } from '../src/events/schema.js';
import { ajv } from './support/json-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = readFileSync(path.join(ROOT, 'events/schema.json'), 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;

/** The lines of a log, parsed as JSON, with their 1-based line numbers. */
function jsonLines(file: string): { line: number; value: unknown }[] {
  return readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((text, i) => (text.trim() === '' ? [] : [{ line: i + 1, value: JSON.parse(text) as unknown }]));
}

const brokenLine = (name: string, line: number) =>
  jsonLines(`tests/fixtures/logs/${name}.jsonl`).find((l) => l.line === line)?.value;

type Node = Record<string, unknown>;

const validateLine = ajv.compile(schema);
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
const validateScenario = ajv.compile(readJson('events/scenarios/schema.json') as Node);
const validateOdds = ajv.compile(readJson('events/odds/schema.json') as Node);

/** The validator's errors for a value, as `path: message` (none when it is valid). */
function errorsOf(validate: typeof validateLine, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

const wechat = jsonLines('events/wechat.jsonl').map((l) => l.value as Node);
const withAt = (at: Node) => ({ ...(wechat[5] as Node), at });

describe('the shipped JSON Schemas', () => {
  it('are exactly what the zod schemas generate today (regenerate: npm run build && npm run schema)', () => {
    expect(committed).toBe(schemaText());
    for (const { file, text } of schemaFiles()) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });

  it('declare JSON Schema draft 2020-12 and compile in a strict validator', () => {
    for (const file of ['events/schema.json', 'events/scenarios/schema.json', 'events/odds/schema.json'])
      expect((readJson(file) as Node).$schema, file).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  // The logs and fixtures a user meets, in every schema version casesim reads.
  const logs = [
    'events/wechat.jsonl',
    'tests/fixtures/logs/minimal.jsonl',
    'tests/fixtures/v1/case.jsonl',
    'tests/fixtures/whatif/base.jsonl',
  ].filter((f) => existsSync(path.join(ROOT, f)));
  it.each(logs)('every line of %s is valid against events/schema.json', (file) => {
    const problems = jsonLines(file).flatMap(({ line, value }) =>
      errorsOf(validateLine, value).map((e) => `${file}:${line}: ${e}`),
    );
    expect(problems).toEqual([]);
  });

  const scenarios = readdirSync(path.join(ROOT, 'events/scenarios')).filter((f) => f !== 'schema.json');
  it.each(scenarios)('the scenario events/scenarios/%s is valid against its schema', (file) => {
    expect(errorsOf(validateScenario, readJson(`events/scenarios/${file}`))).toEqual([]);
  });

  const odds = readdirSync(path.join(ROOT, 'events/odds')).filter((f) => f !== 'schema.json');
  it.each(odds)('the odds file events/odds/%s is valid against its schema', (file) => {
    expect(errorsOf(validateOdds, readJson(`events/odds/${file}`))).toEqual([]);
  });
});

describe('what a JSON Schema validator refuses in a log line, as casesim does', () => {
  it.each([
    ['2020-02-30', 'a 30 February'],
    ['2021-02-29', 'a 29 February out of a leap year'],
    ['2020-13-01', 'month 13'],
    ['2020-00', 'month 0'],
    ['2020-09-19T25:00', 'hour 25'],
    ['2020-09-19T23:60', 'minute 60'],
    ['2020-09-19T23:59:60', 'second 60'],
    ['20-09-19', 'a two-digit year'],
  ])('the local time %s (%s)', (local) => {
    const line = withAt({ local, zone: 'America/Los_Angeles' });
    expect(validateEvent(line).ok).toBe(false);
    expect(errorsOf(validateLine, line)).toContainEqual(
      expect.stringMatching(/^\/at\/local: must match pattern/),
    );
  });

  it.each(['2020', '2020-09', '2020-02-29', '2000-02-29T12:00', '2020-09-20T23:59:59'])(
    'but not the real local time %s',
    (local) => {
      const line = withAt({ local, zone: 'America/New_York' });
      expect(validateEvent(line).ok).toBe(true);
      expect(errorsOf(validateLine, line)).toEqual([]);
    },
  );

  it.each(['Mars/Olympus', 'Pacific Time', 'Olympus', ''])('the zone %j', (zone) => {
    const line = withAt({ local: '2020-09-19', zone });
    expect(validateEvent(line).ok).toBe(false);
    expect(errorsOf(validateLine, line)).toContainEqual(expect.stringMatching(/^\/at\/zone: must/));
  });

  it('but accepts every zone of the time-zone database this runtime knows, and UTC', () => {
    const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'US/Pacific'];
    const refused = zones.filter(
      (zone) => errorsOf(validateLine, withAt({ local: '2020-09-19', zone })).length > 0,
    );
    expect(refused).toEqual([]);
  });

  it('says in the zone description what only casesim checks: that a well-formed name is in its zone database', () => {
    const line = withAt({ local: '2020-09-19', zone: 'Europe/Atlantis' });
    expect(validateEvent(line).ok).toBe(false);
    expect(errorsOf(validateLine, line)).toEqual([]);
    expect(committed).toContain('casesim validate also checks that the name is in its time-zone database');
  });

  it.each([
    ['missing-source', 5, '/sources: must NOT have fewer than 1 items'],
    ['unknown-kind', 5, '/type: must be equal to one of the allowed values'],
    ['no-zone', 5, "/at: must have required property 'zone'"],
    ['impossible-date', 5, '/at/local: must match pattern'],
  ])(
    'flags the broken line of %s.jsonl (line %i) with a handful of errors, the first saying why',
    (name, line, why) => {
      const errors = errorsOf(validateLine, brokenLine(name, line));
      expect(errors[0]).toContain(why);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.length).toBeLessThanOrEqual(4);
    },
  );

  it('a version-1 line with the version-2 field name is flagged: each version keeps its own vocabulary', () => {
    const v1 = wechat.find((value) => value.type === 'government.position') as Node;
    const { position, ...rest } = v1;
    expect(v1.schemaVersion).toBe(1);
    expect(errorsOf(validateLine, { ...rest, statement: position })).not.toEqual([]);
  });

  it('branches on the line: for each schema version read, one branch per event kind, each a closed object', () => {
    const versions = [schema.then, schema.else] as Node[];
    expect(versions).toHaveLength(SCHEMA_VERSION);
    for (const version of versions) {
      const types = ((version.properties as Node).type as Node).enum as string[];
      expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
      for (const branch of (version.allOf as Node[]).map((b) => b.then as Node)) {
        expect(branch.additionalProperties).toBe(false);
        expect(branch.required).toEqual(
          expect.arrayContaining(['type', 'id', 'schemaVersion', 'at', 'knownAt', 'summary', 'sources']),
        );
      }
    }
  });

  it('cannot see order or legality: those need casesim validate', () => {
    expect(errorsOf(validateLine, brokenLine('out-of-order', 6))).toEqual([]);
    expect(errorsOf(validateLine, brokenLine('illegal-event', 7))).toEqual([]);
  });
});
