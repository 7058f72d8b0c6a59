/**
 * Legal next events from the lifecycle states (issue 14: Monte Carlo steps). The generator decides each
 * candidate on its primary object's chart (the kinds that object's state has arrows for, then those arrows'
 * rules), without routing the event or trial-applying it; the legal events it gives must be exactly those a
 * full replay step accepts (the reference in tests/support), in the same order, at every step of every
 * generated history; and the state a legal step leads to, built on demand, is the one `applyEvent` builds.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Instant } from '../src/events/schema.js';
import { addDays, candidatesAt, legalNextByKind, legalNextEvents } from '../src/generate/next.js';
import { addressees } from '../src/machine/route.js';
import { applyEvent, type CaseSnapshot, initialSnapshot } from '../src/replay/replay.js';
import { type History, legalHistories, START } from './support/histories.js';
import { legalNextEventsByTrial } from './support/legal-next-reference.js';

/**
 * Every point of a history: the state before each event and after the last, asked at the next event's
 * own date and `gap` days after the last one (so that time limits run out: appeals, mandates, TROs).
 */
function pointsOf(history: History, gap: number): { snapshot: CaseSnapshot; at: Instant }[] {
  const points: { snapshot: CaseSnapshot; at: Instant }[] = [];
  for (let k = 0; k <= history.events.length; k++) {
    const snapshot = k === 0 ? initialSnapshot() : history.snapshots[k - 1]!;
    const last = history.events[k - 1]?.at ?? START;
    const next = history.events[k]?.at;
    if (next) points.push({ snapshot, at: next });
    points.push({ snapshot, at: addDays(last, gap) });
  }
  return points;
}

const gaps = fc.integer({ min: 0, max: 75 });

describe(`legal next events (${fc.readConfigureGlobal().numRuns} generated histories)`, () => {
  test.prop([legalHistories, gaps])(
    'are exactly the candidates a full replay step accepts, in order, at every step of a history',
    (history, gap) => {
      for (const { snapshot, at } of pointsOf(history, gap)) {
        const legal = legalNextEvents(snapshot, at).map((l) => l.event);
        expect(legal).toEqual(legalNextEventsByTrial(snapshot, at));
      }
      history.events.forEach((event, k) => {
        const before = k === 0 ? initialSnapshot() : history.snapshots[k - 1]!;
        expect(legalNextEvents(before, event.at).map((l) => l.event.id)).toContain(event.id);
      });
    },
  );

  test.prop([legalHistories, gaps], { numRuns: 200 })(
    'name for every candidate, legal or not, the primary object replay routes it to first',
    (history, gap) => {
      for (const { snapshot, at } of pointsOf(history, gap)) {
        for (const c of candidatesAt(snapshot, at)) {
          const [primary] = addressees(snapshot.context, c.event);
          expect({ event: c.event.id, lifecycle: c.lifecycle, id: c.primary }).toEqual({
            event: c.event.id,
            lifecycle: primary?.lifecycle,
            id: primary?.id,
          });
        }
      }
    },
  );

  test.prop([legalHistories], { numRuns: 100 })(
    'build the state a legal step leads to only when asked, and it is the state applyEvent builds',
    (history) => {
      const snapshot = history.snapshots.at(-1);
      if (!snapshot) return;
      const at = addDays(history.events.at(-1)!.at, 1);
      for (const step of legalNextEvents(snapshot, at)) {
        const applied = applyEvent(snapshot, step.event);
        expect(applied.ok).toBe(true);
        expect(step.snapshot.context).toEqual(applied.snapshot.context);
        expect(step.snapshot).toBe(step.snapshot);
      }
    },
  );

  test.prop(
    [legalHistories, gaps, fc.constantFrom('appeal.decided', 'stay.motionFiled', 'injunction.granted')],
    {
      numRuns: 200,
    },
  )('asked for some kinds, give the legal events of those kinds and no others', (history, gap, kind) => {
    for (const { snapshot, at } of pointsOf(history, gap)) {
      const only = legalNextEvents(snapshot, at, new Set([kind])).map((l) => l.event);
      expect(only).toEqual(
        legalNextEvents(snapshot, at)
          .map((l) => l.event)
          .filter((e) => e.type === kind),
      );
    }
  });

  const someKinds = fc.subarray([
    'appeal.dismissed',
    'case.dismissed',
    'stay.motionFiled',
    'appeal.decided',
  ] as const);

  test.prop([legalHistories, gaps, fc.array(fc.nat({ max: 40 }), { maxLength: 6 }), someKinds, someKinds], {
    numRuns: 300,
  })(
    'by kind, give the kinds in order of their first legal event, and each kind asked for its legal events in order',
    (history, gap, asked, onDemand, except) => {
      for (const { snapshot, at } of pointsOf(history, gap)) {
        const legal = legalNextEvents(snapshot, at).map((l) => l.event);
        const kinds = [...new Set(legal.map((e) => e.type))];
        const byKind = legalNextByKind(snapshot, at, new Set(onDemand));
        // Without some kinds first (those are not decided for it), then all of them.
        expect(byKind.kinds(new Set(except))).toEqual(kinds.filter((k) => !except.includes(k as never)));
        expect(byKind.kinds()).toEqual(kinds);
        // Asked in any order, and again: each kind's events are the same.
        for (const k of [...asked, ...asked]) {
          const kind = kinds[k % Math.max(1, kinds.length)];
          if (!kind) continue;
          expect(byKind.ofKind(kind).map((l) => l.event)).toEqual(legal.filter((e) => e.type === kind));
        }
      }
    },
  );

  test.prop([legalHistories, gaps, someKinds], { numRuns: 300 })(
    'by kind, a kind asked for before the kinds are listed has the same events, and the same kinds follow',
    (history, gap, onDemand) => {
      for (const { snapshot, at } of pointsOf(history, gap)) {
        const legal = legalNextEvents(snapshot, at).map((l) => l.event);
        const byKind = legalNextByKind(snapshot, at, new Set(onDemand));
        for (const kind of onDemand)
          expect(byKind.ofKind(kind).map((l) => l.event)).toEqual(legal.filter((e) => e.type === kind));
        expect(byKind.kinds()).toEqual([...new Set(legal.map((e) => e.type))]);
      }
    },
  );
});
