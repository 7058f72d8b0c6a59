/**
 * The statechart as SVG, laid out by ELK from the machine's own definition (`machineGraph`): one box per
 * parallel region with its phases and lifecycle edges, and the event kinds that move the region listed
 * beside them. `update` lights the active phase of each region and the event kind of the current step.
 */
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { type MachineGraph, machineGraph, type RegionNode } from '../../src/docs/graph.js';
import { svg } from './dom.js';

const PHASE_HEIGHT = 30;
const CHAR = 7.4;
const LINE = 16;
const PAD = 14;
const TITLE = 26;
const EVENTS_GAP = 28;

interface Point {
  x: number;
  y: number;
}

interface RegionLayout {
  region: RegionNode;
  width: number;
  height: number;
  nodes: {
    id: string;
    label: string;
    x: number;
    y: number;
    width: number;
    height: number;
    description: string;
  }[];
  edges: { points: Point[]; title: string }[];
}

interface ElkOut {
  width?: number;
  height?: number;
  children?: { id: string; x?: number; y?: number; width?: number; height?: number }[];
  edges?: { id: string; sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[] }[];
}

// elkjs is CommonJS: the constructor is the module itself or its `default`, depending on the bundler.
type ElkConstructor = new () => ELK;
const ElkCtor = ((ElkModule as unknown as { default?: ElkConstructor }).default ??
  ElkModule) as unknown as ElkConstructor;
const elk = new ElkCtor();

async function layoutRegion(region: RegionNode): Promise<RegionLayout> {
  const size = (label: string) => ({ width: Math.round(label.length * CHAR + 24), height: PHASE_HEIGHT });
  const graph: ElkNode = {
    id: region.id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '16',
      'elk.layered.spacing.nodeNodeBetweenLayers': '34',
      'elk.spacing.edgeEdge': '6',
      'elk.layered.spacing.edgeNodeBetweenLayers': '10',
      // Keep the machine's own order: the initial phase on the left, the lifecycle reading forward.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.mergeEdges': 'true',
    },
    children: region.phases.map((p) => ({ id: p.id, ...size(p.phase) })),
    edges: region.edges.map((e, i) => ({ id: `${region.id}#${i}`, sources: [e.from], targets: [e.to] })),
  };
  const out = (await elk.layout(graph)) as ElkOut;
  const nodes = (out.children ?? []).map((c) => {
    const phase = region.phases.find((p) => p.id === c.id);
    return {
      id: c.id,
      label: phase?.phase ?? c.id,
      description: phase?.description ?? '',
      x: c.x ?? 0,
      y: c.y ?? 0,
      width: c.width ?? 0,
      height: c.height ?? 0,
    };
  });
  const edges = (out.edges ?? []).flatMap((e) => {
    const edge = region.edges[Number(e.id.split('#')[1])];
    return (e.sections ?? []).map((s) => ({
      points: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint],
      title: edge
        ? `${edge.from} → ${edge.to} (when the record puts ${region.id} in ${edge.guardPhase})`
        : '',
    }));
  });
  return { region, width: out.width ?? 0, height: out.height ?? 0, nodes, edges };
}

export interface Statechart {
  readonly element: SVGSVGElement;
  /** Lights each region's phase, the kind of the current event, and the kinds the machine would accept next. */
  update(
    active: Readonly<Record<string, string>>,
    litEvent: string | undefined,
    available: ReadonlySet<string>,
  ): void;
}

function eventsColumnWidth(region: RegionNode): number {
  return Math.max(...region.events.map((e) => e.type.length), 10) * 6.6 + 12;
}

/** Lays out and draws the machine; resolves once ELK has placed every node. */
export async function drawStatechart(graph: MachineGraph = machineGraph()): Promise<Statechart> {
  const layouts = await Promise.all(graph.regions.map(layoutRegion));
  const widths = layouts.map((l) => l.width + EVENTS_GAP + eventsColumnWidth(l.region) + 2 * PAD);
  const totalWidth = Math.max(...widths);
  const root = svg('svg', {
    class: 'statechart',
    role: 'img',
    'aria-label': `The ${graph.id} statechart: ${graph.regions.map((r) => r.id).join(', ')}, in parallel`,
  }) as SVGSVGElement;
  const defs = svg('defs');
  const marker = svg('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: '9',
    refY: '5',
    markerWidth: '7',
    markerHeight: '7',
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }));
  defs.append(marker);
  root.append(defs);

  const phaseEls = new Map<string, SVGGElement>();
  const eventEls = new Map<string, SVGTextElement>();
  let y = 0;
  for (const layout of layouts) {
    const { region } = layout;
    const eventsHeight = region.events.length * LINE + LINE;
    const height = TITLE + Math.max(layout.height, eventsHeight) + PAD;
    const group = svg('g', { transform: `translate(0 ${y})`, 'data-testid': `region-${region.id}` });
    const box = svg('rect', {
      x: '1',
      y: '1',
      width: String(totalWidth - 2),
      height: String(height - 2),
      rx: '10',
      class: 'region',
    });
    box.append(svg('title', {}, region.description));
    group.append(box, svg('text', { x: String(PAD), y: '19', class: 'region-title' }, region.id));
    const inner = svg('g', { transform: `translate(${PAD} ${TITLE})` });
    for (const edge of layout.edges) {
      const path = svg('polyline', {
        points: edge.points.map((p) => `${p.x},${p.y}`).join(' '),
        class: 'edge',
        'marker-end': 'url(#arrow)',
      });
      path.append(svg('title', {}, edge.title));
      inner.append(path);
    }
    for (const node of layout.nodes) {
      const g = svg('g', {
        class: 'phase',
        'data-testid': `phase-${node.id}`,
        transform: `translate(${node.x} ${node.y})`,
      }) as SVGGElement;
      g.append(
        svg('rect', { width: String(node.width), height: String(node.height), rx: '14' }),
        svg(
          'text',
          { x: String(node.width / 2), y: String(node.height / 2 + 4), 'text-anchor': 'middle' },
          node.label,
        ),
        svg('title', {}, `${node.id}: ${node.description}`),
      );
      phaseEls.set(node.id, g);
      inner.append(g);
    }
    const ex = layout.width + EVENTS_GAP;
    inner.append(svg('text', { x: String(ex), y: '10', class: 'events-title' }, 'moved by'));
    region.events.forEach((e, i) => {
      const text = svg(
        'text',
        { x: String(ex), y: String(10 + (i + 1) * LINE), class: 'event-kind' },
        e.type,
      ) as SVGTextElement;
      text.append(svg('title', {}, e.description));
      eventEls.set(e.type, text);
      inner.append(text);
    });
    group.append(inner);
    root.append(group);
    y += height + 10;
  }
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${y - 10}`);
  root.setAttribute('width', String(totalWidth));

  return {
    element: root,
    update(active, litEvent, available) {
      for (const [id, el] of phaseEls) {
        const [region, phase] = id.split('.');
        const on = region !== undefined && active[region] === phase;
        el.classList.toggle('active', on);
        el.setAttribute('data-active', String(on));
      }
      for (const [type, el] of eventEls) {
        el.classList.toggle('lit', type === litEvent);
        el.classList.toggle('available', available.has(type));
      }
    },
  };
}
