/**
 * The reference for legal next events: how they were found before issue 14, by trial-applying every
 * candidate through a full replay step (`applyEvent`, which routes the event to every object it addresses,
 * steps each chart and builds the next record). The generator in src/generate/next.ts decides the same
 * question from each object's lifecycle state and its arrows' rules alone; the property tests hold it to this.
 */
import type { CaseEvent, Instant } from '../../src/events/schema.js';
import { nextEvents } from '../../src/generate/next.js';
import { applyEvent, type CaseSnapshot } from '../../src/replay/replay.js';

/** The candidates a full replay step accepts, in the order they are generated. */
export function legalNextEventsByTrial(snapshot: CaseSnapshot, at: Instant): CaseEvent[] {
  return nextEvents(snapshot, at).filter((event) => applyEvent(snapshot, event).ok);
}
