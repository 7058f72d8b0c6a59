/**
 * Properties of procedure on arbitrary event sequences, legal and deliberately illegal mixed (any candidate
 * the generator offers, and events of random kinds with random references):
 * - no stay is granted without a pending motion for it (FRAP 8(a); FRCP 62(d));
 * - no appeal is taken without an appealable order (28 U.S.C. 1292(a)(1)): a PI granted or denied, or a dismissal;
 * - a rejected event changes nothing: XState stepping the lifecycle charts refuses it too and leaves the state as it was.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { applyEventByTransition, replay } from '../src/replay/replay.js';
import { mixedHistories } from './support/histories.js';
import { appealWithoutAppealableOrder, stayWithoutPendingMotion } from './support/model.js';

describe(`procedure on mixed legal and illegal events (seed ${fc.readConfigureGlobal().seed})`, () => {
  test.prop([mixedHistories])(
    'every accepted stay.granted answers an accepted stay motion not yet ruled on or terminated',
    (events) => {
      const accepted = [...replay(events)].filter((s) => !s.rejection).map((s) => s.event);
      const broken = accepted.map((_, i) => stayWithoutPendingMotion(accepted, i)).filter(Boolean);
      expect(broken).toEqual([]);
    },
  );

  test.prop([mixedHistories])(
    'every accepted appeal.noticed names an accepted PI grant or denial, or a dismissal',
    (events) => {
      const accepted = [...replay(events)].filter((s) => !s.rejection).map((s) => s.event);
      const broken = accepted.map((_, i) => appealWithoutAppealableOrder(accepted, i)).filter(Boolean);
      expect(broken).toEqual([]);
    },
  );

  test.prop([mixedHistories])(
    'a rejected event changes nothing: the machine leaves value and context deep-equal, and the snapshot given is not mutated',
    (events) => {
      for (const step of replay(events)) {
        if (!step.rejection) continue;
        const before = structuredClone({ value: step.before.value, context: step.before.context });
        // XState itself stepping the lifecycle charts, not the compiled table.
        const next = applyEventByTransition(step.before, step.event);
        expect(next.ok, step.event.id).toBe(false);
        expect({ value: next.snapshot.value, context: next.snapshot.context }, step.event.id).toEqual(before);
        expect({ value: step.after.value, context: step.after.context }, step.event.id).toEqual(before);
        expect({ value: step.before.value, context: step.before.context }, step.event.id).toEqual(before);
      }
    },
  );
});
