/**
 * Behaviour: every reachable ending from a point in a case, searched over the machine's own next events
 * and weighed by an odds file; exactly where the tree is small, by seeded Monte Carlo where it is not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { schemaFiles } from '../src/cli/commands/schema.js';
import { parseLog } from '../src/events/parse.js';
import { analyse, exactAnalysis, monteCarlo } from '../src/outcomes/analyse.js';
import { endingOf } from '../src/outcomes/endings.js';
import { type Odds, parseOdds } from '../src/outcomes/odds.js';
import { enumerate, pathProbability, startFrom } from '../src/outcomes/search.js';
import { sensitivity, withProbability } from '../src/outcomes/sensitivity.js';
import { caseZone } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';
import { cli } from './support/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const events = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl')), 'wechat').events.map(
  (l) => l.event,
);
const zone = caseZone(events);
const prefix = events.slice(0, events.findIndex((e) => e.id === 'pi-granted') + 1);
const rawOdds = JSON.parse(readFileSync(path.join(root, 'events/odds/wechat.json'), 'utf8'));
// The exact paths are enumerated under the core odds (tests/fixtures/outcomes/wechat-core.json): the shipped
// model's rare remedies make the tree from here tens of thousands of paths, past what a test can enumerate
// in seconds; those remedies are checked on sampled paths (tests/outcomes-remedies.test.ts).
const CORE = path.join(root, 'tests/fixtures/outcomes/wechat-core.json');
const odds = parseOdds(JSON.parse(readFileSync(CORE, 'utf8'))).odds as Odds;
const start = startFrom(prefix, zone);
// Deep enough that no path from the injunction is cut (the model has about twenty decisions).
const leaves = enumerate(start, odds, { depth: 40, maxLeaves: 100_000 });
const prohibitions = Object.keys(start.snapshot.context.prohibitions);
const exact = exactAnalysis(leaves, odds, prohibitions);

describe('the search from the injunction onward', () => {
  test('every enumerated path replays after the log with no rejection', () => {
    expect(leaves.length).toBeGreaterThan(10);
    for (const leaf of leaves) expect(replayAll([...prefix, ...leaf.events]).rejections).toEqual([]);
  });

  test('each path ends where the machine says: its ending is read from the replayed final record', () => {
    for (const leaf of leaves) {
      const { snapshot } = replayAll([...prefix, ...leaf.events]);
      expect(endingOf(snapshot.context, leaf.truncated).id).toBe(leaf.ending.id);
    }
  });

  test('reaches the injunction affirmed, dissolved on appeal, its stay lapsed, the case moot with and without vacatur, and final judgment either way', () => {
    expect(exact.outcomes.map((o) => o.id).sort()).toEqual([
      'affirmed',
      'dissolved-on-appeal',
      'judgment-defendants',
      'judgment-plaintiffs',
      'moot-case-dismissed',
      'moot-left-standing',
      'moot-vacated',
      'revoked',
      'stands',
      'stay-lapsed',
    ]);
  });

  test('no path leaves a stay pending appeal without an appeal: with none, it lapses (FRCP 62(d); FRAP 4(a)(1))', () => {
    for (const leaf of leaves) {
      const { snapshot } = replayAll([...prefix, ...leaf.events]);
      const stays = Object.values(snapshot.context.stays).filter((st) => st.status === 'in-force');
      const live = Object.values(snapshot.context.appeals).some(
        (a) => a.status === 'pending' || a.status === 'in-abeyance',
      );
      if (stays.length > 0 && !live) expect(leaf.ending.id).not.toBe('stayed');
    }
    const lapsed = exact.outcomes.find((o) => o.id === 'stay-lapsed');
    expect(lapsed?.label).toBe('injunction stands: no appeal was taken, so the stay pending appeal lapsed');
  });

  test('an appeal is decided on the merits only while the order lives: once nothing is left of it, the appeal is dismissed (Munsingwear)', () => {
    let decidedAfterRevocation = 0;
    for (const leaf of leaves) {
      const revoked = leaf.events.findIndex((e) => e.type === 'order.revoked');
      if (revoked < 0) continue;
      decidedAfterRevocation += leaf.events.slice(revoked).filter((e) => e.type === 'appeal.decided').length;
    }
    expect(decidedAfterRevocation).toBe(0);
    // The revocation still comes while appeals are pending: those paths end in a dismissal.
    expect(
      leaves.some((l) => {
        const revoked = l.events.findIndex((e) => e.type === 'order.revoked');
        return revoked >= 0 && l.events.slice(revoked).some((e) => e.type === 'appeal.dismissed');
      }),
    ).toBe(true);
  });

  test('a dismissal as moot is offered only once the order is revoked, and mootness is an ending only where a court found it', () => {
    for (const leaf of leaves) {
      const moot = leaf.choices.findIndex((c) => c.chosen.includes(':moot'));
      if (moot < 0) continue;
      const before = leaf.events.slice(
        0,
        leaf.events.findIndex((e) => 'reason' in e && e.reason === 'moot'),
      );
      expect(before.some((e) => e.type === 'order.revoked')).toBe(true);
    }
    expect(leaves.some((l) => l.ending.id === 'revoked')).toBe(true);
  });

  test('the shortest path to each ending is no longer than any other path to it', () => {
    for (const o of exact.outcomes) {
      const lengths = leaves.filter((l) => l.ending.id === o.id).map((l) => l.events.length);
      expect(o.shortest.length).toBe(Math.min(...lengths));
    }
  });

  test('a path never takes more decisions than the bound, and paths cut by it are counted as unresolved', () => {
    const cut = enumerate(start, odds, { depth: 2, maxLeaves: 100_000 });
    expect(cut.every((l) => l.choices.length <= 2)).toBe(true);
    expect(cut.some((l) => l.truncated && l.ending.id === 'unresolved')).toBe(true);
  });

  test('from the end of the real log, the only endings left are mootness, with the district case dismissed or not', () => {
    const end = analyse(startFrom(events, zone), odds, {
      depth: 12,
      method: 'exact',
      maxLeaves: 1000,
      samples: 1,
      seed: 1,
    });
    // The real appeal was dismissed as moot with no vacatur shown; the district case may still be dismissed.
    expect(end.analysis.outcomes.map((o) => [o.id, Number(o.probability.toFixed(9))])).toEqual([
      ['moot-case-dismissed', 0.9],
      ['moot-left-standing', 0.1],
    ]);
  });
});

describe('probabilities', () => {
  test('the outcome probabilities sum to 1, and each path probability lies in [0, 1]', () => {
    const total = exact.outcomes.reduce((sum, o) => sum + o.probability, 0);
    expect(total).toBeCloseTo(1, 9);
    for (const leaf of leaves) expect(pathProbability(leaf, odds)).toBeGreaterThanOrEqual(0);
    for (const r of exact.inForce) expect(r.probability).toBeLessThanOrEqual(1 + 1e-9);
  });

  test('Monte Carlo agrees with the exact answer within 4 standard errors', () => {
    const mc = monteCarlo(
      start,
      odds,
      { depth: 12, method: 'monte-carlo', maxLeaves: 0, samples: 400, seed: 7 },
      prohibitions,
    );
    for (const o of exact.outcomes) {
      const estimate = mc.outcomes.find((m) => m.id === o.id);
      const se = Math.max(Math.sqrt((o.probability * (1 - o.probability)) / 400), 1e-9);
      expect(Math.abs((estimate?.probability ?? 0) - o.probability)).toBeLessThanOrEqual(4 * se);
    }
    for (const r of exact.inForce) {
      const estimate = mc.inForce.find((m) => m.prohibition === r.prohibition);
      const se = Math.sqrt((r.probability * (1 - r.probability)) / 400);
      expect(Math.abs((estimate?.probability ?? 0) - r.probability)).toBeLessThanOrEqual(4 * se + 1e-9);
    }
  });

  test('the same seed gives the same sample', () => {
    const options = { depth: 12, method: 'monte-carlo' as const, maxLeaves: 0, samples: 60, seed: 42 };
    expect(monteCarlo(start, odds, options, prohibitions)).toEqual(
      monteCarlo(start, odds, options, prohibitions),
    );
  });

  test('a prohibition enjoined before it took effect binds no one the day after, whatever happens next', () => {
    const by = Date.parse('2020-09-22T12:00:00-07:00');
    const early = analyse(startFrom(prefix, zone, { by }), odds, {
      depth: 12,
      method: 'exact',
      maxLeaves: 1e5,
      samples: 1,
      seed: 1,
      by,
    });
    expect(early.analysis.inForce.every((r) => r.probability === 0)).toBe(true);
  });
});

describe('sensitivity', () => {
  test('varying P(affirmed) moves the most likely ending between dissolved on appeal and affirmed', () => {
    const s = sensitivity(leaves, odds, { decision: 'appeal-outcome', option: 'appeal.decided:affirmed' });
    expect(s.segments[0]?.from).toBe(0);
    expect(s.segments.at(-1)?.to).toBe(1);
    expect(s.segments.map((g) => g.ending)).toEqual(['dissolved-on-appeal', 'affirmed']);
    const flip = s.segments[1]?.from ?? 0;
    const lead = (v: number) => exactAnalysis(leaves, withProbability(odds, s.target, v), []).outcomes[0]?.id;
    expect(lead(flip - 0.002)).toBe('dissolved-on-appeal');
    expect(lead(flip + 0.002)).toBe('affirmed');
  });

  test('setting one probability rescales the others so the decision still sums to 1', () => {
    const varied = withProbability(
      odds,
      { decision: 'appeal-outcome', option: 'appeal.decided:affirmed' },
      0.8,
    );
    const decision = varied.decisions.find((d) => d.id === 'appeal-outcome');
    expect(Object.values(decision?.options ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('the odds file', () => {
  test('the shipped odds parse, and the shipped odds JSON Schema is up to date', () => {
    expect(parseOdds(rawOdds).ok).toBe(true);
    const committed = readFileSync(path.join(root, 'events/odds/schema.json'), 'utf8');
    expect(committed).toBe(schemaFiles().find((f) => f.file.endsWith('odds/schema.json'))?.text);
  });

  test('a decision whose probabilities do not sum to 1 is named, with the sum', () => {
    const bad = structuredClone(rawOdds);
    const i = bad.decisions.findIndex((d: { id: string }) => d.id === 'district-stay-ruling');
    bad.decisions[i].options['stay.granted:district'] = 0.2;
    expect(parseOdds(bad).error?.message).toBe(
      `decision ${i + 1} (district-stay-ruling): options: the probabilities sum to 1.1, not 1`,
    );
  });

  test('an option that names no event kind is named', () => {
    const bad = structuredClone(rawOdds);
    bad.decisions[0].options = { 'stay.filed': 1 };
    expect(parseOdds(bad).error?.message).toBe(
      "decision 1 (pi-motion): options.stay.filed: unknown option 'stay.filed'",
    );
  });
});

describe('casesim outcomes', () => {
  test('prints the model, the endings with their odds and shortest paths, and the sensitivity view', async () => {
    const { code, out } = await cli('outcomes', '--from', 'pi-granted', '--odds', CORE);
    expect(code).toBe(0);
    expect(out).toContain('from pi-granted (injunction.granted');
    expect(out).toContain('Search: exact enumeration of');
    expect(out).toMatch(/injunction stands, affirmed on appeal +\d+\.\d%/);
    expect(out).toContain('Shortest path to each ending');
    expect(out).toMatch(/Sensitivity: .*appeal-outcome = appeal\.decided:affirmed/);
  });

  test('uses Monte Carlo, with its seed and standard errors, when the tree has more paths than allowed', async () => {
    const args = [
      'outcomes',
      '--from',
      'pi-granted',
      '--max-paths',
      '10',
      '--samples',
      '50',
      '--seed',
      '3',
      '--json',
    ];
    const [a, b] = [await cli(...args), await cli(...args)];
    const result = JSON.parse(a.out);
    expect(result.method).toBe('monte-carlo');
    expect(result.seed).toBe(3);
    expect(result.outcomes[0].se).toBeGreaterThan(0);
    expect(a.out).toBe(b.out);
  });

  test('starts at an instant as well as at an event', async () => {
    const { code, out } = await cli('outcomes', '--from', '2020-10-03', '--json');
    expect(code).toBe(0);
    // Only events certainly over by the end of 3 Oct count: not the note dated just '2020'.
    expect(JSON.parse(out).from.lastEvent).toBe('ca9-stay-motion');
  });

  test('exits 2 for a --from that is neither an event nor an instant', async () => {
    const { code, err } = await cli('outcomes', '--from', 'no-such-event');
    expect(code).toBe(2);
    expect(err).toContain("--from: 'no-such-event' is neither an event id in the log nor an instant");
  });

  test('exits 1 with one message naming the decision for odds that do not sum to 1', async () => {
    const { code, err } = await cli(
      'outcomes',
      '--odds',
      path.join(root, 'tests/fixtures/outcomes/bad-sum.json'),
    );
    expect(code).toBe(1);
    expect(err).toMatch(
      /bad-sum\.json: decision 1 \(appeal-outcome\): options: the probabilities sum to 0\.9, not 1\n$/,
    );
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});
