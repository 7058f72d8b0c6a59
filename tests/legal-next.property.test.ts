/**
 * Legal next events without trial-applying every candidate (issue 14: Monte Carlo steps): whether the
 * charts accept a candidate is decided without building the state it leads to, and that decision is
 * exactly `applyEvent`'s; the state a legal step leads to, built on demand, is the one `applyEvent` builds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, legalNextEvents, nextEvents } from '../src/generate/next.js';
import { acceptsEvent, applyEvent } from '../src/replay/replay.js';
import { legalHistories, START } from './support/histories.js';

const RUNS = 150;

describe('legal next events', () => {
  it(`accept exactly the candidates applyEvent accepts, over ${RUNS} generated histories`, () => {
    fc.assert(
      fc.property(legalHistories, fc.integer({ min: 0, max: 30 }), (history, gap) => {
        const snapshots = history.snapshots.length > 0 ? history.snapshots : [];
        for (const snapshot of snapshots) {
          const at = addDays(history.events.at(-1)?.at ?? START, gap);
          const legal = legalNextEvents(snapshot, at);
          const byApply = nextEvents(snapshot, at).filter((e) => applyEvent(snapshot, e).ok);
          expect(legal.map((l) => l.event.id)).toEqual(byApply.map((e) => e.id));
          for (const event of nextEvents(snapshot, at))
            expect(acceptsEvent(snapshot, event)).toBe(applyEvent(snapshot, event).ok);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('build the state a legal step leads to only when asked, and it is the state applyEvent builds', () => {
    fc.assert(
      fc.property(legalHistories, (history) => {
        const snapshot = history.snapshots.at(-1);
        if (!snapshot) return;
        const at = addDays(history.events.at(-1)!.at, 1);
        for (const step of legalNextEvents(snapshot, at)) {
          const applied = applyEvent(snapshot, step.event);
          expect(applied.ok).toBe(true);
          expect(step.snapshot.context).toEqual(applied.snapshot.context);
          expect(step.snapshot).toBe(step.snapshot);
        }
      }),
      { numRuns: 50 },
    );
  });
});
