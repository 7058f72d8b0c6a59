/**
 * Behaviour: the odds model offers the remedies the machine knows (issue 10): a ruling on the part a
 * ruling in part deferred (FRCP 65), an injunction pending appeal (FRCP 62(d); FRAP 8(a)), a Supreme Court
 * stay and the denial of certiorari (S. Ct. R. 22-23; 28 U.S.C. 2101(f)), a stay of the mandate (FRAP
 * 41(d)), another court's relief against the same prohibitions, and a narrower re-issued identification.
 * Under the shipped odds the tree from the complaint has hundreds of thousands of paths, so these are
 * checked on seeded samples; `auto` must see that at once and sample.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { analyse } from '../src/outcomes/analyse.js';
import { type Odds, parseOdds, subjectOf } from '../src/outcomes/odds.js';
import { type BranchCache, type Leaf, samplePath, startFrom } from '../src/outcomes/search.js';
import { mulberry32 } from '../src/random.js';
import { caseZone } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';
import { cli } from './support/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const logOf = (name: string) =>
  parseLog(readFileSync(path.join(root, 'events', `${name}.jsonl`)), name).events.map((l) => l.event);
const oddsOf = (name: string) =>
  parseOdds(JSON.parse(readFileSync(path.join(root, 'events', 'odds', `${name}.json`), 'utf8'))).odds as Odds;

/**
 * The same decisions and options with every option equally weighted. Which paths exist depends only on
 * which options weigh more than 0 (a decision whose open options all weigh 0 is not taken), and every
 * shipped weight does: so the options reached here are the options the shipped odds reach, found with far
 * fewer samples than the shipped odds would need for the rarest (an injunction pending appeal granted in
 * the court of appeals is about 1 path in 500).
 */
const levelled = (odds: Odds): Odds => ({
  ...odds,
  decisions: odds.decisions.map((d) => {
    const labels = Object.keys(d.options);
    return { ...d, options: Object.fromEntries(labels.map((l) => [l, 1 / labels.length])) };
  }),
});

function samples(log: CaseEvent[], from: string, odds: Odds, n: number, seed: number): Leaf[] {
  const prefix = log.slice(0, log.findIndex((e) => e.id === from) + 1);
  const start = startFrom(prefix, caseZone(log));
  const random = mulberry32(seed);
  const cache: BranchCache = new Map();
  return Array.from({ length: n }, () => samplePath(start, odds, { depth: 100 }, random, cache));
}

/** The option labels the new decisions offer: each must be reached, or the option is dead. */
const NEW_OPTIONS = [
  'injunction.granted:in-part-deferring',
  'injunction.granted:rest',
  'injunction.denied:rest',
  'injunctionPendingAppeal.motionFiled:district',
  'injunctionPendingAppeal.granted:district',
  'injunctionPendingAppeal.denied:district',
  'injunctionPendingAppeal.motionFiled:appeals',
  'injunctionPendingAppeal.granted:appeals',
  'injunctionPendingAppeal.denied:appeals',
  'stay.applicationFiled',
  'stay.applicationGranted',
  'stay.applicationDenied',
  'relief.enteredElsewhere',
  'relief.stayedElsewhere',
  'relief.endedElsewhere',
  'appeal.mandateStayMotionFiled',
  'appeal.mandateStayGranted',
  'appeal.mandateStayDenied',
  'certiorari.denied',
];

/** Endings that name an injunction of this court's (or relief entered pending appeal here) on the path. */
const NEED_AN_INJUNCTION = [
  'moot-vacated',
  'moot-case-dismissed',
  'moot-left-standing',
  'affirmed',
  'stands',
];
const enteredHere = (events: readonly CaseEvent[]) =>
  events.some(
    (e) =>
      e.type === 'injunction.granted' ||
      e.type === 'case.judgment' ||
      e.type === 'injunctionPendingAppeal.granted',
  );
/** Endings that presuppose the PI of the real log never existed: impossible from pi-granted on. */
const NEED_NO_PI = [
  'no-motion',
  'pending-motion',
  'motion-withdrawn',
  'denied',
  'denied-affirmed',
  'denial-reversed',
];

const wechat = logOf('wechat');
const shipped = oddsOf('wechat');
const fromComplaint = samples(wechat, 'complaint-filed', levelled(shipped), 1500, 11);

describe('the new options are live: each is reached by some sampled path from the complaint', () => {
  test('every new option of the WeChat odds weighs more than 0 and is taken on some sample', () => {
    const offered = new Set(shipped.decisions.flatMap((d) => Object.keys(d.options)));
    const taken = new Set(fromComplaint.flatMap((l) => l.choices.map((c) => c.chosen)));
    for (const label of [...NEW_OPTIONS, 'identification.announced:narrower']) {
      expect(offered, label).toContain(label);
      expect(taken, label).toContain(label);
    }
    for (const d of shipped.decisions)
      for (const [label, p] of Object.entries(d.options)) expect(p, `${d.id}: ${label}`).toBeGreaterThan(0);
  });

  test('Washington v. Trump offers them too, where that case reaches them (it has no identification)', () => {
    const washington = logOf('washington-v-trump');
    const odds = oddsOf('washington-v-trump');
    const leaves = samples(washington, 'wawd-complaint', levelled(odds), 1000, 5);
    const taken = new Set(leaves.flatMap((l) => l.choices.map((c) => c.chosen)));
    for (const label of NEW_OPTIONS) expect(taken, label).toContain(label);
  });
});

describe('sampled paths from the complaint end possibly', () => {
  test('every sampled path replays with no rejection and ends in a named ending, none of them "other"', () => {
    const prefix = wechat.slice(0, wechat.findIndex((e) => e.id === 'complaint-filed') + 1);
    for (const leaf of fromComplaint.slice(0, 400))
      expect(replayAll([...prefix, ...leaf.events]).rejections).toEqual([]);
    const other = fromComplaint.filter((l) => l.ending.id.startsWith('other:') || l.truncated);
    expect(other.map((l) => `${l.ending.id}: ${l.choices.map((c) => c.chosen).join(' → ')}`)).toEqual([]);
  });

  test('an ending that speaks of "its injunction" has one entered on the path; relief elsewhere has its own endings', () => {
    const offending = fromComplaint.filter(
      (l) => NEED_AN_INJUNCTION.includes(l.ending.id) && !enteredHere(l.events),
    );
    expect(offending.map((l) => `${l.ending.id}: ${l.choices.map((c) => c.chosen).join(' → ')}`)).toEqual([]);
    const endings = new Set(fromComplaint.map((l) => l.ending.id));
    for (const id of ['enjoined-elsewhere', 'stayed-elsewhere', 'stayed-pending-certiorari'])
      expect(endings, id).toContain(id);
  });

  test('a stay pending appeal never outlives its appeal unnamed: "stay-lapsed" only where no appeal from it was decided', () => {
    for (const leaf of fromComplaint.filter((l) => l.ending.id === 'stay-lapsed'))
      expect(leaf.events.some((e) => e.type === 'appeal.decided')).toBe(false);
  });
});

describe('each decision is taken once per subject', () => {
  test('a withdrawal is about its motion (subjectOf), so a ruling decision is not offered again as a withdrawal', () => {
    const withdrawal = { type: 'motion.withdrawn', id: 'w-1', motion: 'pi-motion' } as CaseEvent;
    expect(subjectOf(withdrawal)).toBe('pi-motion');
  });

  test('after a ruling in part that defers the rest, the ruling decision is not taken again on that motion', () => {
    const ruling = shipped.decisions.findIndex((d) => d.id === 'injunction-ruling');
    const deferring = fromComplaint.filter((l) =>
      l.choices.some((c) => c.chosen === 'injunction.granted:in-part-deferring'),
    );
    expect(deferring.length).toBeGreaterThan(10);
    for (const leaf of fromComplaint) {
      const motions = leaf.events.filter((e) => e.type === 'injunction.motionFiled').length;
      const rulings = leaf.choices.filter((c) => c.decision === ruling);
      // One ruling decision per motion: with a withdrawal's subject its own id, a partly decided motion got two.
      expect(rulings.length).toBeLessThanOrEqual(motions);
      expect(new Set(rulings.map((c) => c.subject)).size).toBe(rulings.length);
    }
  });
});

describe('auto gives up on exact enumeration at once when the tree is large, and says so', () => {
  test('from the complaint under the shipped odds, auto estimates the tree past --max-paths and samples', () => {
    const prefix = wechat.slice(0, wechat.findIndex((e) => e.id === 'complaint-filed') + 1);
    const t = performance.now();
    const { analysis, leaves } = analyse(startFrom(prefix, caseZone(wechat)), shipped, {
      method: 'auto',
      maxLeaves: 5000,
      samples: 200,
      seed: 1,
      depth: 30,
      adapt: { cut: 0.001, max: 100 },
    });
    expect(analysis.method).toBe('monte-carlo');
    expect(leaves).toBeUndefined();
    expect(analysis.fallback).toMatchObject({ reason: 'estimate', maxPaths: 5000 });
    expect((analysis.fallback as { estimate: number }).estimate).toBeGreaterThan(5000);
    // The estimate and 200 samples, not 5,000 enumerated paths first.
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  test('casesim outcomes --from complaint-filed says which method it used and why', async () => {
    const { code, out } = await cli('outcomes', '--from', 'complaint-filed', '--samples', '300');
    expect(code).toBe(0);
    expect(out).toMatch(
      /Search: Monte Carlo, 300 samples, seed 1 \(± is one standard error\), since the tree has about [\d,]+ paths by an estimate from 128 random descents, over --max-paths 5,000/,
    );
  });

  test('casesim outcomes --from pi-granted under the shipped odds has no impossible ending', async () => {
    const { code, out } = await cli('outcomes', '--from', 'pi-granted', '--samples', '2000', '--json');
    expect(code).toBe(0);
    const ids: string[] = JSON.parse(out).outcomes.map((o: { id: string }) => o.id);
    for (const id of ids) {
      expect(NEED_NO_PI, id).not.toContain(id);
      expect(id.startsWith('other:'), id).toBe(false);
    }
  });
});
