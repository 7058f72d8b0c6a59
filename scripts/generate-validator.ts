/**
 * Build step: generates `src/events/validate.generated.ts`, the fast validator of an event, from the JSON Schema
 * the zod schemas emit (zod's `toJSONSchema`, as `casesim schema` uses it), so zod stays the single source of
 * what an event is and a change to the schemas flows in at the next build.
 *
 * The module has two parts:
 * - `validate`: ajv's standalone code for the JSON Schema (structure, types, lengths, patterns, enums);
 * - `shape`: builds the value zod's parse returns (keys in zod's order, defaults filled in, URLs as zod gives
 *   them back) and runs the checks JSON Schema cannot say (`validate-checks.ts`: zone, calendar date, URL).
 * Where either refuses, `validateEvent` asks zod, so a refusal always carries zod's message.
 *
 * Run: `npm run generate` (part of `npm run build`). Refuses to generate, loudly, for a schema it cannot
 * check exactly (a node that accepts anything, a union without a constant discriminator, an unknown keyword).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { z } from 'zod';
import {
  CaseEvent,
  CourtRecordSource,
  Instant,
  PublicRecordSource,
  SCHEMA_VERSION,
} from '../src/events/schema.js';

type Node = Record<string, unknown>;

/** ajv's standalone module is CommonJS: its function is also its `default` property, which both interops see. */
const standaloneCode = standaloneModule.default;

/** The annotation that names a check from `validate-checks.ts` on a node of the JSON Schema. */
const CHECK = 'x-casesim-check';

/**
 * The JSON Schema zod emits for an event (the same generator, target and options as `casesim schema`, so
 * a change to `schema.ts` flows in at the next build), with the checks it cannot say named on their nodes.
 * It is zod's own output for `CaseEvent`, not the editors' log-line schema, which may be shaped for people
 * (if/then by version and kind, patterns approximating the calendar and zone checks): those checks are
 * made here exactly, by the functions zod's refinements call.
 */
export function annotatedEventSchema(): Node {
  return z.toJSONSchema(CaseEvent, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // Instant's zod refinements (isTimeZone, localProblem): the generated shaper calls the same functions.
      if (ctx.zodSchema === Instant) (ctx.jsonSchema as Node)[CHECK] = 'instant';
      // A source's web address: zod emits only its http(s) pattern, but parses it as a URL (and gives back
      // the normalized text): the shaper asks zod's own URL schema, as for any `format: uri`.
      if (ctx.zodSchema === PublicRecordSource.shape.url) (ctx.jsonSchema as Node)[CHECK] = 'url';
      // Sources' refinement (evidenceProblem: a quote or a note, a copy only with a quote): likewise.
      if (ctx.zodSchema === CourtRecordSource || ctx.zodSchema === PublicRecordSource)
        (ctx.jsonSchema as Node)[CHECK] = 'evidence';
    },
  }) as Node;
}

/** Keywords that only describe; anything else unknown to this generator stops the build. */
const ANNOTATIONS = new Set([
  '$schema',
  'description',
  'title',
  'default',
  'examples',
  'discriminator',
  CHECK,
]);
const ASSERTIONS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'const',
  'enum',
  'anyOf',
  'oneOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The alternatives of a union node, nested unions flattened. */
function branchesOf(node: Node): Node[] {
  const list = (node.anyOf ?? node.oneOf) as unknown[];
  return list.flatMap((b) => (isNode(b) && (b.anyOf || b.oneOf) ? branchesOf(b) : [b as Node]));
}

/** Properties every branch requires with a constant value, in the first branch's order: the discriminators. */
function discriminators(branches: readonly Node[]): string[] {
  const constKeys = (b: Node) => {
    const props = (b.properties ?? {}) as Record<string, Node>;
    const required = new Set((b.required ?? []) as string[]);
    return Object.keys(props).filter((k) => required.has(k) && 'const' in (props[k] ?? {}));
  };
  const [first, ...rest] = branches.map(constKeys);
  return (first ?? []).filter((k) => rest.every((keys) => keys.includes(k)));
}

/**
 * Checks that every node is one this generator shapes exactly, and gives each `oneOf` whose branches share a
 * constant discriminator a `discriminator` (ajv then tries one branch, not all of them).
 */
function prepare(node: unknown, where: string): void {
  if (!isNode(node)) throw new Error(`${where}: not a schema object`);
  const keys = Object.keys(node);
  for (const key of keys)
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key))
      throw new Error(`${where}: keyword ${key} is not one the fast validator knows`);
  if (!keys.some((k) => ASSERTIONS.has(k)))
    throw new Error(`${where}: accepts anything (a zod check JSON Schema cannot say?); name it in CHECK`);
  if (node.format !== undefined && node.format !== 'uri')
    throw new Error(`${where}: format ${String(node.format)} has no shared check`);
  if (node.anyOf || node.oneOf) {
    const branches = branchesOf(node);
    // Plain scalars (a string enum or a boolean, unchecked beyond JSON Schema) need no discriminator: zod
    // gives them back unchanged, so there is nothing to shape.
    const plainScalars = branches.every(
      (b) =>
        ['string', 'boolean', 'number', 'integer'].includes(b.type as string) &&
        b.format === undefined &&
        b[CHECK] === undefined,
    );
    const tags = discriminators(branches);
    if (tags.length === 0 && !plainScalars)
      throw new Error(`${where}: a union without a constant discriminator`);
    const first = tags[0];
    const objects = branches.every((b) => b.type === 'object');
    if (node.oneOf && !node.discriminator && objects && first !== undefined) {
      node.type = 'object';
      node.discriminator = { propertyName: first };
    }
    ((node.anyOf ?? node.oneOf) as unknown[]).forEach((b, i) => {
      prepare(b, `${where}/${node.anyOf ? 'anyOf' : 'oneOf'}/${i}`);
    });
  }
  if (isNode(node.properties))
    for (const [name, child] of Object.entries(node.properties))
      prepare(child, `${where}/properties/${name}`);
  if (node.items !== undefined) prepare(node.items, `${where}/items`);
  if (node.additionalProperties !== undefined && node.additionalProperties !== false)
    throw new Error(`${where}: only closed objects (additionalProperties: false) are shaped`);
}

/** Generates the shaper: one function per object or union node, named s0, s1, ... */
class Shaper {
  private readonly names = new Map<string, string>();
  readonly code: string[] = [];
  readonly enums: string[] = [];
  readonly tables: string[] = [];

  constructor(private readonly root: Node) {}

  private resolve(node: Node): Node {
    if (typeof node.$ref !== 'string') return node;
    const name = node.$ref.replace(/^#\/\$defs\//, '');
    const target = (this.root.$defs as Record<string, Node> | undefined)?.[name];
    if (!target) throw new Error(`unresolved ${node.$ref}`);
    return this.resolve(target);
  }

  /** An expression for the value zod returns for `v`, a value of `node` that ajv has accepted. */
  expr(ref: Node, v: string): string {
    const node = this.resolve(ref);
    // A union of plain scalars (a recorded vacatur: 'granted' | 'refused' | 'unknown', or an older log's
    // true or false): ajv has checked it, and zod gives the value back as it is.
    if (this.isPlainScalarUnion(node)) return v;
    if (node.anyOf || node.oneOf || node.type === 'object') return `${this.fn(node)}(${v})`;
    if (node.type === 'array') {
      const items = this.resolve(node.items as Node);
      const item = this.expr(items, 'x');
      const list = item === 'x' ? `${v}.slice()` : `${v}.map(${this.fn(items)})`;
      // A list of shared values (a source list, the prohibitions named, the events depended on) recurs
      // across a log too: every event of a generated log cites the same source. One shared, frozen list
      // per distinct content, found by its items' identities (equal shared items are the same object).
      if (!this.isShared(items)) return list;
      if (!this.tables.includes('lists')) this.tables.push('lists');
      return `shareList(t_lists, ${list})`;
    }
    if (node.format === 'uri' || node[CHECK] === 'url') return `urlValue(${v})`;
    // Constants and enumerated strings as one shared string each, not one copy per event.
    if ('const' in node) return JSON.stringify(node.const);
    if (Array.isArray(node.enum) && node.enum.every((e) => typeof e === 'string')) {
      const name = `e${this.enums.length}`;
      this.enums.push(`const ${name} = new Map(${JSON.stringify(node.enum.map((e) => [e, e]))});`);
      return `${name}.get(${v})`;
    }
    return v;
  }

  /**
   * The lookup and the store of the shared copy of a leaf record: a table of nested maps, one level per
   * field in the schema's order, keyed by the field's value as the line gives it (undefined when absent), so
   * any two distinct inputs differ somewhere on their path and no key string is built. Keyed by the input,
   * a value seen before is found before anything is built or checked (the shaper is a function of its
   * input: the same input gives the same value, or the same refusal, which is never stored). Constants are
   * left out: the table is the node's own (instants share one: every instant node has the same fields).
   */
  private shared(table: string, props: Record<string, Node>): { find: string; store: string } {
    const fields = Object.entries(props)
      .filter(([, ref]) => !('const' in this.resolve(ref)))
      .map(([key]) => `v[${JSON.stringify(key)}]`);
    if (!this.tables.includes(table)) this.tables.push(table);
    return {
      find: `knownLeaf(t_${table}, ${fields.join(', ')})`,
      store: `shareLeaf(t_${table}, o, ${fields.join(', ')})`,
    };
  }

  /** Whether the value of `node` is a string, number or boolean (so an object of them is a leaf). */
  private isScalar(ref: Node): boolean {
    const node = this.resolve(ref);
    if (this.isPlainScalarUnion(node)) return true;
    return !(node.anyOf || node.oneOf || node.type === 'object' || node.type === 'array');
  }

  /**
   * Whether equal values of `node` are one object (or a primitive): scalars, leaf records (shared by
   * `shareLeaf`), and unions of them. Only lists of such values are shared by their items' identities.
   */
  private isShared(ref: Node): boolean {
    const node = this.resolve(ref);
    if (this.isScalar(node)) return true;
    if (node.anyOf || node.oneOf) return branchesOf(node).every((b) => this.isShared(b));
    if (node.type !== 'object') return false;
    return Object.values((node.properties ?? {}) as Record<string, Node>).every((c) => this.isScalar(c));
  }

  /** A union whose branches are scalars zod returns unchanged: no URL to normalize, no check to run. */
  private isPlainScalarUnion(node: Node): boolean {
    const branches = (node.anyOf ?? node.oneOf) as Node[] | undefined;
    return (
      branches?.every((ref) => {
        const b = this.resolve(ref);
        return (
          (b.type === 'string' || b.type === 'boolean' || b.type === 'number' || b.type === 'integer') &&
          b.format === undefined &&
          b[CHECK] === undefined &&
          !b.anyOf &&
          !b.oneOf
        );
      }) === true
    );
  }

  fn(ref: Node): string {
    const node = this.resolve(ref);
    const key = JSON.stringify(node);
    const known = this.names.get(key);
    if (known) return known;
    const name = `s${this.names.size}`;
    this.names.set(key, name);
    this.code.push(node.anyOf || node.oneOf ? this.unionFn(name, node) : this.objectFn(name, node));
    return name;
  }

  private objectFn(name: string, node: Node): string {
    const props = (node.properties ?? {}) as Record<string, Node>;
    const required = new Set((node.required ?? []) as string[]);
    const lines: string[] = [];
    const literal: string[] = [];
    // The record when no optional field is given, as one literal, and the fields whose absence that needs.
    const whole: string[] = [];
    const absent: string[] = [];
    let open = true;
    for (const [key, child] of Object.entries(props)) {
      const k = JSON.stringify(key);
      const value = this.expr(child, `v[${k}]`);
      const defaulted = `v[${k}] === undefined ? ${JSON.stringify(child.default)} : ${value}`;
      if (required.has(key)) whole.push(`${k}: ${value}`);
      else if ('default' in child) whole.push(`${k}: ${defaulted}`);
      else absent.push(`v[${k}] === undefined`);
      if (open && required.has(key)) {
        literal.push(`${k}: ${value}`);
        continue;
      }
      open = false;
      if (required.has(key)) lines.push(`o[${k}] = ${value};`);
      else if ('default' in child) lines.push(`o[${k}] = ${defaulted};`);
      else lines.push(`if (v[${k}] !== undefined) o[${k}] = ${value};`);
    }
    const instant = node[CHECK] === 'instant';
    const evidence = node[CHECK] === 'evidence';
    const check = instant
      ? ['if (!instantIsReal(o)) throw REFUSED;']
      : evidence
        ? ['if (!evidenceIsValid(o)) throw REFUSED;']
        : [];
    // A record of scalars (an instant, a source, a court's findings) recurs across a log: one shared, frozen
    // object per distinct value keeps a large log's memory to what is distinct in it.
    const leaf = Object.values(props).every((child) => this.isScalar(child));
    const share = leaf ? this.shared(instant ? 'instants' : name, props) : undefined;
    const result = share ? share.store : 'o';
    // A date or source named again is the shared copy, found before the zone, calendar or URL is checked.
    const known = share ? [`  const known = ${share.find};`, '  if (known !== undefined) return known;'] : [];
    // V8 keeps in the object itself only the fields its literal names; each field set after goes to a
    // second array. Where no optional field is given (most events of a log), one literal names them all,
    // in the schema's order as zod gives them: a tenth less memory per loaded event.
    const allAtOnce =
      lines.length === 0
        ? []
        : [
            `  if (${absent.length > 0 ? absent.join(' && ') : 'true'}) {`,
            `    const o = { ${whole.join(', ')} };`,
            ...check.map((l) => `    ${l}`),
            `    return ${result};`,
            '  }',
          ];
    return [
      `function ${name}(v) {`,
      ...known,
      ...allAtOnce,
      `  const o = { ${literal.join(', ')} };`,
      ...lines.map((l) => `  ${l}`),
      ...check.map((l) => `  ${l}`),
      `  return ${result};`,
      '}',
    ].join('\n');
  }

  private unionFn(name: string, node: Node): string {
    const branches = branchesOf(node).map((b) => this.resolve(b));
    const [tag, ...rest] = discriminators(branches);
    const cases = new Map<string, string[]>();
    for (const branch of branches) {
      const props = branch.properties as Record<string, Node>;
      const value = JSON.stringify(props[tag!]!.const);
      const guard = rest.map((k) => `v[${JSON.stringify(k)}] === ${JSON.stringify(props[k]!.const)}`);
      const call = `return ${this.fn(branch)}(v);`;
      const line = guard.length ? `if (${guard.join(' && ')}) ${call}` : call;
      cases.set(value, [...(cases.get(value) ?? []), line]);
    }
    const body = [...cases].map(([value, lines]) =>
      [`    case ${value}:`, ...lines.map((l) => `      ${l}`), '      break;'].join('\n'),
    );
    return [
      `function ${name}(v) {`,
      `  switch (v[${JSON.stringify(tag)}]) {`,
      ...body,
      '  }',
      '  throw REFUSED;',
      '}',
    ].join('\n');
  }
}

/**
 * The union of the event kinds of the current schema version: `validateEvent` upcasts a line before it
 * validates it, so the older versions' branches of the log-line schema never match there.
 */
function currentVersionOnly(schema: Node, version: number): Node {
  const branches = branchesOf(schema).filter((b) => {
    const v = (b.properties as Record<string, Node> | undefined)?.schemaVersion;
    return v?.const === version;
  });
  if (branches.length === 0) throw new Error(`no event kind of schema version ${version} in the schema`);
  const { anyOf: _a, oneOf: _o, ...rest } = schema;
  return { ...rest, oneOf: branches };
}

/** The schema with every local `$ref` replaced by what it names (zod may share sub-schemas that way). */
function withoutRefs(schema: Node): Node {
  const defs = {
    ...((schema.$defs ?? {}) as Record<string, unknown>),
    ...((schema.definitions ?? {}) as object),
  };
  const inline = (node: unknown, depth: number): unknown => {
    if (depth > 64) throw new Error('a recursive schema: the fast validator shapes only finite ones');
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map((n) => inline(n, depth + 1));
    const { $ref, ...rest } = node as Node;
    if (typeof $ref === 'string') {
      const name = $ref.replace(/^#\/(\$defs|definitions)\//, '');
      if (!(name in defs)) throw new Error(`cannot resolve ${$ref}`);
      return inline({ ...(defs[name] as Node), ...rest }, depth + 1);
    }
    return Object.fromEntries(
      Object.entries(rest)
        .filter(([k]) => k !== '$defs' && k !== 'definitions')
        .map(([k, v]) => [k, VALUES.has(k) ? v : inline(v, depth + 1)]),
    );
  };
  return inline(schema, 0) as Node;
}

/** Size, in characters of JSON, from which a sub-schema used more than once becomes one definition. */
const SHARED_FROM = 200;

/**
 * The same schema with each sub-schema that occurs more than once moved into `$defs` and referenced, so ajv
 * generates its code once (an instant occurs 70 times in the log-line schema, a source 45 times).
 */
function shareRepeated(schema: Node): Node {
  const counts = new Map<string, number>();
  eachSubschema(schema, (node) => {
    const key = JSON.stringify(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const defs: Record<string, Node> = {};
  const names = new Map<string, string>();
  const rewrite = (node: Node, own = false): Node => {
    const key = JSON.stringify(node);
    if (!own && (key.length < SHARED_FROM || (counts.get(key) ?? 0) < 2)) return mapSubschemas(node, rewrite);
    let name = names.get(key);
    if (!name) {
      name = `d${names.size}`;
      names.set(key, name);
      defs[name] = mapSubschemas(node, rewrite);
    }
    return { $ref: `#/$defs/${name}` };
  };
  // Each event kind is a function of its own too: V8 does not optimize one function holding all of them.
  const root = mapSubschemas(schema, rewrite);
  for (const k of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(schema[k])) root[k] = (schema[k] as Node[]).map((b) => rewrite(b, true));
  return { ...root, $defs: defs };
}

/** The node with each of its direct sub-schemas (properties, items, union branches) replaced by `f` of it. */
function mapSubschemas(node: Node, f: (child: Node) => Node): Node {
  const out: Node = { ...node };
  if (isNode(node.properties))
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, f(v as Node)]));
  if (isNode(node.items)) out.items = f(node.items);
  for (const k of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(node[k])) out[k] = (node[k] as Node[]).map(f);
  return out;
}

/** Calls `f` on every sub-schema below the root. */
function eachSubschema(node: Node, f: (child: Node) => void): void {
  mapSubschemas(node, (child) => {
    f(child);
    eachSubschema(child, f);
    return child;
  });
}

/** Keywords whose value is data, not a schema. */
const VALUES = new Set(['const', 'enum', 'default', 'examples', 'required', 'discriminator', CHECK]);

/** The one error list every refusal of the generated code reports (see `withoutErrorDetails`). */
const REFUSAL = 'refusal';

/**
 * ajv's code with each refusal's error record (where, which keyword, which limit) replaced by one shared
 * list: `fastEvent` reads only whether ajv accepts, and every refusal is worded by zod. The records were
 * a quarter of the module, parsed by every `casesim` start. A failing sub-validator's caller still finds a
 * non-empty `errors` list, so ajv's own control flow is unchanged.
 */
function withoutErrorDetails(code: string): string {
  const out = code.replace(
    /(validate\d+)\.errors = \[\{instancePath[\s\S]*?\}\];return false;/g,
    `$1.errors = ${REFUSAL};return false;`,
  );
  if (/\.errors = \[\{instancePath/.test(out))
    throw new Error('an error record of ajv left in the fast validator: its code changed shape');
  return out;
}

/** The text of `validate.generated.ts` for a JSON Schema of a log line (annotated as above). */
export function validatorModule(logLine: Node, version: number): string {
  const prepared = currentVersionOnly(withoutRefs(logLine), version);
  prepare(prepared, '#');
  const copy = shareRepeated(prepared);
  const ajv = new Ajv2020({
    code: { source: true, esm: true, optimize: true },
    // Each shared definition is one function, called where it is used.
    inlineRefs: false,
    strict: true,
    allErrors: false,
    messages: false,
    // zod counts a string's length in UTF-16 units and runs its regular expressions without flags.
    unicode: false,
    unicodeRegExp: false,
    // URLs are checked by zod's own URL schema, in the shaper.
    validateFormats: false,
    discriminator: true,
    // `unicode: false` is deprecated in ajv 8 but still read; its notice would be the build's only output.
    logger: false,
  });
  ajv.addKeyword({ keyword: CHECK, schemaType: 'string' });
  const ajvCode = withoutErrorDetails(standaloneCode(ajv, ajv.compile(copy)));
  if (/\brequire\(|\bimport\b/.test(ajvCode))
    throw new Error('ajv generated code that needs its runtime; the fast validator must stand alone');
  const shaper = new Shaper(copy);
  const top = shaper.fn(copy);
  return [
    '// @ts-nocheck',
    '/* Generated by scripts/generate-validator.ts from the zod schemas at build time: do not edit. */',
    "import { evidenceIsValid, instantIsReal, knownLeaf, REFUSED, sharedTable, shareLeaf, shareList, urlValue } from './validate-checks.js';",
    `const ${REFUSAL} = [{}];`,
    ajvCode.replace(/^"use strict";/, ''),
    ...shaper.enums,
    ...shaper.tables.map((t) => `const t_${t} = sharedTable();`),
    ...shaper.code,
    `export const shape = ${top};`,
    '',
  ].join('\n');
}

// Run as a script (bundled by the build), it writes the module to the path it is given.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: generate-validator <out.ts>');
  writeFileSync(out, validatorModule(annotatedEventSchema(), SCHEMA_VERSION));
}
