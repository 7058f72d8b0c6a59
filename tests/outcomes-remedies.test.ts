/**
 * Behaviour: the odds model offers the remedies the machine knows (issue 10): a ruling on the part a
 * ruling in part deferred (FRCP 65), an injunction pending appeal (FRCP 62(d); FRAP 8(a)), a Supreme Court
 * stay (S. Ct. R. 22-23; 28 U.S.C. 2101(f)), certiorari petitioned, granted or denied, decided and its
 * judgment sent down (S. Ct. R. 10, 13.1, 45.3), a stay of the mandate (FRAP 41(d)), another court's
 * relief against the same prohibitions, and a narrower re-issued identification.
 * Under the shipped odds the tree from the complaint has hundreds of thousands of paths, so these are
 * checked on seeded samples; `auto` must see that at once and sample.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { analyse } from '../src/outcomes/analyse.js';
import { type Odds, parseOdds, subjectOf } from '../src/outcomes/odds.js';
import { type BranchCache, enumerate, type Leaf, samplePath, startFrom } from '../src/outcomes/search.js';
import { mulberry32 } from '../src/random.js';
import { caseZone } from '../src/replay/query.js';
import { replayAll } from '../src/replay/replay.js';
import { dayNumber, lastDayOfPeriod } from '../src/time/legal-days.js';
import { cli } from './support/cli.js';
import { ENDINGS_THAT_NEED_NO_PI } from './support/endings.js';

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
  'appeal.rehearingGranted',
  'certiorari.petitioned',
  'certiorari.granted',
  'certiorari.denied',
  'certiorari.decided:affirmed',
  'certiorari.decided:reversed',
  'certiorari.decided:vacated',
  'certiorari.judgmentSent',
];

/** Endings that name an injunction of this court's (or relief entered pending appeal here) on the path. */
const NEED_AN_INJUNCTION = [
  'moot-vacated',
  'moot-case-dismissed',
  'moot-left-standing',
  'affirmed',
  'stands',
  'scotus-reversed-dissolved',
  'scotus-affirmed-dissolved',
  'scotus-affirmed-stands',
  'scotus-reversed-stands',
  'scotus-vacated-stands',
];
const enteredHere = (events: readonly CaseEvent[]) =>
  events.some(
    (e) =>
      e.type === 'injunction.granted' ||
      e.type === 'case.judgment' ||
      e.type === 'injunctionPendingAppeal.granted',
  );

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
    const leaves = samples(washington, 'wawd-complaint', levelled(odds), 2000, 5);
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
    for (const id of ['enjoined-elsewhere', 'stayed-elsewhere']) expect(endings, id).toContain(id);
  });

  test('a Supreme Court stay that outlives the decision of the appeal is an ending of its own (28 U.S.C. 2101(f)); a stayed mandate with no petition issues when its 90 days run out (FRAP 41(d)(2)(B))', () => {
    const leaves = samples(wechat, 'pi-granted', shipped, 3000, 1);
    const stayed = leaves.filter((l) => l.ending.id === 'stayed-pending-certiorari');
    expect(stayed.length).toBeGreaterThan(0);
    for (const leaf of stayed)
      expect(
        leaf.events.some((e) => e.type === 'stay.applicationGranted' || e.type === 'certiorari.petitioned'),
        leaf.choices.map((c) => c.chosen).join(' → '),
      ).toBe(true);
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
      expect(ENDINGS_THAT_NEED_NO_PI, id).not.toContain(id);
      expect(id.startsWith('other:'), id).toBe(false);
    }
  });
});

/**
 * Certiorari in the odds model: a petition by the party that lost the appeal, the Court's grant or denial,
 * its decision and its judgment sent down. Each spec weighs the options it is about with odds of its own,
 * from the real log's preliminary injunction (pi-granted), so the machine alone decides what is open.
 */
describe('the odds follow a case to the Supreme Court', () => {
  const prefix = wechat.slice(0, wechat.findIndex((e) => e.id === 'pi-granted') + 1);
  const zone = caseZone(wechat);
  const plaintiffs = replayAll(prefix).snapshot.context.motions['pi-motion']?.movant;

  type Step = [id: string, afterDays: number, options: Record<string, number>];
  const oddsWith = (...steps: Step[]): Odds => {
    const parsed = parseOdds({
      description: 'certiorari specs',
      decisions: steps.map(([id, afterDays, options]) => ({ id, question: `${id}?`, afterDays, options })),
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.odds;
  };
  const NOTICE: Step = ['notice', 14, { 'appeal.noticed:injunction': 1 }];
  const AFFIRMED: Step = ['outcome', 120, { 'appeal.decided:affirmed': 1 }];
  const REVERSED: Step = ['outcome', 120, { 'appeal.decided:reversed': 1 }];
  const STAY_MOTION: Step = ['mandate-stay-motion', 20, { 'appeal.mandateStayMotionFiled': 1 }];
  const STAY_GRANTED: Step = ['mandate-stay-ruling', 10, { 'appeal.mandateStayGranted': 1 }];
  const MANDATE: Step = ['mandate', 60, { 'appeal.mandateIssued': 1 }];
  const petition = (afterDays: number, none = 0): Step => [
    'certiorari-petition',
    afterDays,
    none > 0 ? { 'certiorari.petitioned': 1 - none, none } : { 'certiorari.petitioned': 1 },
  ];
  const RULING: Step = ['certiorari', 90, { 'certiorari.granted': 0.5, 'certiorari.denied': 0.5 }];
  const DECISION: Step = [
    'certiorari-decision',
    150,
    {
      'certiorari.decided:affirmed': 0.3,
      'certiorari.decided:reversed': 0.5,
      'certiorari.decided:vacated': 0.2,
    },
  ];
  const judgment = (afterDays: number): Step => [
    'certiorari-judgment',
    afterDays,
    { 'certiorari.judgmentSent': 1 },
  ];

  const leavesOf = (odds: Odds) => enumerate(startFrom(prefix, zone), odds, { depth: 20, maxLeaves: 10_000 });
  const petitions = (leaves: readonly Leaf[]) =>
    leaves.flatMap((l) => l.events.filter((e) => e.type === 'certiorari.petitioned'));
  const certiorariSteps = (leaf: Leaf) =>
    leaf.events
      .filter((e) => e.type.startsWith('certiorari.'))
      .map((e) => e.type.slice('certiorari.'.length));

  test('a petition for certiorari is offered through the 90th day after the judgment, or the next court day after it, and not later (28 U.S.C. 2101(c); S. Ct. R. 13.1, 30.1)', () => {
    const decided = leavesOf(oddsWith(NOTICE, AFFIRMED))[0]?.events.find((e) => e.type === 'appeal.decided');
    const day = dayNumber(decided!.at.local);
    const last = lastDayOfPeriod(day, 90) - day;
    expect(last).toBeGreaterThanOrEqual(90);
    expect(petitions(leavesOf(oddsWith(NOTICE, AFFIRMED, petition(last)))).length).toBeGreaterThan(0);
    expect(petitions(leavesOf(oddsWith(NOTICE, AFFIRMED, petition(last + 1))))).toEqual([]);
  });

  test('the party that lost the appeal petitions: the government from an affirmance, the plaintiffs from a reversal whose mandate is stayed (28 U.S.C. 1254(1); FRAP 41(d)(2)(B))', () => {
    const fromAffirmance = petitions(leavesOf(oddsWith(NOTICE, AFFIRMED, MANDATE, petition(7))));
    expect(fromAffirmance.map((e) => (e as { petitioner: string }).petitioner)).toEqual(['Government']);
    const fromReversal = petitions(
      leavesOf(oddsWith(NOTICE, REVERSED, STAY_MOTION, STAY_GRANTED, petition(7))),
    );
    expect(plaintiffs).toBeDefined();
    expect(fromReversal.map((e) => (e as { petitioner: string }).petitioner)).toEqual([plaintiffs]);
  });

  test('no petition is weighed once a reversal has undone the injunction by its mandate: the Court would not revive it (supremeCourtUndoesInjunction; FRAP 41(c))', () => {
    const leaves = leavesOf(oddsWith(NOTICE, REVERSED, MANDATE, petition(7)));
    expect(leaves.some((l) => l.events.some((e) => e.type === 'appeal.mandateIssued'))).toBe(true);
    expect(petitions(leaves)).toEqual([]);
  });

  test('the Court grants or denies only a pending petition, decides only a case it granted, and sends its judgment down only once it has decided (S. Ct. R. 10, 45.3; certiorariInOrder)', () => {
    // The decisions listed last step first: were any offered early, the search would take it first.
    const leaves = leavesOf(oddsWith(NOTICE, AFFIRMED, judgment(35), DECISION, RULING, petition(45, 0.5)));
    const seen = new Set(leaves.map((l) => certiorariSteps(l).join(' → ')));
    expect([...seen].sort()).toEqual([
      '',
      'petitioned → denied',
      'petitioned → granted → decided → judgmentSent',
    ]);
  });

  test("the Court's judgment is sent down 32 days after its entry (or the next court day), not sooner: the model weighs no judgment forthwith (S. Ct. R. 45.3, 30.1; judgmentSentInTime)", () => {
    const granted: Step = ['certiorari', 90, { 'certiorari.granted': 1 }];
    const sentAfter = (days: number) =>
      leavesOf(oddsWith(NOTICE, AFFIRMED, petition(45), granted, DECISION, judgment(days))).filter((l) =>
        certiorariSteps(l).includes('judgmentSent'),
      );
    const decided = sentAfter(40)[0]?.events.find((e) => e.type === 'certiorari.decided');
    const day = dayNumber(decided!.at.local);
    const first = lastDayOfPeriod(day, 32) - day;
    expect(first).toBeGreaterThanOrEqual(32);
    expect(sentAfter(first).length).toBeGreaterThan(0);
    expect(sentAfter(first - 1).length).toBe(0);
  });

  test('a decision on certiorari is taken once per appeal: its subject is the appeal docket', () => {
    for (const type of ['petitioned', 'granted', 'denied', 'decided', 'judgmentSent'])
      expect(
        subjectOf({ type: `certiorari.${type}`, id: `e-${type}`, appealDocket: 'ca9' } as CaseEvent),
      ).toBe('ca9');
  });

  const FULL = oddsWith(
    NOTICE,
    [
      'outcome',
      120,
      { 'appeal.decided:affirmed': 0.5, 'appeal.decided:reversed': 0.3, 'appeal.decided:vacated': 0.2 },
    ],
    ['mandate-stay-motion', 20, { 'appeal.mandateStayMotionFiled': 0.5, none: 0.5 }],
    STAY_GRANTED,
    MANDATE,
    petition(7),
    RULING,
    DECISION,
    judgment(35),
  );

  test('each Supreme Court ending (reversed or vacated, or affirmed; the injunction dissolved or standing) is reached through casesim outcomes (S. Ct. R. 45.3; supremeCourtUndoesInjunction; FRAP 41(c))', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'casesim-cert-')), 'odds.json');
    writeFileSync(file, JSON.stringify(FULL));
    const { code, out } = await cli('outcomes', '--from', 'pi-granted', '--odds', file, '--json');
    expect(code).toBe(0);
    const ids: string[] = JSON.parse(out).outcomes.map((o: { id: string }) => o.id);
    for (const id of SCOTUS_ENDINGS) expect(ids, id).toContain(id);
    expect(ids.filter((id) => id.startsWith('other:'))).toEqual([]);
  });

  test('a Supreme Court ending that says the injunction stands ends with it in force, unstayed; one that says it was dissolved, with it vacated', () => {
    const leaves = leavesOf(FULL);
    for (const id of SCOTUS_ENDINGS) {
      const ending = leaves.filter((l) => l.ending.id === id);
      expect(ending.length, id).toBeGreaterThan(0);
      for (const leaf of ending) {
        const { snapshot, rejections } = replayAll([...prefix, ...leaf.events]);
        expect(rejections).toEqual([]);
        const status = snapshot.context.injunctions['pi-granted']?.status;
        expect(status, id).toBe(id.endsWith('-stands') ? 'in-force' : 'vacated');
      }
    }
  });
});

describe('rehearing granted in the odds', () => {
  const prefix = wechat.slice(0, wechat.findIndex((e) => e.id === 'pi-granted') + 1);
  const odds = parseOdds({
    description: 'rehearing specs',
    decisions: [
      ['notice', 14, { 'appeal.noticed:injunction': 1 }],
      ['outcome', 120, { 'appeal.decided:affirmed': 1 }],
      ['rehearing-petition', 30, { 'appeal.rehearingSought': 1 }],
      ['rehearing-ruling', 30, { 'appeal.rehearingDenied': 0.9, 'appeal.rehearingGranted': 0.1 }],
      ['rehearing-decision', 90, { 'appeal.decided:reversed': 1 }],
      ['mandate', 60, { 'appeal.mandateIssued': 1 }],
    ].map(([id, afterDays, options]) => ({ id, question: `${id}?`, afterDays, options })),
  }).odds as Odds;
  const leaves = enumerate(startFrom(prefix, caseZone(wechat)), odds, { depth: 20, maxLeaves: 100 });

  test('rehearing is granted or denied in one ruling on the petition: both are open together (subjectOf: the appeal docket; FRAP 35, 40)', () => {
    const ruling = odds.decisions.findIndex((d) => d.id === 'rehearing-ruling');
    const rulings = leaves.flatMap((l) => l.choices.filter((c) => c.decision === ruling));
    expect(rulings.length).toBe(2);
    for (const c of rulings)
      expect([...c.open].sort()).toEqual(['appeal.rehearingDenied', 'appeal.rehearingGranted']);
  });

  test('rehearing granted sets the decision aside: the appeal is decided anew, and the mandate carries the new decision (FRAP 35, 40, 41(c))', () => {
    const reheard = leaves.find((l) => l.events.some((e) => e.type === 'appeal.rehearingGranted'));
    expect(reheard?.events.map((e) => e.type)).toEqual([
      'appeal.noticed',
      'appeal.decided',
      'appeal.rehearingSought',
      'appeal.rehearingGranted',
      'appeal.decided',
      'appeal.mandateIssued',
    ]);
    expect(reheard?.ending.id).toBe('dissolved-on-appeal');
    const denied = leaves.find((l) => l.events.some((e) => e.type === 'appeal.rehearingDenied'));
    expect(denied?.ending.id).toBe('affirmed');
  });
});

const SCOTUS_ENDINGS = [
  'scotus-reversed-dissolved',
  'scotus-affirmed-dissolved',
  'scotus-affirmed-stands',
  'scotus-reversed-stands',
  'scotus-vacated-stands',
];
