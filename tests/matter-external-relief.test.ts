/**
 * Behaviour: relief entered in a case the log does not hold counts exactly as if that case were in the log.
 * Each matter (tests/support/matters.ts) is written twice: a combined log holding both suits (N.D. Cal. and D. Md.),
 * and a log of the N.D. Cal. suit alone that records the D. Md. relief, its stay and its end as events
 * entered elsewhere, with the same ids at the same instants. `state --at` must answer alike at every instant.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { countingMoments, latestOf, rangeOf } from '../src/events/instant.js';
import type { CaseEvent } from '../src/events/schema.js';
import { datedEffects, effectIntervals } from '../src/replay/intervals.js';
import { caseAt } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';
import {
  appealNoticed,
  complaint,
  DMD,
  EFFECTIVE,
  event,
  granted,
  motion,
  NDCAL,
  stayMotion,
} from './support/case-events.js';
import { cli } from './support/cli.js';
import {
  entered,
  logsOf,
  MATTERS,
  MD_COURT,
  merged,
  ndcal,
  stayedThere,
  stayLiftedThere,
} from './support/matters.js';

/** What `casesim state --at` answers at epoch `t`: each prohibition's effect, dated as the command dates it. */
function stateAnswer(events: readonly CaseEvent[], t: number) {
  const result = caseAt(events, { at: t });
  return datedEffects(result.effects, effectIntervals(result.events), t);
}

/** Every instant a change can happen at, with the moments either side, and the ends of each event's day. */
function instantsToAsk(events: readonly CaseEvent[]): number[] {
  const points = new Set<number>();
  for (const t of countingMoments(events)) for (const d of [-1, 0, 1]) points.add(t + d);
  for (const e of events) {
    const end = latestOf(e.at);
    for (const d of [-1, 0]) points.add(end + d);
  }
  for (const d of [-1, 0, 1]) points.add(rangeOf(EFFECTIVE).start + d);
  return [...points].filter(Number.isFinite).sort((a, b) => a - b);
}

describe.each(MATTERS)('relief entered elsewhere: $name', (matter) => {
  const { combined, external } = logsOf(matter);

  test('both logs replay with no rejection', () => {
    expect(replayAll(combined).rejections).toEqual([]);
    expect(replayAll(external).rejections).toEqual([]);
  });

  test('state --at answers alike at every event instant, the moments either side, and each day end', () => {
    for (const t of instantsToAsk([...combined, ...external]))
      expect(stateAnswer(external, t), new Date(t).toISOString()).toEqual(stateAnswer(combined, t));
  });

  propTest.prop([fc.integer({ min: Date.UTC(2020, 7, 1), max: Date.UTC(2021, 2, 1) })], { numRuns: 60 })(
    'state --at answers alike at any instant',
    (t) => {
      expect(stateAnswer(external, t)).toEqual(stateAnswer(combined, t));
    },
  );

  test('the CLI prints the same effects for both logs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casesim-matter-'));
    const writeLog = (name: string, events: readonly CaseEvent[]) => {
      const file = path.join(dir, name);
      writeFileSync(file, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
      return file;
    };
    try {
      const a = writeLog('combined.jsonl', combined);
      const b = writeLog('external.jsonl', external);
      for (const at of ['2020-09-21', '2020-10-06', '2020-12-01', '2021-01-06', '2021-02-02']) {
        const one = await cli('state', a, '--at', at, '--json');
        const two = await cli('state', b, '--at', at, '--json');
        expect([one.code, two.code]).toEqual([0, 0]);
        expect(JSON.parse(two.out).effects).toEqual(JSON.parse(one.out).effects);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stays of relief entered elsewhere', () => {
  const partStay = (id: string, prohibition: string, date: string) =>
    event('relief.stayedElsewhere', id, date, {
      injunction: 'md-pi',
      court: 'Fourth Circuit',
      prohibitions: [prohibition],
    });
  const log = merged(ndcal(), [
    entered('md-pi', '2020-09-19', 'preliminary', ['app-store', 'payments']),
    partStay('stay-app-store', 'app-store', '2020-10-05'),
    partStay('stay-payments', 'payments', '2020-10-06'),
    stayLiftedThere('lift-app-store', 'stay-app-store', '2020-11-01'),
  ]);

  test('the relief stays stayed while another stay of it holds (rule anotherStayHolds)', () => {
    const { snapshot, rejections } = replayAll(log);
    expect(rejections).toEqual([]);
    expect(snapshot.context.injunctions['md-pi']?.status).toBe('stayed');
    expect(snapshot.context.stays['stay-app-store']?.status).toBe('ended');
  });

  test('and is in force again once the last stay ends', () => {
    const { snapshot } = replayAll([...log, stayLiftedThere('lift-payments', 'stay-payments', '2020-11-02')]);
    expect(snapshot.context.injunctions['md-pi']?.status).toBe('in-force');
  });
});

describe('relief entered elsewhere is refused where', () => {
  const { external } = logsOf(MATTERS[0]!);

  test('the log holds the case it names (its own grant is the record): rule reliefCaseNotInLog', () => {
    const log = [...ndcal(), complaint('2020-09-03', DMD, MD_COURT)];
    const again = entered('md-pi', '2020-09-19', 'preliminary', ['app-store']);
    const { rejections } = replayAll(merged(log, [again]));
    expect(rejections.map((r) => r.rule.name)).toEqual(['reliefCaseNotInLog']);
  });

  test('a stay names relief that is not recorded as entered elsewhere: rule externalReliefStands', () => {
    const { rejections } = replayAll([...external, stayedThere('late-stay', 'pi-denied', '2021-02-01')]);
    expect(rejections.map((r) => r.rule.name)).toEqual(['externalReliefStands']);
  });

  test('a stay is lifted that is no longer in force: rule externalStayInForce', () => {
    const { rejections } = replayAll([...external, stayLiftedThere('late-lift', 'md-stay', '2021-02-01')]);
    expect(rejections.map((r) => r.rule.name)).toEqual(['externalStayInForce']);
  });
});

describe('relief entered elsewhere is appealed and stayed in its own case, not in this log (28 U.S.C. 1294(1); FRAP 8(a))', () => {
  const log = merged(ndcal(), [entered('md-pi', '2020-09-19', 'preliminary', ['app-store'])]);
  const refusedBy = (e: CaseEvent) => replayAll([...log, e]).rejections.map((r) => r.rule.name);

  test('a notice of appeal from it is refused by rule reliefEnteredInThisLog, before any other rule', () => {
    expect(refusedBy(appealNoticed('md-appeal', 'md-pi', '2020-09-25', 'ca4-20-2222'))).toEqual([
      'reliefEnteredInThisLog',
    ]);
  });

  test('a stay motion against it, in this log’s district docket or a court of appeals, is refused the same way', () => {
    expect(refusedBy(stayMotion('stay-here', 'md-pi', '2020-09-28', NDCAL))).toEqual([
      'reliefEnteredInThisLog',
    ]);
    expect(refusedBy(stayMotion('stay-ca', 'md-pi', '2020-09-28', 'ca4-20-2222', 'impracticable'))).toEqual([
      'reliefEnteredInThisLog',
    ]);
  });

  test('the refusal says where the appeal belongs and how to record what was done there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casesim-elsewhere-'));
    try {
      const file = path.join(dir, 'log.jsonl');
      const events = [...log, appealNoticed('md-appeal', 'md-pi', '2020-09-25', 'ca4-20-2222')];
      writeFileSync(file, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
      const run = await cli('validate', file);
      expect(run.code).not.toBe(0);
      const said = run.out + run.err;
      expect(said).toContain('reliefEnteredInThisLog');
      expect(said).toContain("that case's own appeal docket");
      expect(said).toContain('relief.stayedElsewhere');
      expect(said).not.toContain('appealTimely');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('relief entered in this log is still appealed here', () => {
    const held = [
      ...ndcal().slice(0, 3),
      motion('pi-2', '2020-09-08'),
      granted('pi-ok', 'pi-2', '2020-09-19', ['app-store']),
    ];
    const { rejections } = replayAll([...held, appealNoticed('appeal', 'pi-ok', '2020-09-25')]);
    expect(rejections).toEqual([]);
  });
});
