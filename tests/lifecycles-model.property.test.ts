/**
 * The composed machine (every object's lifecycle chart, stepped by replay) against an independent model of
 * the same law (tests/support/model.ts, a fold over the history that uses no chart, router or record): on
 * 1,000 generated histories, after every event, every object is in the state the model says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectStatesOf } from '../src/docs/graph.js';
import { legalHistories } from './support/histories.js';
import { objectStatesByModel } from './support/model.js';

describe(`the composed lifecycle charts against an independent model (seed ${fc.readConfigureGlobal()?.seed})`, () => {
  it('agree on the state of every object after every event, on 1,000 generated histories', () => {
    let objects = 0;
    fc.assert(
      fc.property(legalHistories, (history) => {
        history.snapshots.forEach((snapshot, i) => {
          const machine = new Map(objectStatesOf(snapshot).map((o) => [`${o.lifecycle} ${o.id}`, o.state]));
          const model = objectStatesByModel(history.events.slice(0, i + 1));
          expect(machine, `after ${history.events[i]?.id}`).toEqual(model);
          objects += machine.size;
        });
      }),
      { numRuns: 1000 },
    );
    expect(objects).toBeGreaterThan(1000);
  }, 600_000);
});
