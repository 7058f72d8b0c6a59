/**
 * TEMPORARY: delete when the `lifecycles` branch lands `lifecycleGraphs()` / `objectStatesOf()` in graph.ts.
 *
 * Today's machine has four parallel regions whose states follow the record through eventless transitions, so
 * its definition does not say which event moves a region from one phase to another. Until the per-object
 * statecharts exist, this adapter presents each region as one "lifecycle" (one object per region) and finds
 * its event-labelled arrows by walking the machine: seeded random histories grown from `legalNextEvents`, each
 * step recording the phase its region left and entered under the event kind that moved it. The rules on an
 * arrow are the ones the machine guards that event kind with. The region's starting phase stands for "no
 * object yet": arrows leaving it are drawn as creation arrows from the start point.
 */
import type { CaseEvent, Instant } from '../events/schema.js';
import type { CaseContext } from '../machine/context.js';
import { REGION_OF } from '../machine/machine.js';
import { addDays, legalNextEvents } from '../machine/next.js';
import { LIFECYCLE, phasesOf, REGION_PHASES, type Region } from '../machine/phases.js';
import { mulberry32 } from '../random.js';
import { type CaseSnapshot, initialSnapshot } from '../replay/replay.js';
import { allEventKinds, machineGraph } from './graph.js';
import type { LifecycleGraph, LifecycleTransition, ObjectState } from './lifecycle-graph.js';

const WALKS = 40;
const STEPS = 40;
const START: Instant = { local: '2020-08-06', zone: 'America/Los_Angeles' };

const TITLES: Record<Region, string> = {
  executive: 'Executive action (the orders and identifications, as one)',
  suit: 'District case',
  relief: 'Preliminary relief (motions, injunctions and stays, as one)',
  appeal: 'Appeal',
};

const ENDINGS = new Set<CaseEvent['type']>([
  'order.revoked',
  'identification.withdrawn',
  'identification.rescinded',
  'case.dismissed',
  'appeal.dismissed',
  'appeal.decided',
]);

type Seen = Map<Region, Map<string, { source: string; target: string; event: string }>>;

function record(seen: Seen, before: CaseContext, after: CaseContext, event: CaseEvent): void {
  const region = REGION_OF[event.type];
  if (region === 'case') return;
  const from = phasesOf(before)[region];
  const to = phasesOf(after)[region];
  const key = `${from}>${to}>${event.type}`;
  const arrows = seen.get(region) ?? new Map();
  seen.set(region, arrows);
  if (!arrows.has(key)) arrows.set(key, { source: from, target: to, event: event.type });
}

function walk(seen: Seen, seed: number): void {
  const random = mulberry32(seed);
  let snapshot: CaseSnapshot = initialSnapshot();
  let at = START;
  for (let i = 0; i < STEPS; i++) {
    at = addDays(at, Math.floor(random() * 6));
    const legal = legalNextEvents(snapshot, at);
    // Mostly steps that end nothing, so walks reach stays and appeals instead of ending early.
    const going = legal.filter((l) => !ENDINGS.has(l.event.type));
    const from = going.length > 0 && random() < 0.85 ? going : legal;
    const chosen = from[Math.floor(random() * from.length)];
    if (!chosen) return;
    record(seen, snapshot.context, chosen.snapshot.context, chosen.event);
    snapshot = chosen.snapshot;
  }
}

function regionGraph(region: Region, arrows: readonly { source: string; target: string; event: string }[]) {
  const empty = REGION_PHASES[region][0];
  const rulesOf = new Map(allEventKinds().map((k) => [k.type, k.rules]));
  const descriptionOf = new Map(allEventKinds().map((k) => [k.type, k.description]));
  const reentered = arrows.some((a) => a.target === empty && a.source !== empty);
  const transitions: LifecycleTransition[] = arrows.flatMap((a) => {
    const creates = a.source === empty;
    const arrow = (source: string | null): LifecycleTransition => ({
      source,
      target: a.target,
      event: a.event,
      rules: (rulesOf.get(a.event) ?? []).map(({ name, title, citation }) => ({ name, title, citation })),
      description: descriptionOf.get(a.event) ?? a.event,
    });
    return creates ? [arrow(null), ...(reentered ? [arrow(a.source)] : [])] : [arrow(a.source)];
  });
  const lifecycle = LIFECYCLE[region] as Record<string, { description: string }>;
  const states = REGION_PHASES[region]
    .filter((p) => p !== empty || reentered)
    .map((p) => ({
      id: p,
      label: p.replace(/([A-Z])/g, ' $1').toLowerCase(),
      description: lifecycle[p]?.description ?? '',
      final: false,
    }));
  const region_ = machineGraph().regions.find((r) => r.id === region);
  return {
    id: region,
    title: TITLES[region],
    description: region_?.description ?? '',
    initial: transitions.find((t) => t.source === null)?.target ?? states[0]?.id ?? empty,
    states,
    transitions,
  } satisfies LifecycleGraph;
}

let cached: LifecycleGraph[] | undefined;

/** TEMPORARY: one lifecycle per region of today's machine, its arrows found by walking it. */
export function lifecycleGraphs(): LifecycleGraph[] {
  if (cached) return cached;
  const seen: Seen = new Map();
  for (let seed = 1; seed <= WALKS; seed++) walk(seen, seed);
  cached = (Object.keys(REGION_PHASES) as Region[]).map((region) =>
    regionGraph(region, [...(seen.get(region)?.values() ?? [])]),
  );
  return cached;
}

/** TEMPORARY: each region as one object, in the phase the record puts it (none while it is still empty). */
export function objectStatesOf(from: CaseSnapshot | CaseContext): ObjectState[] {
  const context = 'context' in from ? from.context : from;
  const phases = phasesOf(context);
  const graphs = lifecycleGraphs();
  return (Object.keys(REGION_PHASES) as Region[]).flatMap((region) => {
    const phase = phases[region];
    const known = graphs.find((g) => g.id === region)?.states.some((s) => s.id === phase);
    return known ? [{ lifecycle: region, id: region, label: region, state: phase }] : [];
  });
}
