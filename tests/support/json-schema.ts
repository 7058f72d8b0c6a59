/**
 * A small JSON Schema checker for the keywords `events/schema.json` uses (type, const, enum, properties,
 * required, additionalProperties, items, minItems, maxItems, minLength, maxLength, pattern, oneOf, anyOf,
 * allOf, $ref within the document), so a test can see what an editor sees. `format` is an annotation
 * here, as draft 2020-12 makes it by default. Returns the first problem, with its JSON path.
 */
type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export function schemaProblem(
  root: Schema,
  value: unknown,
  schema: Schema = root,
  path = '$',
): string | undefined {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\/?/, '')
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((node, part) => (node as Schema)[part], root);
    return schemaProblem(root, value, target as Schema, path);
  }
  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type);
  if (types.length > 0 && !types.some((t) => hasType(value, String(t))))
    return `${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    return `${path}: expected ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    return `${path}: not one of ${JSON.stringify(schema.enum)}`;
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) return `${path}: too short`;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) return `${path}: too long`;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      return `${path}: does not match ${schema.pattern}`;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      return `${path}: too few items`;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      return `${path}: too many items`;
    if (schema.items && typeof schema.items === 'object') {
      for (const [i, item] of value.entries()) {
        const problem = schemaProblem(root, item, schema.items as Schema, `${path}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!Object.hasOwn(object, name)) return `${path}: missing ${name}`;
    for (const [name, child] of Object.entries(object)) {
      const sub = properties[name];
      if (sub) {
        const problem = schemaProblem(root, child, sub, `${path}.${name}`);
        if (problem) return problem;
      } else if (schema.additionalProperties === false) return `${path}: unknown property ${name}`;
    }
  }
  for (const sub of (schema.allOf ?? []) as Schema[]) {
    const problem = schemaProblem(root, value, sub, path);
    if (problem) return problem;
  }
  for (const [keyword, exactlyOne] of [
    ['oneOf', true],
    ['anyOf', false],
  ] as const) {
    const branches = schema[keyword] as Schema[] | undefined;
    if (!branches) continue;
    const problems = branches.map((b) => schemaProblem(root, value, b, path));
    const matches = problems.filter((p) => p === undefined).length;
    // The alternative for the value's own kind (its `type`) says most about why it fails.
    const kind = (value as { type?: unknown } | null)?.type;
    const own = branches.findIndex(
      (b) => ((b.properties as Schema | undefined)?.type as Schema)?.const === kind,
    );
    const telling = problems[own] ?? problems.find(Boolean);
    if (matches === 0) return `${path}: matches no alternative (${telling})`;
    if (exactlyOne && matches > 1) return `${path}: matches ${matches} alternatives of oneOf`;
  }
  return undefined;
}
