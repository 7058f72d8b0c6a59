/**
 * The test log of rulings in part (tests/fixtures/logs/rulings-in-part.jsonl, an invented case): one motion
 * seeking a TRO and a PI against the hosting prohibition, its TRO granted and its PI granted later; another
 * motion whose ruling enjoins the app-store prohibition and defers payments, denied later. `validate`,
 * `replay` and `state --at` must accept every event and give the same answer at every instant.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

const LOG = 'tests/fixtures/logs/rulings-in-part.jsonl';

interface Effect {
  readonly prohibition: string;
  readonly status: string;
  readonly enjoinedBy: readonly string[];
}

const statusesOf = (effects: readonly Effect[]) =>
  Object.fromEntries(effects.map((e) => [e.prohibition, e.status]));

async function stateAt(at: string) {
  const run = await cli('state', LOG, '--at', at, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as {
    effects: Effect[];
    rejections: unknown[];
    state: { value: Record<string, string>; context: { motions: Record<string, { status: string }> } };
  };
}

describe('the rulings-in-part log', () => {
  it('validates with no problem: every ruling in part, and every later ruling on the rest, is legal', async () => {
    const run = await cli('validate', LOG);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('9 events, all valid and legal');
  });

  it('replays with 0 rejections', async () => {
    const run = await cli('replay', LOG);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('9 events replayed, 0 rejected, 0 unreadable');
  });

  it('counts each part: granted prohibitions enjoined, the denied one in force, at every stage', async () => {
    expect(statusesOf((await stateAt('2020-09-22')).effects)).toEqual({
      'app-store': 'enjoined',
      payments: 'in-force',
      hosting: 'enjoined',
    });
    const late = await stateAt('2020-10-05');
    expect(statusesOf(late.effects)).toEqual({
      'app-store': 'enjoined',
      payments: 'in-force',
      hosting: 'enjoined',
    });
    // After the TRO lapsed, the PI granted later on the same motion is what enjoins hosting.
    expect(late.effects.find((e) => e.prohibition === 'hosting')?.enjoinedBy).toEqual(['pi-hosting']);
    expect(late.rejections).toEqual([]);
  });

  it('keeps each motion pending, decided in part, until its deferred part is ruled on', async () => {
    const motions = async (at: string) =>
      Object.fromEntries(
        Object.entries((await stateAt(at)).state.context.motions).map(([id, m]) => [id, m.status]),
      );
    expect(await motions('2020-09-22')).toEqual({
      'tro-pi-motion': 'partly-decided',
      'pi-motion': 'partly-decided',
    });
    expect(await motions('2020-10-05')).toEqual({ 'tro-pi-motion': 'granted', 'pi-motion': 'granted' });
    const text = await cli('state', LOG, '--at', '2020-09-22');
    expect(text.out).toContain('pi-motion: injunction motion on ndcal-20-cv-9999');
    expect(text.out).toContain(
      'decided in part, still pending for the preliminary injunction as to payments',
    );
  });

  it('gives, at each instant replay reports (effective date, TRO lapse), what state --at gives then', async () => {
    const run = await cli('replay', LOG, '--json');
    const { timeline } = JSON.parse(run.out) as {
      timeline: { kind: string; accepted?: boolean; at?: { local: string }; effects?: Effect[] }[];
    };
    expect(timeline.filter((t) => t.kind === 'event').every((t) => t.accepted)).toBe(true);
    const dated = timeline.filter((t) => t.kind !== 'event');
    expect(dated.map((t) => t.kind)).toEqual(['effective-date', 'tro-expiry']);
    for (const entry of dated) {
      const local = entry.at?.local ?? '';
      const at = local.includes('T') ? local : `${local}T00:00`;
      const zoned = entry.kind === 'effective-date' ? ['--tz', 'America/New_York'] : [];
      const state = await cli('state', LOG, '--at', at, ...zoned, '--json');
      const effects = (JSON.parse(state.out) as { effects: Effect[] }).effects;
      expect(statusesOf(effects), `${entry.kind} at ${local}`).toEqual(statusesOf(entry.effects ?? []));
    }
  });

  it('exports eras that count each part: app-store and hosting enjoined throughout, payments in force', async () => {
    const run = await cli('export', LOG);
    expect(run.code, run.err).toBe(0);
    const eras = (JSON.parse(run.out) as { eras: { text: { headline: string } }[] }).eras;
    const headlines = new Set(eras.map((e) => e.text.headline));
    expect([...headlines].sort()).toEqual(['Enjoined: app-store', 'Enjoined: hosting', 'In force: payments']);
  });
});
