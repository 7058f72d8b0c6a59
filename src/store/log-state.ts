/**
 * A log as a writer needs it: its bytes, its events, every problem (of form and of law), the replayed state
 * and the version (the number of events). A process that read a log before re-reads only what was appended
 * since: the bytes it parsed and replayed are compared, not trusted, and any difference means a full read.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  LOG_START,
  type LoggedEvent,
  type LogPosition,
  type LogProblem,
  parseLogFrom,
} from '../events/parse.js';
import { illegalEvent } from '../problem.js';
import { type CaseSnapshot, initialSnapshot, replay } from '../replay/replay.js';

export interface LogState {
  readonly file: string;
  readonly exists: boolean;
  readonly bytes: Uint8Array;
  readonly events: readonly LoggedEvent[];
  /** Problems of form (parse) and of law (the machine rejects an event), in file order. */
  readonly problems: readonly LogProblem[];
  /** The state after every event (meaningful only when there are no problems). */
  readonly snapshot: CaseSnapshot;
  readonly position: LogPosition;
}

interface Cached {
  /** The log's bytes up to the end of its last whole line: only clean prefixes are kept. */
  readonly bytes: Uint8Array;
  readonly events: readonly LoggedEvent[];
  readonly snapshot: CaseSnapshot;
  readonly position: LogPosition;
}

const cache = new Map<string, Cached>();

function readBytes(file: string): { exists: boolean; bytes: Uint8Array } {
  try {
    return { exists: true, bytes: readFileSync(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, bytes: new Uint8Array() };
    throw error;
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && Buffer.from(prefix).equals(bytes.subarray(0, prefix.length));
}

/** Replays `fresh` from `from`, reporting each event the machine refuses as a problem at its line. */
export function illegalProblems(
  fresh: readonly LoggedEvent[],
  from: CaseSnapshot,
  file: string,
): { snapshot: CaseSnapshot; problems: LogProblem[] } {
  let snapshot = from;
  const problems: LogProblem[] = [];
  for (const step of replay(
    fresh.map((l) => l.event),
    from,
  )) {
    snapshot = step.after;
    if (!step.rejection) continue;
    const line = fresh[step.index]?.line ?? 0;
    problems.push(illegalEvent(step.event, step.rejection.rule, { file, line }));
  }
  return { snapshot, problems };
}

/** Reads the log at `file` (a missing file is an empty log) and checks every event against the machine. */
export function readLogState(file: string): LogState {
  const key = resolve(file);
  const { exists, bytes } = readBytes(file);
  const known = cache.get(key);
  const from = known && startsWith(bytes, known.bytes) ? known : undefined;
  const start = from?.bytes.length ?? 0;
  const parsed = parseLogFrom(bytes.subarray(start), file, from?.position ?? LOG_START);
  const fresh = parsed.events;
  const replayed = illegalProblems(fresh, from?.snapshot ?? initialSnapshot(), file);
  const problems: LogProblem[] = [...parsed.problems, ...replayed.problems];
  const snapshot = replayed.snapshot;
  problems.sort((a, b) => a.where.line - b.where.line);
  const events = from ? [...from.events, ...fresh] : fresh;
  const state: LogState = { file, exists, bytes, events, problems, snapshot, position: parsed.end };
  remember(key, state);
  return state;
}

/** Keeps a clean state whose bytes end with a whole line, for the next read of the same log. */
export function remember(key: string, state: Omit<LogState, 'file' | 'exists'>): void {
  const { bytes } = state;
  if (state.problems.length > 0 || (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a)) {
    cache.delete(resolve(key));
    return;
  }
  cache.set(resolve(key), {
    bytes,
    events: state.events,
    snapshot: state.snapshot,
    position: state.position,
  });
}
