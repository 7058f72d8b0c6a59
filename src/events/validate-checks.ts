/**
 * What an event must be that JSON Schema cannot say, as functions both validators call: the zod schemas
 * (`schema.ts` refines with `isTimeZone` and `localProblem`) and the validator generated from their JSON
 * Schema at build time (`validate.generated.ts`, see `scripts/generate-validator.ts`).
 */
import { isTimeZone, localProblem } from './instant.js';
import { PublicRecordSource } from './schema.js';

/** Thrown by the generated shaper when a value passes the JSON Schema but not a check named here. */
export const REFUSED: unique symbol = Symbol('refused by a check JSON Schema cannot say');

/** The zone and calendar checks of `Instant`, exactly the functions its zod refinements call. */
export function instantIsReal(instant: { readonly local: string; readonly zone: string }): boolean {
  return isTimeZone(instant.zone) && localProblem(instant.local) === undefined;
}

/** zod's own URL schema, so its parse (and the value it gives back: trimmed, tabs and newlines removed) rules. */
const Url = PublicRecordSource.shape.url;
const urls = new Map<string, string | typeof REFUSED>();

/** The value zod's `z.url()` gives for `text`; throws REFUSED where zod refuses it. A log cites few URLs. */
export function urlValue(text: string): string {
  let value = urls.get(text);
  if (value === undefined) {
    const result = Url.safeParse(text, { jitless: true });
    value = result.success ? result.data : REFUSED;
    if (urls.size > 10_000) urls.clear();
    urls.set(text, value);
  }
  if (value === REFUSED) throw REFUSED;
  return value;
}
