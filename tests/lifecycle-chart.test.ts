/**
 * The page's lifecycle charts, without a browser: what a step lights (the states objects are in, the arrows
 * the step took) and where ELK places states and arrows. The drawing itself is tested in browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectState } from '../src/docs/lifecycle-graph.js';
import { layoutLifecycle } from '../web/src/lifecycle-layout.js';
import { arrowKey, lightsAt, stateKey } from '../web/src/lifecycle-lights.js';
import { SAMPLE, SECOND } from './support/lifecycle-fixture.js';

const graphs = [SAMPLE, SECOND];
const at = (id: string, state: string, lifecycle = 'sample'): ObjectState => ({
  lifecycle,
  id,
  label: id,
  state,
});
const index = (event: string, graph = SAMPLE) => graph.transitions.findIndex((t) => t.event === event);

describe('what a step lights', () => {
  it('lights the creation arrow and the state of an object the step created', () => {
    const lights = lightsAt(graphs, [], [at('a', 'open')], 'sample.opened');
    expect([...lights.arrows]).toEqual([arrowKey('sample', index('sample.opened'))]);
    expect([...lights.states.keys()]).toEqual([stateKey('sample', 'open')]);
  });

  it('lights only the arrow an object moved along, not other arrows of the same event kind', () => {
    const before = [at('a', 'open'), at('b', 'open', 'second')];
    const after = [at('a', 'pending.briefing'), at('b', 'open', 'second')];
    expect([...lightsAt(graphs, before, after, 'sample.briefed').arrows]).toEqual([
      arrowKey('sample', index('sample.briefed')),
    ]);
    // The same states under another event kind took no arrow.
    expect([...lightsAt(graphs, before, after, 'second.closed').arrows]).toEqual([]);
  });

  it('lights the box enclosing a nested state, and an arrow out of the box whichever state inside it left', () => {
    const inside = lightsAt(graphs, [], [at('a', 'pending.held')], undefined);
    expect(inside.states.get(stateKey('sample', 'pending'))).toEqual([at('a', 'pending.held')]);
    const out = lightsAt(graphs, [at('a', 'pending.held')], [at('a', 'end')], 'sample.dismissed');
    expect([...out.arrows]).toEqual([arrowKey('sample', index('sample.dismissed'))]);
  });

  it('lights a self-loop in a lit state when the event moved nothing, and no arrow at an instant with no event', () => {
    const still = [at('a', 'pending.held')];
    expect([...lightsAt(graphs, still, still, 'sample.noted').arrows]).toEqual([
      arrowKey('sample', index('sample.noted')),
    ]);
    expect([...lightsAt(graphs, still, still, undefined).arrows]).toEqual([]);
    // A self-loop in a state no object is in stays dark.
    expect([...lightsAt(graphs, [at('a', 'open')], [at('a', 'open')], 'sample.noted').arrows]).toEqual([]);
  });
});

describe('the layout of a lifecycle', () => {
  it('places every state and every arrow inside the chart, nested states inside their box', async () => {
    const layout = await layoutLifecycle(SAMPLE);
    expect(layout.states.map((s) => s.state.id).sort()).toEqual(SAMPLE.states.map((s) => s.id).sort());
    expect(layout.arrows.map((a) => a.index)).toEqual(SAMPLE.transitions.map((_, i) => i));
    const inChart = (b: { x: number; y: number; width: number; height: number }) =>
      b.x >= 0 && b.y >= 0 && b.x + b.width <= layout.width + 0.5 && b.y + b.height <= layout.height + 0.5;
    for (const s of layout.states) expect(inChart(s), s.state.id).toBe(true);
    for (const a of layout.arrows) {
      expect(a.points.length).toBeGreaterThanOrEqual(2);
      for (const p of a.points) expect(inChart({ ...p, width: 0, height: 0 }), `arrow ${a.index}`).toBe(true);
    }
    const box = layout.states.find((s) => s.state.id === 'pending');
    expect(box?.compound).toBe(true);
    for (const child of layout.states.filter((s) => s.state.parent === 'pending')) {
      expect(child.x).toBeGreaterThan(box?.x ?? Number.POSITIVE_INFINITY);
      expect(child.y + child.height).toBeLessThan((box?.y ?? 0) + (box?.height ?? 0));
    }
  });

  it('starts every creation arrow at the start point', async () => {
    const layout = await layoutLifecycle(SAMPLE);
    const { start } = layout;
    for (const arrow of layout.arrows.filter((a) => SAMPLE.transitions[a.index]?.source === null)) {
      const [first] = arrow.points;
      expect(first?.x).toBeGreaterThanOrEqual(start.x - 0.5);
      expect(first?.x).toBeLessThanOrEqual(start.x + start.width + 0.5);
      expect(first?.y).toBeGreaterThanOrEqual(start.y - 0.5);
      expect(first?.y).toBeLessThanOrEqual(start.y + start.height + 0.5);
    }
  });
});
