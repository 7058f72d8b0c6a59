/**
 * Checkpoints share structure: a state keeps, by identity, every table and record the events since the
 * state before it did not change, so memory grows with what changed, not with the whole case per
 * checkpoint. A copy is made only where a value differs: a record or table equal in value to the one before
 * is the one before. Sharing changes nothing replay answers (replay-checkpoints.property.test.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseContext, Collection } from '../src/machine/context.js';
import { buildCheckpoints } from '../src/replay/checkpoints.js';
import { replay, replayAll } from '../src/replay/replay.js';
import { legalHistories } from './support/histories.js';

type Table = Record<string, unknown>;

/** The record tables of a context (its collections). */
function tableKeys(ctx: CaseContext): Collection[] {
  return (Object.keys(ctx) as (keyof CaseContext)[]).filter(
    (key): key is Collection => typeof ctx[key] === 'object' && !Array.isArray(ctx[key]),
  );
}

/** Every table and record of `after` that equals its counterpart in `before` in value is that same object. */
function expectShared(before: CaseContext, after: CaseContext, where: string): void {
  for (const key of Object.keys(after) as (keyof CaseContext)[]) {
    const was = before[key];
    const now = after[key];
    if (typeof now !== 'object' || now === null || Array.isArray(now)) continue;
    const wasTable = (was ?? {}) as Table;
    const nowTable = now as Table;
    for (const id of Object.keys(nowTable)) {
      if (isDeepStrictEqual(wasTable[id], nowTable[id]))
        expect(nowTable[id], `${where}: ${key}/${id} is unchanged but copied`).toBe(wasTable[id]);
    }
    if (isDeepStrictEqual(was, now)) expect(now, `${where}: ${key} is unchanged but copied`).toBe(was);
  }
}

describe('successive states', () => {
  it('after each event share every record and table the event did not change', () => {
    fc.assert(
      fc.property(legalHistories, ({ events, snapshots }) => {
        for (let i = 1; i < events.length; i++) {
          const event = events[i]!;
          expectShared(snapshots[i - 1]!.context, snapshots[i]!.context, `${event.id} (${event.type})`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('at successive checkpoints share every record no event between them changed', () => {
    fc.assert(
      fc.property(legalHistories, fc.integer({ min: 1, max: 8 }), ({ events }, every) => {
        const cp = buildCheckpoints(events, every);
        for (let k = 1; k < cp.states.length; k++) {
          const from = cp.states[k - 1]!;
          // Which records some event of the segment changed in value (a record may change and change back).
          const changed = new Set<string>();
          let before = from.context;
          for (const step of replay(events.slice((k - 1) * every, k * every), from)) {
            const after = step.after.context;
            for (const key of tableKeys(after))
              for (const id of Object.keys(after[key]))
                if (!isDeepStrictEqual(before[key][id], after[key][id])) changed.add(`${key}/${id}`);
            before = after;
          }
          const next = cp.states[k]!.context;
          for (const key of tableKeys(next))
            for (const id of Object.keys(from.context[key]))
              if (!changed.has(`${key}/${id}`))
                expect(next[key][id], `checkpoint ${k} of every ${every}: ${key}/${id}`).toBe(
                  from.context[key][id],
                );
        }
        // Sharing is a matter of memory only: the last checkpoint is the state a full replay reaches there.
        const last = cp.states.length - 1;
        expect(cp.states[last]!.context).toEqual(replayAll(events.slice(0, last * every)).snapshot.context);
      }),
      { numRuns: 100 },
    );
  });

  it('keep every field of the context the event was applied to', () => {
    fc.assert(
      fc.property(legalHistories, ({ snapshots }) => {
        for (let i = 1; i < snapshots.length; i++) {
          const fields = Object.keys(snapshots[i]!.context);
          for (const field of Object.keys(snapshots[i - 1]!.context)) expect(fields).toContain(field);
        }
      }),
      { numRuns: 50 },
    );
  });
});
