/**
 * Sensitivity: vary one probability from 0 to 1 (the decision's other options keep their proportions and
 * share the rest) and find where the most likely ending changes. A scan on a grid, then bisection.
 */
import { exactAnalysis } from './analyse.js';
import type { Odds } from './odds.js';
import type { Leaf } from './search.js';

export interface Target {
  readonly decision: string;
  readonly option: string;
}

export interface Segment {
  readonly from: number;
  readonly to: number;
  /** The most likely ending while the probability lies in [from, to]. */
  readonly ending: string;
  readonly label: string;
}

export interface Sensitivity {
  readonly target: Target;
  readonly current: number;
  readonly segments: readonly Segment[];
}

/** `odds` with P(option) set to `value` and the decision's other options scaled to fill the rest. */
export function withProbability(odds: Odds, target: Target, value: number): Odds {
  return {
    ...odds,
    decisions: odds.decisions.map((d) => {
      if (d.id !== target.decision) return d;
      const others = Object.entries(d.options).filter(([label]) => label !== target.option);
      const rest = others.reduce((sum, [, p]) => sum + p, 0);
      const options: Record<string, number> = { [target.option]: value };
      for (const [label, p] of others)
        options[label] = rest > 0 ? (p * (1 - value)) / rest : (1 - value) / others.length;
      return { ...d, options };
    }),
  };
}

function leader(leaves: readonly Leaf[], odds: Odds): { id: string; label: string } {
  const top = exactAnalysis(leaves, odds, []).outcomes[0];
  return { id: top?.id ?? 'none', label: top?.label ?? 'no ending' };
}

/** Where, as one probability goes from 0 to 1, the most likely ending changes. */
export function sensitivity(leaves: readonly Leaf[], odds: Odds, target: Target, grid = 20): Sensitivity {
  const decision = odds.decisions.find((d) => d.id === target.decision);
  if (!decision || !(target.option in decision.options))
    throw new Error(`no option '${target.option}' in decision '${target.decision}'`);
  const at = (v: number) => leader(leaves, withProbability(odds, target, v));
  const segments: Segment[] = [];
  let start = 0;
  let current = at(0);
  for (let k = 1; k <= grid; k++) {
    const v = k / grid;
    const next = at(v);
    if (next.id === current.id) continue;
    // The change lies in ((k-1)/grid, v]: bisect to a thousandth.
    let lo = (k - 1) / grid;
    let hi = v;
    while (hi - lo > 1e-3) {
      const mid = (lo + hi) / 2;
      if (at(mid).id === current.id) lo = mid;
      else hi = mid;
    }
    segments.push({ from: start, to: hi, ending: current.id, label: current.label });
    start = hi;
    current = at(hi);
  }
  segments.push({ from: start, to: 1, ending: current.id, label: current.label });
  return { target, current: decision.options[target.option] ?? 0, segments };
}
