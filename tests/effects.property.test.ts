/**
 * Property: a prohibition is in force at an instant if and only if its identification has taken effect by
 * then, the order behind it is not revoked, the identification is not withdrawn or rescinded, and no
 * injunction covering it is in force and unstayed. The machine's answer (`caseAt`, as `casesim state`
 * gives it) is held to an independent model computed from the event history alone, at random instants
 * around the history's events, effective instants and TRO expiries, on histories the machine accepts.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { happenedBy, rangeOf } from '../src/events/instant.js';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { caseAt } from '../src/replay/query.js';
import { legalHistories } from './support/histories.js';
import { announcedProhibitions, inForceByModel } from './support/model.js';

const DAY = 86_400_000;

/** Instants where the answer can change: each event's day, each effective instant and each TRO expiry. */
function anchors(events: readonly CaseEvent[]): number[] {
  const instants: Instant[] = events.flatMap((e) => [
    e.at,
    ...(e.type === 'identification.announced' ? e.prohibitions.map((p) => p.effective) : []),
    ...(e.type === 'identification.datesChanged' ? e.changes.map((c) => c.effective) : []),
    ...(e.type === 'injunction.granted' && e.expires ? [e.expires] : []),
    ...(e.type === 'injunction.extended' ? [e.expires] : []),
  ]);
  return instants.flatMap((i) => [rangeOf(i).start, rangeOf(i).end - 1]);
}

/** A few instants, each an anchor moved by up to two days either way (so the edges are hit, and missed). */
const instantPicks = fc.array(fc.tuple(fc.nat(), fc.integer({ min: -2 * DAY, max: 2 * DAY })), {
  minLength: 1,
  maxLength: 4,
});

describe(`in force at an instant (seed ${fc.readConfigureGlobal().seed})`, () => {
  test.prop([legalHistories, instantPicks])(
    'a prohibition is in force iff it has taken effect, its order and identification stand, and no unstayed injunction covers it',
    (history, picks) => {
      const points = anchors(history.events);
      if (points.length === 0) return;
      for (const [k, offset] of picks) {
        const t = (points[k % points.length] as number) + offset;
        const counted = history.events.filter((e) => happenedBy(e.at, t));
        const answer = caseAt(history.events, { at: t });
        expect(answer.rejections).toEqual([]);
        const statuses = Object.fromEntries(answer.effects.map((e) => [e.prohibition, e.status]));
        const model = Object.fromEntries(
          announcedProhibitions(counted).map((p) => [p, inForceByModel(counted, p, t)]),
        );
        expect(Object.keys(statuses).sort(), `prohibitions known at ${new Date(t).toISOString()}`).toEqual(
          Object.keys(model).sort(),
        );
        for (const [p, inForce] of Object.entries(model)) {
          expect(statuses[p] === 'in-force', `${p} at ${new Date(t).toISOString()}: ${statuses[p]}`).toBe(
            inForce,
          );
        }
      }
    },
  );
});
