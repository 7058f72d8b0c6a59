/**
 * The fast validator of an event: generated at build time from the JSON Schema the zod schemas emit
 * (`scripts/generate-validator.ts`), so zod stays the single source of what an event is. It answers only
 * "this is the event zod would return" or "ask zod": a refusal is always zod's, with zod's message.
 */
import type { CaseEvent } from './schema.js';
import { shape } from './validate.generated.js';
import { REFUSED } from './validate-checks.js';

const zodValue = shape as (value: unknown) => CaseEvent;

/**
 * The event zod's parse would return for `value` (an event of the current schema version: upcast first), or
 * undefined where zod must be asked (it may refuse, or accept what this validator cannot prove).
 */
export function fastEvent(value: unknown): CaseEvent | undefined {
  try {
    return zodValue(value);
  } catch (error) {
    if (error === REFUSED) return undefined;
    throw error;
  }
}
