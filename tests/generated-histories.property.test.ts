/**
 * Properties of histories grown from what the lifecycle charts accept (`legalNextEvents`, chosen by
 * fast-check): they never break the in-force rule or the stay and appeal rules, and every arrow replay takes
 * is an arrow of the charts that `lifecycleGraphs()` draws.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lifecycleGraphs } from '../src/docs/graph.js';
import { happenedBy, rangeOf } from '../src/events/instant.js';
import type { CaseEvent } from '../src/events/schema.js';
import { legalNextEvents, nextEvents } from '../src/generate/next.js';
import { legalEffects } from '../src/machine/effects.js';
import { applyEvent, applyEventByTransition, initialSnapshot } from '../src/replay/replay.js';
import { legalHistories } from './support/histories.js';
import {
  announcedProhibitions,
  appealWithoutAppealableOrder,
  inForceByModel,
  stayWithoutPendingMotion,
} from './support/model.js';

/** Every instant at which the answer may change: each event's day (its first and last moment) and each effective instant. */
function instantsOf(events: readonly CaseEvent[]): number[] {
  return events.flatMap((e) => [
    rangeOf(e.at).start,
    rangeOf(e.at).end - 1,
    ...(e.type === 'identification.announced' ? e.prohibitions.map((p) => rangeOf(p.effective).start) : []),
    ...(e.type === 'identification.datesChanged' ? e.changes.map((c) => rangeOf(c.effective).start) : []),
    ...(e.type === 'injunction.granted' && e.expires ? [rangeOf(e.expires).start] : []),
    ...(e.type === 'injunction.extended' ? [rangeOf(e.expires).start] : []),
  ]);
}

describe(`histories the machine accepts (seed ${fc.readConfigureGlobal().seed})`, () => {
  test.prop([legalHistories, fc.nat()])(
    'XState stepping the charts accepts exactly the candidates replay accepts, at a random step of the history',
    (history, stepSeed) => {
      const k = stepSeed % (history.events.length + 1);
      const snapshot = k === 0 ? initialSnapshot() : history.snapshots[k - 1];
      const at = history.events[k]?.at ?? history.events.at(-1)?.at ?? { local: '2020-08-06', zone: 'UTC' };
      if (!snapshot) throw new Error('no snapshot');
      const viaReplay = legalNextEvents(snapshot, at).map((l) => l.event.id);
      const viaXState = nextEvents(snapshot, at)
        .filter((e) => applyEventByTransition(snapshot, e).ok)
        .map((e) => e.id);
      expect(viaXState).toEqual(viaReplay);
      if (history.events[k]) expect(viaReplay).toContain(history.events[k]?.id);
    },
  );

  test.prop([legalHistories])(
    'every arrow replay takes is an arrow of the drawn lifecycle charts',
    (history) => {
      const drawn = new Set(
        lifecycleGraphs().flatMap((g) =>
          g.transitions.map((t) => `${g.id}|${t.source ?? ''}|${t.event}|${t.target}`),
        ),
      );
      let snapshot = initialSnapshot();
      for (const event of history.events) {
        const result = applyEvent(snapshot, event);
        if (!result.ok) throw new Error(`${event.id} rejected`);
        for (const m of result.moves) {
          const source = m.from === 'absent' ? '' : m.from;
          expect(
            drawn.has(`${m.lifecycle}|${source}|${event.type}|${m.to}`),
            `${m.lifecycle} ${m.id}: ${m.from} → ${m.to} on ${event.type}`,
          ).toBe(true);
        }
        snapshot = result.snapshot;
      }
    },
  );

  test.prop([legalHistories])(
    'at every instant where something changes, a prohibition is in force exactly when the model says so',
    (history) => {
      for (const t of instantsOf(history.events)) {
        const counted = history.events.filter((e) => happenedBy(e.at, t));
        expect(counted).toEqual(history.events.slice(0, counted.length));
        const snapshot = history.snapshots[counted.length - 1];
        if (!snapshot) continue;
        const statuses = new Map(legalEffects(snapshot.context, t).map((e) => [e.prohibition, e.status]));
        for (const p of announcedProhibitions(counted)) {
          expect(statuses.get(p) === 'in-force', `${p} at ${new Date(t).toISOString()}`).toBe(
            inForceByModel(counted, p, t),
          );
        }
      }
    },
  );

  test.prop([legalHistories])(
    'no stay without a pending motion and no appeal without an appealable order',
    (history) => {
      const events = history.events;
      const broken = events.flatMap((_, i) => [
        stayWithoutPendingMotion(events, i),
        appealWithoutAppealableOrder(events, i),
      ]);
      expect(broken.filter(Boolean)).toEqual([]);
    },
  );
});
