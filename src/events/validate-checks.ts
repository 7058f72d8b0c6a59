/**
 * What an event must be that JSON Schema cannot say, as functions both validators call: the zod schemas
 * (`schema.ts` refines with `isTimeZone`, `localProblem` and `evidenceProblem`) and the validator generated from their JSON
 * Schema at build time (`validate.generated.ts`, see `scripts/generate-validator.ts`).
 */
import { isTimeZone, localProblem } from './instant.js';
import { evidenceProblem } from './vocabulary.js';

/** Thrown by the generated shaper when a value passes the JSON Schema but not a check named here. */
export const REFUSED: unique symbol = Symbol('refused by a check JSON Schema cannot say');

/** The zone and calendar checks of `Instant`, exactly the functions its zod refinements call. */
export function instantIsReal(instant: { readonly local: string; readonly zone: string }): boolean {
  return isTimeZone(instant.zone) && localProblem(instant.local) === undefined;
}

/** The quote-or-note rule of court-record and public-record sources, exactly the function zod's refinement calls. */
export function evidenceIsValid(source: { quote?: string; copy?: string; note?: string }): boolean {
  return evidenceProblem(source) === undefined;
}

/**
 * What a source's web address becomes, by the WHATWG URL parser (the one zod's `z.url()` uses), so the replay
 * path needs no zod: the same accept and refuse as `PublicRecordSource.shape.url` and the same value back
 * (trimmed, tabs and newlines removed), kept so by a differential test (tests/url-check.property.test.ts).
 * Refused: no `http://` or `https://` at the start (zod's guard against `http:example.com`), text the URL
 * parser cannot read, and a scheme other than http(s).
 */
function webUrlValue(text: string): string | typeof REFUSED {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return REFUSED;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return REFUSED;
  }
  if (!/^https?$/.test(url.protocol.endsWith(':') ? url.protocol.slice(0, -1) : url.protocol)) return REFUSED;
  const value = trimmed.replace(/[\t\n\r]/g, '');
  // The schema's own pattern, which zod checks on the value its URL check gives back.
  return /^https?:\/\//.test(value) ? value : REFUSED;
}

const urls = new Map<string, string | typeof REFUSED>();

/** The value zod's `z.url()` gives for `text`; throws REFUSED where zod refuses it. A log cites few URLs. */
export function urlValue(text: string): string {
  let value = urls.get(text);
  if (value === undefined) {
    value = webUrlValue(text);
    if (urls.size > 10_000) urls.clear();
    urls.set(text, value);
  }
  if (value === REFUSED) throw REFUSED;
  return value;
}

/** Distinct values kept for sharing; past this many every table starts again (memory stays bounded). */
const SHARED_MAX = 100_000;
const tables: Map<unknown, unknown>[] = [];
let sharedCount = 0;

/** A table of shared values for one kind of leaf record (see `shareLeaf`). */
export function sharedTable(): Map<unknown, unknown> {
  const table = new Map<unknown, unknown>();
  tables.push(table);
  return table;
}

/**
 * The one shared, frozen copy of a record of scalars (an instant, a source cited again, the same findings):
 * a log names few dates and sources many times. `fields` are the input's values in a fixed order; the table
 * nests one map per field keyed by the value itself, so distinct records never meet and no key is built
 * (the generated validator looks a record up by the same path, one `get` per field, before building it).
 */
export function shareLeaf<T extends object>(table: Map<unknown, unknown>, value: T, ...fields: unknown[]): T {
  let level = table;
  const last = fields.length - 1;
  for (let i = 0; i < last; i++) {
    let next = level.get(fields[i]) as Map<unknown, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      level.set(fields[i], next);
    }
    level = next;
  }
  const known = level.get(fields[last]) as T | undefined;
  if (known !== undefined) return known;
  if (++sharedCount > SHARED_MAX) {
    for (const t of tables) t.clear();
    sharedCount = 0;
  }
  level.set(fields[last], Object.freeze(value));
  return value;
}

/**
 * The one shared, frozen copy of a list whose items are shared values (see `shareLeaf`): keyed by its length
 * and then by each item itself, so two lists meet only when their items are the same objects or primitives.
 */
export function shareList<T>(table: Map<unknown, unknown>, list: T[]): T[] {
  return shareLeaf(table, list, list.length, ...list);
}
