/**
 * What a source offers as evidence: the source's own words (a quotation, printed in quotation marks) or
 * our note of what it says (printed without them), so that no reader takes our words for the source's.
 */
import type { Source } from './schema.js';

export type Evidence =
  | { readonly kind: 'quote'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string };

export function evidenceOf(source: Source): Evidence {
  if (source.type !== 'article' && source.note !== undefined) return { kind: 'note', text: source.note };
  return { kind: 'quote', text: source.quote ?? '' };
}
