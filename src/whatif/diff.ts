/**
 * Running a what-if: replay the base and the branch, find where they first part, line both timelines up
 * from there, and compare each prohibition's legal effect over time. Legality is the machine's: a base
 * event the branch makes illegal is reported with the rule it breaks, then dropped or the branch stops
 * there, as the scenario says; an event the scenario itself wrote that the machine rejects is an error
 * naming the edit. Pure.
 */
import { formatMoment, rangeOf, shortInstant } from '../events/instant.js';
import type { CaseEvent, Instant } from '../events/schema.js';
import type { RuleMeta } from '../machine/rules.js';
import { problem, ruleSentence } from '../problem.js';
import {
  changeInstants,
  type EffectInterval,
  effectIntervals,
  type ProhibitionIntervals,
} from '../replay/intervals.js';
import { caseZone } from '../replay/query.js';
import { type CaseSnapshot, replay } from '../replay/replay.js';
import {
  type AppliedEdit,
  applyScenario,
  type Branch,
  type Scenario,
  type ScenarioError,
} from './scenario.js';

export type CellStatus = 'accepted' | 'rejected' | 'dropped' | 'not-reached';

export interface Cell {
  readonly event: CaseEvent;
  readonly status: CellStatus;
  /** Index of the edit that wrote this event (branch only). */
  readonly edit?: number;
  readonly rule?: RuleMeta;
}

export interface Row {
  readonly at: Instant;
  readonly base?: Cell;
  readonly branch?: Cell;
  /** The same event, accepted in both worlds. */
  readonly same: boolean;
}

export interface Divergence {
  /** Index into both logs of the first event, or resulting state, that differs. */
  readonly index: number;
  readonly at: Instant;
  readonly base?: CaseEvent;
  readonly branch?: CaseEvent;
  readonly why: 'event' | 'state';
}

export interface IllegalBaseEvent {
  readonly event: CaseEvent;
  readonly rule: RuleMeta;
  readonly fate: 'dropped' | 'stopped';
}

export interface EffectDiff {
  readonly prohibition: string;
  readonly description: string;
  readonly base: readonly EffectInterval[];
  readonly branch: readonly EffectInterval[];
  /** Where it bound anyone, per world: [from, to | null] epoch ms. */
  readonly inForce: { readonly base: readonly Span[]; readonly branch: readonly Span[] };
  readonly changed: boolean;
  readonly sentence: string;
  /** Each world's statuses in order, in words: `enjoined 2020-09-20 20:59 PDT → revoked 2021-06-09`. */
  readonly story: { readonly base: string; readonly branch: string };
}

export interface Span {
  readonly from: number;
  readonly to: number | null;
}

export interface WhatIf {
  readonly scenario: Scenario;
  readonly applied: readonly AppliedEdit[];
  readonly zone: string;
  readonly baseEvents: readonly CaseEvent[];
  /** The branch as replayed: illegal base events dropped, or cut at the first one. */
  readonly branchEvents: readonly CaseEvent[];
  readonly divergence: Divergence | null;
  readonly rows: readonly Row[];
  readonly effects: readonly EffectDiff[];
  readonly illegal: readonly IllegalBaseEvent[];
  readonly baseRejections: readonly { readonly event: CaseEvent; readonly rule: RuleMeta }[];
}

export type WhatIfResult =
  | { ok: true; whatIf: WhatIf; error?: never }
  | { ok: false; whatIf?: never; error: ScenarioError };

interface World {
  readonly cells: Cell[];
  readonly kept: CaseEvent[];
  readonly states: CaseSnapshot[];
}

function replayWorld(
  events: readonly CaseEvent[],
  authoredBy: Readonly<Record<string, number>>,
  onIllegal: 'drop' | 'stop' | 'keep',
) {
  const cells: Cell[] = [];
  const kept: CaseEvent[] = [];
  const states: CaseSnapshot[] = [];
  let stopped = false;
  for (const step of replay(events)) {
    const edit = authoredBy[step.event.id];
    const authored = edit === undefined ? {} : { edit };
    if (stopped) {
      cells.push({ event: step.event, status: 'not-reached', ...authored });
      continue;
    }
    if (step.rejection) {
      const rule = step.rejection.rule;
      if (edit !== undefined) return { failed: { event: step.event, rule, edit } } as const;
      cells.push({ event: step.event, status: onIllegal === 'keep' ? 'rejected' : 'dropped', rule });
      if (onIllegal === 'stop') stopped = true;
      continue;
    }
    cells.push({ event: step.event, status: 'accepted', ...authored });
    kept.push(step.event);
    states.push(step.after);
  }
  return { world: { cells, kept, states } satisfies World } as const;
}

const key = (value: unknown) => JSON.stringify(value);

function firstDivergence(base: World, branch: World): Divergence | null {
  const n = Math.max(base.kept.length, branch.kept.length);
  for (let i = 0; i < n; i++) {
    const a = base.kept[i];
    const b = branch.kept[i];
    const at = (
      a && b ? (rangeOf(a.at).start <= rangeOf(b.at).start ? a.at : b.at) : (a ?? b)?.at
    ) as Instant;
    const sides = { ...(a ? { base: a } : {}), ...(b ? { branch: b } : {}) };
    if (!a || !b || key(a) !== key(b)) return { index: i, at, ...sides, why: 'event' };
    if (key(base.states[i]?.context) !== key(branch.states[i]?.context))
      return { index: i, at, ...sides, why: 'state' };
  }
  return null;
}

/** Both timelines from `from` on, row by row: the same event side by side, otherwise in order of legal effect. */
function alignRows(
  base: readonly Cell[],
  branch: readonly Cell[],
  replaced: Readonly<Record<string, string>>,
): Row[] {
  const rows: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < branch.length) {
    const a = base[i];
    const b = branch[j];
    if (a && b && (a.event.id === b.event.id || replaced[a.event.id] === b.event.id)) {
      const same = key(a.event) === key(b.event) && a.status === b.status;
      rows.push({ at: a.event.at, base: a, branch: b, same });
      i++;
      j++;
    } else if (a && (!b || rangeOf(a.event.at).start <= rangeOf(b.event.at).start)) {
      rows.push({ at: a.event.at, base: a, same: false });
      i++;
    } else if (b) {
      rows.push({ at: b.event.at, branch: b, same: false });
      j++;
    }
  }
  return rows;
}

function spans(p: ProhibitionIntervals | undefined): Span[] {
  const out: Span[] = [];
  for (const i of p?.intervals ?? []) {
    if (i.status !== 'in-force' && i.status !== 'partly-enjoined') continue;
    const last = out.at(-1);
    if (last && last.to === i.from) out[out.length - 1] = { from: last.from, to: i.to };
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/** Names a moment as the record gives it (a day stays a day), else as a time in the case's zone. */
type Moment = (ms: number) => string;

function momentsOf(events: readonly CaseEvent[], zone: string): Moment {
  const instants = changeInstants(events);
  return (ms) => {
    const instant = instants.get(ms);
    return instant ? shortInstant(instant) : formatMoment(ms, zone);
  };
}

function describeSpans(list: readonly Span[], moment: Moment): string {
  if (list.length === 0) return 'never';
  return list
    .map((s) => (s.to === null ? `from ${moment(s.from)}` : `from ${moment(s.from)} to ${moment(s.to)}`))
    .join(' and ');
}

function storyOf(p: ProhibitionIntervals | undefined, moment: Moment): string {
  if (!p || p.intervals.length === 0) return 'not in the record';
  const changes = p.intervals.filter((i, k) => k === 0 || p.intervals[k - 1]?.status !== i.status);
  return changes.map((i) => `${i.status} ${moment(i.from)}`).join(' → ');
}

/** Each status a prohibition passes through, with where it begins (runs of one status folded). */
function statusChanges(p: ProhibitionIntervals | undefined) {
  return p?.intervals.filter((i, k) => k === 0 || p.intervals[k - 1]?.status !== i.status) ?? [];
}

function lastStatus(p: ProhibitionIntervals | undefined, moment: Moment): string {
  const last = statusChanges(p).at(-1);
  return last ? `${last.status} from ${moment(last.from)}` : 'not in the record';
}

/**
 * Where two worlds that end alike first part: "awaiting-date from 2021-03-22 in the branch; revoked from
 * 2021-06-09 in the base" (the mandate left the prohibitions awaiting a new date, which the base never saw).
 */
function firstParting(
  pa: ProhibitionIntervals | undefined,
  pb: ProhibitionIntervals | undefined,
  moment: Moment,
) {
  const ca = statusChanges(pa);
  const cb = statusChanges(pb);
  const say = (i?: { status: string; from: number }) =>
    i ? `${i.status} from ${moment(i.from)}` : 'nothing further';
  for (let k = 0; k < Math.max(ca.length, cb.length); k++) {
    const x = ca[k];
    const y = cb[k];
    if (x?.status !== y?.status || x?.from !== y?.from)
      return `${say(y)} in the branch; ${say(x)} in the base`;
  }
  return `${lastStatus(pb, moment)} in the branch; ${lastStatus(pa, moment)} in the base`;
}

function effectDiffs(base: readonly CaseEvent[], branch: readonly CaseEvent[], zone: string): EffectDiff[] {
  const moment = momentsOf([...base, ...branch], zone);
  const a = new Map(effectIntervals(base).map((p) => [p.prohibition, p]));
  const b = new Map(effectIntervals(branch).map((p) => [p.prohibition, p]));
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  return ids.map((id) => {
    const pa = a.get(id);
    const pb = b.get(id);
    const inForce = { base: spans(pa), branch: spans(pb) };
    const shape = (p?: ProhibitionIntervals) =>
      key(p?.intervals.map(({ status, from, to }) => [status, from, to]));
    const changed = shape(pa) !== shape(pb);
    const sa = describeSpans(inForce.base, moment);
    const sb = describeSpans(inForce.branch, moment);
    const story = { base: storyOf(pa, moment), branch: storyOf(pb, moment) };
    const same =
      sa === 'never' ? `${id}: never in force in either world` : `${id}: in force ${sb} in both worlds`;
    const sentence =
      sa !== sb
        ? `${id}: in force ${sb} in the branch; ${sa} in the base`
        : !changed
          ? same
          : lastStatus(pa, moment) !== lastStatus(pb, moment)
            ? `${same}, but it ends differently: ${lastStatus(pb, moment)} in the branch; ${lastStatus(pa, moment)} in the base`
            : `${same}, but it differs along the way: ${firstParting(pa, pb, moment)}`;
    return {
      prohibition: id,
      description: (pb ?? pa)?.description ?? id,
      base: pa?.intervals ?? [],
      branch: pb?.intervals ?? [],
      inForce,
      changed,
      sentence,
      story,
    };
  });
}

type BranchRun =
  | { readonly ok: true; readonly branch: Branch; readonly world: World }
  | { readonly ok: false; readonly error: ScenarioError };

/** Applies the scenario and replays the branch alone: what `state --scenario` needs, without the diff. */
function runBranch(baseEvents: readonly CaseEvent[], scenario: Scenario): BranchRun {
  const applied = applyScenario(baseEvents, scenario);
  if (!applied.ok) return { ok: false, error: applied.error };
  const { branch } = applied;
  const run = replayWorld(branch.events, branch.authoredBy, scenario.onIllegal);
  if (run.failed) {
    const { event, rule, edit } = run.failed;
    const where = { edit: { index: edit, kind: scenario.edits[edit]?.kind ?? 'replace' } };
    const message = `the machine rejects ${event.id} (${event.type}) in the branch: it breaks ${ruleSentence(rule)}`;
    return { ok: false, error: problem('ILLEGAL_EVENT', message, where, { rule }) };
  }
  return { ok: true, branch, world: run.world as World };
}

/** The events of the branch a scenario builds, exactly as `runWhatIf` replays it (illegal base events dropped or cut). */
export function branchEventsOf(
  baseEvents: readonly CaseEvent[],
  scenario: Scenario,
):
  | { readonly ok: true; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly error: ScenarioError } {
  const run = runBranch(baseEvents, scenario);
  return run.ok ? { ok: true, events: run.world.kept } : run;
}

/** Applies the scenario, replays both worlds and compares them. */
export function runWhatIf(baseEvents: readonly CaseEvent[], scenario: Scenario): WhatIfResult {
  const run = runBranch(baseEvents, scenario);
  if (!run.ok) return run;
  const { branch } = run;
  const baseWorld = replayWorld(baseEvents, {}, 'keep').world as World;
  const branchWorld = run.world;
  const divergence = firstDivergence(baseWorld, branchWorld);
  // Rows start where the logs part: the accepted prefix both share is left out.
  const start = divergence?.index ?? baseWorld.kept.length;
  const from = (cells: Cell[]) => {
    let accepted = 0;
    return cells.filter((c) => (c.status === 'accepted' ? accepted++ >= start : accepted >= start));
  };
  const zone = caseZone(baseEvents);
  const illegal = branchWorld.cells
    .filter((c) => c.status === 'dropped' && c.rule)
    .map((c) => ({
      event: c.event,
      rule: c.rule as RuleMeta,
      fate: scenario.onIllegal === 'stop' ? ('stopped' as const) : ('dropped' as const),
    }));
  return {
    ok: true,
    whatIf: {
      scenario,
      applied: branch.applied,
      zone,
      baseEvents,
      branchEvents: branchWorld.kept,
      divergence,
      rows: divergence ? alignRows(from(baseWorld.cells), from(branchWorld.cells), branch.replaced) : [],
      effects: effectDiffs(baseWorld.kept, branchWorld.kept, zone),
      illegal,
      baseRejections: baseWorld.cells
        .filter((c) => c.status === 'rejected' && c.rule)
        .map((c) => ({ event: c.event, rule: c.rule as RuleMeta })),
    },
  };
}
