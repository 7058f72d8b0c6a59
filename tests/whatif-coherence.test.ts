/**
 * Behaviour: every shipped what-if scenario is a coherent world. An event that presupposes another
 * (`dependsOn`) goes when its premise goes, and the edit that removed the premise says so; no branch keeps a
 * note whose premise it removed, or names a removed event; every edit says why in legal terms; the branches
 * cite the record as it is (ECF 105, not an entry no source gives).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { formatProblem } from '../src/problem.js';
import { runWhatIf, type WhatIf } from '../src/whatif/diff.js';
import { applyScenario, lostPremises, parseScenario } from '../src/whatif/scenario.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIOS = path.join(root, 'events/scenarios');
const LOG = path.join(root, 'events/wechat.jsonl');
const base: CaseEvent[] = parseLog(readFileSync(LOG), LOG).events.map((l) => l.event);
const shipped = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => f.replace(/\.json$/, ''));

function raw(name: string): { edits: { kind: string; why?: string }[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCENARIOS, `${name}.json`), 'utf8'));
}

/** The log a scenario branches from, as its `base` names it (the WeChat log, or Washington v. Trump). */
function baseOf(name: string): CaseEvent[] {
  const file = path.resolve(SCENARIOS, String(raw(name).base ?? '../wechat.jsonl'));
  return file === LOG ? base : parseLog(readFileSync(file), file).events.map((l) => l.event);
}

function whatIf(name: string): WhatIf {
  const parsed = parseScenario(raw(name));
  if (!parsed.ok) throw new Error(formatProblem(parsed.error));
  const result = runWhatIf(baseOf(name), parsed.scenario);
  if (!result.ok) throw new Error(formatProblem(result.error));
  return result.whatIf;
}

/** What a branch keeps that no longer holds: a premise it lost, or a summary naming an event it lacks. */
function incoherence(branch: readonly CaseEvent[], from: readonly CaseEvent[] = base): string[] {
  const kept = new Set(branch.map((e) => e.id));
  const gone = new Set(from.map((e) => e.id).filter((id) => !kept.has(id)));
  const premises = lostPremises(branch, gone).map((l) => `${l.event.id} presupposes ${l.premise}`);
  const named = branch.flatMap((e) =>
    [...gone].filter((id) => e.summary.includes(id)).map((id) => `${e.id} names ${id}`),
  );
  return [...premises, ...named];
}

describe('the premise check itself', () => {
  test('a branch that keeps a note whose premise it removed is caught: without the injunction, the Chevron note is incoherent', () => {
    const withoutInjunction = base.filter((e) => e.id !== 'pi-granted');
    expect(incoherence(withoutInjunction)).toContain('chevron-deletes-wechat presupposes pi-granted');
  });

  test('a premise lost through another is lost too: no stay motion, so no hearing on it and no Ninth Circuit motion grounded in its schedule', () => {
    const lost = lostPremises(base, new Set(['district-stay-motion'])).map((l) => l.event.id);
    expect(lost).toEqual(
      expect.arrayContaining(['stay-hearing', 'stay-scheduling-order', 'ca9-stay-motion', 'ca9-stay-denied']),
    );
  });
});

describe('removing an event removes what presupposes it, as part of the same edit', () => {
  test('removing the injunction removes the notes and motions resting on it, each named with its premise', () => {
    const result = applyScenario(base, {
      description: 'no injunction',
      base: '../wechat.jsonl',
      onIllegal: 'drop',
      edits: [{ kind: 'remove', event: 'pi-granted' }],
    });
    if (!result.ok) throw new Error(formatProblem(result.error));
    const texts = result.branch.applied.map((a) => `${a.index}: ${a.text}`);
    expect(texts).toContain(
      '0: also removed chevron-deletes-wechat (context.note): it presupposes pi-granted, which is no longer in the branch',
    );
    expect(incoherence(result.branch.events)).toEqual([]);
  });

  test('a scenario keeps a dependent by rewriting it first: its own events are never removed for it', () => {
    const result = applyScenario(base, {
      description: 'rewritten note',
      base: '../wechat.jsonl',
      onIllegal: 'drop',
      edits: [
        {
          kind: 'replace',
          event: 'chevron-deletes-wechat',
          with: {
            type: 'context.note',
            category: 'company-action',
            summary: 'Hypothetical: Chevron acts anyway.',
          },
        },
        { kind: 'remove', event: 'pi-granted' },
      ],
    });
    if (!result.ok) throw new Error(formatProblem(result.error));
    expect(result.branch.events.map((e) => e.id)).toContain('chevron-deletes-wechat');
  });
});

describe.each(shipped)('the shipped scenario %s', (name) => {
  test('keeps no event whose premise it removed, and no summary naming a removed event', () => {
    expect(incoherence(whatIf(name).branchEvents, baseOf(name))).toEqual([]);
  });

  test('is a whole world: no base event is left for the machine to drop as illegal', () => {
    expect(whatIf(name).illegal.map((i) => `${i.event.id}: ${i.rule.name}`)).toEqual([]);
  });

  test('gives a reason for every edit, naming the rule, the case or the fact it turns on', () => {
    const edits = raw(name).edits;
    const weak = edits.filter((e) => (e.why ?? '').length < 60).map((e) => JSON.stringify(e).slice(0, 80));
    expect(edits.length).toBeGreaterThan(0);
    expect(weak).toEqual([]);
  });

  test('cites the record as it is: no docket entry that no source gives', () => {
    expect(JSON.stringify(raw(name))).not.toMatch(/ECF 94\b/);
  });
});

describe('the branches a teacher would check', () => {
  test('injunction-denied: the users appeal as of right from the denial (28 U.S.C. 1292(a)(1))', () => {
    const w = whatIf('injunction-denied');
    const appeal = w.branchEvents.find((e) => e.id === 'users-notice-of-appeal');
    expect(appeal).toMatchObject({ type: 'appeal.noticed', order: 'pi-denied' });
    expect(raw('injunction-denied').edits.some((e) => e.why?.includes('1292(a)(1)'))).toBe(true);
  });

  test('district-stay-granted: the users move to vacate the stay; nothing is left to lapse', () => {
    const w = whatIf('district-stay-granted');
    expect(w.branchEvents.map((e) => e.id)).toContain('users-move-to-vacate-stay');
    expect(JSON.stringify(raw('district-stay-granted'))).not.toMatch(/lapse/);
    expect(JSON.stringify(raw('district-stay-granted'))).toMatch(/ECF 105/);
  });

  test('never-revoked: the affirmance is not explained by the stay panel’s view of irreparable harm', () => {
    const affirm = raw('never-revoked').edits.find((e) => e.kind === 'replace');
    expect(affirm?.why).not.toMatch(/irreparable/);
    expect(affirm?.why).toMatch(/abuse of discretion/);
  });
});
