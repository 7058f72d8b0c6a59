/**
 * Saved states: `replay --save-state` writes the state after the last replayed event, and `--resume`
 * reads it back and replays only what follows its last event. A file that is not such a state, or does
 * not belong to the log, is refused with one message that says why.
 *
 * A state carries the identity of the log prefix it summarises (its length in bytes and its SHA-256), so a
 * state saved from another log, or from a log since changed before that point, is refused, not trusted.
 * It is written atomically (a temporary file, synced, then renamed over the target), and never over a file
 * that is not itself a saved state: a log, or anything else, is left alone.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { LoggedEvent } from '../events/parse.js';
import { phasesOf } from '../machine/phases.js';
import {
  type CaseSnapshot,
  type PersistedState,
  persistSnapshot,
  restoreSnapshot,
} from '../replay/replay.js';
import { ioCause } from '../store/errors.js';
import { CliError } from './errors.js';
import { readText } from './io.js';

const records = z.record(z.string(), z.looseObject({}));

/** The shape of a saved state, checked before the machine sees it. */
const SavedState = z.strictObject({
  format: z.literal('casesim.state'),
  version: z.literal(1),
  log: z.strictObject({
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  value: z.record(z.string(), z.string()),
  context: z.looseObject({
    orders: records,
    identifications: records,
    prohibitions: records,
    suits: records,
    appeals: records,
    motions: records,
    injunctions: records,
    stays: records,
    // Absent from a state saved before petitions for certiorari were recorded.
    petitions: records.optional(),
    positions: z.array(z.looseObject({})),
    accepted: z.number().int().nonnegative(),
    lastEvent: z.string().optional(),
  }),
});

/** The identity of a log's first `bytes` bytes: what a saved state summarises. */
export interface LogIdentity {
  readonly bytes: number;
  readonly sha256: string;
}

/** The prefix of `logBytes` through the end of line `line` (0: nothing), as a state's identity. */
export function prefixIdentity(logBytes: Uint8Array, line: number): LogIdentity {
  let end = 0;
  for (let n = 0; n < line; n++) {
    const next = logBytes.indexOf(0x0a, end);
    end = next < 0 ? logBytes.length : next + 1;
  }
  return { bytes: end, sha256: createHash('sha256').update(logBytes.subarray(0, end)).digest('hex') };
}

/** The first bytes of an existing file (undefined when there is none), to judge what it is. */
function peek(path: string): { kind: 'missing' } | { kind: 'file'; head: string } | { kind: 'other' } {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (!stat.isFile()) return { kind: 'other' };
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(256);
    return { kind: 'file', head: buffer.subarray(0, readSync(fd, buffer, 0, 256, 0)).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

export function saveState(path: string, snapshot: CaseSnapshot, log: LogIdentity): void {
  const fail = (why: string): never => {
    throw new CliError(`--save-state: ${why}`);
  };
  let existing: ReturnType<typeof peek>;
  try {
    existing = peek(path);
  } catch (error) {
    existing = fail(`cannot write ${path}: ${ioCause(error)}`);
  }
  if (existing.kind === 'other')
    fail(`cannot write ${path}: it is a directory or a special file, not a state file`);
  if (
    existing.kind === 'file' &&
    existing.head.trim() !== '' &&
    !/^\{\s*"format":\s*"casesim\.state"/.test(existing.head)
  )
    fail(
      `${path} exists and is not a saved state (it may be a log); it is left as it is: choose another file name`,
    );
  const { format, version, ...rest } = persistSnapshot(snapshot);
  const text = `${JSON.stringify({ format, version, log, ...rest }, null, 2)}\n`;
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      const bytes = Buffer.from(text);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    const dir = openSync(dirname(resolve(path)), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    fail(`cannot write ${path}: ${ioCause(error)}; any earlier state there is unchanged`);
  }
}

/** Reads a saved state; `flag` names the option in messages. */
export function loadState(
  path: string,
  flag = '--resume',
): { snapshot: CaseSnapshot; lastEvent?: string; log: LogIdentity } {
  let bytes: Uint8Array;
  try {
    bytes = readText(path, 'state file');
  } catch (error) {
    throw error instanceof CliError ? new CliError(`${flag}: ${error.message}`) : error;
  }
  const text = new TextDecoder().decode(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(
      `${flag}: ${path} is not JSON (expected a state saved by casesim replay --save-state)`,
    );
  }
  const parsed = SavedState.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    throw new CliError(
      `${flag}: ${path} is not a casesim state (${where}${issue?.message ?? 'invalid'}); save one with casesim replay --save-state`,
    );
  }
  let snapshot: CaseSnapshot;
  try {
    snapshot = restoreSnapshot(parsed.data as unknown as PersistedState);
  } catch {
    throw new CliError(`${flag}: ${path} names region states the case machine does not have`);
  }
  const value = parsed.data.value;
  let consistent: boolean;
  try {
    consistent = Object.entries(phasesOf(snapshot.context)).every(
      ([region, phase]) => value[region] === phase,
    );
  } catch {
    // A record the machine cannot read (tampered fields of the right shape) is no state to resume from.
    consistent = false;
  }
  if (!consistent)
    throw new CliError(`${flag}: ${path} is inconsistent: its region states do not match its record`);
  const { lastEvent } = parsed.data.context;
  const log = parsed.data.log;
  return lastEvent === undefined ? { snapshot, log } : { snapshot, lastEvent, log };
}

/** The events of `log` after the state's last event; refuses a state saved from another log. */
export function eventsAfter(
  events: readonly LoggedEvent[],
  lastEvent: string | undefined,
  path: string,
  file: string,
): readonly LoggedEvent[] {
  if (lastEvent === undefined) return events;
  const index = events.findIndex((l) => l.event.id === lastEvent);
  if (index < 0) {
    throw new CliError(
      `--resume: the last event of ${path} (${lastEvent}) is not in ${file}; the state was saved from another log`,
    );
  }
  return events.slice(index + 1);
}

/** Refuses a state whose log prefix is not the start of this log's bytes. */
export function checkIdentity(logBytes: Uint8Array, state: LogIdentity, path: string, file: string): void {
  const prefix = logBytes.subarray(0, state.bytes);
  if (prefix.length !== state.bytes || createHash('sha256').update(prefix).digest('hex') !== state.sha256)
    throw new CliError(
      `--resume: ${path} was saved from a log whose first ${state.bytes} bytes are not those of ${file} (another log, or this one changed since); replay it whole, or save the state again`,
    );
}
