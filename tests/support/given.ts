/**
 * Scenario tests that read as the rules: `given(events).when(event).thenAccepted()` or
 * `.thenRejectedBy('ruleName')`. After an accepted event, `statusesAt(date)` says what each prohibition's
 * legal effect was at the end of that day (in the zone of the first complaint), as `casesim state` would.
 */
import { expect } from 'vitest';
import { objectStatesOf } from '../../src/docs/graph.js';
import { parseQueryInstant } from '../../src/events/instant.js';
import type { CaseEvent } from '../../src/events/schema.js';
import type { EffectStatus, ProhibitionEffect } from '../../src/machine/effects.js';
import type { RuleName } from '../../src/machine/rules.js';
import { caseAt, caseZone } from '../../src/replay/query.js';
import { applyEvent, type CaseSnapshot, replayAll } from '../../src/replay/replay.js';

export interface Accepted {
  readonly snapshot: CaseSnapshot;
  /** The arrows the event took, as `lifecycle id: from → to` (`absent` for an object it created). */
  readonly arrows: readonly string[];
  /** The state of an object's lifecycle chart after the event. */
  stateOf(lifecycle: string, id: string): string | undefined;
  /** Each prohibition's effect at the end of `date`, counting the given events and the new one. */
  effectsAt(date: string): Record<string, ProhibitionEffect>;
  statusesAt(date: string): Record<string, EffectStatus>;
}

export function given(history: readonly CaseEvent[]) {
  const { snapshot, rejections } = replayAll(history);
  if (rejections.length > 0) {
    const r = rejections[0];
    throw new Error(
      `given: ${r?.eventId} is rejected by ${r?.rule.name}; a scenario starts from a legal history`,
    );
  }
  return {
    when(event: CaseEvent) {
      const result = applyEvent(snapshot, event);
      return {
        thenAccepted(): Accepted {
          expect(result.rejection?.rule.name, `${event.id} should be accepted`).toBeUndefined();
          const events = [...history, event];
          const effectsAt = (date: string) => {
            const q = parseQueryInstant(date, caseZone(events));
            if (!q.ok) throw new Error(q.message);
            return Object.fromEntries(caseAt(events, { at: q.ms }).effects.map((e) => [e.prohibition, e]));
          };
          const objects = objectStatesOf(result.snapshot);
          return {
            snapshot: result.snapshot,
            arrows: (result.moves ?? []).map((m) => `${m.lifecycle} ${m.id}: ${m.from} → ${m.to}`),
            stateOf: (lifecycle, id) => objects.find((o) => o.lifecycle === lifecycle && o.id === id)?.state,
            effectsAt,
            statusesAt: (date) =>
              Object.fromEntries(Object.entries(effectsAt(date)).map(([p, e]) => [p, e.status])),
          };
        },
        thenRejectedBy(rule: RuleName): void {
          expect(result.rejection?.rule.name, `${event.id} should be rejected by ${rule}`).toBe(rule);
          expect(result.snapshot).toBe(snapshot);
        },
      };
    },
  };
}
