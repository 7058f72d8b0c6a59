/**
 * Checkpoints: the state of a log kept every K events, so that a question at an instant, or a what-if
 * branch from the middle of a case, replays only the tail after the nearest checkpoint. Answers equal
 * those of a full replay (`caseAt`, `replayAll`): replay is deterministic, and replaying a prefix then
 * the rest gives what replaying the whole gives. Snapshots share every record an event did not touch, so
 * keeping many costs little; `persistCheckpoints` turns them into JSON-ready states.
 */
import { countedAt, countingClock, countingMoments } from '../events/instant.js';
import type { CaseEvent } from '../events/schema.js';
import { legalEffects } from '../machine/effects.js';
import type { AsOf, CaseAt } from './query.js';
import {
  applyEvent,
  type CaseSnapshot,
  initialSnapshot,
  type PersistedState,
  persistSnapshot,
  type Rejection,
  type ReplayResult,
  restoreSnapshot,
} from './replay.js';

const DEFAULT_EVERY = 128;

export interface Checkpoints {
  readonly events: readonly CaseEvent[];
  /** K: a state is kept before event 0, K, 2K, ... */
  readonly every: number;
  /** states[k]: the state after the first k*K events. */
  readonly states: readonly CaseSnapshot[];
  /** Every rejection of a full replay, in log order, and how many fall before each checkpoint. */
  readonly rejections: readonly Rejection[];
  readonly rejectionsBefore: readonly number[];
  /**
   * Two columns of one array, so a log pays for one typed array: at [i], when event i's `at` counts in the
   * whole log (`countingMoments`: never decreasing); at [n + i], the latest moment any `knownAt` of events
   * 0..i counts.
   */
  readonly moments: Float64Array;
}

/**
 * The empty case, one for every log's checkpoints: an event's new state copies what it changes and shares
 * the rest, so nothing writes to it (frozen, so nothing can).
 */
const EMPTY: CaseSnapshot = (() => {
  const snapshot = initialSnapshot();
  for (const value of Object.values(snapshot.context)) if (typeof value === 'object') Object.freeze(value);
  Object.freeze(snapshot.context);
  return snapshot;
})();

/** Replays `events` once, keeping the state every `every` events. */
export function buildCheckpoints(
  events: readonly CaseEvent[],
  every = DEFAULT_EVERY,
  from: CaseSnapshot = EMPTY,
): Checkpoints {
  if (!Number.isInteger(every) || every < 1)
    throw new Error(`checkpoint interval must be a positive integer`);
  const n = events.length;
  const states: CaseSnapshot[] = [from];
  const rejections: Rejection[] = [];
  const rejectionsBefore = [0];
  let snapshot = from;
  events.forEach((event, i) => {
    const result = applyEvent(snapshot, event);
    if (!result.ok) rejections.push(result.rejection);
    snapshot = result.snapshot;
    if ((i + 1) % every === 0 && i + 1 < n) {
      states.push(snapshot);
      rejectionsBefore.push(rejections.length);
    }
  });
  return checkpointsOfParts(events, every, states, rejections, rejectionsBefore);
}

const NONE: readonly Rejection[] = Object.freeze([]);
const zerosByLength = new Map<number, readonly number[]>();

/** `rejectionsBefore` of a log with no rejection: all zeros, one frozen list per length for every log. */
function noneBefore(length: number): readonly number[] {
  let zeros = zerosByLength.get(length);
  if (!zeros) {
    zeros = Object.freeze(new Array<number>(length).fill(0));
    zerosByLength.set(length, zeros);
  }
  return zeros;
}

/**
 * The checkpoints record, its lists exactly as long as their contents: an array grown by `push` keeps room
 * for sixteen more, and a corpus of short cases keeps three such lists per case (a fifth of what its
 * checkpoints cost, measured with a heap snapshot).
 */
function checkpointsOfParts(
  events: readonly CaseEvent[],
  every: number,
  states: CaseSnapshot[],
  rejections: Rejection[],
  rejectionsBefore: number[],
): Checkpoints {
  return {
    events,
    every,
    states: states.slice(),
    rejections: rejections.length === 0 ? NONE : rejections.slice(),
    rejectionsBefore:
      rejections.length === 0 ? noneBefore(rejectionsBefore.length) : rejectionsBefore.slice(),
    moments: timeIndex(events),
  };
}

/** `Checkpoints.moments`: both columns in one array (a corpus of short cases keeps one per case). */
function timeIndex(events: readonly CaseEvent[]): Float64Array {
  const n = events.length;
  const moments = new Float64Array(2 * n);
  moments.set(countingMoments(events));
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    max = Math.max(max, countedAt(events[i]!.knownAt));
    moments[n + i] = max;
  }
  return moments;
}

const built = new WeakMap<readonly CaseEvent[], Checkpoints>();

/**
 * The checkpoints of a log, built on first use and kept while the array lives: for callers that ask
 * many questions of one log (a scrubber, intervals, outcome search). The array must not change after.
 */
export function checkpointsOf(events: readonly CaseEvent[]): Checkpoints {
  let cp = built.get(events);
  if (!cp || cp.events.length !== events.length) {
    cp = buildCheckpoints(events);
    built.set(events, cp);
  }
  return cp;
}

/** Replays `events[from, to)` and then `extra` from checkpoint `k`. */
function replayFrom(cp: Checkpoints, k: number, to: number, extra: readonly CaseEvent[] = []): ReplayResult {
  let snapshot = cp.states[k]!;
  const rejections = cp.rejections.slice(0, cp.rejectionsBefore[k]);
  const step = (event: CaseEvent) => {
    const result = applyEvent(snapshot, event);
    if (!result.ok) rejections.push(result.rejection);
    snapshot = result.snapshot;
  };
  for (let i = k * cp.every; i < to; i++) step(cp.events[i]!);
  for (const event of extra) step(event);
  return { snapshot, rejections };
}

/** The state after the first `count` events: what `replayAll(events.slice(0, count))` gives. */
export function stateAfter(cp: Checkpoints, count: number): ReplayResult {
  const n = Math.max(0, Math.min(cp.events.length, Math.floor(count)));
  return replayFrom(cp, Math.min(Math.floor(n / cp.every), cp.states.length - 1), n);
}

/** How many events from the start all count at `asOf`: the prefix a checkpoint can stand in for. */
function countedPrefix(cp: Checkpoints, asOf: AsOf): number {
  let lo = 0;
  let hi = cp.events.length;
  // Running maxima never decrease, so "every event up to i counts" holds up to some point and not after.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const ok =
      cp.moments[mid]! <= asOf.at &&
      (asOf.knownAt === undefined || cp.moments[cp.events.length + mid]! <= asOf.knownAt);
    if (ok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `caseAt(cp.events, asOf)`, replaying only from the checkpoint before the first event that does not count. */
export function caseAtFromCheckpoints(cp: Checkpoints, asOf: AsOf): CaseAt {
  const prefix = countedPrefix(cp, asOf);
  const tail: CaseEvent[] = [];
  // Past the prefix, events K had not seen are left out and the rest count as in `eventsAt`: a prefix of
  // what K had seen, each no earlier than the one before it.
  const { knownAt } = asOf;
  if (knownAt !== undefined) {
    const countsAt = countingClock(prefix > 0 ? cp.moments[prefix - 1]! : undefined);
    for (let i = prefix; i < cp.events.length; i++) {
      if (countedAt(cp.events[i]!.knownAt) > knownAt) continue;
      if (countsAt(cp.events[i]!.at) > asOf.at) break;
      tail.push(cp.events[i]!);
    }
  }
  const k = Math.min(Math.floor(prefix / cp.every), cp.states.length - 1);
  const { snapshot, rejections } = replayFrom(cp, k, prefix, tail);
  const events = tail.length === 0 ? cp.events.slice(0, prefix) : [...cp.events.slice(0, prefix), ...tail];
  return { snapshot, effects: legalEffects(snapshot.context, asOf.at), events, rejections };
}

/** Checkpoints as JSON-ready data: the interval and each state, persisted. */
export interface PersistedCheckpoints {
  readonly format: 'casesim.checkpoints';
  readonly version: 1;
  readonly every: number;
  readonly states: readonly PersistedState[];
  readonly rejectionsBefore: readonly number[];
}

export function persistCheckpoints(cp: Checkpoints): PersistedCheckpoints {
  return {
    format: 'casesim.checkpoints',
    version: 1,
    every: cp.every,
    states: cp.states.map(persistSnapshot),
    rejectionsBefore: cp.rejectionsBefore,
  };
}

/**
 * Rebuilds checkpoints for the same `events` from persisted states, replaying only the segments in which
 * a rejection fell (to have the rejections again), not the whole log.
 */
export function restoreCheckpoints(
  events: readonly CaseEvent[],
  persisted: PersistedCheckpoints,
): Checkpoints {
  const { every, rejectionsBefore } = persisted;
  const states = persisted.states.map(restoreSnapshot);
  const rejections: Rejection[] = [];
  states.forEach((state, k) => {
    const next = rejectionsBefore[k + 1];
    if (next !== undefined && next === rejectionsBefore[k]) return;
    let snapshot = state;
    const end = next === undefined ? events.length : (k + 1) * every;
    for (let i = k * every; i < end; i++) {
      const result = applyEvent(snapshot, events[i]!);
      if (!result.ok) rejections.push(result.rejection);
      snapshot = result.snapshot;
    }
  });
  return checkpointsOfParts(events, every, states, rejections, [...rejectionsBefore]);
}
