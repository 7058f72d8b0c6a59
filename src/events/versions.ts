/**
 * Older schema versions, read forever: each upcaster turns one version into the next, and a log on disk
 * is never rewritten to the new shape. Version 1 is the current version, so the chain is empty for now.
 */
import { SCHEMA_VERSION } from './schema.js';

type Upcaster = (event: Record<string, unknown>) => Record<string, unknown>;

/** UPCASTERS[v] turns a version-v event into a version-(v+1) event. */
const UPCASTERS: Readonly<Record<number, Upcaster>> = {};

/** Brings an event of any known older version to the current one; anything else passes through untouched. */
export function upcast(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let event = raw as Record<string, unknown>;
  let version = event.schemaVersion;
  while (typeof version === 'number' && version < SCHEMA_VERSION) {
    const step = UPCASTERS[version];
    if (!step) break;
    event = step(event);
    version = event.schemaVersion;
  }
  return event;
}
