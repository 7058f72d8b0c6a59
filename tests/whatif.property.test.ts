/**
 * Properties of what-if runs over histories grown from the machine itself: an empty scenario changes
 * nothing; removing an event makes the worlds part exactly there; and a branch whose illegal base events
 * are dropped replays with no rejection.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CaseEvent } from '../src/events/schema.js';
import { addDays, legalNextEvents } from '../src/generate/next.js';
import { initialSnapshot, replayAll } from '../src/replay/replay.js';
import { runWhatIf } from '../src/whatif/diff.js';
import type { Scenario } from '../src/whatif/scenario.js';

/** A legal history: at each step one of the machine's legal next events, a day after the last. */
const history = fc.array(fc.nat(), { minLength: 3, maxLength: 14 }).map((picks) => {
  let snapshot = initialSnapshot();
  let at = { local: '2020-08-01', zone: 'America/Los_Angeles' };
  const events: CaseEvent[] = [];
  for (const pick of picks) {
    const legal = legalNextEvents(snapshot, at);
    const next = legal[pick % legal.length];
    if (!next) break;
    events.push(next.event);
    snapshot = next.snapshot;
    at = addDays(at, 1);
  }
  return events;
});

const scenario = (edits: Scenario['edits']): Scenario => ({
  description: 'generated',
  base: 'generated.jsonl',
  onIllegal: 'drop',
  edits,
});

describe('what-if over generated histories', () => {
  test('an empty scenario reproduces the base: no divergence, no illegal event, the same effects', () => {
    fc.assert(
      fc.property(history, (events) => {
        const result = runWhatIf(events, scenario([]));
        expect(result.ok).toBe(true);
        expect(result.whatIf?.branchEvents).toEqual(events);
        expect(result.whatIf?.divergence).toBeNull();
        expect(result.whatIf?.effects.some((e) => e.changed)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  test('removing an event makes the worlds part at its index, and the branch replays with no rejection', () => {
    fc.assert(
      fc.property(history, fc.nat(), (events, k) => {
        const index = k % events.length;
        const removed = events[index] as CaseEvent;
        const result = runWhatIf(events, scenario([{ kind: 'remove', event: removed.id }]));
        expect(result.ok).toBe(true);
        expect(result.whatIf?.divergence?.index).toBe(index);
        expect(replayAll(result.whatIf?.branchEvents ?? []).rejections).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
