/**
 * Behaviour: `--docket D` shows one docket of a matter (its own events and objects, the matter's order,
 * identification and prohibitions, and relief that binds there) on every view, the whole matter by default;
 * the legal effects are the matter's either way, and an unknown docket is a usage error listing the dockets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CaseEvent } from '../src/events/schema.js';
import { docketFilter } from '../src/replay/docket.js';
import { replayAll } from '../src/replay/replay.js';
import { complaint, DMD, granted, motion, NDCAL } from './support/case-events.js';
import { cli } from './support/cli.js';
import { logsOf, MATTERS, MD_APPEAL, merged, ndcal } from './support/matters.js';

const { combined } = logsOf(MATTERS[0]!);
const dir = mkdtempSync(path.join(tmpdir(), 'casesim-docket-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'matter.jsonl');
writeFileSync(file, combined.map((e) => `${JSON.stringify(e)}\n`).join(''));

const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);

describe('state --docket', () => {
  test('shows that docket’s case and motions, and the relief of another docket that binds there', async () => {
    const run = await cli('state', file, '--at', '2020-10-06', '--docket', NDCAL, '--json');
    expect(run.code).toBe(0);
    const { context } = JSON.parse(run.out).state;
    expect(Object.keys(context.suits)).toEqual([NDCAL]);
    expect(Object.keys(context.appeals)).toEqual([]);
    expect(Object.keys(context.motions)).toEqual(['pi-motion']);
    // The D. Md. PI is universal: it protects the N.D. Cal. plaintiffs too, so it binds there, with its stay.
    expect(Object.keys(context.injunctions)).toEqual(['md-pi']);
    expect(Object.keys(context.stays)).toEqual(['md-stay']);
    expect(Object.keys(context.prohibitions).sort()).toEqual(['app-store', 'payments']);
  });

  test('summarises that docket’s regions in the text and in --json alike, with the whole matter’s beside them', async () => {
    // On 18 Sep the N.D. Cal. PI had been denied while the D. Md. motion was still pending.
    const text = await cli('state', file, '--at', '2020-09-18', '--docket', NDCAL);
    expect(text.out).toContain(`docket ${NDCAL}: executive: order in force · suit: open · relief: denied\n`);
    expect(text.out).toContain('whole matter: executive: order in force · suit: open · relief: requested');
    const doc = JSON.parse((await cli('state', file, '--at', '2020-09-18', '--docket', NDCAL, '--json')).out);
    expect(doc.state.value).toEqual({ executive: 'orderInForce', suit: 'open', relief: 'denied' });
    expect(doc.state.matterValue.relief).toBe('requested');
    const md = JSON.parse((await cli('state', file, '--at', '2020-09-18', '--docket', DMD, '--json')).out);
    expect(md.state.value.relief).toBe('requested');
  });

  test('an appeals docket summarises its own appeal and holds no district case', async () => {
    const run = await cli('state', file, '--at', '2020-10-06', '--docket', MD_APPEAL, '--json');
    expect(JSON.parse(run.out).state.value).toEqual({
      executive: 'orderInForce',
      relief: 'stayed',
      appeal: 'pending',
    });
    const text = await cli('state', file, '--at', '2020-10-06', '--docket', MD_APPEAL);
    expect(text.out).toContain(
      `docket ${MD_APPEAL}: executive: order in force · relief: stayed · appeal: pending`,
    );
  });

  test('without --docket the summary is the whole matter’s, with no second line', async () => {
    const run = await cli('state', file, '--at', '2020-09-18');
    expect(run.out).toContain('  executive: order in force · suit: open · relief: requested · appeal: none');
    expect(run.out).not.toContain('whole matter:');
    expect(
      JSON.parse((await cli('state', file, '--at', '2020-09-18', '--json')).out).state.matterValue,
    ).toBeUndefined();
  });

  test('answers the same legal effects as the whole matter', async () => {
    const whole = await cli('state', file, '--at', '2020-10-06', '--json');
    const one = await cli('state', file, '--at', '2020-10-06', '--docket', DMD, '--json');
    expect(JSON.parse(one.out).effects).toEqual(JSON.parse(whole.out).effects);
    expect(JSON.parse(whole.out).docket).toBeNull();
    expect(Object.keys(JSON.parse(whole.out).state.context.suits).sort()).toEqual([DMD, NDCAL].sort());
  });

  test('refuses a case number in place of a docket, naming the docket that has that number', async () => {
    const run = await cli('state', '--at', '2020-10-06', '--docket', '20-16908');
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      "--docket: '20-16908' is the case number of docket ca9-20-16908 (U.S. Court of Appeals for the Ninth Circuit): give --docket ca9-20-16908",
    );
  });

  test('refuses a docket the log does not hold, listing those it holds (usage error, no stack trace)', async () => {
    const run = await cli('state', file, '--at', '2020-10-06', '--docket', 'ddc-20-cv-0001');
    expect(run.code).toBe(2);
    expect(run.err).toContain("--docket: unknown docket 'ddc-20-cv-0001': the log holds");
    for (const docket of [NDCAL, DMD, MD_APPEAL]) expect(run.err).toContain(docket);
    expect(run.err).not.toMatch(/\n\s+at /);
  });
});

describe('replay --docket', () => {
  test('shows the docket’s events with the matter-level ones and the relief that binds there', async () => {
    const run = await cli('replay', file, '--docket', DMD, '--json');
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.out)
      .timeline.filter((e: { kind: string }) => e.kind === 'event')
      .map((e: { event: CaseEvent }) => e.event.id);
    expect(shown).toEqual(
      expect.arrayContaining(['eo-signed', 'identified', `complaint-${DMD}`, 'md-pi', 'md-stay']),
    );
    expect(shown).not.toContain(`complaint-${NDCAL}`);
    expect(shown).not.toContain('pi-denied');
    // The appeal is its own docket; its mandate shows here because it ended relief that binds on D. Md.
    expect(shown).not.toContain('md-appeal');
    expect(shown).toContain('mandate-2021-01-05');
  });

  test('shows the whole matter by default, and says how many it shows when asked for one docket', async () => {
    const whole = await cli('replay', file, '--json');
    expect(JSON.parse(whole.out).timeline.filter((e: { kind: string }) => e.kind === 'event')).toHaveLength(
      combined.length,
    );
    const text = await cli('replay', file, '--docket', MD_APPEAL);
    expect(text.out).toMatch(
      new RegExp(`${combined.length} events replayed \\(\\d+ shown on docket ${MD_APPEAL}\\)`),
    );
    expect(text.out).toContain('md-appeal');
    expect(text.out).not.toContain(`complaint-${DMD}  `);
  });
});

describe('export --docket', () => {
  test('exports the docket’s slides under its own title, with the matter’s eras', async () => {
    const whole = JSON.parse((await cli('export', file)).out);
    const run = await cli('export', file, '--docket', NDCAL);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out);
    const slides = doc.events.map((s: { unique_id: string }) => s.unique_id);
    expect(slides).toContain(`complaint-${NDCAL}`);
    expect(slides).toContain('md-pi');
    expect(slides).not.toContain(`complaint-${DMD}`);
    expect(doc.title.text.text).toContain(NDCAL);
    expect(doc.title.text.text).not.toContain(DMD);
    expect(doc.eras).toEqual(whole.eras);
  });
});

describe('whatif --docket', () => {
  test('shows the rows whose events either world shows on that docket', async () => {
    const scenario = path.join(dir, 'no-stay.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        title: 'No stay in the Fourth Circuit',
        description: 'The D. Md. injunction is never stayed.',
        base: './matter.jsonl',
        onIllegal: 'drop',
        edits: [{ kind: 'remove', event: 'md-stay', why: 'for the test' }],
      }),
    );
    const whole = JSON.parse((await cli('whatif', scenario, '--json')).out);
    const run = await cli('whatif', scenario, '--docket', NDCAL, '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out);
    const rowIds = doc.rows.map((r: { base?: { event: CaseEvent } }) => r.base?.event.id);
    expect(rowIds).toContain('md-stay');
    expect(rowIds).not.toContain(`complaint-${DMD}`);
    expect(doc.rows.length).toBeLessThan(whole.rows.length);
    expect(doc.effects).toEqual(whole.effects);
    expect((await cli('whatif', scenario, '--docket', 'nope')).code).toBe(2);
  });
});

describe('relief that binds on a docket', () => {
  test('party-limited relief of another docket binds only where it protects that docket’s plaintiffs', () => {
    const limited = {
      ...granted('md-limited', 'md-motion', '2020-09-19', ['payments']),
      scope: {
        prohibitions: ['payments'],
        defendants: ['Secretary of Commerce'],
        nationwide: false,
        beneficiaries: 'named-parties',
        protects: ['Maryland Merchants'],
      },
    } as CaseEvent;
    const md = { ...complaint('2020-09-03', DMD, 'D. Md.'), plaintiffs: ['Maryland Merchants'] } as CaseEvent;
    const log = merged(ndcal(), [md, motion('md-motion', '2020-09-10', 'preliminary', DMD), limited]);
    const { snapshot, rejections } = replayAll(log);
    expect(rejections).toEqual([]);
    expect(log.filter(docketFilter(snapshot.context, NDCAL)).map((e) => e.id)).not.toContain('md-limited');
    expect(log.filter(docketFilter(snapshot.context, DMD)).map((e) => e.id)).toContain('md-limited');
  });

  test('relief recorded from a case the log does not hold shows on the docket it binds', () => {
    const { external } = logsOf(MATTERS[0]!);
    const shown = ids(external.filter(docketFilter(replayAll(external).snapshot.context, NDCAL)));
    expect(shown).toEqual(expect.arrayContaining(['md-pi', 'md-stay', 'mandate-2021-01-05']));
  });
});

describe('outcomes --docket', () => {
  type Outcome = { label: string; probability: number; shortest: { id: string }[] };
  const outcomes = async (...flags: string[]) => {
    const run = await cli('outcomes', '--from', 'pi-granted', '--json', ...flags);
    expect(run.code).toBe(0);
    return JSON.parse(run.out) as { docket: string | null; outcomes: Outcome[] };
  };

  test('gives the matter’s endings and odds, each shortest path cut to its steps on that docket', async () => {
    const whole = await outcomes();
    const appeal = await outcomes('--docket', 'ca9-20-16908');
    expect(appeal.docket).toBe('ca9-20-16908');
    expect(appeal.outcomes.map((o) => [o.label, o.probability])).toEqual(
      whole.outcomes.map((o) => [o.label, o.probability]),
    );
    let cut = 0;
    for (const [i, o] of appeal.outcomes.entries()) {
      const all = whole.outcomes[i]?.shortest.map((s) => s.id) ?? [];
      const shown = o.shortest.map((s) => s.id);
      expect(all.filter((id) => shown.includes(id))).toEqual(shown);
      cut += all.length - shown.length;
    }
    // The order's revocation is matter-level, and stays; a district-court stay motion is not the appeal's.
    expect(cut).toBeGreaterThan(0);
  });

  test('refuses a docket the log does not hold before searching', async () => {
    const run = await cli('outcomes', '--docket', 'nope');
    expect(run.code).toBe(2);
    expect(run.err).toContain("unknown docket 'nope': the log holds cand-3-20-cv-05910");
  });
});
