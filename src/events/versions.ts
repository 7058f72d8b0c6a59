/**
 * Older schema versions, read forever: each upcaster turns one version into the next, and a log on disk
 * is never rewritten to the new shape. Reading a line runs the chain from the line's `schemaVersion` up to
 * `SCHEMA_VERSION`; the zod schema itself accepts only the current version, and the JSON Schema given to
 * editors (`logLineJsonSchema`, in log-line-schema.ts) accepts every version read here.
 *
 * Versions:
 * - 1: the first vocabulary.
 * - 2: `government.position` names its text `statement` (was `position`): it is a government statement of
 *   position, and the record it builds is a position.
 */
import { SCHEMA_VERSION } from './vocabulary.js';

type Upcaster = (event: Record<string, unknown>) => Record<string, unknown>;

/** The oldest version still read. */
export const OLDEST_SCHEMA_VERSION = 1;

/** UPCASTERS[v] turns a version-v event into a version-(v+1) event. Each returns a new object. */
const UPCASTERS: Readonly<Record<number, Upcaster>> = {
  1: (event) => {
    // Spread and rest copy own keys as data properties: a `__proto__` key stays an inert own key.
    if (
      event.type === 'government.position' &&
      Object.hasOwn(event, 'position') &&
      !Object.hasOwn(event, 'statement')
    ) {
      const { position, ...rest } = event;
      return { ...rest, statement: position, schemaVersion: 2 };
    }
    return { ...event, schemaVersion: 2 };
  },
};

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/**
 * Why an event's `schemaVersion` cannot be read, if it cannot: a version newer than this program, or not a
 * version at all. Undefined for a readable version (and for values that are not objects: the schema says why).
 */
export function versionProblem(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  if (!Object.hasOwn(raw, 'schemaVersion'))
    return `missing "schemaVersion" (the current schema version is ${SCHEMA_VERSION})`;
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_SCHEMA_VERSION) {
    const shown = typeof version === 'string' ? JSON.stringify(version.slice(0, 20)) : typeof version;
    return `schemaVersion must be a whole number from ${OLDEST_SCHEMA_VERSION} to ${SCHEMA_VERSION}, not ${typeof version === 'number' ? version : shown}`;
  }
  if (version > SCHEMA_VERSION)
    return `schemaVersion ${version} is from a newer casesim (this one reads versions ${OLDEST_SCHEMA_VERSION} to ${SCHEMA_VERSION}); upgrade casesim to read it`;
  return undefined;
}

/** Brings an event of any known older version to the current one; anything else passes through untouched. */
export function upcast(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  let event = raw;
  let version = event.schemaVersion;
  while (typeof version === 'number' && version < SCHEMA_VERSION) {
    const step = UPCASTERS[version];
    if (!step) break;
    event = step(event);
    version = event.schemaVersion;
  }
  return event;
}
