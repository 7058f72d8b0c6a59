/**
 * Behaviour: outcomes weigh a case's own odds over its whole lifecycle, from the complaint on (issue 12
 * item 5; issue 10's outcome items): the log names its odds by convention, the model starts with the
 * motion for preliminary relief, generated grants stay within what the motion asked, effects are read once
 * a path settles, and the depth bound says what it cut.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { analyse } from '../src/outcomes/analyse.js';
import { type Odds, parseOdds } from '../src/outcomes/odds.js';
import { enumerate, pathProbability, startFrom } from '../src/outcomes/search.js';
import { caseZone } from '../src/replay/query.js';
import { cli } from './support/cli.js';
import { ENDINGS_THAT_NEED_NO_PI } from './support/endings.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const logOf = (name: string) =>
  parseLog(readFileSync(path.join(root, 'events', `${name}.jsonl`)), name).events.map((l) => l.event);

const wechat = logOf('wechat');
const zone = caseZone(wechat);
// Exact enumeration from the complaint runs under the core odds (the shipped model without its rare remedies):
// the shipped odds make that tree hundreds of thousands of paths (sampled in tests/outcomes-remedies.test.ts).
const odds = parseOdds(
  JSON.parse(readFileSync(path.join(root, 'tests/fixtures/outcomes/wechat-core.json'), 'utf8')),
).odds as Odds;
const upTo = (id: string) => wechat.slice(0, wechat.findIndex((e) => e.id === id) + 1);
const options = { method: 'exact', maxLeaves: 200_000, samples: 1, seed: 1 } as const;

const fromComplaint = analyse(startFrom(upTo('complaint-filed'), zone), odds, {
  ...options,
  depth: 12,
  adapt: { cut: 0.001, max: 100 },
});

describe('the odds model from the complaint', () => {
  const { analysis, leaves } = fromComplaint;
  const p = (id: string) => analysis.outcomes.find((o) => o.id === id)?.probability ?? 0;

  test('from complaint-filed, the endings are PI granted, denied and mooted and what follows, not "relief none"', () => {
    for (const id of ['affirmed', 'dissolved-on-appeal', 'denied', 'moot-case-dismissed', 'no-motion'])
      expect(p(id), id).toBeGreaterThan(0);
    expect(analysis.outcomes.filter((o) => o.id.startsWith('other:'))).toEqual([]);
    // The paths where the plaintiffs never move carry exactly P(pi-motion = none); the rest seek relief.
    const unmoved = (leaves ?? []).filter((l) => l.choices[0]?.chosen === 'none');
    expect(unmoved.reduce((s, l) => s + pathProbability(l, odds), 0)).toBeCloseTo(0.1, 9);
  });

  test('paths move for a PI or a TRO, rule on it in full or in part, and appeal a denial', () => {
    const labels = new Set(leaves?.flatMap((l) => l.choices.map((c) => c.chosen)));
    for (const label of [
      'injunction.motionFiled:preliminary',
      'injunction.motionFiled:tro',
      'injunction.motionFiled:preliminary-after-tro',
      'injunction.granted:full',
      'injunction.granted:in-part',
      'injunction.denied',
      'appeal.noticed:denial',
      'case.judgment:plaintiffs',
    ])
      expect(labels, label).toContain(label);
  });
});

describe('generated rulings', () => {
  test('a generated grant enjoins only the prohibitions the motion asked for (FRCP 7(b)(1)(C))', () => {
    const prefix = upTo('identification-announced').filter((e) => e.id !== 'pi-motion');
    const complaint = prefix.find((e) => e.type === 'complaint.filed') as CaseEvent & { docket: string };
    const motion = {
      ...(prefix.at(-1) as CaseEvent),
      type: 'injunction.motionFiled',
      id: 'narrow-motion',
      docket: complaint.docket,
      relief: 'preliminary',
      movant: 'U.S. WeChat Users Alliance',
      prohibitions: ['payments', 'code-use'],
    } as unknown as CaseEvent;
    for (const key of ['identification', 'order', 'agency'] as const)
      delete (motion as Record<string, unknown>)[key];
    const leaves = enumerate(startFrom([...prefix, motion], zone), odds, { depth: 3, maxLeaves: 10_000 });
    const grants = leaves.flatMap((l) => l.events).filter((e) => e.type === 'injunction.granted');
    expect(grants.length).toBeGreaterThan(0);
    for (const g of grants)
      for (const id of g.scope.prohibitions) expect(['payments', 'code-use']).toContain(id);
    expect(grants.some((g) => g.scope.prohibitions.length === 2)).toBe(true);
  });
});

/** A model none of whose decisions is open before an appeal: from the identification, nothing happens. */
const nothingOdds = parseOdds({
  description: 'Only a mandate, which needs an appeal.',
  decisions: [{ id: 'mandate', question: 'Mandate?', afterDays: 1, options: { 'appeal.mandateIssued': 1 } }],
}).odds as Odds;

describe('effects over the horizon', () => {
  test('from a point where nothing further happens, prohibitions due later are read as binding once they take effect', () => {
    // No decision of this model is open at the identification: the path is the prefix alone.
    const start = startFrom(upTo('identification-announced'), zone);
    const leaves = enumerate(start, nothingOdds, { depth: 5, maxLeaves: 10 });
    expect(leaves).toHaveLength(1);
    // The six prohibitions took effect at 23:59 ET on 20 Sept 2020, two days after the identification.
    expect([...(leaves[0]?.inForce ?? [])].sort()).toEqual([
      'app-store-distribution',
      'code-use',
      'content-delivery',
      'internet-hosting',
      'payments',
      'transit-peering',
    ]);
  });
});

describe('effects at a horizon (--by)', () => {
  test('with --by, a path where nothing further happens is read at the horizon, before or after the effective instant', () => {
    const prefix = upTo('identification-announced');
    const bindAt = (day: string) => {
      const by = Date.parse(`${day}T12:00:00-04:00`);
      const leaves = enumerate(startFrom(prefix, zone, { by }), nothingOdds, { depth: 5, maxLeaves: 10, by });
      return leaves[0]?.inForce.length;
    };
    expect(bindAt('2020-09-19')).toBe(0);
    expect(bindAt('2020-09-22')).toBe(6);
  });
});

describe('options weighted zero', () => {
  test('a decision whose open options all weigh 0 is not taken there, and the endings still sum to 1', () => {
    // Only a dismissal as moot ends the appeal: before any revocation, no open option can happen.
    const mootOnly = {
      ...odds,
      decisions: odds.decisions.map((d) =>
        d.id === 'appeal-outcome'
          ? {
              ...d,
              options: Object.fromEntries(
                Object.keys(d.options).map((l) => [l, l.endsWith(':moot') ? 1 : 0]),
              ),
            }
          : d,
      ),
    };
    const { analysis } = analyse(startFrom(upTo('pi-granted'), zone), mootOnly, { ...options, depth: 40 });
    expect(analysis.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 9);
    expect(analysis.outcomes.find((o) => o.id === 'dissolved-on-appeal')?.probability ?? 0).toBe(0);
  });
});

describe('the depth bound', () => {
  const start = startFrom(upTo('complaint-filed'), zone);

  test('a fixed bound reports the probability its cut paths carry', () => {
    const { analysis, leaves } = analyse(start, odds, { ...options, depth: 3 });
    const cut = (leaves ?? []).filter((l) => l.truncated).reduce((s, l) => s + pathProbability(l, odds), 0);
    expect(analysis.cut).toBeGreaterThan(0.5);
    expect(analysis.cut).toBeCloseTo(cut, 12);
    expect(analysis.depth).toBe(3);
  });

  test('an adaptive bound grows until at most the threshold is cut', () => {
    // The same search at 12 decisions cuts over a third of the probability.
    expect(analyse(start, odds, { ...options, depth: 12 }).analysis.cut).toBeGreaterThan(0.3);
    expect(fromComplaint.analysis.cut).toBeLessThanOrEqual(0.001);
    expect(fromComplaint.analysis.depth).toBeGreaterThan(12);
  });
});

describe('the depth bound in the output', () => {
  test('casesim outcomes says how much probability a fixed --depth cut, in text and JSON', async () => {
    const json = JSON.parse((await cli('outcomes', '--from', 'pi-granted', '--depth', '3', '--json')).out);
    expect(json.bound).toMatchObject({ depth: 3, adaptive: false });
    expect(json.bound.cutProbability).toBeGreaterThan(0.5);
    const { out } = await cli('outcomes', '--from', 'pi-granted', '--depth', '3');
    expect(out).toMatch(
      /at most 3 decisions per path; \d+ paths cut by that bound, carrying \d+\.\d\d% of the probability/,
    );
  });
});

describe('from the preliminary injunction', () => {
  test('casesim outcomes --from pi-granted has no impossible ending: none that needs the PI not to exist', async () => {
    const { code, out } = await cli('outcomes', '--from', 'pi-granted', '--json');
    expect(code).toBe(0);
    const impossible = ENDINGS_THAT_NEED_NO_PI;
    const ids: string[] = JSON.parse(out).outcomes.map((o: { id: string }) => o.id);
    for (const id of ids) {
      expect(impossible, id).not.toContain(id);
      expect(id.startsWith('other:'), id).toBe(false);
    }
  });
});

describe('odds per case', () => {
  test('outcomes reads the odds the log names by convention (odds/<log name>.json) and says so', async () => {
    const { code, out } = await cli('outcomes', path.join(root, 'events/washington-v-trump.jsonl'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.odds.file).toBe(path.join(root, 'events/odds/washington-v-trump.json'));
    expect(result.odds.chosen).toMatch(/the log's own odds/);
    const text = await cli('outcomes', path.join(root, 'events/washington-v-trump.jsonl'));
    expect(text.out).toContain(`Model: ${path.join(root, 'events/odds/washington-v-trump.json')}`);
  });

  test('outcomes refuses, in words, a log that names no odds, and names the file it looked for', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casesim-odds-'));
    const log = path.join(dir, 'other-case.jsonl');
    copyFileSync(path.join(root, 'events/wechat.jsonl'), log);
    const { code, out, err } = await cli('outcomes', log);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${log} names no odds`);
    expect(err).toContain(path.join(dir, 'odds', 'other-case.json'));
    const given = await cli('outcomes', log, '--odds', path.join(root, 'events/odds/wechat.json'), '--json');
    expect(given.code).toBe(0);
    expect(JSON.parse(given.out).odds.chosen).toBe('given by --odds');
  });
});
