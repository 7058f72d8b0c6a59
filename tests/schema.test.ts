/**
 * `events/schema.json`, the JSON Schema editors validate log lines with: it is exactly what the zod event
 * schemas generate today (so it cannot drift from them), and it is a well-formed JSON Schema whose
 * alternatives cover every event type, one branch per type.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../src/cli/commands/schema.js';
import { EVENT_TYPES, SCHEMA_VERSION } from '../src/events/schema.js';
import { schemaProblem } from './support/json-schema.js';

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
const JSON_TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Every sub-schema, with its JSON pointer. */
function* subschemas(node: unknown, pointer = '#'): Generator<[string, Node]> {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* subschemas(item, `${pointer}/${i}`);
    return;
  }
  yield [pointer, node as Node];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'const' || key === 'enum' || key === 'default' || key === 'examples') continue;
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      for (const [name, child] of Object.entries(value as Node))
        yield* subschemas(child, `${pointer}/${key}/${name}`);
    } else if (typeof value === 'object') yield* subschemas(value, `${pointer}/${key}`);
  }
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .reduce<unknown>(
      (node, part) => (node as Node | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      schema,
    );
}

describe('events/schema.json', () => {
  it('is exactly what the zod schemas generate today (regenerate: npm run build && npm run schema)', () => {
    expect(committed).toBe(schemaText());
  });

  // One alternative per schema version casesim reads (the current one first), each with one branch per kind.
  const versions = (schema.anyOf ?? []) as Node[];
  const branchesOf = (version: Node) => (version.oneOf ?? []) as Node[];

  it('declares JSON Schema draft 2020-12 and, for each schema version read, one alternative per event kind', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(versions.length).toBe(SCHEMA_VERSION);
    for (const version of versions) {
      const types = branchesOf(version).map((b) => ((b.properties as Node).type as Node).const);
      expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
    }
  });

  it('every event branch is a closed object that requires type, id, schemaVersion, at, knownAt, summary and sources', () => {
    for (const branch of versions.flatMap(branchesOf)) {
      const type = ((branch.properties as Node).type as Node).const;
      expect(branch.type, String(type)).toBe('object');
      expect(branch.additionalProperties, String(type)).toBe(false);
      expect(branch.required, String(type)).toEqual(
        expect.arrayContaining(['type', 'id', 'schemaVersion', 'at', 'knownAt', 'summary', 'sources']),
      );
    }
  });

  it('is well formed: known types, required names declared properties, every $ref resolves', () => {
    const problems: string[] = [];
    for (const [pointer, node] of subschemas(schema)) {
      const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
      for (const t of types) if (!JSON_TYPES.has(String(t))) problems.push(`${pointer}: unknown type ${t}`);
      if (Array.isArray(node.required)) {
        const declared = Object.keys((node.properties as Node | undefined) ?? {});
        for (const name of node.required)
          if (!declared.includes(String(name))) problems.push(`${pointer}: requires undeclared ${name}`);
      }
      if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined)
        problems.push(`${pointer}: $ref ${node.$ref} does not resolve`);
      if (typeof node.pattern === 'string') {
        try {
          new RegExp(node.pattern, 'u');
        } catch {
          problems.push(`${pointer}: pattern ${node.pattern} is not a regular expression`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('what an editor sees with events/schema.json', () => {
  const isCurrent = ({ value }: { value: unknown }) =>
    (value as { schemaVersion?: unknown }).schemaVersion === SCHEMA_VERSION;
  // Logs with lines at the current version; lines at older versions are the known gap below.
  const logs = ['tests/fixtures/logs/minimal.jsonl', 'events/wechat.jsonl'].filter(
    (f) => existsSync(path.join(ROOT, f)) && jsonLines(f).some(isCurrent),
  );

  it.each(logs)('every line of %s at the current schema version is valid against it', (file) => {
    const problems = jsonLines(file)
      .filter(isCurrent)
      .flatMap(({ line, value }) => {
        const problem = schemaProblem(schema, value);
        return problem ? [`${file}:${line}: ${problem}`] : [];
      });
    expect(problems).toEqual([]);
  });

  it('the minimal fixture is written at the current schema version, so the test above reads every line', () => {
    const versions = jsonLines('tests/fixtures/logs/minimal.jsonl').map(
      ({ value }) => (value as { schemaVersion?: unknown }).schemaVersion,
    );
    expect(new Set(versions)).toEqual(new Set([SCHEMA_VERSION]));
  });

  it.each(
    ['events/wechat.jsonl', 'tests/fixtures/v1/case.jsonl'].filter((f) => existsSync(path.join(ROOT, f))),
  )(
    'every line of %s, written at an older schema version that casesim upcasts, is valid against it too',
    (file) => {
      const lines = jsonLines(file).filter((l) => !isCurrent(l));
      expect(lines.length).toBeGreaterThan(0);
      const problems = lines.flatMap(({ line, value }) => {
        const problem = schemaProblem(schema, value);
        return problem ? [`${file}:${line}: ${problem}`] : [];
      });
      expect(problems).toEqual([]);
    },
  );

  it('a version-1 line with the version-2 field name is flagged: each version keeps its own vocabulary', () => {
    const v1 = jsonLines('events/wechat.jsonl').find(
      ({ value }) => (value as { type?: unknown }).type === 'government.position',
    )?.value as Record<string, unknown>;
    const { position, ...rest } = v1;
    expect(schemaProblem(schema, { ...rest, statement: position })).toBeTruthy();
  });

  it.each([
    ['missing-source', 5, /\$\.sources: too few items/],
    ['unknown-kind', 5, /\$: matches no alternative/],
    ['no-zone', 5, /\$\.at: missing zone/],
  ])('it flags the broken line of %s.jsonl (line %i)', (name, line, problem) => {
    expect(schemaProblem(schema, brokenLine(name, line))).toMatch(problem);
  });

  it('it cannot see order, legality or the calendar: those need casesim validate', () => {
    // Form only: 2020-02-30 matches the date pattern, and order and procedure are not a line's form.
    expect(schemaProblem(schema, brokenLine('impossible-date', 5))).toBeUndefined();
    expect(schemaProblem(schema, brokenLine('out-of-order', 6))).toBeUndefined();
    expect(schemaProblem(schema, brokenLine('illegal-event', 7))).toBeUndefined();
  });
});
