/**
 * The timeline the CLI and the page read: events in log order, and between them the instants at which
 * something happens by itself (a prohibition's effective date, a TRO's expiry), each at the epoch it stands at.
 */
import { describe, expect, it } from 'vitest';
import { countingMoments, rangeOf } from '../src/events/instant.js';
import { type TimelineEntry, timeline } from '../src/replay/timeline.js';
import { complaint, granted, identified, motion, orderSigned } from './support/case-events.js';

const expiry = { local: '2020-10-02T17:00', zone: 'America/Los_Angeles' };
const history = [
  orderSigned(),
  identified(),
  complaint(),
  motion('tro-motion', '2020-09-18', 'tro'),
  granted('tro', 'tro-motion', '2020-09-19', ['app-store'], expiry),
];
const entries: TimelineEntry[] = [...timeline(history)];

describe('the timeline', () => {
  it('keeps the events in log order, each where the counting rule counts it in the log', () => {
    const events = entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    expect(events.map((e) => e.step.event.id)).toEqual(history.map((e) => e.id));
    const moments = countingMoments(history);
    expect(events.map((e) => e.t)).toEqual([...moments]);
  });

  it('marks the effective date, with the prohibitions due then; one enjoined by the TRO does not take effect', () => {
    const due = entries.find((e) => e.kind === 'effective-date');
    if (due?.kind !== 'effective-date') throw new Error('no effective-date entry');
    expect(due.subjects).toEqual(['app-store', 'payments']);
    const status = Object.fromEntries(due.effects.map((e) => [e.prohibition, e.status]));
    expect(status).toEqual({ 'app-store': 'enjoined', payments: 'in-force' });
  });

  it('marks the instant a TRO lapses by itself (FRCP 65(b)(2)), after which what it covered binds', () => {
    const lapse = entries.find((e) => e.kind === 'tro-expiry');
    if (lapse?.kind !== 'tro-expiry') throw new Error('no tro-expiry entry');
    expect(lapse.subjects).toEqual(['tro']);
    expect(lapse.t).toBe(rangeOf(expiry).start);
    expect(lapse.effects.find((e) => e.prohibition === 'app-store')?.status).toBe('in-force');
    expect(entries.at(-1)).toBe(lapse);
  });
});
