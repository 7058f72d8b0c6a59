/**
 * One lifecycle laid out by ELK (layered, left to right): its start point, its states (a state with nested
 * states as a box around them), and its arrows, each with a place for its event label. Every coordinate comes
 * back relative to the chart's top-left corner, so drawing needs no arithmetic of its own. Pure data in, data
 * out: the page draws it, and a test can check it without a browser.
 */
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LifecycleGraph, LifecycleState } from '../../src/docs/lifecycle-graph.js';

const CHAR = 7.2;
const STATE_HEIGHT = 30;
const LABEL_CHAR = 6;
const LABEL_HEIGHT = 14;
const START_SIZE = 12;
const START = '__start';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface StateShape extends Box {
  readonly state: LifecycleState;
  /** It holds nested states: drawn as a box with its label at the top. */
  readonly compound: boolean;
  readonly depth: number;
}

export interface ArrowShape {
  /** The index of the arrow's transition in the lifecycle's `transitions`. */
  readonly index: number;
  readonly points: readonly Point[];
  readonly label: Box;
}

export interface LifecycleLayout {
  readonly graph: LifecycleGraph;
  readonly width: number;
  readonly height: number;
  readonly start: Box;
  readonly states: readonly StateShape[];
  readonly arrows: readonly ArrowShape[];
}

// elkjs is CommonJS: the constructor is the module itself or its `default`, depending on the bundler.
type ElkConstructor = new () => ELK;
const ElkCtor = ((ElkModule as unknown as { default?: ElkConstructor }).default ??
  ElkModule) as unknown as ElkConstructor;
let elk: ELK | undefined;

const labelSize = (text: string) => ({
  width: Math.round(text.length * LABEL_CHAR + 8),
  height: LABEL_HEIGHT,
});

function stateNode(graph: LifecycleGraph, state: LifecycleState): ElkNode {
  const children = graph.states.filter((s) => s.parent === state.id).map((s) => stateNode(graph, s));
  const width = Math.round(state.label.length * CHAR + 28);
  return children.length > 0
    ? {
        id: state.id,
        children,
        layoutOptions: {
          'elk.padding': '[top=26,left=12,bottom=12,right=12]',
          'elk.nodeSize.minimum': `(${width}, 40)`,
        },
      }
    : { id: state.id, width, height: STATE_HEIGHT };
}

interface ElkOut {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkOut[];
  edges?: (ElkExtendedEdge & {
    sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
    labels?: { x?: number; y?: number; width?: number; height?: number }[];
  })[];
}

function flatten(out: ElkOut, depth: number): { node: ElkOut; depth: number }[] {
  return (out.children ?? []).flatMap((c) => [{ node: c, depth }, ...flatten(c, depth + 1)]);
}

export async function layoutLifecycle(graph: LifecycleGraph): Promise<LifecycleLayout> {
  elk ??= new ElkCtor();
  const root: ElkNode = {
    id: graph.id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
      'elk.spacing.nodeNode': '18',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.edgeLabel': '2',
      'elk.spacing.edgeEdge': '8',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
      // Keep the definition's order: the lifecycle reads forward from its start point.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: [
      { id: START, width: START_SIZE, height: START_SIZE },
      ...graph.states.filter((s) => s.parent === undefined).map((s) => stateNode(graph, s)),
    ],
    edges: graph.transitions.map((t, i) => ({
      id: String(i),
      sources: [t.source ?? START],
      targets: [t.target],
      labels: [{ text: t.event, ...labelSize(t.event) }],
    })),
  };
  const out = (await elk.layout(root)) as ElkOut;
  const byId = new Map(graph.states.map((s) => [s.id, s]));
  const placed = flatten(out, 0);
  const box = (n: ElkOut): Box => ({ x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
  const startNode = placed.find((p) => p.node.id === START)?.node;
  const states = placed.flatMap(({ node, depth }) => {
    const state = byId.get(node.id);
    return state ? [{ ...box(node), state, compound: (node.children ?? []).length > 0, depth }] : [];
  });
  // With INCLUDE_CHILDREN, ELK may keep an edge on the node that contains both of its ends.
  const edges = [out, ...placed.map((p) => p.node)].flatMap((n) => n.edges ?? []);
  const arrows = edges.flatMap((e) =>
    e.sections && e.sections.length > 0
      ? [
          {
            index: Number(e.id),
            points: e.sections.flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
            label: {
              x: e.labels?.[0]?.x ?? 0,
              y: e.labels?.[0]?.y ?? 0,
              width: e.labels?.[0]?.width ?? 0,
              height: e.labels?.[0]?.height ?? 0,
            },
          },
        ]
      : [],
  );
  return {
    graph,
    width: out.width ?? 0,
    height: out.height ?? 0,
    start: startNode ? box(startNode) : { x: 0, y: 0, width: START_SIZE, height: START_SIZE },
    states,
    arrows: arrows.sort((a, b) => a.index - b.index),
  };
}
