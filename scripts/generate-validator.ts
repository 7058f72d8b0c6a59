/**
 * Build step: generates `src/events/validate.generated.ts`, the fast validator of an event, from the JSON Schema
 * the zod schemas emit (zod's `toJSONSchema`, as `casesim schema` uses it), so zod stays the single source of
 * what an event is and a change to the schemas flows in at the next build.
 *
 * The module is one pass over a decoded line, `shape`: one function per object or union node that checks the
 * value as the JSON Schema says (shape, unknown keys, types, constants, enumerations, lengths, patterns,
 * bounds) and builds the value zod's parse returns (keys in zod's order, defaults filled in, URLs as zod gives
 * them back), running the checks JSON Schema cannot say (`validate-checks.ts`: zone, calendar date, URL) on
 * the way. It replaced ajv's standalone code plus a second, shaping pass: one walk instead of two, and a
 * module a sixth of the size for every `casesim` start to parse. Where it refuses, `validateEvent` asks
 * zod, so a refusal always carries zod's message; a differential test holds it to zod.
 *
 * Run: `npm run generate` (part of `npm run build`). Refuses to generate, loudly, for a schema it cannot
 * check exactly (a node that accepts anything, a union without a constant discriminator, an unknown keyword).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  CaseEvent,
  CourtRecordSource,
  Instant,
  PublicRecordSource,
  SCHEMA_VERSION,
} from '../src/events/schema.js';

type Node = Record<string, unknown>;

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
 * constant discriminator a `discriminator` (the shaper switches on it: one branch is tried, not all).
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

  /**
   * An expression for the value zod returns for `v`, a value of `node` that `checks` has accepted (an object
   * or a union checks itself, in its own function).
   */
  expr(ref: Node, v: string): string {
    const node = this.resolve(ref);
    // A union of plain scalars (a recorded vacatur: 'granted' | 'refused' | 'unknown', or an older log's
    // true or false): checked, and zod gives the value back as it is.
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

  private patterns = new Map<string, string>();
  private locals = 0;

  /** The name of the one RegExp of `pattern` (run without flags, as zod runs it). */
  private pattern(source: string): string {
    let name = this.patterns.get(source);
    if (!name) {
      name = `p${this.patterns.size}`;
      this.patterns.set(source, name);
      this.enums.push(`const ${name} = new RegExp(${JSON.stringify(source)});`);
    }
    return name;
  }

  /**
   * An expression true exactly when `x` is a value of the scalar `node` as JSON Schema says it (type,
   * constant, enumeration, length in UTF-16 units, pattern, bounds). What JSON Schema cannot say (a URL, a
   * zone, a calendar date) is checked where the value is built.
   */
  private pred(ref: Node, x: string): string {
    const node = this.resolve(ref);
    if (node.anyOf || node.oneOf)
      return `(${branchesOf(node)
        .map((b) => this.pred(b, x))
        .join(' || ')})`;
    const all: string[] = [];
    if ('const' in node) {
      const c = node.const;
      if (c === null || typeof c === 'object') throw new Error('a constant that is not a scalar');
      all.push(`${x} === ${JSON.stringify(c)}`);
    }
    switch (node.type) {
      case 'string':
        all.push(`typeof ${x} === "string"`);
        if (typeof node.minLength === 'number') all.push(`${x}.length >= ${node.minLength}`);
        if (typeof node.maxLength === 'number') all.push(`${x}.length <= ${node.maxLength}`);
        if (typeof node.pattern === 'string') all.push(`${this.pattern(node.pattern)}.test(${x})`);
        break;
      case 'number':
      case 'integer':
        // JSON gives only finite numbers; zod's integers are JSON Schema's (bounded where zod bounds them).
        all.push(node.type === 'integer' ? `Number.isInteger(${x})` : `typeof ${x} === "number"`);
        if (typeof node.minimum === 'number') all.push(`${x} >= ${node.minimum}`);
        if (typeof node.maximum === 'number') all.push(`${x} <= ${node.maximum}`);
        if (typeof node.exclusiveMinimum === 'number') all.push(`${x} > ${node.exclusiveMinimum}`);
        if (typeof node.exclusiveMaximum === 'number') all.push(`${x} < ${node.exclusiveMaximum}`);
        break;
      case 'boolean':
        all.push(`typeof ${x} === "boolean"`);
        break;
      default:
        if (!('const' in node) && !Array.isArray(node.enum))
          throw new Error(`a scalar of type ${String(node.type)} the fast validator cannot check`);
    }
    if (Array.isArray(node.enum)) {
      if (!node.enum.every((e) => typeof e === 'string')) throw new Error('an enumeration of non-strings');
      all.push(`(${node.enum.map((e) => `${x} === ${JSON.stringify(e)}`).join(' || ')})`);
    }
    return all.length === 1 ? (all[0] as string) : `(${all.join(' && ')})`;
  }

  /**
   * Statements that throw REFUSED unless `x` is a value of `node`: a scalar's checks, or a list's length and
   * its scalar items' checks. An object or a union is checked by its own function, called in `expr`.
   */
  private checks(ref: Node, x: string): string[] {
    const node = this.resolve(ref);
    if (this.isPlainScalarUnion(node) || this.isScalar(node))
      return [`if (!(${this.pred(node, x)})) throw REFUSED;`];
    if (node.type !== 'array') return [];
    const out = [`if (!Array.isArray(${x})) throw REFUSED;`];
    if (typeof node.minItems === 'number') out.push(`if (${x}.length < ${node.minItems}) throw REFUSED;`);
    if (typeof node.maxItems === 'number') out.push(`if (${x}.length > ${node.maxItems}) throw REFUSED;`);
    const items = this.resolve(node.items as Node);
    if (this.isPlainScalarUnion(items) || this.isScalar(items)) {
      const y = `y${this.locals++}`;
      out.push(
        `for (let i = 0; i < ${x}.length; i++) { const ${y} = ${x}[i]; if (!(${this.pred(items, y)})) throw REFUSED; }`,
      );
    }
    return out;
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
    // The lookup is inlined (one `get` per level): it runs for every instant and source of every line.
    const levels = fields.length > 0 ? fields : ['undefined'];
    return {
      find: `t_${table}${levels.map((f, i) => `${i === 0 ? '' : '?'}.get(${f})`).join('')}`,
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
    const keys = Object.keys(props);
    // `v.constructor` of an object without that key would find Object.prototype's: never a field name here.
    const inherited = keys.find((k) => k in Object.prototype);
    if (inherited) throw new Error(`a field named ${inherited}, as Object.prototype has one`);
    // Its shape first: an object, with no key the schema does not name (zod's strict objects refuse one).
    const shape = ['  if (typeof v !== "object" || v === null || Array.isArray(v)) throw REFUSED;'];
    if (node.additionalProperties === false)
      shape.push(
        keys.length === 0
          ? '  for (const k in v) throw REFUSED;'
          : `  for (const k in v) switch (k) { ${keys.map((k) => `case ${JSON.stringify(k)}:`).join(' ')} continue; default: throw REFUSED; }`,
      );
    const local = new Map(keys.map((k, i) => [k, `f${i}`]));
    const fields: string[] = [];
    // Constants before the shared copy is looked up: the table's key leaves them out.
    const constants: string[] = [];
    for (const [key, child] of Object.entries(props)) {
      const k = JSON.stringify(key);
      const f = local.get(key) as string;
      const resolved = this.resolve(child);
      const test = this.checks(resolved, f);
      const present = required.has(key)
        ? [`  if (${f} === undefined) throw REFUSED;`, ...test.map((t) => `  ${t}`)]
        : test.length > 0
          ? [`  if (${f} !== undefined) { ${test.join(' ')} }`]
          : [];
      ('const' in resolved ? constants : fields).push(`  const ${f} = v[${k}];`, ...present);
    }
    const lines: string[] = [];
    const literal: string[] = [];
    // The record when no optional field is given, as one literal, and the fields whose absence that needs.
    const whole: string[] = [];
    const absent: string[] = [];
    let open = true;
    for (const [key, child] of Object.entries(props)) {
      const k = JSON.stringify(key);
      const f = local.get(key) as string;
      const value = this.expr(child, f);
      const defaulted = `${f} === undefined ? ${JSON.stringify(child.default)} : ${value}`;
      if (required.has(key)) whole.push(`${k}: ${value}`);
      else if ('default' in child) whole.push(`${k}: ${defaulted}`);
      else absent.push(`${f} === undefined`);
      if (open && required.has(key)) {
        literal.push(`${k}: ${value}`);
        continue;
      }
      open = false;
      if (required.has(key)) lines.push(`o[${k}] = ${value};`);
      else if ('default' in child) lines.push(`o[${k}] = ${defaulted};`);
      else lines.push(`if (${f} !== undefined) o[${k}] = ${value};`);
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
    // A date or source named again is the shared copy, found before its fields, zone, calendar or URL are
    // checked: it was stored only once they had been, for these very field values (its shape and constants,
    // which the key leaves out, are checked above).
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
      ...shape,
      ...constants,
      ...known,
      ...fields,
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
      '  if (typeof v !== "object" || v === null || Array.isArray(v)) throw REFUSED;',
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
 * The same schema with each sub-schema that occurs more than once moved into `$defs` and referenced, so the
 * shaper generates its function once (an instant occurs 70 times in the log-line schema, a source 45 times).
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

/** The text of `validate.generated.ts` for a JSON Schema of a log line (annotated as above). */
export function validatorModule(logLine: Node, version: number): string {
  const prepared = currentVersionOnly(withoutRefs(logLine), version);
  prepare(prepared, '#');
  const copy = shareRepeated(prepared);
  const shaper = new Shaper(copy);
  const top = shaper.fn(copy);
  return [
    '// @ts-nocheck',
    '/* Generated by scripts/generate-validator.ts from the zod schemas at build time: do not edit. */',
    "import { evidenceIsValid, instantIsReal, REFUSED, sharedTable, shareLeaf, shareList, urlValue } from './validate-checks.js';",
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
