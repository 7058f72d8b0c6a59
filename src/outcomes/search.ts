/**
 * Every reachable ending from a point in a case, searched over the machine's own next events. At each
 * step the decision taken is the first one in the odds file that the machine allows for some subject not
 * yet decided; its options are the legal next events whose labels the odds file names (and `none` when the
 * file offers it). The search is bounded by a number of decisions per path. A sample is a walk of the
 * project's one walker (src/generate/walk.ts) with a chooser that draws among the open options by their
 * odds. Pure: the same log, odds, bound and seed give the same answer.
 */
import { countedBy, countingMoments, happenedBy, latestOf, localAt } from '../events/instant.js';
import type { CaseEvent, EventType, Instant } from '../events/schema.js';
import { addDays, legalNextEvents } from '../generate/next.js';
import { type Chooser, type LegalNext, type Point, walkWith } from '../generate/walk.js';
import { binds, legalEffects } from '../machine/effects.js';
import { changeInstants } from '../replay/intervals.js';
import { type CaseSnapshot, replayAll } from '../replay/replay.js';
import { type Ending, endingOf } from './endings.js';
import { choiceProbability, type Decision, labelOf, NONE, type Odds, offered, subjectOf } from './odds.js';

export interface Choice {
  /** Index of the decision in the odds file. */
  readonly decision: number;
  readonly subject: string;
  readonly chosen: string;
  /** The options the machine left open at that point. */
  readonly open: readonly string[];
}

export interface Leaf {
  readonly events: readonly CaseEvent[];
  readonly choices: readonly Choice[];
  readonly ending: Ending;
  readonly truncated: boolean;
  /** The prohibitions that bind anyone at the measuring instant (`by`, or the path's end). */
  readonly inForce: readonly string[];
}

export interface SearchStart {
  readonly snapshot: CaseSnapshot;
  /** The day the search starts from: generated events are dated from it. */
  readonly at: Instant;
  /** The state of the case at `by`, as far as the prefix goes, and whether later events can still count. */
  readonly atBy?: { readonly snapshot: CaseSnapshot; readonly open: boolean };
  /**
   * The last instant (epoch ms) at which the prefix scheduled a change of effect (a prohibition's effective
   * instant, a TRO's expiry, a stay's lapse): without `by`, effects are measured no earlier than this.
   */
  readonly settlesAt?: number;
}

export interface SearchOptions {
  /** At most this many decisions per path. */
  readonly depth: number;
  /**
   * Epoch ms at which to measure which prohibitions bind; by default when each path settles: its last
   * event's day, or the last instant its record scheduled a change of effect, whichever is later.
   */
  readonly by?: number;
}

interface Node {
  readonly snapshot: CaseSnapshot;
  readonly at: Instant;
  readonly closed: ReadonlySet<string>;
  readonly events: readonly CaseEvent[];
  readonly choices: readonly Choice[];
  readonly atBy?: { readonly snapshot: CaseSnapshot; readonly open: boolean };
  readonly settlesAt?: number;
  /**
   * The first decision that can be open here. After `none` the state and the day are those of the node
   * before, and only that decision's subject is closed besides: every decision before it was closed there
   * and stays so, and is not asked again.
   */
  readonly resume?: number;
}

interface Option {
  readonly label: string;
  /** The legal next event the option takes; none for `none`. */
  readonly next?: LegalNext;
}

export interface BranchPoint {
  readonly decision: number;
  readonly subject: string;
  readonly at: Instant;
  readonly options: readonly Option[];
}

/** The local day (in `zone`) of epoch `ms`, as a day-precision instant. */
export function dayOf(ms: number, zone: string): Instant {
  return { local: localAt(ms, zone), zone };
}

/** The last finite instant at which `events` scheduled some prohibition's status to change, if any. */
function lastChange(events: readonly CaseEvent[]): number | undefined {
  const finite = [...changeInstants(events).keys()].filter(Number.isFinite);
  return finite.length === 0 ? undefined : Math.max(...finite);
}

/** Where a search starts: the state after `prefix`, on the day its last event ends (or `fromMs`). */
export function startFrom(
  prefix: readonly CaseEvent[],
  zone: string,
  options: { fromMs?: number; by?: number } = {},
): SearchStart {
  const { snapshot } = replayAll(prefix);
  const last = prefix.at(-1);
  // From the end of the last event's day, or from when it counts if the record leaves its end open.
  const lastEnd = last ? latestOf(last.at) : 0;
  const fromMs =
    options.fromMs ?? (Number.isFinite(lastEnd) ? lastEnd : (countingMoments(prefix).at(-1) ?? 0));
  const at = dayOf(fromMs, zone);
  const settlesAt = lastChange(prefix);
  if (options.by === undefined) return { snapshot, at, ...(settlesAt === undefined ? {} : { settlesAt }) };
  const by = options.by;
  const counted = countedBy(prefix, by);
  const atBy = counted.length === prefix.length ? snapshot : replayAll(counted).snapshot;
  return { snapshot, at, atBy: { snapshot: atBy, open: counted.length === prefix.length } };
}

/** A decision's option labels, and the event kinds they name (a label is a kind, or `kind:qualifier`). */
const labelsOf = new WeakMap<Decision, { labels: ReadonlySet<string>; kinds: ReadonlySet<EventType> }>();

function optionsOf(decision: Decision) {
  let known = labelsOf.get(decision);
  if (!known) {
    const labels = new Set(Object.keys(decision.options));
    const kinds = new Set([...labels].map((label) => label.split(':')[0] as EventType));
    known = { labels, kinds };
    labelsOf.set(decision, known);
  }
  return known;
}

/** The legal next events of a node: `legal` of the walk's point, or of the node's own state. */
type LegalAt = Point['legal'];

function branchPoint(node: Node, odds: Odds, legal: LegalAt): BranchPoint | undefined {
  for (let index = node.resume ?? 0; index < odds.decisions.length; index++) {
    const decision = odds.decisions[index] as Decision;
    const at = addDays(node.at, decision.afterDays);
    const { labels, kinds } = optionsOf(decision);
    const bySubject = new Map<string, Map<string, Option>>();
    // Only the kinds the decision names are generated: its other labels' events could not be options.
    for (const next of legal(at, kinds)) {
      const label = labelOf(next.event, node.snapshot.context);
      if (!labels.has(label) || !offered(label, node.snapshot.context, next.event)) continue;
      const subject = subjectOf(next.event);
      const options = bySubject.get(subject) ?? new Map<string, Option>();
      if (node.closed.has(`${decision.id}|${subject}`) || options.has(label)) continue;
      options.set(label, { label, next });
      bySubject.set(subject, options);
    }
    const first = bySubject.entries().next();
    if (first.done) continue;
    const [subject, options] = first.value;
    const open = [...options.values()];
    if (labels.has(NONE)) open.push({ label: NONE });
    // Options weighted 0 never happen: where every open option is, the decision is not taken here (else
    // renormalising nothing would give every path through it probability 0, and the endings no distribution).
    if (open.every((o) => (decision.options[o.label] ?? 0) === 0)) continue;
    return { decision: index, subject, at, options: open };
  }
  return undefined;
}

function child(node: Node, point: BranchPoint, option: Option, odds: Odds, by?: number): Node {
  const decisionId = odds.decisions[point.decision]?.id ?? '';
  const closed = new Set(node.closed).add(`${decisionId}|${point.subject}`);
  const choice: Choice = {
    decision: point.decision,
    subject: point.subject,
    chosen: option.label,
    open: point.options.map((o) => o.label),
  };
  if (!option.next) return { ...node, closed, choices: [...node.choices, choice], resume: point.decision };
  const { event, snapshot } = option.next;
  let atBy = node.atBy;
  if (atBy && by !== undefined) {
    atBy = atBy.open && happenedBy(event.at, by) ? { snapshot, open: true } : { ...atBy, open: false };
  }
  return {
    snapshot,
    at: point.at,
    closed,
    events: [...node.events, event],
    choices: [...node.choices, choice],
    ...(atBy ? { atBy } : {}),
    ...(node.settlesAt === undefined ? {} : { settlesAt: node.settlesAt }),
  };
}

function leafOf(node: Node, truncated: boolean, by?: number): Leaf {
  const measured = by !== undefined && node.atBy ? node.atBy.snapshot : node.snapshot;
  // A path where nothing further happens still runs on: prohibitions due after its last event take effect,
  // TROs lapse. Without `by`, effects are read once everything the record scheduled has happened.
  const t =
    by ?? Math.max(latestOf(node.at), node.settlesAt ?? -Infinity, lastChange(node.events) ?? -Infinity);
  const inForce = legalEffects(measured.context, t)
    .filter((e) => binds(e.status))
    .map((e) => e.prohibition);
  return {
    events: node.events,
    choices: node.choices,
    ending: endingOf(node.snapshot.context, truncated),
    truncated,
    inForce,
  };
}

function rootOf(start: SearchStart): Node {
  return {
    snapshot: start.snapshot,
    at: start.at,
    closed: new Set(),
    events: [],
    choices: [],
    ...(start.atBy ? { atBy: start.atBy } : {}),
    ...(start.settlesAt === undefined ? {} : { settlesAt: start.settlesAt }),
  };
}

export class TreeTooLarge extends Error {
  override readonly name = 'TreeTooLarge';
}

/** Every path to an ending, depth-first; throws TreeTooLarge past `maxLeaves`. */
export function enumerate(
  start: SearchStart,
  odds: Odds,
  options: SearchOptions & { maxLeaves: number },
): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (node: Node, depth: number): void => {
    const point = branchPoint(node, odds, (at, kinds) => legalNextEvents(node.snapshot, at, kinds));
    if (!point || depth === options.depth) {
      if (leaves.length >= options.maxLeaves) throw new TreeTooLarge(`more than ${options.maxLeaves} paths`);
      leaves.push(leafOf(node, point !== undefined, options.by));
      return;
    }
    for (const option of point.options) visit(child(node, point, option, odds, options.by), depth + 1);
  };
  visit(rootOf(start), 0);
  return leaves;
}

/** The probability of a path under `odds`: the product of its choices' renormalised probabilities. */
export function pathProbability(leaf: Leaf, odds: Odds): number {
  let p = 1;
  for (const c of leaf.choices) {
    const decision = odds.decisions[c.decision];
    p *= decision ? choiceProbability(decision, c.chosen, c.open) : 0;
  }
  return p;
}

/**
 * Branch points already computed, by the choices that lead to them: a node is a pure function of that
 * path, so samples that pass through it again need not ask the machine again.
 */
export type BranchCache = Map<string, BranchPoint | Leaf | undefined>;
const CACHE_LIMIT = 200_000;

function cached<T extends BranchPoint | Leaf | undefined>(
  key: string,
  cache: BranchCache | undefined,
  make: () => T,
): T {
  if (!cache) return make();
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  if (cache.size < CACHE_LIMIT) cache.set(key, value);
  return value;
}

/**
 * The chooser of a Monte Carlo sample: at each point, the branch point the odds make of it (the first
 * decision open for some subject), and one of its options drawn by its renormalised probability; `none`
 * passes. It stops at a point with no decision open, or at the depth bound, and keeps the path it chose.
 */
class OddsChooser {
  node: Node;
  /** Set when the walk stops: whether it was cut by the depth bound with decisions still open. */
  truncated: boolean | undefined;
  /** Set when the draw found no option with any weight (the path ends there, untruncated and uncached). */
  dead = false;

  constructor(
    start: SearchStart,
    private readonly odds: Odds,
    private readonly options: SearchOptions,
    private readonly random: () => number,
    private readonly cache: BranchCache | undefined,
  ) {
    this.node = rootOf(start);
  }

  key(): string {
    return this.node.choices.map((c) => c.chosen).join('|');
  }

  readonly choose: Chooser = (here) => {
    const node = this.node;
    const point = cached(this.key(), this.cache, () => branchPoint(node, this.odds, here.legal));
    if (!point || node.choices.length === this.options.depth) {
      this.truncated = point !== undefined;
      return 'stop';
    }
    const decision = this.odds.decisions[point.decision];
    const open = point.options.map((o) => o.label);
    const weights = point.options.map((o) => (decision ? choiceProbability(decision, o.label, open) : 0));
    let r = this.random();
    // Rounding can leave r a hair above zero: the last option with any weight takes it.
    let pick = weights.findLastIndex((w) => w > 0);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) {
        pick = i;
        break;
      }
    }
    if (pick < 0) {
      this.dead = true;
      return 'stop';
    }
    const option = point.options[pick] as Option;
    this.node = child(node, point, option, this.odds, this.options.by);
    return option.next ? { take: option.next } : 'pass';
  };
}

/** One path drawn at random under `odds`: a walk of the project's walker, chosen by the odds. */
export function samplePath(
  start: SearchStart,
  odds: Odds,
  options: SearchOptions,
  random: () => number,
  cache?: BranchCache,
): Leaf {
  const chooser = new OddsChooser(start, odds, options, random, cache);
  walkWith(chooser.choose, start.snapshot, start.at);
  const { node, truncated } = chooser;
  if (chooser.dead || truncated === undefined) return leafOf(node, false, options.by);
  return cached(`leaf ${truncated} ${chooser.key()}`, cache, () => leafOf(node, truncated, options.by));
}

/**
 * An estimate of how many paths `enumerate` would find, from `probes` random descents (Knuth, "Estimating
 * the efficiency of backtrack programs", Math. Comp. 29 (1975) 121-136): each descent picks an option
 * uniformly at every branch point, and the product of the numbers of options it met is an unbiased
 * estimate of the number of leaves. A probe costs one sampled path, so the estimate costs a few hundred
 * paths where enumerating a large tree would cost tens of thousands. Deterministic for a given `random`.
 */
export function estimateLeaves(
  start: SearchStart,
  odds: Odds,
  options: SearchOptions & { probes: number },
  random: () => number,
): number {
  let sum = 0;
  for (let probe = 0; probe < options.probes; probe++) {
    let node = rootOf(start);
    let product = 1;
    for (let depth = 0; depth < options.depth; depth++) {
      const here = node;
      const point = branchPoint(here, odds, (at, kinds) => legalNextEvents(here.snapshot, at, kinds));
      if (!point) break;
      product *= point.options.length;
      const option = point.options[Math.floor(random() * point.options.length)] as Option;
      node = child(here, point, option, odds);
    }
    sum += product;
  }
  return sum / options.probes;
}
