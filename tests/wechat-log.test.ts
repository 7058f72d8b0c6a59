/**
 * The real WeChat log, read as a specification: it parses, the machine accepts every event, and the
 * replayed record ends where the public record ends (U.S. WeChat Users Alliance v. Trump, N.D. Cal.
 * 3:20-cv-05910-LB; 9th Cir. 20-16908).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { happenedBy, type InstantLike, parseQueryInstant, precisionOf } from '../src/events/instant.js';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { legalEffects } from '../src/machine/effects.js';
import { formatProblem } from '../src/problem.js';
import { replay, replayAll } from '../src/replay/replay.js';
import { cli } from './support/cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOG = 'events/wechat.jsonl';
const parsed = parseLog(readFileSync(path.join(repoRoot, LOG)), LOG);
const events: CaseEvent[] = parsed.events.map((e) => e.event);
const PACIFIC = 'America/Los_Angeles';
const PROHIBITIONS = [
  'app-store-distribution',
  'payments',
  'internet-hosting',
  'content-delivery',
  'transit-peering',
  'code-use',
];

function queryInstant(local: string): number {
  const q = parseQueryInstant(local, PACIFIC);
  if (!q.ok) throw new Error(q.message);
  return q.ms;
}

/** The record as it stood at `t`: only the events that had certainly taken effect by then. */
function contextAt(t: number) {
  return replayAll(events.filter((e) => happenedBy(e.at, t))).snapshot.context;
}

function eventById(id: string): CaseEvent {
  const event = events.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id} in ${LOG}`);
  return event;
}

function instantsOf(event: CaseEvent): InstantLike[] {
  const fromConflicts = (event.conflicts ?? []).flatMap((c) =>
    c.accounts.flatMap((a) => (a.instant ? [a.instant] : [])),
  );
  const fromProhibitions =
    event.type === 'identification.announced' ? event.prohibitions.map((p) => p.effective) : [];
  return [event.at, event.knownAt, ...fromConflicts, ...fromProhibitions];
}

describe('the WeChat event log', () => {
  it('parses line by line against the event schema, with unique ids, in order of legal effect', () => {
    expect(parsed.problems.map(formatProblem)).toEqual([]);
    expect(events.length).toBeGreaterThan(30);
  });

  it('replays with no rejection: no procedural rule refuses an event of the real record', () => {
    const { rejections } = replayAll(events);
    expect(rejections.map((r) => `${r.eventId}: ${r.rule.name}`)).toEqual([]);
  });

  it('gives its reasoning for every date known only to the month or the year', () => {
    const vague = events.flatMap((e) =>
      instantsOf(e)
        .filter((i) => ['month', 'year'].includes(precisionOf(i)) && !('basis' in i && i.basis))
        .map((i) => `${e.id}: ${i.local}`),
    );
    expect(vague).toEqual([]);
  });

  it('its sources document lists every event and every disagreement the log records', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'wechat-log.md'), 'utf8');
    const missing = events.flatMap((e) => [
      ...(doc.includes(`\`${e.id}\``) ? [] : [e.id]),
      ...(e.conflicts ?? []).filter((c) => !doc.includes(c.about)).map((c) => `${e.id}: ${c.about}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('records where sources disagree on the PI date, the stay motion, the rescission and the end', () => {
    for (const id of ['pi-granted', 'district-stay-motion', 'identification-rescinded', 'appeal-dismissed']) {
      const conflicts = eventById(id).conflicts ?? [];
      expect(conflicts.length, id).toBeGreaterThan(0);
      for (const c of conflicts) expect(c.accounts.length, `${id}: ${c.about}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('where the WeChat record ends', () => {
  const { snapshot } = replayAll(events);
  const ctx = snapshot.context;

  it('ends with EO 13943 revoked, the identification rescinded and the appeal dismissed as moot', () => {
    expect(snapshot.value).toMatchObject({ executive: 'orderRevoked', appeal: 'dismissed' });
    expect(ctx.orders['eo-13943']?.status).toBe('revoked');
    expect(ctx.identifications['commerce-wechat-identification']?.status).toBe('rescinded');
    expect(ctx.appeals['ca9-20-16908']?.status).toBe('dismissed');
  });

  it('dismissing the appeal without vacatur leaves the PI on the books with nothing left to enjoin', () => {
    expect(ctx.injunctions['pi-granted']?.status).toBe('in-force');
    const end = queryInstant('2021-08-31');
    const effects = legalEffects(ctx, end);
    expect(effects).toHaveLength(PROHIBITIONS.length);
    for (const effect of effects) expect(effect.status).toBe('rescinded');
  });

  it('the PI decided the original motion (ECF 17) and the supplemental one (ECF 48) together', () => {
    expect(ctx.motions['pi-motion']).toMatchObject({ status: 'granted', ruledBy: 'pi-granted' });
    expect(ctx.motions['supplemental-pi-motion']).toMatchObject({ status: 'granted', ruledBy: 'pi-granted' });
  });

  it('both stay motions were denied: the district court on 23 Oct, the Ninth Circuit on 26 Oct 2020', () => {
    expect(ctx.motions['district-stay-motion']).toMatchObject({
      status: 'denied',
      ruledBy: 'district-stay-denied',
    });
    expect(ctx.motions['ca9-stay-motion']).toMatchObject({ status: 'denied', ruledBy: 'ca9-stay-denied' });
    expect(Object.keys(ctx.stays)).toEqual([]);
  });

  it('the Ninth Circuit stay motion is accepted while the district-court motion is still pending (FRAP 8(a)(2)(A))', () => {
    const step = [...replay(events)].find((s) => s.event.id === 'ca9-stay-motion');
    expect(step?.rejection).toBeUndefined();
    expect(step?.before.context.motions['district-stay-motion']?.status).toBe('pending');
  });
});

describe('the legal effect of the WeChat prohibitions over time', () => {
  it('on 21 Sept 2020 the app-store prohibition is enjoined by the PI: it binds Secretary Ross, not the President, and protects everyone', () => {
    const t = queryInstant('2020-09-21');
    const effect = legalEffects(contextAt(t), t).find((e) => e.prohibition === 'app-store-distribution');
    expect(effect).toMatchObject({ status: 'enjoined', bound: ['Wilbur Ross'], protects: 'everyone' });
    expect(effect?.enjoinedBy).toEqual(['pi-granted']);
  });

  it('on 21 Sept 2020 none of the six prohibitions binds anyone', () => {
    const t = queryInstant('2020-09-21');
    const effects = legalEffects(contextAt(t), t);
    expect(effects.map((e) => e.prohibition).sort()).toEqual([...PROHIBITIONS].sort());
    for (const effect of effects) expect(effect.status, effect.prohibition).toBe('enjoined');
  });

  it('on 18 June 2021, as known at the end of the log, every prohibition is rescinded or revoked', () => {
    const t = queryInstant('2021-06-18');
    const effects = legalEffects(contextAt(t), t);
    expect(effects).toHaveLength(PROHIBITIONS.length);
    for (const effect of effects) expect(['rescinded', 'revoked']).toContain(effect.status);
  });
});

describe('what the record adds and what it leaves unknown', () => {
  const byId = (id: string) => events.find((e) => e.id === id);

  it('the order denying the district stay is ECF 105, and no event cites an entry number no source gives', () => {
    const denied = byId('district-stay-denied');
    expect(denied?.sources.some((s) => s.type === 'court-record' && s.entry === 'ECF 105')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/ECF 94\b|entry number not found\)/);
  });

  it('the complaint records the claims pleaded and the parties’ consent to the magistrate judge (28 U.S.C. 636(c))', () => {
    const complaint = byId('complaint-filed');
    if (complaint?.type !== 'complaint.filed') throw new Error('no complaint.filed');
    expect(complaint.claims?.map((c) => c.claim)).toEqual([
      'first-amendment',
      'fifth-amendment-vagueness',
      'fifth-amendment-equal-protection',
      'ieepa-ultra-vires',
    ]);
    expect(complaint.claims?.find((c) => c.claim === 'ieepa-ultra-vires')?.label).toContain('1702(b)(1)');
    expect(complaint.magistrateJudgeConsent).toMatchObject({ consent: 'all-parties', evidence: 'inferred' });
  });

  it('the identification was withdrawn from Federal Register publication, which did not withdraw it', () => {
    const identification = byId('identification-announced');
    if (identification?.type !== 'identification.announced') throw new Error('no identification');
    expect(identification.federalRegister?.status).toBe('withdrawn-before-publication');
    expect(events.some((e) => e.type === 'identification.withdrawn')).toBe(false);
  });

  it('the Ninth Circuit stay motion rests on the motion to shorten time the district court did not grant (FRAP 8(a)(2)(A)(ii))', () => {
    expect(
      byId('shorten-time-motion')?.sources.some((s) => s.type === 'court-record' && s.entry === 'ECF 69'),
    ).toBe(true);
    expect(byId('ca9-stay-motion')?.dependsOn).toEqual(expect.arrayContaining(['shorten-time-motion']));
  });

  it('every premise an event names is an earlier event of the log', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const e of events) {
      for (const p of e.dependsOn ?? []) if (!seen.has(p)) bad.push(`${e.id} → ${p}`);
      seen.add(e.id);
    }
    expect(bad).toEqual([]);
  });

  it('replay says the district case’s status after 10 Aug 2021 is not in the record, not that the suit is open', async () => {
    const { code, out } = await cli('replay');
    expect(code).toBe(0);
    const lastState = out
      .split('\n')
      .filter((l) => l.trim().startsWith('state:'))
      .at(-1);
    expect(lastState).toContain('district case: status after 2021-08-10 not in the record');
    expect(lastState).not.toContain('suit: open');
  });

  it('casesim state after 10 Aug 2021 says the same; before it, the suit is open as the record shows', async () => {
    const after = await cli('state', '--at', '2022-01-01');
    expect(after.code).toBe(0);
    expect(after.out).toContain('district case: status after 2021-08-10 not in the record');
    const before = await cli('state', '--at', '2021-07-01');
    expect(before.out).toContain('suit: open');
    expect(before.out).not.toContain('not in the record');
  });

  it('the order of 12 Feb 2021 stays the district proceedings, not the injunction (case.proceedingsStayed)', () => {
    const step = [...replay(events)].find((s) => s.event.id === 'district-proceedings-stayed');
    expect(step?.rejection).toBeUndefined();
    expect(step?.after.context.suits['cand-3-20-cv-05910']?.status).toBe('proceedings-stayed');
    expect(step?.after.context.injunctions['pi-granted']?.status).toBe('in-force');
  });
});
