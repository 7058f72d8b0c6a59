/**
 * The JSON Schemas given to editors and validators, generated from the zod schemas (the one source of
 * truth) with two things zod's generator cannot say by itself:
 * - what zod checks in code (refinements): an instant's `local` is a real calendar date and time of day
 *   (no 2020-02-30, month 13 or 25:00), and its `zone` has the form of an IANA name;
 * - which branch of a union applies: a union whose branches each fix a `const` (an event's `type`, a
 *   source's `type`, a line's `schemaVersion`) becomes if/then on that property, so a validator reports the
 *   few problems of the branch the value names, not every problem of every branch (hundreds).
 */
import { type ZodType, z } from 'zod';
import { Instant } from './schema.js';

const YEAR = '\\d{4}';
/** Years with a 29 February: divisible by 4, and by 400 when divisible by 100. */
const LEAP_YEAR = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const TIME = 'T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?';

/** YYYY, YYYY-MM, or a calendar date with an optional time of day: what `localProblem` accepts. */
export const LOCAL_JSON_PATTERN = `^(?:${YEAR}(?:-(?:0[1-9]|1[0-2]))?|(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)(?:${TIME})?)$`;

/**
 * The areas of the IANA time-zone database (and its backward-compatible ones), and the few zone names
 * without an area. Names are checked against the database only by casesim, whose ICU data decides.
 */
const ZONE_AREAS = [
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
  'Etc',
  'US',
  'Canada',
  'Mexico',
  'Brazil',
  'Chile',
];
const BARE_ZONES = ['UTC', 'GMT', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'EST', 'MST', 'HST'];
export const ZONE_JSON_PATTERN = `^(?:${BARE_ZONES.join('|')}|(?:${ZONE_AREAS.join('|')})/[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)?)$`;

const ZONE_DESCRIPTION =
  'An IANA time zone (Area/Location, such as America/Los_Angeles, or UTC). This schema checks its form; casesim validate also checks that the name is in its time-zone database.';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The property whose `const` tells every branch apart, if there is one (with each branch's value). */
function discriminatorOf(branches: readonly unknown[]): { key: string; values: unknown[] } | undefined {
  const first = branches[0];
  if (branches.length < 2 || !isNode(first) || !isNode(first.properties)) return undefined;
  for (const key of Object.keys(first.properties)) {
    const values = branches.map((b) =>
      isNode(b) && isNode(b.properties) && isNode(b.properties[key]) ? b.properties[key].const : undefined,
    );
    const required = branches.every(
      (b) => isNode(b) && Array.isArray(b.required) && b.required.includes(key),
    );
    if (
      required &&
      values.every((v) => v !== undefined) &&
      new Set(values.map(String)).size === values.length
    )
      return { key, values };
  }
  return undefined;
}

/** A union as if/then on its discriminator: the value's own branch is the only one it is checked against. */
function discriminate(node: Node, branches: unknown[]): Node {
  const found = discriminatorOf(branches);
  if (!found) return node;
  const { key, values } = found;
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = node;
  return {
    ...rest,
    type: 'object',
    required: [key],
    properties: { [key]: { enum: values } },
    allOf: branches.map((branch, i) => ({
      if: { type: 'object', properties: { [key]: { const: values[i] } }, required: [key] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword; this object is data, never awaited
      then: branch,
    })),
  };
}

/** Rewrites every discriminated union in a generated schema, bottom up. */
export function withDiscriminators(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withDiscriminators);
  if (!isNode(node)) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === 'const' || key === 'enum' ? value : withDiscriminators(value);
  const branches = (out.oneOf ?? out.anyOf) as unknown[] | undefined;
  return Array.isArray(branches) ? discriminate(out, branches) : out;
}

/** The JSON Schema (draft 2020-12) of a zod schema, for editors and validators: see the module comment. */
export function editorJsonSchema(schema: ZodType, options: { reused?: 'ref' | 'inline' } = {}): Node {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    ...options,
    override: (ctx) => {
      if (ctx.zodSchema === Instant.shape.local) ctx.jsonSchema.pattern = LOCAL_JSON_PATTERN;
      if (ctx.zodSchema === Instant.shape.zone) {
        ctx.jsonSchema.pattern = ZONE_JSON_PATTERN;
        ctx.jsonSchema.description = ZONE_DESCRIPTION;
      }
    },
  });
  return withDiscriminators(generated) as Node;
}

/**
 * Every copy of a shared part (an instant, a source) replaced by a `$ref` to one definition in `$defs`:
 * zod inlines each use, which made the log-line schema a megabyte of the same few parts.
 */
export function factored(root: Node, parts: Readonly<Record<string, ZodType>>): Node {
  const defs: Node = {};
  const keys = new Map<string, string>();
  for (const [name, schema] of Object.entries(parts)) {
    const { $schema: _, ...def } = editorJsonSchema(schema);
    defs[name] = def;
    keys.set(JSON.stringify(def), name);
  }
  const replace = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replace);
    if (!isNode(node)) return node;
    const name = keys.get(JSON.stringify(node));
    if (name) return { $ref: `#/$defs/${name}` };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replace(v)]));
  };
  return { ...(replace(root) as Node), $defs: defs };
}
