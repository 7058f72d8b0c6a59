/**
 * The lifecycle charts of the page, drawn as SVG from the machine's own definitions (`LifecycleGraph`,
 * laid out by ELK): one chart per kind of legal object, each arrow labelled by the event kind that takes it.
 * Every arrow can be reached by keyboard (Tab) as well as by mouse; hovering or focusing one shows the rules
 * that guard it, each with its title and citation, in the details panel (announced to screen readers).
 * `update` lights the state each object is in, and the arrows the current step took.
 */
import { objectStatesOf } from '../../src/docs/graph.js';
import type { LifecycleGraph, LifecycleTransition } from '../../src/docs/lifecycle-graph.js';
import type { CaseSnapshot } from '../../src/replay/replay.js';
import { h, replaceChildren, svg } from './dom.js';
import {
  type ArrowShape,
  type LifecycleLayout,
  layoutLifecycle,
  type StateShape,
} from './lifecycle-layout.js';
import { arrowKey, type Lights, lightsAt, stateKey } from './lifecycle-lights.js';

export interface Statechart {
  readonly element: HTMLElement;
  /**
   * Lights the state each object is in after a step, and the arrows the step's event took (from the states
   * before it); marks the arrows the machine would accept next.
   */
  update(
    step: { readonly before?: CaseSnapshot; readonly after: CaseSnapshot; readonly event?: string },
    available: ReadonlySet<string>,
  ): void;
  /** Lights nothing: no case is shown (a log with no event), so no object and no step. */
  clear(): void;
}

const TIP_ID = 'arrow-tip';

const label = (graph: LifecycleGraph, id: string | null) =>
  id === null ? 'the start' : (graph.states.find((s) => s.id === id)?.label ?? id);

/** An arrow in words, for screen readers and the details panel's heading. */
export function arrowSentence(graph: LifecycleGraph, t: LifecycleTransition): string {
  const move =
    t.source === null
      ? `creates ${graph.title.toLowerCase()} in ${label(graph, t.target)}`
      : t.source === t.target
        ? `keeps it in ${label(graph, t.target)}`
        : `moves it from ${label(graph, t.source)} to ${label(graph, t.target)}`;
  const rules =
    t.rules.length > 0
      ? `guarded by ${t.rules.map((r) => `${r.title} (${r.citation})`).join('; ')}`
      : 'guarded by no rule';
  return `${t.event} ${move}, ${rules}.`;
}

function details(graph: LifecycleGraph, t: LifecycleTransition): (HTMLElement | null)[] {
  const from = t.source === null ? 'start' : label(graph, t.source);
  return [
    h(
      'h3',
      {},
      h('code', {}, t.event),
      ` ${from} → ${label(graph, t.target)}`,
      h('span', { class: 'muted' }, ` (${graph.title})`),
    ),
    t.description ? h('p', {}, t.description) : null,
    t.rules.length > 0
      ? h(
          'ul',
          { class: 'rules' },
          ...t.rules.map((r) =>
            h(
              'li',
              { class: 'rule', 'data-testid': `arrow-rule-${r.name}` },
              h('strong', {}, r.title),
              ' ',
              h('code', {}, r.name),
              h('cite', {}, r.citation),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No rule guards this arrow.'),
  ];
}

function arrowPath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
}

function drawState(shape: StateShape, lifecycle: string): SVGGElement {
  const { state } = shape;
  const g = svg('g', {
    class: `state${shape.compound ? ' compound' : ''}${state.final ? ' final' : ''}`,
    'data-testid': `state-${lifecycle}-${state.id}`,
    'data-lifecycle': lifecycle,
    'data-state': state.id,
    'data-active': 'false',
    transform: `translate(${shape.x} ${shape.y})`,
  }) as SVGGElement;
  g.append(
    svg('rect', {
      width: String(shape.width),
      height: String(shape.height),
      rx: shape.compound ? '10' : '14',
    }),
    svg(
      'text',
      shape.compound
        ? { x: '10', y: '17' }
        : { x: String(shape.width / 2), y: String(shape.height / 2 + 4), 'text-anchor': 'middle' },
      state.label,
    ),
    svg('title', {}, `${state.label}: ${state.description}`),
  );
  return g;
}

type Show = (t: LifecycleTransition, from: Element) => void;
type Hide = (from: Element, always?: boolean) => void;

function drawArrow(layout: LifecycleLayout, arrow: ArrowShape, show: Show, hide: Hide): SVGGElement {
  const { graph } = layout;
  const t = graph.transitions[arrow.index] as LifecycleTransition;
  const d = arrowPath(arrow.points);
  const g = svg('g', {
    class: 'arrow',
    tabindex: '0',
    role: 'listitem',
    'aria-label': arrowSentence(graph, t),
    'aria-describedby': TIP_ID,
    'data-testid': `arrow-${graph.id}-${arrow.index}`,
    'data-lifecycle': graph.id,
    'data-event': t.event,
    'data-source': t.source ?? '',
    'data-target': t.target,
    'data-lit': 'false',
  }) as SVGGElement;
  g.append(
    // A wide invisible stroke, so the pointer finds a thin arrow.
    svg('path', { d, class: 'hit' }),
    svg('path', { d, class: 'line', 'marker-end': `url(#arrowhead-${graph.id})` }),
    svg('rect', {
      class: 'label-bg',
      x: String(arrow.label.x),
      y: String(arrow.label.y),
      width: String(arrow.label.width),
      height: String(arrow.label.height),
      rx: '3',
    }),
    svg(
      'text',
      { class: 'label', x: String(arrow.label.x + 4), y: String(arrow.label.y + arrow.label.height - 3) },
      t.event,
    ),
    svg('title', {}, arrowSentence(graph, t)),
  );
  g.addEventListener('mouseenter', () => show(t, g));
  g.addEventListener('focus', () => show(t, g));
  g.addEventListener('mouseleave', () => hide(g));
  g.addEventListener('blur', () => hide(g));
  g.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide(g, true);
  });
  return g;
}

function drawLifecycle(
  layout: LifecycleLayout,
  show: (graph: LifecycleGraph, t: LifecycleTransition, from: Element) => void,
  hide: Hide,
) {
  const { graph } = layout;
  const root = svg('svg', {
    class: 'lifecycle-chart',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: String(layout.width),
    role: 'group',
    'aria-label': `${graph.title}: its states and the arrows between them`,
  }) as SVGSVGElement;
  const defs = svg('defs');
  const marker = svg('marker', {
    id: `arrowhead-${graph.id}`,
    viewBox: '0 0 10 10',
    refX: '9',
    refY: '5',
    markerWidth: '7',
    markerHeight: '7',
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }));
  defs.append(marker);
  const { start } = layout;
  root.append(
    defs,
    svg('circle', {
      class: 'start',
      cx: String(start.x + start.width / 2),
      cy: String(start.y + start.height / 2),
      r: String(start.width / 2),
    }),
  );
  const states = new Map<string, SVGGElement>();
  // Boxes first (outermost first), so the states they hold are drawn over them.
  for (const shape of [...layout.states].sort(
    (a, b) => a.depth - b.depth || Number(b.compound) - Number(a.compound),
  )) {
    const g = drawState(shape, graph.id);
    states.set(stateKey(graph.id, shape.state.id), g);
    root.append(g);
  }
  const arrows = new Map<string, SVGGElement>();
  const list = svg('g', { role: 'list', 'aria-label': `Arrows of ${graph.title}` });
  for (const arrow of layout.arrows) {
    const g = drawArrow(layout, arrow, (t, from) => show(graph, t, from), hide);
    arrows.set(arrowKey(graph.id, arrow.index), g);
    list.append(g);
  }
  root.append(list);
  const objects = h('p', { class: 'objects muted', 'data-testid': `objects-${graph.id}` });
  const figure = h(
    'figure',
    { class: 'lifecycle', 'data-testid': `lifecycle-${graph.id}` },
    h('figcaption', {}, h('strong', {}, graph.title), ' ', h('span', { class: 'muted' }, graph.description)),
    h('div', { class: 'chart-scroll' }, root),
    objects,
  );
  return { graph, figure, states, arrows, objects };
}

/** Lays out and draws every lifecycle; resolves once ELK has placed them all. */
export async function drawStatechart(graphs: readonly LifecycleGraph[]): Promise<Statechart> {
  const layouts = await Promise.all(graphs.map(layoutLifecycle));
  const tip = h('div', {
    id: TIP_ID,
    class: 'arrow-details',
    'data-testid': 'arrow-details',
    role: 'tooltip',
    hidden: true,
  });
  const element = h('div', { class: 'lifecycles' });
  let shownFor: Element | undefined;
  // A tooltip under the arrow, for the pointer and the keyboard alike; Escape or leaving the arrow hides it.
  const show = (graph: LifecycleGraph, t: LifecycleTransition, from: Element) => {
    replaceChildren(tip, ...details(graph, t));
    const box = element.getBoundingClientRect();
    const at = (from.querySelector('.label-bg') ?? from).getBoundingClientRect();
    tip.style.left = `${Math.max(0, Math.min(at.left - box.left, box.width - 360))}px`;
    tip.style.top = `${at.bottom - box.top + 6}px`;
    tip.hidden = false;
    shownFor = from;
  };
  const hide: Hide = (from, always = false) => {
    if (!always && shownFor !== from) return;
    if (!always && (from === document.activeElement || from.matches(':hover'))) return;
    tip.hidden = true;
    shownFor = undefined;
  };
  const charts = layouts.map((l) => drawLifecycle(l, show, hide));
  element.append(...charts.map((c) => c.figure), tip);
  const paint = (lights: Lights, available: ReadonlySet<string>) => {
    for (const chart of charts) {
      for (const [key, el] of chart.states) {
        const on = lights.states.has(key);
        el.classList.toggle('active', on);
        el.setAttribute('data-active', String(on));
      }
      for (const [key, el] of chart.arrows) {
        const lit = lights.arrows.has(key);
        el.classList.toggle('lit', lit);
        el.setAttribute('data-lit', String(lit));
        const source = el.getAttribute('data-source') ?? '';
        const from = source === '' || lights.states.has(stateKey(chart.graph.id, source));
        el.classList.toggle('available', from && available.has(el.getAttribute('data-event') ?? ''));
      }
      const here = lights.objects
        .filter((o) => o.lifecycle === chart.graph.id)
        .map((o) => `${o.label}: ${label(chart.graph, o.state)}`);
      chart.objects.textContent = here.length > 0 ? `Now: ${here.join('; ')}.` : 'None in the record yet.';
    }
  };
  return {
    element,
    update(step, available) {
      const before = step.before ? objectStatesOf(step.before) : [];
      paint(lightsAt(graphs, before, objectStatesOf(step.after), step.event), available);
    },
    clear() {
      paint(lightsAt(graphs, [], [], undefined), new Set());
    },
  };
}
