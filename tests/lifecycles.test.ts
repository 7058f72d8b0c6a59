/**
 * The lifecycle charts as the drawers see them (`lifecycleGraphs`, `objectStatesOf`): one chart per kind of
 * legal object, read from the definitions replay runs, every arrow labelled by its event and its rules, and
 * every object of a replayed case lit in a state its chart has.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lifecycleGraphs, objectStatesOf } from '../src/docs/graph.js';
import { parseLog } from '../src/events/parse.js';
import { EVENT_TYPES } from '../src/events/schema.js';
import { RULES } from '../src/machine/rules.js';
import { persistSnapshot, replayAll, restoreSnapshot } from '../src/replay/replay.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wechat = () =>
  parseLog(readFileSync(path.join(root, 'events', 'wechat.jsonl')), 'wechat.jsonl').events.map(
    (l) => l.event,
  );

describe('lifecycleGraphs()', () => {
  const graphs = lifecycleGraphs();

  it('draws one chart per kind of legal object', () => {
    expect(graphs.map((g) => g.id)).toEqual([
      'order',
      'identification',
      'prohibition',
      'district-case',
      'motion',
      'injunction',
      'stay',
      'appeal',
      'certiorari',
    ]);
  });

  it('labels every arrow with an event kind of the schema and rules of the registry, between states of its chart', () => {
    for (const g of graphs) {
      const states = new Set(g.states.map((s) => s.id));
      expect(states.has(g.initial), `${g.id} starts in a state it has`).toBe(true);
      for (const t of g.transitions) {
        expect(EVENT_TYPES).toContain(t.event);
        expect(states.has(t.target), `${g.id}: ${t.target}`).toBe(true);
        if (t.source !== null) expect(states.has(t.source), `${g.id}: ${t.source}`).toBe(true);
        for (const r of t.rules) expect(RULES[r.name as keyof typeof RULES]?.citation).toBe(r.citation);
      }
      for (const s of g.states) {
        expect(s.final).toBe(!g.transitions.some((t) => t.source === s.id));
      }
    }
  });

  it('shows that the Winter test guards the arrow by which a grant moves a motion from pending to granted', () => {
    const motion = graphs.find((g) => g.id === 'motion');
    const grant = motion?.transitions.find((t) => t.event === 'injunction.granted');
    expect(grant).toMatchObject({ source: 'pending', target: 'granted' });
    expect(grant?.rules.map((r) => r.name)).toContain('findingsMeetTheTest');
    const injunction = graphs.find((g) => g.id === 'injunction');
    expect(injunction?.transitions).toContainEqual(
      expect.objectContaining({ source: null, target: 'in-force', event: 'injunction.granted' }),
    );
  });
});

describe('objectStatesOf()', () => {
  it('lights every object of the WeChat case in a state of its own chart', () => {
    const { snapshot, rejections } = replayAll(wechat());
    expect(rejections).toEqual([]);
    const states = new Map(lifecycleGraphs().map((g) => [g.id, new Set(g.states.map((s) => s.id))]));
    const objects = objectStatesOf(snapshot);
    expect(objects.length).toBeGreaterThan(10);
    for (const o of objects)
      expect(states.get(o.lifecycle)?.has(o.state), `${o.label}: ${o.state}`).toBe(true);
    const find = (lifecycle: string, id: string) =>
      objects.find((o) => o.lifecycle === lifecycle && o.id === id);
    expect(find('order', 'eo-13943')?.state).toBe('revoked');
    expect(find('appeal', 'ca9-20-16908')?.state).toBe('dismissed');
    expect(find('injunction', 'pi-granted')).toMatchObject({
      state: 'in-force',
      label: 'preliminary injunction pi-granted',
    });
    expect(objectStatesOf(snapshot.context)).toEqual(objects);
  });
});

describe('a saved state', () => {
  it('is refused when a record holds a state its lifecycle chart does not have (saved by other charts)', () => {
    const { snapshot } = replayAll(wechat());
    const saved = persistSnapshot(snapshot);
    expect(restoreSnapshot(saved).context).toEqual(snapshot.context);
    const appeal = saved.context.appeals['ca9-20-16908'];
    const old = {
      ...saved,
      context: { ...saved.context, appeals: { 'ca9-20-16908': { ...appeal!, status: 'abeyance' as never } } },
    };
    expect(() => restoreSnapshot(old)).toThrow("appeal ca9-20-16908: no state 'abeyance' in its lifecycle");
  });
});
