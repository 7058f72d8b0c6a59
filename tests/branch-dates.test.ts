/**
 * In a what-if branch, `casesim state --scenario`, the case page and `casesim whatif` date each status
 * alike, from one function (effectIntervals): a prohibition enjoined on its effective date and freed by a
 * stay or a mandate awaits a new effective time from the agency from that day, and never springs back to
 * being in force since the date it was enjoined on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQueryInstant } from '../src/events/instant.js';
import { parseLog } from '../src/events/parse.js';
import { runWhatIf } from '../src/whatif/diff.js';
import { parseScenario } from '../src/whatif/scenario.js';
import { buildStops, stopIndexAt } from '../web/src/model.js';
import { cli } from './support/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = parseLog(readFileSync(path.join(root, 'events/wechat.jsonl'))).events.map((l) => l.event);

function whatIf(name: string) {
  const file = path.join(root, 'events/scenarios', `${name}.json`);
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${name} is invalid`);
  const result = runWhatIf(base, parsed.scenario);
  if (!result.ok) throw new Error(`${name} does not run`);
  return { file, whatIf: result.whatIf };
}

const endOf = (day: string) => {
  const q = parseQueryInstant(day, 'America/Los_Angeles');
  if (!q.ok) throw new Error(q.message);
  return q.ms;
};

describe.each([
  ['district-stay-granted', '2020-11-01', '2020-10-23'],
  ['ninth-circuit-reverses', '2021-04-01', '2021-03-22'],
])('the %s branch on %s', (name, day, freed) => {
  const { file, whatIf: w } = whatIf(name);
  const app = w.effects.find((e) => e.prohibition === 'app-store-distribution');
  // Enjoined when it came due, then freed by a stay or a mandate: it does not spring back at its old, past
  // instant; it awaits a new effective time from the agency (issue 10, point 6).
  const awaiting = app?.branch.find((i) => i.status === 'awaiting-date');

  it(`whatif's table has the prohibition awaiting a new date from ${freed}, never in force`, () => {
    expect(awaiting).toBeDefined();
    const zone = 'America/Los_Angeles';
    expect(new Date(awaiting?.from ?? 0).toLocaleDateString('en-CA', { timeZone: zone })).toBe(freed);
    expect(app?.branch.some((i) => i.status === 'in-force')).toBe(false);
  });

  it('casesim state --scenario says so, with the reason the table gives', async () => {
    const { code, out } = await cli('state', '--scenario', file, '--at', day);
    expect(code).toBe(0);
    expect(out).toContain(`in the branch ${file}`);
    expect(out).toMatch(/awaiting-date +app-store-distribution: /);
    expect(out).not.toMatch(/in-force +app-store-distribution/);
    expect(out).toContain(awaiting?.reason ?? '(no interval)');
  });

  it('casesim state --scenario --json gives the same effects', async () => {
    const { out } = await cli('state', '--scenario', file, '--at', day, '--json');
    const doc = JSON.parse(out);
    expect(doc.scenario).toBe(file);
    const effect = doc.effects.find(
      (e: { prohibition: string }) => e.prohibition === 'app-store-distribution',
    );
    expect(effect).toMatchObject({ status: 'awaiting-date', reason: awaiting?.reason });
  });

  it('the page, at that day in the branch, says what state says', () => {
    const stops = buildStops(w.branchEvents);
    const stop = stops[stopIndexAt(stops, endOf(day))];
    const effect = stop?.effects.find((e) => e.prohibition === 'app-store-distribution');
    expect(effect?.status).toBe('awaiting-date');
    expect(effect?.reason).toBe(awaiting?.reason);
  });
});

describe('casesim state --scenario', () => {
  it('refuses a log beside the scenario: the scenario names its base', async () => {
    const { code, err } = await cli(
      'state',
      path.join(root, 'events/wechat.jsonl'),
      '--scenario',
      whatIf('district-stay-granted').file,
      '--at',
      '2020-11-01',
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^casesim: --scenario: a scenario names its own base log/);
  });
});
