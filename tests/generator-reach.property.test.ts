/**
 * What the generator reaches: a seeded run of walks (the walker the property tests, the benchmark and
 * Monte Carlo share) takes every event kind in the schema at least once, and the forms of the kinds
 * added for rulings in part, remedies and matters, so that the property tests and the independent model
 * exercise them. A kind deliberately never generated is listed here, with why.
 */
import { describe, expect, it } from 'vitest';
import { type CaseEvent, EVENT_TYPES, type EventType } from '../src/events/schema.js';
import { randomSteps, walk } from '../src/generate/walk.js';
import { mulberry32 } from '../src/random.js';

/** Kinds that move no legal state: a walk over what the charts accept has nothing to decide with them. */
const NEVER_GENERATED: Readonly<Partial<Record<EventType, string>>> = {
  'government.position': 'a statement of position binds no one: no chart has an arrow for it',
  'context.note': 'a note for the timeline moves no legal state: no chart has an arrow for it',
};

/** Forms of a kind that a kind alone does not show, each as a test on the event and the state after it. */
const FORMS: Record<string, (e: CaseEvent) => boolean> = {
  'a motion seeking a TRO and a PI (alsoSeeks)': (e) => e.type === 'injunction.motionFiled' && !!e.alsoSeeks,
  'a grant deciding one relief of two (relief)': (e) => e.type === 'injunction.granted' && !!e.relief,
  'a grant deferring part (deferred)': (e) => e.type === 'injunction.granted' && !!e.deferred,
  'a grant denying part (denied)': (e) => e.type === 'injunction.granted' && !!e.denied,
  'a denial of some prohibitions (prohibitions)': (e) => e.type === 'injunction.denied' && !!e.prohibitions,
  'a denial deferring part (deferred)': (e) => e.type === 'injunction.denied' && !!e.deferred,
  'an order whose own sections prohibit (provisions)': (e) => e.type === 'order.signed' && !!e.provisions,
  'a suspension ending by its own terms (until)': (e) => e.type === 'identification.suspended' && !!e.until,
};

describe('the generator, on a seeded run of 1,500 walks of up to 60 events', () => {
  const taken = new Map<string, number>();
  let rulingsOnAPartlyDecidedMotion = 0;
  const random = mulberry32(20200918);
  for (let i = 0; i < 1500; i++) {
    const { events, snapshots } = walk(randomSteps(random, 60, { maxGap: 12, anyKind: 0.2 }));
    events.forEach((e, k) => {
      taken.set(e.type, (taken.get(e.type) ?? 0) + 1);
      for (const [form, holds] of Object.entries(FORMS))
        if (holds(e)) taken.set(form, (taken.get(form) ?? 0) + 1);
      const before = k > 0 ? snapshots[k - 1]?.context : undefined;
      if ((e.type === 'injunction.granted' || e.type === 'injunction.denied') && before) {
        if (before.motions[e.motion]?.status === 'partly-decided') rulingsOnAPartlyDecidedMotion += 1;
      }
    });
  }

  it('takes every event kind in the schema, but those that move no legal state', () => {
    const missing = EVENT_TYPES.filter((t) => !taken.has(t) && NEVER_GENERATED[t] === undefined);
    expect(missing).toEqual([]);
    for (const t of Object.keys(NEVER_GENERATED)) expect(taken.has(t), t).toBe(false);
  });

  it('takes every form of a ruling in part, an order with provisions and a suspension with an end', () => {
    expect(Object.keys(FORMS).filter((form) => !taken.has(form))).toEqual([]);
  });

  it('rules on a motion an earlier ruling left partly decided', () => {
    expect(rulingsOnAPartlyDecidedMotion).toBeGreaterThan(0);
  });
});
