/**
 * Appending one event to a log, the way an event store does: validated (schema, then legality: the machine
 * decides), checked against the version the caller expected, idempotent by event id, and written atomically
 * and durably under an exclusive cross-process lock. Nothing already in the log is ever changed.
 *
 * Under the lock the log is re-read, so every check sees the log as it is, not as it was; the event is then
 * written as one complete line with a single write to a file opened for appending, and the file (and, when
 * the append created it, its directory) is fsynced before success is reported.
 *
 * The stored line is the event as this version of casesim reads it: an event given in an older schema
 * version is stored upcast to the current version, with the schema's defaults filled in, so every line a
 * writer adds is current (old lines are never rewritten: readers upcast them).
 */

import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  idOf,
  MAX_LINE_BYTES,
  parseLogFrom,
  printable,
  serializeEvent,
  validateEvent,
} from '../events/parse.js';
import type { CaseEvent } from '../events/schema.js';
import { illegalEvent } from '../problem.js';
import { applyEvent } from '../replay/replay.js';
import { ioCause, type StoreError, storeError } from './errors.js';
import { lockLog, NotALogFile, openLog } from './lock.js';
import { loadTail, sideFilesOf } from './tail.js';

/** The two calls whose failure leaves a write's outcome unknown; tests pass a layer that injects faults. */
export interface StoreFs {
  readonly writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  readonly fsyncSync: (fd: number) => void;
}

const REAL_FS: StoreFs = { writeSync, fsyncSync };

/** How long a writer waits for the lock by default. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

export interface AppendOptions {
  /** The number of events the caller saw in the log; the append is refused with CONFLICT if it has moved on. */
  readonly expectedVersion?: number;
  /** How long to wait for another writer's lock (default 30 s). */
  readonly lockTimeoutMs?: number;
  /** Where the event came from, for errors about the event itself (default `<event>`). */
  readonly source?: string;
  /** The file-system calls that write and sync (for fault injection in tests). */
  readonly fs?: StoreFs;
}

export type AppendResult =
  | {
      readonly ok: true;
      /** `duplicate`: the same event (same id, same content) was already in the log; nothing was written. */
      readonly status: 'appended' | 'duplicate';
      readonly file: string;
      readonly eventId: string;
      /** The event's line in the log. */
      readonly line: number;
      /** The log's version (its number of events) after the call. */
      readonly version: number;
      readonly error?: never;
    }
  | { readonly ok: false; readonly error: StoreError };

const CORRUPT_HINT = (file: string) =>
  `nothing was appended; run \`casesim validate ${file}\` to list every problem, and \`casesim repair ${file}\` to move a torn last line aside`;

/** JSON with object keys sorted, so two events compare by content, whatever order their keys were given in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Reads one event from bytes (a file or stdin): UTF-8, at most one line's worth, one JSON value. */
export function decodeEvent(
  input: string | Uint8Array,
  source = '<event>',
): { ok: true; raw: unknown } | { ok: false; error: StoreError } {
  let bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const invalid = (message: string, line = 1) =>
    ({ ok: false, error: storeError('INVALID_EVENT', source, message, { line }) }) as const;
  if (bytes.length > MAX_LINE_BYTES)
    return invalid(
      `the event is more than ${MAX_LINE_BYTES} bytes; a log line may be at most ${MAX_LINE_BYTES}`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return invalid('the event is not valid UTF-8');
  }
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) return invalid('not valid JSON: nesting too deep');
    const at = /position (\d+)/.exec(error.message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    return invalid(`not valid JSON: ${printable(error.message.slice(0, 200))}`, line);
  }
}

/** Appends an event given as text (the contents of an event file, or stdin). */
export function appendEventText(
  file: string,
  input: string | Uint8Array,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const decoded = decodeEvent(input, options.source);
  return decoded.ok ? appendEvent(file, decoded.raw, options) : Promise.resolve(decoded);
}

/** Appends one event (any decoded value: it is validated here) to the log at `file`, creating the log if needed. */
export async function appendEvent(
  file: string,
  raw: unknown,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const source = options.source ?? '<event>';
  const valid = validateEvent(raw);
  if (!valid.ok) {
    const eventId = idOf(raw);
    return {
      ok: false,
      error: storeError('INVALID_EVENT', source, valid.message, { line: 1, eventId, issues: valid.issues }),
    };
  }
  const event = valid.event;
  const line = `${serializeEvent(event)}\n`;
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
    return {
      ok: false,
      error: storeError(
        'INVALID_EVENT',
        source,
        `the event is longer than a log line may be (${MAX_LINE_BYTES} bytes)`,
        {
          line: 1,
          eventId: event.id,
        },
      ),
    };
  }
  return appendLocked(file, event, line, options);
}

/** Why a log could not be opened, in words; nothing has been written. */
function openFailure(file: string, error: unknown, eventId: string): AppendResult {
  let why: string;
  if (error instanceof NotALogFile) why = `${file} ${error.message}`;
  else if ((error as NodeJS.ErrnoException).code === 'EISDIR') why = `${file} is a directory`;
  else if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(dirname(resolve(file))))
    why = `cannot create ${file}: its directory does not exist`;
  else if ((error as NodeJS.ErrnoException).code === 'ENOENT' && isSymlink(file))
    why = `${file} is a symbolic link to ${printable(readlinkSync(file))}, whose directory does not exist`;
  else why = `cannot open ${file}: ${ioCause(error)}`;
  return { ok: false, error: storeError('IO_ERROR', file, `${why}; the event is not stored`, { eventId }) };
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function unknownOutcome(file: string, cause: string, eventId: string): AppendResult {
  return {
    ok: false,
    error: storeError(
      'OUTCOME_UNKNOWN',
      file,
      `${cause}: the event may or may not be stored: run \`casesim validate ${file}\`; a retry with the same id is safe`,
      { eventId },
    ),
  };
}

async function appendLocked(
  file: string,
  event: CaseEvent,
  line: string,
  options: AppendOptions,
): Promise<AppendResult> {
  const fs = options.fs ?? REAL_FS;
  const created = !existsSync(file) && !isSymlink(file);
  let fd: number;
  try {
    fd = openLog(file, true);
  } catch (error) {
    return openFailure(file, error, event.id);
  }
  try {
    const locked = await lockLog(fd, options.lockTimeoutMs ?? DEFAULT_LOCK_WAIT_MS);
    if (!locked.ok) {
      return {
        ok: false,
        error: storeError(
          'LOCK_TIMEOUT',
          file,
          `another writer held the lock on the log for all of ${(locked.waitedMs / 1000).toFixed(1)} s; nothing was appended; try again, or wait longer (--wait SECONDS)`,
          { eventId: event.id },
        ),
      };
    }
    let tail: ReturnType<typeof loadTail>;
    try {
      tail = loadTail(fd, file, sideFilesOf(realpathSync(file)));
    } catch (error) {
      return {
        ok: false,
        error: storeError(
          'IO_ERROR',
          file,
          `cannot read the log: ${ioCause(error)}; the event is not stored`,
          {
            eventId: event.id,
          },
        ),
      };
    }
    try {
      return writeChecked(fd, file, event, line, tail, created, fs, options);
    } finally {
      tail.close();
    }
  } finally {
    // Closing the only descriptor of this open file is what releases the lock.
    closeSync(fd);
  }
}

function writeChecked(
  fd: number,
  file: string,
  event: CaseEvent,
  line: string,
  state: ReturnType<typeof loadTail>,
  created: boolean,
  fs: StoreFs,
  options: AppendOptions,
): AppendResult {
  const version = state.version;
  const fail = (error: StoreError): AppendResult => ({ ok: false, error });

  const problem = state.problems[0];
  if (problem) {
    const more = state.problems.length > 1 ? ` (and ${state.problems.length - 1} more)` : '';
    return fail(
      storeError(
        'CORRUPT_LOG',
        file,
        `the log is not valid: ${problem.message}${more}; ${CORRUPT_HINT(file)}`,
        {
          line: problem.where.line,
          eventId: problem.where.eventId,
        },
      ),
    );
  }

  // Idempotency comes before the version check: a retry of an append that succeeded (its answer lost)
  // carries a now-stale expected version, and must still be told that its event is stored.
  const same = state.find(event.id);
  if (same) {
    if (canonical(same.event) === canonical(event))
      return { ok: true, status: 'duplicate', file, eventId: event.id, line: same.line, version };
    return fail(
      storeError(
        'DUPLICATE_ID_DIFFERENT_CONTENT',
        file,
        `an event with this id is already on line ${same.line} with different content; give the new event its own id`,
        { line: same.line, eventId: event.id },
      ),
    );
  }

  const newLine = state.position.line + 1;
  if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
    const moved = version - options.expectedVersion;
    const why =
      moved > 0
        ? `${moved} event${moved === 1 ? ' was' : 's were'} appended since`
        : `it has only ${version} event${version === 1 ? '' : 's'}`;
    return fail(
      storeError(
        'CONFLICT',
        file,
        `expected version ${options.expectedVersion} but the log is at version ${version} (${why}); re-read the log, decide again, and retry`,
        { eventId: event.id, expectedVersion: options.expectedVersion, actualVersion: version },
      ),
    );
  }

  // Order of legal effect is a rule of the log's form: the same check `validate` makes, on the new line.
  const order = parseLogFrom(line, file, state.position).problems[0];
  if (order) {
    return fail(
      storeError(order.code === 'OUT_OF_ORDER' ? 'OUT_OF_ORDER' : 'INVALID_EVENT', file, order.message, {
        line: newLine,
        eventId: event.id,
        issues: order.issues,
      }),
    );
  }

  const applied = applyEvent(state.snapshot, event);
  if (!applied.ok) {
    // Worded as `validate` words the same event in the log: one sentence for one refusal.
    return fail(illegalEvent(event, applied.rejection.rule, { file, line: newLine }));
  }

  // A last line without its newline (a hand edit) is whole and valid here: end it in the same single write.
  const bytes = Buffer.from(state.ended ? line : `\n${line}`, 'utf8');
  let written = 0;
  try {
    // One write of the whole line to a file opened for appending; a short write (a full disk) is finished or fails.
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
  } catch (error) {
    if (written === 0)
      return fail(
        storeError('IO_ERROR', file, `cannot write to the log: ${ioCause(error)}; the event is not stored`, {
          eventId: event.id,
        }),
      );
    return unknownOutcome(
      file,
      `the write was cut off after ${written} of ${bytes.length} bytes (${ioCause(error)})`,
      event.id,
    );
  }
  try {
    fs.fsyncSync(fd);
    if (created) syncDirectory(dirname(resolve(file)));
  } catch (error) {
    return unknownOutcome(file, `the log could not be synced to disk (${ioCause(error)})`, event.id);
  }
  try {
    state.recordAppend({ event, line: newLine }, state.size + (state.ended ? 0 : 1), applied.snapshot);
  } catch {
    // The event is stored and synced; a checkpoint that could not be kept only makes the next append slower.
  }
  return { ok: true, status: 'appended', file, eventId: event.id, line: newLine, version: version + 1 };
}

/** Makes a new directory entry durable. */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
