/**
 * Rulings in part, for every way a court can split a motion over its prohibitions (FRCP 65): a first ruling
 * grants some, denies some and defers the rest; a second decides the deferred ones. Whatever the split, both
 * rulings are legal, the motion is partly decided exactly while something is deferred, each prohibition ends
 * enjoined exactly when some ruling granted it (denied and deferred ones bind when due), and no prohibition can
 * be ruled on a third time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../src/events/schema.js';
import { replayAll } from '../src/replay/replay.js';
import { complaint, event, granted, identified, NDCAL, orderSigned } from './support/case-events.js';
import { given } from './support/given.js';

const PROHIBITIONS = ['app-store', 'payments'] as const;
type Decision = 'granted' | 'denied';

const history = (): CaseEvent[] => [
  orderSigned(),
  identified(),
  complaint(),
  event('injunction.motionFiled', 'motion', '2020-09-08', {
    docket: NDCAL,
    relief: 'preliminary',
    movant: 'Lantern Users Coalition',
    prohibitions: [...PROHIBITIONS],
  }),
];

/** A ruling on `decisions` (prohibition → decision), deferring `deferred`; `nameDenied`: a grant lists its denials. */
function ruling(
  id: string,
  date: string,
  decisions: ReadonlyMap<string, Decision>,
  deferred: readonly string[],
  nameDenied: boolean,
): CaseEvent {
  const grants = [...decisions].filter(([, d]) => d === 'granted').map(([p]) => p);
  const denials = [...decisions].filter(([, d]) => d === 'denied').map(([p]) => p);
  const parts = deferred.length > 0 ? { deferred: [...deferred] } : {};
  if (grants.length > 0) {
    const grant = granted(id, 'motion', date, grants) as CaseEvent & { type: 'injunction.granted' };
    return { ...grant, ...parts, ...(nameDenied && denials.length > 0 ? { denied: denials } : {}) };
  }
  return event('injunction.denied', id, date, { motion: 'motion', prohibitions: denials, ...parts });
}

/** Each prohibition's first decision, or deferred; at least one decided; then its decision when deferred. */
const split = fc
  .record({
    first: fc.tuple(
      ...PROHIBITIONS.map(() => fc.constantFrom<Decision | 'deferred'>('granted', 'denied', 'deferred')),
    ),
    later: fc.tuple(...PROHIBITIONS.map(() => fc.constantFrom<Decision>('granted', 'denied'))),
    nameDenied: fc.boolean(),
  })
  .filter(({ first }) => first.some((d) => d !== 'deferred'));

describe('a motion split over its prohibitions, in two rulings', () => {
  it('replays, counts each part, and refuses a third ruling on any prohibition', () => {
    fc.assert(
      fc.property(split, ({ first, later, nameDenied }) => {
        const decided = new Map<string, Decision>();
        const deferred: (typeof PROHIBITIONS)[number][] = [];
        PROHIBITIONS.forEach((p, i) => {
          const d = first[i];
          if (d === 'deferred') deferred.push(p);
          else if (d) decided.set(p, d);
        });
        const firstRuling = ruling('first', '2020-09-19', decided, deferred, nameDenied);
        const final = new Map(decided);
        for (const p of deferred) final.set(p, later[PROHIBITIONS.indexOf(p)] ?? 'denied');
        const laterDecisions = new Map(deferred.map((p) => [p, final.get(p) ?? 'denied'] as const));
        const log = [...history(), firstRuling];
        if (deferred.length > 0) log.push(ruling('second', '2020-09-25', laterDecisions, [], nameDenied));

        const replayed = replayAll(log);
        expect(replayed.rejections).toEqual([]);
        const after = given(history()).when(firstRuling).thenAccepted();
        expect(after.stateOf('motion', 'motion') === 'partly-decided').toBe(deferred.length > 0);
        // While part is deferred, a ruling on a part already decided names the rule that forbids it.
        if (deferred.length > 0)
          for (const p of decided.keys()) {
            const again = ruling(`again-${p}`, '2020-09-21', new Map([[p, 'granted']]), [], false);
            given([...history(), firstRuling])
              .when(again)
              .thenRejectedBy('rulingOnUndecidedPart');
          }

        const anyGranted = [...final.values()].includes('granted');
        const end = given(log.slice(0, -1))
          .when(log.at(-1) as CaseEvent)
          .thenAccepted();
        expect(end.stateOf('motion', 'motion')).toBe(anyGranted ? 'granted' : 'denied');
        expect(end.statusesAt('2020-10-10')).toEqual(
          Object.fromEntries(
            PROHIBITIONS.map((p) => [p, final.get(p) === 'granted' ? 'enjoined' : 'in-force']),
          ),
        );

        for (const p of PROHIBITIONS) {
          const again = ruling(`again-${p}`, '2020-10-01', new Map([[p, 'granted']]), [], false);
          given(log).when(again).thenRejectedBy('injunctionMotionPending');
        }
      }),
      { numRuns: 60 },
    );
  });
});
