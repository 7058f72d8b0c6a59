/**
 * The fast validator (generated at build time from the JSON Schema the zod schemas emit) never disagrees
 * with zod: whatever it accepts, zod accepts, and the event it returns is the one zod returns, to the byte
 * of its JSON (keys in zod's order, defaults filled in, URLs as zod gives them back). Whatever it does not
 * accept goes to zod, so every refusal keeps zod's message. And on real and generated logs it accepts every
 * valid event, so the fast path is the one taken.
 *
 * Inputs: the hostile-input fixtures, every log fixture, the bundled log, generated legal histories, those
 * events mutated one field at a time (edge-case strings, wrong types, missing and unknown keys), and any value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotatedEventSchema, validatorModule } from '../scripts/generate-validator.js';
import { validateEvent } from '../src/events/parse.js';
import { CaseEvent, SCHEMA_VERSION } from '../src/events/schema.js';
import { fastEvent } from '../src/events/validate.js';
import { upcast, versionProblem } from '../src/events/versions.js';
import { ROOT } from './helpers/built.js';
import { legalHistories } from './support/histories.js';

const RUNS = { mutated: 4000, histories: 300, anything: 3000 } as const;

/** Every JSON line and JSON file among the fixtures and shipped logs, parsed (lines that are not JSON left out). */
function fixtureValues(): unknown[] {
  const dirs = [
    'tests/fixtures/hostile',
    'tests/fixtures/logs',
    'tests/fixtures/v1',
    'tests/fixtures/store',
    'events',
  ];
  const values: unknown[] = [];
  for (const dir of dirs)
    for (const name of readdirSync(path.join(ROOT, dir))) {
      if (!/\.jsonl?$/.test(name) || name === 'schema.json') continue;
      const text = readFileSync(path.join(ROOT, dir, name), 'utf8');
      const chunks = name.endsWith('.json') ? [text] : text.split('\n');
      for (const chunk of chunks) {
        try {
          values.push(JSON.parse(chunk));
        } catch {
          // not JSON: the parser's concern, not the validator's
        }
      }
    }
  return values;
}

const FIXTURES = fixtureValues();
const VALID = FIXTURES.filter((v) => CaseEvent.safeParse(upcast(v)).success);

/** The rule: fast acceptance implies zod's, with the same value; anything else is zod's answer. */
function expectAgreement(raw: unknown): void {
  if (versionProblem(raw) !== undefined) return;
  const value = upcast(raw);
  const zod = CaseEvent.safeParse(value, { jitless: true });
  const fast = fastEvent(value);
  if (fast !== undefined) {
    expect(zod.success, `fast accepted what zod refuses: ${JSON.stringify(raw)?.slice(0, 300)}`).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    expect(fast).toEqual(zod.data);
  }
  const result = validateEvent(raw);
  expect(result.ok).toBe(zod.success);
  if (result.ok && zod.success) expect(JSON.stringify(result.event)).toBe(JSON.stringify(zod.data));
}

// --- mutations of valid events, one place at a time ---
type Path = (string | number)[];
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const children = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    at,
    ...children.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...at, k])),
  ];
}
function withAt(
  value: unknown,
  at: Path,
  f: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = at.at(-1);
  if (last !== undefined) f(parent, last);
  return copy;
}

const EDGE_STRINGS = [
  '',
  ' ',
  'ab',
  'abc',
  'x'.repeat(120),
  'x'.repeat(121),
  'x'.repeat(400),
  'x'.repeat(401),
  'x'.repeat(2000),
  'x'.repeat(2001),
  '😀'.repeat(200),
  '😀'.repeat(201),
  'Upper-Case',
  '-leading-dash',
  'ok.id_1-2',
  ' https://example.org/a ',
  'https://example.org/\ta',
  'http://',
  'not a url',
  'mailto:x@example.org',
  'file.txt',
  'file .txt',
  '2020',
  '2020-02',
  '2020-02-29',
  '2021-02-29',
  '2020-02-30',
  '2020-13-01',
  '2020-00-10',
  '2020-09-20T23:59',
  '2020-09-20T24:00',
  '2020-09-20T23:60',
  '2020-09-20T23:59:60',
  '2020-09-20T23:59:59',
  '2020-9-20',
  'UTC',
  'utc',
  'US/Pacific',
  'America/Los_Angeles',
  'Mars/Olympus_Mons',
  'article',
  'court-record',
  'public-record',
  'order.signed',
  'context.note',
  'tro',
  'preliminary',
  'moot',
  'winter',
];
const replacement = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(...EDGE_STRINGS), weight: 6 },
  {
    arbitrary: fc.constantFrom<unknown>(0, 1, 2, 1.5, -1, true, false, null, [], {}, ['a'], { a: 1 }),
    weight: 2,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: replacement }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.constantFrom('extra', '__proto__', 'constructor', 'basis', 'url', 'conflicts'),
    value: replacement,
  }),
);
function mutate(event: unknown, which: number, m: MutationValue) {
  const paths = pathsOf(event);
  const at = paths[which % paths.length]!;
  if (m.kind === 'add') {
    const target =
      at.length === 0 ? event : at.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], event);
    if (typeof target !== 'object' || target === null || Array.isArray(target)) return event;
    const text = JSON.stringify(target);
    const grown = JSON.parse(
      `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(m.key)}:${JSON.stringify(m.value)}}`,
    );
    return at.length === 0
      ? grown
      : withAt(event, at, (parent, key) => {
          parent[key] = grown;
        });
  }
  if (at.length === 0) return m.kind === 'replace' ? m.value : event;
  return withAt(event, at, (parent, key) => {
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else parent[key] = m.value;
  });
}
type MutationValue =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'add'; key: string; value: unknown };

describe('the generated validator', () => {
  it('accepts every valid event of the fixtures and shipped logs, returning exactly what zod returns', () => {
    expect(VALID.length).toBeGreaterThan(40);
    for (const raw of VALID) {
      expect(fastEvent(upcast(raw)), JSON.stringify(raw).slice(0, 200)).toBeDefined();
      expectAgreement(raw);
    }
  });

  it('agrees with zod on every fixture value, valid or hostile', () => {
    for (const raw of FIXTURES) expectAgreement(raw);
  });

  it(`accepts every event of ${RUNS.histories} generated legal histories, as zod returns it`, () => {
    fc.assert(
      fc.property(legalHistories, (history) => {
        for (const event of history.events) {
          const raw = JSON.parse(JSON.stringify(event));
          expect(fastEvent(upcast(raw))).toBeDefined();
          expectAgreement(raw);
        }
      }),
      { numRuns: RUNS.histories },
    );
  });

  it(`never accepts what zod refuses, over ${RUNS.mutated} valid events mutated in one place`, () => {
    // Generated events grown once (growing a history per run would be most of the test's time).
    const grown = fc.sample(legalHistories, { numRuns: 40, seed: 14 }).flatMap((h) => h.events);
    const bases = fc.constantFrom(...VALID, ...grown);
    fc.assert(
      fc.property(bases, fc.nat(), mutation, fc.nat(), mutation, (base, i, m, j, m2) => {
        const raw = JSON.parse(JSON.stringify(base));
        const once = mutate(raw, i, m as MutationValue);
        expectAgreement(once);
        expectAgreement(mutate(once, j, m2 as MutationValue));
      }),
      { numRuns: RUNS.mutated },
    );
  });

  it(`never accepts what zod refuses, over ${RUNS.anything} arbitrary values`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 4 })), (raw) => {
        expectAgreement(raw);
      }),
      { numRuns: RUNS.anything },
    );
  });

  it('counts string lengths in UTF-16 units and runs patterns without flags, as zod does', () => {
    const base = JSON.parse(JSON.stringify(VALID[0]));
    for (const quote of ['😀'.repeat(200), '😀'.repeat(201)]) {
      const raw = { ...base, sources: [{ ...base.sources[0], quote }] };
      expectAgreement(raw);
    }
  });

  it('shares one frozen copy of a repeated instant or source, and never one that differs in any field', () => {
    const cited = VALID.find((v) => (v as { sources: { type: string }[] }).sources[0]?.type !== 'article');
    const base = JSON.parse(JSON.stringify(cited)) as Record<string, unknown> & { sources: object[] };
    const again = fastEvent(upcast(JSON.parse(JSON.stringify(base))));
    const first = fastEvent(upcast(base));
    expect(first?.at).toBe(again?.at);
    expect(first?.sources[0]).toBe(again?.sources[0]);
    expect(Object.isFrozen(first?.sources[0])).toBe(true);
    const source = base.sources[0] as Record<string, unknown>;
    const { copy, ...withoutCopy } = source;
    const otherCopy = copy === undefined ? { ...source, copy: 'another-copy' } : withoutCopy;
    for (const changed of [{ ...source, quote: `${source.quote}.` }, otherCopy]) {
      const other = fastEvent(upcast({ ...base, sources: [changed] }));
      expect(other?.sources[0]).not.toBe(first?.sources[0]);
      expect(other?.sources[0]).toEqual(CaseEvent.parse(upcast({ ...base, sources: [changed] })).sources[0]);
    }
  });

  it('finds a shared instant or source only for a value of the right shape: an unknown key, a wrong constant or a non-object is still refused', () => {
    const cited = VALID.find((v) => (v as { sources: { type: string }[] }).sources[0]?.type !== 'article');
    const base = JSON.parse(JSON.stringify(cited)) as Record<string, unknown> & {
      at: Record<string, unknown>;
      sources: Record<string, unknown>[];
    };
    // Seen once, so the shared copies of its instant and source are in the tables.
    expect(fastEvent(upcast(JSON.parse(JSON.stringify(base))))).toBeDefined();
    const source = base.sources[0] as Record<string, unknown>;
    const hostile = [
      { ...base, at: { ...base.at, extra: 1 } },
      { ...base, at: JSON.parse(`{"__proto__": 1, ${JSON.stringify(base.at).slice(1)}`) },
      { ...base, at: [base.at.local, base.at.zone] },
      { ...base, sources: [{ ...source, constructor: 'x' }] },
      { ...base, sources: [{ ...source, type: 'article' }] },
      { ...base, schemaVersion: '2' },
      JSON.parse(`{"__proto__": {"type": "x"}, ${JSON.stringify(base).slice(1)}`),
    ];
    for (const raw of hostile) {
      expect(fastEvent(upcast(raw)), JSON.stringify(raw).slice(0, 200)).toBeUndefined();
      expectAgreement(raw);
    }
  });

  it('shares one frozen list of sources (and of ids) between events citing the same ones, and none that differs', () => {
    const base = JSON.parse(JSON.stringify(VALID[0])) as Record<string, unknown> & { sources: object[] };
    const withDeps = { ...base, dependsOn: ['an-earlier-event'] };
    const first = fastEvent(upcast(JSON.parse(JSON.stringify(withDeps))));
    const second = fastEvent(upcast({ ...JSON.parse(JSON.stringify(withDeps)), id: 'another-event' }));
    expect(first?.sources).toBe(second?.sources);
    expect(first?.dependsOn).toBe(second?.dependsOn);
    expect(Object.isFrozen(first?.sources)).toBe(true);
    expect(first?.sources).toEqual(CaseEvent.parse(upcast(withDeps)).sources);
    const longer = { ...withDeps, sources: [...base.sources, ...base.sources] };
    const other = fastEvent(upcast(longer));
    expect(other?.sources).not.toBe(first?.sources);
    expect(other?.sources).toEqual(CaseEvent.parse(upcast(longer)).sources);
    const fewer = fastEvent(upcast({ ...withDeps, dependsOn: ['an-earlier-event', 'and-another'] }));
    expect(fewer?.dependsOn).not.toBe(first?.dependsOn);
    expect(fewer?.dependsOn).toEqual(['an-earlier-event', 'and-another']);
  });

  it('is generated from the schema zod emits today (rebuild with npm run build after changing schema.ts)', () => {
    const generated = readFileSync(path.join(ROOT, 'src/events/validate.generated.ts'), 'utf8');
    const fresh = validatorModule(annotatedEventSchema(), SCHEMA_VERSION);
    expect(generated === fresh, 'src/events/validate.generated.ts is stale: run npm run build').toBe(true);
  });
});

describe('the validator generator', () => {
  const event = (props: Record<string, unknown>, required = Object.keys(props)) => ({
    anyOf: [{ type: 'object', properties: props, required, additionalProperties: false }],
  });
  const kind = { type: 'string', const: 'k' };
  const version = { type: 'number', const: 2 };

  it('refuses a schema node that accepts anything (a zod check JSON Schema cannot say)', () => {
    expect(() => validatorModule(event({ type: kind, schemaVersion: version, x: {} }), 2)).toThrow(
      /accepts anything/,
    );
  });

  it('refuses a keyword or format it has no exact check for', () => {
    expect(() =>
      validatorModule(
        event({ type: kind, schemaVersion: version, x: { type: 'string', format: 'email' } }),
        2,
      ),
    ).toThrow(/format email/);
    expect(() =>
      validatorModule(event({ type: kind, schemaVersion: version, x: { type: 'string', not: {} } }), 2),
    ).toThrow(/keyword not/);
  });

  it('refuses a union whose branches share no constant discriminator (plain scalars aside)', () => {
    const union = {
      anyOf: [
        { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
        { type: 'object', properties: { b: { type: 'number' } }, additionalProperties: false },
      ],
    };
    expect(() => validatorModule(event({ type: kind, schemaVersion: version, x: union }), 2)).toThrow(
      /without a constant discriminator/,
    );
  });
});
