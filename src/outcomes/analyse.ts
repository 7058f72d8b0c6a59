/**
 * The outcome distribution: exactly, by summing the probability of every enumerated path, where the tree
 * is small; by seeded Monte Carlo with a standard error where it is not.
 */
import type { CaseEvent } from '../events/schema.js';
import { mulberry32 } from '../random.js';
import type { Ending } from './endings.js';
import { NONE, type Odds } from './odds.js';
import {
  type BranchCache,
  enumerate,
  estimateLeaves,
  type Leaf,
  pathProbability,
  type SearchOptions,
  type SearchStart,
  samplePath,
  TreeTooLarge,
} from './search.js';

export interface OutcomeRow {
  readonly id: string;
  readonly label: string;
  readonly probability: number;
  /** Monte Carlo only: the standard error of `probability`. */
  readonly se?: number;
  /** How many enumerated (or sampled) paths end so. */
  readonly paths: number;
  /** The shortest path to it (fewest events; the likelier first), each event with its option label. */
  readonly shortest: readonly Step[];
}

export interface Step {
  readonly label: string;
  readonly event: CaseEvent;
}

function stepsOf(leaf: Leaf): Step[] {
  const labels = leaf.choices.filter((c) => c.chosen !== NONE).map((c) => c.chosen);
  return leaf.events.map((event, i) => ({ label: labels[i] ?? event.type, event }));
}

export interface InForceRow {
  readonly prohibition: string;
  readonly probability: number;
  readonly se?: number;
}

export interface Analysis {
  readonly method: 'exact' | 'monte-carlo';
  /** Paths enumerated, or samples drawn. */
  readonly paths: number;
  /** Paths cut by the depth bound. */
  readonly truncated: number;
  /** The probability those cut paths carry (Monte Carlo: their share of the samples, with `cutSe`). */
  readonly cut: number;
  readonly cutSe?: number;
  /** The depth bound the search used (with an adaptive bound, the one it settled on). */
  readonly depth?: number;
  readonly outcomes: readonly OutcomeRow[];
  readonly inForce: readonly InForceRow[];
  readonly samples?: number;
  readonly seed?: number;
  /**
   * With `auto`, why Monte Carlo was used: the estimated number of paths (`estimate`) was over the limit,
   * so no exact attempt was made; or the exact attempt found more paths than the limit and gave up (`limit`).
   */
  readonly fallback?:
    | { readonly reason: 'estimate'; readonly maxPaths: number; readonly estimate: number }
    | { readonly reason: 'limit'; readonly maxPaths: number };
}

export interface AnalyseOptions extends SearchOptions {
  readonly method: 'auto' | 'exact' | 'monte-carlo';
  /** Past this many paths, `auto` switches to Monte Carlo. */
  readonly maxLeaves: number;
  readonly samples: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Grow the depth bound from `depth`, doubling, until the cut paths carry at most `cut` of the
   * probability or the bound reaches `max`; without it, `depth` is fixed.
   */
  readonly adapt?: { readonly cut: number; readonly max: number };
}

interface Tally {
  ending: Ending;
  weight: number;
  paths: number;
  shortest: Leaf;
  shortestWeight: number;
}

/** The row for any prohibition that an identification made on the path itself names. */
export const NAMED_ON_THE_PATH = 'any named later on the path';

function tally(leaves: Iterable<{ leaf: Leaf; weight: number }>, prohibitions: readonly string[]) {
  const endings = new Map<string, Tally>();
  const inForce = new Map(prohibitions.map((p) => [p, 0]));
  const known = new Set(prohibitions);
  for (const { leaf, weight } of leaves) {
    const t = endings.get(leaf.ending.id);
    if (!t)
      endings.set(leaf.ending.id, {
        ending: leaf.ending,
        weight,
        paths: 1,
        shortest: leaf,
        shortestWeight: weight,
      });
    else {
      t.weight += weight;
      t.paths += 1;
      const shorter = leaf.events.length < t.shortest.events.length;
      if (shorter || (leaf.events.length === t.shortest.events.length && weight > t.shortestWeight)) {
        t.shortest = leaf;
        t.shortestWeight = weight;
      }
    }
    // Prohibitions a path names itself (a generated or re-issued identification) have ids of that path
    // alone: they are counted together, once per path, as one row.
    const named = new Set(leaf.inForce.map((p) => (known.has(p) ? p : NAMED_ON_THE_PATH)));
    for (const p of named) inForce.set(p, (inForce.get(p) ?? 0) + weight);
  }
  return { endings: [...endings.values()], inForce };
}

function byProbability(a: OutcomeRow, b: OutcomeRow): number {
  return b.probability - a.probability || a.id.localeCompare(b.id);
}

/** The exact distribution over enumerated paths under `odds`. */
export function exactAnalysis(
  leaves: readonly Leaf[],
  odds: Odds,
  prohibitions: readonly string[],
  depth?: number,
): Analysis {
  const { endings, inForce } = tally(
    leaves.map((leaf) => ({ leaf, weight: pathProbability(leaf, odds) })),
    prohibitions,
  );
  return {
    method: 'exact',
    paths: leaves.length,
    truncated: leaves.filter((l) => l.truncated).length,
    cut: leaves.reduce((sum, l) => sum + (l.truncated ? pathProbability(l, odds) : 0), 0),
    ...(depth === undefined ? {} : { depth }),
    outcomes: endings
      .map((t) => ({
        id: t.ending.id,
        label: t.ending.label,
        probability: t.weight,
        paths: t.paths,
        shortest: stepsOf(t.shortest),
      }))
      .sort(byProbability),
    inForce: [...inForce].map(([prohibition, probability]) => ({ prohibition, probability })),
  };
}

// A share summed from n weights of 1/n can exceed 1 by a rounding error, and p(1 - p) go below 0 (NaN).
export const standardError = (p: number, n: number) => Math.sqrt(Math.max(0, p * (1 - p)) / n);

/** `samples` paths drawn with a PRNG seeded by `seed`; each estimate comes with its standard error. */
export function monteCarlo(
  start: SearchStart,
  odds: Odds,
  options: AnalyseOptions,
  prohibitions: readonly string[],
): Analysis {
  const random = mulberry32(options.seed);
  const cache: BranchCache = new Map();
  const drawn: { leaf: Leaf; weight: number }[] = [];
  const step = Math.max(1, Math.floor(options.samples / 100));
  for (let i = 0; i < options.samples; i++) {
    drawn.push({ leaf: samplePath(start, odds, options, random, cache), weight: 1 / options.samples });
    if ((i + 1) % step === 0) options.onProgress?.(i + 1, options.samples);
  }
  const { endings, inForce } = tally(drawn, prohibitions);
  const n = options.samples;
  const truncated = drawn.filter((d) => d.leaf.truncated).length;
  return {
    method: 'monte-carlo',
    paths: n,
    truncated,
    cut: truncated / n,
    cutSe: standardError(truncated / n, n),
    depth: options.depth,
    outcomes: endings
      .map((t) => ({
        id: t.ending.id,
        label: t.ending.label,
        probability: t.weight,
        se: standardError(t.weight, n),
        paths: t.paths,
        shortest: stepsOf(t.shortest),
      }))
      .sort(byProbability),
    inForce: [...inForce].map(([prohibition, p]) => ({
      prohibition,
      probability: p,
      se: standardError(p, n),
    })),
    samples: n,
    seed: options.seed,
  };
}

/**
 * Random descents `auto` makes to estimate the size of the tree before enumerating it: a few hundred
 * sampled paths' work, where a tree past the limit would cost the limit's worth of paths to find out.
 */
export const ESTIMATE_PROBES = 128;

/**
 * Exactly when the tree allows (and the method asks), else by Monte Carlo; the leaves come back when exact.
 * `auto` first estimates the number of paths (`estimateLeaves`, seeded by `seed`): past `maxLeaves` it
 * samples at once. Otherwise it enumerates, and still gives up at `maxLeaves` paths, since an estimate can
 * fall short; so no attempt costs more than that many paths.
 */
export function analyse(
  start: SearchStart,
  odds: Odds,
  options: AnalyseOptions,
): { analysis: Analysis; leaves?: readonly Leaf[] } {
  const prohibitions = Object.keys(start.snapshot.context.prohibitions);
  const { adapt } = options;
  let fallback: Analysis['fallback'];
  if (options.method === 'auto') {
    // The deepest bound an adaptive search could reach: a cut path only ever hides more paths below it.
    const deepest = adapt ? Math.max(adapt.max, options.depth) : options.depth;
    const estimate = estimateLeaves(
      start,
      odds,
      { depth: deepest, probes: ESTIMATE_PROBES, ...(options.by === undefined ? {} : { by: options.by }) },
      mulberry32(options.seed),
    );
    if (estimate > options.maxLeaves)
      fallback = { reason: 'estimate', maxPaths: options.maxLeaves, estimate: Math.round(estimate) };
  }
  if (options.method !== 'monte-carlo' && !fallback) {
    const maxLeaves = options.method === 'exact' ? Number.MAX_SAFE_INTEGER : options.maxLeaves;
    let depth = options.depth;
    try {
      for (;;) {
        const leaves = enumerate(start, odds, { ...options, depth, maxLeaves });
        const analysis = exactAnalysis(leaves, odds, prohibitions, depth);
        if (!adapt || analysis.cut <= adapt.cut || depth >= adapt.max) return { analysis, leaves };
        depth = Math.min(adapt.max, depth * 2);
      }
    } catch (error) {
      if (!(error instanceof TreeTooLarge)) throw error;
      fallback = { reason: 'limit', maxPaths: options.maxLeaves };
    }
  }
  // A sampled path costs only the decisions it takes, so an adaptive bound samples at its ceiling.
  const depth = adapt ? adapt.max : options.depth;
  const analysis = monteCarlo(start, odds, { ...options, depth }, prohibitions);
  return { analysis: fallback ? { ...analysis, fallback } : analysis };
}
