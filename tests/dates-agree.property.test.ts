/**
 * One answer from every command on logs whose dates are as uncertain as a record's: legal histories of
 * generated cases, with some dates coarsened into the EDTF forms a record uses (the month, a doubted day,
 * one of a span of days, "no later than", an interval). At every instant where anything could change, and
 * just before it, `validate`, `replay`, `state --at` (direct and from checkpoints), `whatif` (stopAt) and
 * `export` (the effect intervals its eras are drawn from) agree on what counts and on each prohibition.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseLog, serializeLog } from '../src/events/parse.js';
import type { CaseEvent, Instant } from '../src/events/schema.js';
import { toTimelineJs } from '../src/export/timelinejs.js';
import { legalEffects } from '../src/machine/effects.js';
import { checkLog } from '../src/replay/check.js';
import { caseAtFromCheckpoints, checkpointsOf } from '../src/replay/checkpoints.js';
import { changeInstants, effectIntervals, statusAt } from '../src/replay/intervals.js';
import { caseAt } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';
import { timeline } from '../src/replay/timeline.js';
import { applyScenario, Scenario } from '../src/whatif/scenario.js';
import { legalHistory, picks } from './support/histories.js';

type Blur = 'plain' | 'month' | 'uncertain' | 'approximate' | 'span' | 'no-later-than' | 'interval';

/** A date the record gives less exactly, still containing the day it happened. */
function blurred(at: Instant, blur: Blur, widen: number): Instant {
  const day = at.local.slice(0, 10);
  const shift = (n: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const local = {
    plain: at.local,
    month: day.slice(0, 7),
    uncertain: `${day}?`,
    approximate: `${day}~`,
    span: `[${shift(-widen)}..${shift(widen)}]`,
    'no-later-than': `../${shift(widen)}`,
    interval: `${shift(-widen)}/${shift(widen + 1)}`,
  }[blur];
  return { ...at, local };
}

const blurs = fc.array(
  fc.record({
    blur: fc.constantFrom<Blur>(
      'plain',
      'plain',
      'month',
      'uncertain',
      'approximate',
      'span',
      'no-later-than',
      'interval',
    ),
    widen: fc.integer({ min: 0, max: 4 }),
    knownToo: fc.boolean(),
  }),
  { minLength: 40, maxLength: 40 },
);

const uncertainLogs = fc.tuple(picks, blurs).map(([steps, marks]) =>
  legalHistory(steps).events.map((e, i): CaseEvent => {
    const { blur, widen, knownToo } = marks[i] ?? { blur: 'plain', widen: 0, knownToo: false };
    const at = blurred(e.at, blur, widen);
    return { ...e, at, ...(knownToo ? { knownAt: at } : {}) } as CaseEvent;
  }),
);

const statuses = (effects: readonly { prohibition: string; status: string }[]) =>
  Object.fromEntries(effects.map((e) => [e.prohibition, e.status]));

describe('uncertain dates, one answer', () => {
  test.prop([uncertainLogs], { numRuns: 40 })(
    'validate, replay, state --at, whatif and export agree at every instant where something could change',
    (written) => {
      // Through the log format, as the commands read it.
      const log = parseLog(serializeLog(written), 'generated.jsonl');
      const events = log.events.map((l) => l.event);
      const problems = checkLog(log);
      const full = replayAll(events);
      // validate reports exactly the rejections of a full replay.
      expect(problems.map((p) => p.where.eventId)).toEqual(full.rejections.map((r) => r.eventId));

      const entries = [...timeline(events)];
      const intervals = effectIntervals(events);
      const exported = toTimelineJs(events);
      expect(exported.events.map((s) => s.unique_id)).toEqual(events.map((e) => e.id));
      const cp = checkpointsOf(events);
      const rejected = new Set(full.rejections.map((r) => r.eventId));

      for (const point of changeInstants(events).keys()) {
        for (const t of [point - 1, point]) {
          const state = caseAt(events, { at: t });
          // state --at replays a prefix of the log, and rejects nothing a full replay accepts.
          expect(state.events).toEqual(events.slice(0, state.events.length));
          for (const r of state.rejections) expect(rejected.has(r.eventId)).toBe(true);
          expect(caseAtFromCheckpoints(cp, { at: t }).effects).toEqual(state.effects);

          // replay: the last event its timeline places at or before t, and the effects then.
          const placed = entries.filter((e) => e.kind === 'event' && e.t <= t);
          expect(placed.length).toBe(state.events.length);
          const last = placed.at(-1);
          const replayed = last?.kind === 'event' ? last.step.after : undefined;
          if (replayed) expect(statuses(legalEffects(replayed.context, t))).toEqual(statuses(state.effects));

          // export's eras (and whatif's effect rows) are drawn from the intervals.
          const fromIntervals = Object.fromEntries(
            intervals.flatMap((p) => {
              const status = statusAt(p, t);
              return status ? [[p.prohibition, status]] : [];
            }),
          );
          expect(fromIntervals).toEqual(statuses(state.effects));
        }
      }

      // whatif: stopping the branch at a day keeps exactly what state --at that day counts.
      const last = events.at(-1);
      if (last) {
        const stopDay: Instant = { local: '2020-10-15', zone: 'America/Los_Angeles' };
        const scenario = Scenario.parse({
          description: 'stop mid-case',
          base: 'generated.jsonl',
          edits: [{ kind: 'stopAt', at: stopDay }],
        });
        const branch = applyScenario(events, scenario);
        const asked = caseAt(events, { at: Date.parse('2020-10-16T07:00:00Z') - 1 });
        expect(branch.ok && branch.branch.events.map((e) => e.id)).toEqual(asked.events.map((e) => e.id));
      }
    },
  );
});
