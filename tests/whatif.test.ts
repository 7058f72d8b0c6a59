/**
 * Behaviour: what-if scenarios. A scenario edits a base log; the branch is replayed by the same machine,
 * compared with the base (first divergence, both timelines, each prohibition's legal effect), and base
 * events the branch makes illegal are dropped or end the branch. A bad scenario gets one message naming
 * the edit and why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { formatProblem } from '../src/problem.js';
import { runWhatIf, type WhatIf } from '../src/whatif/diff.js';
import { applyScenario, parseScenario, scenarioJsonSchema } from '../src/whatif/scenario.js';
import { cli } from './support/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(root, 'tests/fixtures/whatif');
const SCENARIOS = path.join(root, 'events/scenarios');

function logAt(file: string): CaseEvent[] {
  const log = parseLog(readFileSync(file), file);
  expect(log.problems).toEqual([]);
  return log.events.map((l) => l.event);
}

function scenarioAt(file: string) {
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(formatProblem(parsed.error));
  return parsed.scenario;
}

function whatIf(dir: string, name: string): WhatIf {
  const scenario = scenarioAt(path.join(dir, `${name}.json`));
  const result = runWhatIf(logAt(path.join(dir, scenario.base)), scenario);
  if (!result.ok) throw new Error(formatProblem(result.error));
  return result.whatIf;
}

const effect = (w: WhatIf, id: string) => w.effects.find((e) => e.prohibition === id);

describe('an empty scenario', () => {
  test('reproduces the base exactly: same events, no divergence, the same legal effects', () => {
    const base = logAt(path.join(FIXTURES, 'base.jsonl'));
    const w = whatIf(FIXTURES, 'empty');
    expect(w.branchEvents).toEqual(base);
    expect(w.divergence).toBeNull();
    expect(w.rows).toEqual([]);
    expect(w.illegal).toEqual([]);
    expect(
      w.effects.every(
        (e) => (!e.changed && e.base === e.branch) || JSON.stringify(e.base) === JSON.stringify(e.branch),
      ),
    ).toBe(true);
  });

  test('applied to the real WeChat log, also reproduces it exactly', () => {
    const base = logAt(path.join(root, 'events/wechat.jsonl'));
    const result = runWhatIf(base, {
      description: 'nothing',
      base: 'wechat.jsonl',
      onIllegal: 'drop',
      edits: [],
    });
    expect(result.ok && result.whatIf.branchEvents).toEqual(base);
    expect(result.ok && result.whatIf.effects.some((e) => e.changed)).toBe(false);
  });
});

describe('edits', () => {
  test('a replaced event keeps its place, and its id unless the edit gives one', () => {
    const base = logAt(path.join(FIXTURES, 'base.jsonl'));
    const result = applyScenario(base, scenarioAt(path.join(FIXTURES, 'stay-granted.json')));
    expect(result.ok).toBe(true);
    const ids = result.branch?.events.map((e) => e.id);
    expect(ids).toEqual(base.map((e) => (e.id === 'stay-denied' ? 'stay-granted' : e.id)));
    const granted = result.branch?.events.find((e) => e.id === 'stay-granted');
    expect(granted?.at).toEqual(base.find((e) => e.id === 'stay-denied')?.at);
    expect(granted?.sources[0]?.type === 'public-record' && granted.sources[0].verified).toBe(false);
  });

  test('stopAt keeps only the events that had taken effect by the end of the instant', () => {
    const w = whatIf(FIXTURES, 'stop-at');
    expect(w.branchEvents.at(-1)?.id).toBe('notice-of-appeal');
    expect(w.applied[0]?.text).toMatch(/3 later events left out/);
  });

  test('an insert at an instant goes in order of legal effect', () => {
    const w = whatIf(SCENARIOS, 'ninth-circuit-reverses');
    const ids = w.branchEvents.map((e) => e.id);
    expect(ids.indexOf('ca9-reverses')).toBe(ids.indexOf('oral-argument') + 1);
  });
});

describe('base events the branch makes illegal', () => {
  test('are dropped, each with the rule it breaks, when the scenario says drop', () => {
    const w = whatIf(FIXTURES, 'denied-drop');
    expect(w.illegal.map((i) => [i.event.id, i.rule.name, i.fate])).toEqual([
      ['notice-of-appeal', 'appealableOrder', 'dropped'],
      ['stay-motion', 'stayTargetsInjunctionInForce', 'dropped'],
      ['stay-denied', 'stayMotionPending', 'dropped'],
      ['appeal-affirmed', 'appealPending', 'dropped'],
    ]);
    expect(w.branchEvents.map((e) => e.id)).not.toContain('stay-motion');
  });

  test('end the branch at the first one when the scenario says stop', () => {
    const w = whatIf(FIXTURES, 'denied-stop');
    expect(w.illegal.map((i) => [i.event.id, i.fate])).toEqual([['notice-of-appeal', 'stopped']]);
    expect(w.branchEvents.at(-1)?.id).toBe('pi-denied');
    expect(w.rows.filter((r) => r.branch?.status === 'not-reached').length).toBe(3);
  });
});

describe('the shipped scenarios', () => {
  test('district-stay-granted: from 23 Oct 2020 every prohibition awaits a new date from the agency in the branch; none is ever in force', () => {
    const w = whatIf(SCENARIOS, 'district-stay-granted');
    expect(w.divergence?.base?.id).toBe('district-stay-denied');
    expect(w.divergence?.branch?.id).toBe('district-stay-granted');
    const store = effect(w, 'app-store-distribution');
    expect(store?.inForce.base).toEqual([]);
    expect(store?.inForce.branch).toEqual([]);
    expect(store?.branch.map((i) => i.status)).toContain('awaiting-date');
    expect(w.effects).toHaveLength(6);
    expect(w.effects.every((e) => e.changed)).toBe(true);
    expect(w.illegal).toEqual([]);
  });

  test('injunction-denied: the prohibitions take effect on 20 Sept 2020; the stays go with the injunction, and the users appeal', () => {
    const w = whatIf(SCENARIOS, 'injunction-denied');
    expect(w.divergence?.base?.id).toBe('pi-granted');
    expect(effect(w, 'payments')?.sentence).toMatch(
      /in force from 2020-09-20 23:59 EDT to 2021-06-09 in the branch; never in the base/,
    );
    const ids = w.branchEvents.map((e) => e.id);
    for (const gone of [
      'chevron-deletes-wechat',
      'district-stay-motion',
      'ca9-stay-denied',
      'appeal-abeyance',
    ])
      expect(ids).not.toContain(gone);
    expect(ids).toContain('users-notice-of-appeal');
    expect(ids.at(-1)).toBe('users-appeal-dismissed');
    expect(w.illegal).toEqual([]);
  });

  test('ninth-circuit-reverses: the injunction binds until the mandate of 22 Mar 2021 (FRAP 41(c)); the abeyance and the dismissal go, with what rests on them', () => {
    const w = whatIf(SCENARIOS, 'ninth-circuit-reverses');
    const codeUse = effect(w, 'code-use');
    expect(codeUse?.inForce.branch).toEqual([]);
    const awaiting = codeUse?.branch.find((i) => i.status === 'awaiting-date');
    expect(awaiting?.from).toBe(Date.parse('2021-03-22T00:00:00-07:00'));
    // Both worlds end rescinded; the sentence says where they part, not that they end differently.
    expect(codeUse?.sentence).toBe(
      'code-use: never in force in either world, but it differs along the way: awaiting-date from 2021-03-22 in the branch; revoked from 2021-06-09 in the base',
    );
    const ids = w.branchEvents.map((e) => e.id);
    for (const gone of ['appeal-abeyance', 'abeyance-status-report', 'doj-status-report', 'appeal-dismissed'])
      expect(ids).not.toContain(gone);
    expect(w.illegal).toEqual([]);
  });

  test('district-stay-granted-partial: only the app-store prohibition is stayed, and it awaits a new date from the agency', () => {
    const w = whatIf(SCENARIOS, 'district-stay-granted-partial');
    const appStore = effect(w, 'app-store-distribution');
    const awaiting = appStore?.branch.find((i) => i.status === 'awaiting-date');
    expect(awaiting?.from).toBeDefined();
    expect(w.effects.filter((e) => e.changed).map((e) => e.prohibition)).toEqual(['app-store-distribution']);
    expect(w.illegal).toEqual([]);
  });

  test('never-revoked: nothing is ever in force, but the injunction, not the revocation, decides it to the end', () => {
    const w = whatIf(SCENARIOS, 'never-revoked');
    const store = effect(w, 'app-store-distribution');
    expect(store?.changed).toBe(true);
    expect(store?.sentence).toMatch(/never in force in either world, but it ends differently/);
    expect(store?.branch.at(-1)?.status).toBe('enjoined');
    expect(store?.base.map((i) => i.status)).toContain('revoked');
    expect(w.branchEvents.at(-1)?.id).toBe('ca9-affirms');
    expect(w.illegal).toEqual([]);
  });
});

describe('a bad scenario gets one message naming the edit and why', () => {
  const base = () => logAt(path.join(FIXTURES, 'base.jsonl'));
  const failure = (name: string) => {
    const scenario = scenarioAt(path.join(FIXTURES, `${name}.json`));
    const result = runWhatIf(base(), scenario);
    expect(result.ok).toBe(false);
    return result.error ? formatProblem(result.error) : '';
  };

  test('an unknown event id', () => {
    expect(failure('bad-unknown-id')).toBe(
      "edit 2 (remove): no event 'no-such-event' in the log at this point",
    );
  });

  test('an edit writing an event the event schema refuses', () => {
    const parsed = parseScenario(
      JSON.parse(readFileSync(path.join(FIXTURES, 'bad-invalid-event.json'), 'utf8')),
    );
    expect(parsed.error ? formatProblem(parsed.error) : '').toMatch(
      /^edit 1 \(replace\): with\.findings\.merits: Invalid option/,
    );
  });

  test('an edit whose completed event the event schema refuses', () => {
    const scenario = scenarioAt(path.join(FIXTURES, 'stay-granted.json'));
    const edit = {
      ...scenario.edits[0],
      with: {
        type: 'stay.granted',
        motion: 'stay-motion',
        summary: 'x',
        findings: {},
        at: { local: '2020-10-20', zone: 'Mars/Olympus' },
      },
    };
    const result = applyScenario(base(), { ...scenario, edits: [edit as never] });
    expect(result.error ? formatProblem(result.error) : '').toMatch(
      /^edit 1 \(replace\): the event it writes is invalid: /,
    );
  });

  test('an edit writing an event the machine rejects, with the rule', () => {
    expect(failure('bad-illegal-edit')).toMatch(
      /^edit 1 \(replace\): the machine rejects stay-denied \(stay\.granted\) in the branch: it breaks rule stayFindingsMeetNken/,
    );
  });

  test('an edit that puts the log out of order of legal effect', () => {
    expect(failure('bad-out-of-order')).toMatch(
      /^edit 1 \(insert\): early-note \(context\.note\) .* would come after appeal-affirmed/,
    );
  });

  test('a malformed edit is named by its position and kind', () => {
    const parsed = parseScenario({
      description: 'x',
      base: 'b.jsonl',
      edits: [{ kind: 'insert', event: { type: 'context.note' } }],
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.error ? formatProblem(parsed.error) : '').toMatch(/^edit 1 \(insert\): /);
  });
});

describe('casesim whatif', () => {
  test('prints the description, the divergence, both timelines, the effects and the illegal events', async () => {
    const shipped = await cli('whatif', path.join(SCENARIOS, 'injunction-denied.json'));
    expect(shipped.code).toBe(0);
    expect(shipped.out).toContain('On 19 Sept 2020 Judge Beeler denies both injunction motions');
    expect(shipped.out).toContain('First divergence: event #16');
    expect(shipped.out).toMatch(/pi-granted +│ ✎ pi-denied/);
    expect(shipped.out).toMatch(
      /also removed chevron-deletes-wechat \(context\.note\): it presupposes pi-granted/,
    );
    const { code, out } = await cli('whatif', path.join(FIXTURES, 'denied-drop.json'));
    expect(code).toBe(0);
    expect(out).toContain('Base events illegal in the branch (dropped)');
    expect(out).toMatch(/notice-of-appeal \(appeal\.noticed, [^)]+\): breaks appealableOrder/);
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
  });

  test.each([
    'district-stay-granted',
    'district-stay-granted-partial',
    'injunction-denied',
    'ninth-circuit-reverses',
    'never-revoked',
  ])('runs the shipped scenario %s, within 120 columns', async (name) => {
    const { code, out } = await cli('whatif', path.join(SCENARIOS, `${name}.json`));
    expect(code).toBe(0);
    expect(out).toContain('Legal effects');
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
  });

  test('gives the same JSON for the same scenario, every time', async () => {
    const file = path.join(SCENARIOS, 'district-stay-granted.json');
    const [a, b] = [await cli('whatif', file, '--json'), await cli('whatif', file, '--json')];
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).divergence.branch.id).toBe('district-stay-granted');
  });

  test('exits 1 with one message naming the edit for an invalid scenario', async () => {
    const { code, err } = await cli('whatif', path.join(FIXTURES, 'bad-unknown-id.json'));
    expect(code).toBe(1);
    expect(err).toMatch(/bad-unknown-id\.json: edit 2 \(remove\): no event 'no-such-event'/);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  test('exits 2 for unreadable input: no file, not JSON, no base log', async () => {
    expect((await cli('whatif', path.join(FIXTURES, 'nope.json'))).code).toBe(2);
    expect((await cli('whatif', path.join(FIXTURES, 'bad-not-json.json'))).code).toBe(2);
    const missing = await cli('whatif', path.join(FIXTURES, 'bad-missing-base.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such base log/);
  });
});

describe('the scenario JSON Schema', () => {
  test('describes every edit kind, and the shipped schema file is up to date', () => {
    const schema = scenarioJsonSchema();
    const text = JSON.stringify(schema);
    for (const kind of ['replace', 'insert', 'remove', 'stopAt']) expect(text).toContain(`"${kind}"`);
    expect(JSON.parse(readFileSync(path.join(SCENARIOS, 'schema.json'), 'utf8'))).toEqual(schema);
  });
});
