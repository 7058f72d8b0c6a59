/**
 * What an append needs to know of a log (its size, its number of events, its last event, the replayed
 * state, and whether an id is in it) without reading the whole log: kept in two files beside the log and
 * used only under the writers' lock, so an append costs O(1) of the log's length.
 *
 *   LOG.checkpoint  JSON: the log's identity when it was written (device, inode, size, change time, a hash
 *                   of its last 4 KiB), the version, the last event, and the replayed state, produced and
 *                   read back by replay's own `persistSnapshot`/`restoreSnapshot` (opaque here).
 *   LOG.ids         an open-addressing hash table on disk: per event, a hash of its id and the byte offset
 *                   and line of its line in the log. A hit is always confirmed by reading that line, so a
 *                   stale or colliding slot can never make a new event look stored.
 *
 * Both are caches: they are trusted only while the log is the file they describe (same inode; its bytes at
 * the recorded size end as recorded). Bytes appended since (by a writer through another name) are read and
 * checked from there on; anything else (a rewritten, truncated or replaced log, a missing, damaged or
 * foreign side file) means the log is read whole and the side files are written anew. They are never
 * needed: a log with no side files (or in a directory that cannot hold them) is simply read whole.
 * Problems in a log are never cached: a log with a problem is read and reported every time.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeSync,
} from 'node:fs';
import {
  LOG_START,
  type LoggedEvent,
  type LogPosition,
  type LogProblem,
  logProblem,
  MAX_LINE_BYTES,
  parseLogFrom,
  validateEvent,
} from '../events/parse.js';
import {
  type CaseSnapshot,
  initialSnapshot,
  type PersistedState,
  persistSnapshot,
  restoreSnapshot,
} from '../replay/replay.js';
import { illegalProblems } from './log-state.js';

/** The log as an append sees it, under the lock. */
export interface TailState {
  /** The log's size in bytes. */
  readonly size: number;
  /** Its number of events. */
  readonly version: number;
  /** Where parsing stopped (line count and last event; `ids` is empty: ask `find`). */
  readonly position: LogPosition;
  readonly snapshot: CaseSnapshot;
  /** Problems of form and of law; an append is refused while there is one. */
  readonly problems: readonly LogProblem[];
  /** Whether the last byte is a newline (an empty log counts as ended). */
  readonly ended: boolean;
  /** The stored event with this id, read back from the log. */
  find(id: string): LoggedEvent | undefined;
  /** Records an event just written at `offset` (its line `line`), so the next append need not read it. */
  recordAppend(logged: LoggedEvent, offset: number, snapshot: CaseSnapshot): void;
  /** Closes the id table (the log's own descriptor is the caller's). */
  close(): void;
}

const TAIL_HASH_BYTES = 4096;
/** A checkpoint is small (a state and one event); a larger file is not one of ours. */
const MAX_CHECKPOINT_BYTES = 32 << 20;

// ---- reading the log through the locked descriptor -------------------------------------------------------

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

function tailHash(fd: number, size: number): string {
  const from = Math.max(0, size - TAIL_HASH_BYTES);
  return createHash('sha256')
    .update(readAt(fd, from, size - from))
    .digest('hex');
}

/** The line that starts at `offset` (without its newline, a BOM, or a CR), at most one line's worth. */
function lineAt(fd: number, offset: number): Buffer {
  const chunk = readAt(fd, offset, MAX_LINE_BYTES + 2);
  const end = chunk.indexOf(0x0a);
  let line = end < 0 ? chunk : chunk.subarray(0, end);
  if (offset === 0 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
  if (line.at(-1) === 0x0d) line = line.subarray(0, -1);
  return line;
}

function eventAt(fd: number, offset: number, line: number, id: string): LoggedEvent | undefined {
  try {
    const valid = validateEvent(JSON.parse(lineAt(fd, offset).toString('utf8')));
    return valid.ok && valid.event.id === id ? { event: valid.event, line } : undefined;
  } catch {
    return undefined;
  }
}

/** Byte offsets at which each line of `bytes` starts (index 0 is line 1), shifted by `base`. */
function lineStarts(bytes: Uint8Array, base: number): number[] {
  const starts = [base];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts.push(base + i + 1);
  return starts;
}

// ---- the id table (LOG.ids) ------------------------------------------------------------------------------

const MAGIC = Buffer.from('CSIDS\u0001\0\0', 'latin1');
const HEADER = 32;
const SLOT = 24;

function idHash(id: string): Buffer {
  return createHash('sha256').update(id).digest().subarray(0, 8);
}

interface IdTable {
  readonly token: string;
  count: number;
  capacity: number;
  fd: number;
  readonly path: string;
}

function header(token: string, capacity: number, count: number): Buffer {
  const h = Buffer.alloc(HEADER);
  MAGIC.copy(h, 0);
  Buffer.from(token, 'hex').copy(h, 8);
  h.writeUInt32LE(capacity, 24);
  h.writeUInt32LE(count, 28);
  return h;
}

function slotBytes(hash: Buffer, offset: number, line: number): Buffer {
  const s = Buffer.alloc(SLOT);
  hash.copy(s, 0);
  s.writeDoubleLE(offset, 8);
  s.writeUInt32LE(line, 16);
  return s;
}

/** Slots are probed from the hash's first four bytes; line 0 marks an empty slot (lines start at 1). */
function* probe(table: { capacity: number }, hash: Buffer): Generator<number> {
  const start = hash.readUInt32LE(0) % table.capacity;
  for (let i = 0; i < table.capacity; i++) yield (start + i) % table.capacity;
}

function writeFull(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; )
    done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Writes a fresh table holding `entries` to `path` (via a temporary file and a rename). */
function createIdTable(
  path: string,
  entries: readonly { hash: Buffer; offset: number; line: number }[],
): IdTable {
  let capacity = 1024;
  while (entries.length * 2 >= capacity) capacity *= 2;
  const token = randomBytes(16).toString('hex');
  const buffer = Buffer.alloc(HEADER + capacity * SLOT);
  header(token, capacity, entries.length).copy(buffer, 0);
  for (const e of entries) {
    for (const slot of probe({ capacity }, e.hash)) {
      const at = HEADER + slot * SLOT;
      if (buffer.readUInt32LE(at + 16) !== 0) continue;
      slotBytes(e.hash, e.offset, e.line).copy(buffer, at);
      break;
    }
  }
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeFull(fd, buffer, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return { token, count: entries.length, capacity, fd: openSync(path, 'r+'), path };
}

function openIdTable(path: string, token: string): IdTable | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  const h = readAt(fd, 0, HEADER);
  const capacity = h.length === HEADER ? h.readUInt32LE(24) : 0;
  const ok =
    h.length === HEADER &&
    h.subarray(0, 8).equals(MAGIC) &&
    h.subarray(8, 24).toString('hex') === token &&
    capacity > 0 &&
    fstatSync(fd).isFile() &&
    fstatSync(fd).size === HEADER + capacity * SLOT;
  if (!ok) {
    closeSync(fd);
    return undefined;
  }
  return { token, capacity, count: h.readUInt32LE(28), fd, path };
}

/** The slots whose hash matches `hash`, in probe order, up to the first empty slot. */
function* candidates(table: IdTable, hash: Buffer): Generator<{ offset: number; line: number }> {
  for (const slot of probe(table, hash)) {
    const s = readAt(table.fd, HEADER + slot * SLOT, SLOT);
    const line = s.readUInt32LE(16);
    if (line === 0) return;
    if (s.subarray(0, 8).equals(hash)) yield { offset: s.readDoubleLE(8), line };
  }
}

function allEntries(table: IdTable): { hash: Buffer; offset: number; line: number }[] {
  const bytes = readAt(table.fd, HEADER, table.capacity * SLOT);
  const entries = [];
  for (let at = 0; at < bytes.length; at += SLOT) {
    const line = bytes.readUInt32LE(at + 16);
    if (line !== 0)
      entries.push({
        hash: Buffer.from(bytes.subarray(at, at + 8)),
        offset: bytes.readDoubleLE(at + 8),
        line,
      });
  }
  return entries;
}

/** Adds one entry (growing the table when half full) and makes it durable before any checkpoint names it. */
function insert(table: IdTable, hash: Buffer, offset: number, line: number): IdTable {
  if ((table.count + 1) * 2 >= table.capacity) {
    const entries = allEntries(table);
    closeSync(table.fd);
    entries.push({ hash, offset, line });
    return createIdTable(table.path, entries);
  }
  for (const slot of probe(table, hash)) {
    const at = HEADER + slot * SLOT;
    if (readAt(table.fd, at + 16, 4).readUInt32LE(0) !== 0) continue;
    writeFull(table.fd, slotBytes(hash, offset, line), at);
    table.count += 1;
    writeFull(table.fd, header(table.token, table.capacity, table.count), 0);
    fsyncSync(table.fd);
    return table;
  }
  throw new Error('id table full');
}

// ---- the checkpoint (LOG.checkpoint) ---------------------------------------------------------------------

interface Checkpoint {
  readonly format: 'casesim.checkpoint';
  readonly version: 1;
  readonly log: { dev: number; ino: number; size: number; ctimeMs: number; tailHash: string };
  readonly events: number;
  readonly lines: number;
  readonly last?: { line: number; event: unknown };
  readonly ids: string;
  readonly state: PersistedState;
}

function readCheckpoint(path: string): Checkpoint | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CHECKPOINT_BYTES) return undefined;
    const value = JSON.parse(readAt(fd, 0, stat.size).toString('utf8')) as Partial<Checkpoint> | null;
    const log = value?.log;
    if (
      value?.format !== 'casesim.checkpoint' ||
      value.version !== 1 ||
      !log ||
      typeof log.size !== 'number' ||
      typeof log.tailHash !== 'string' ||
      typeof value.events !== 'number' ||
      typeof value.lines !== 'number' ||
      typeof value.ids !== 'string' ||
      !/^[0-9a-f]{32}$/.test(value.ids)
    )
      return undefined;
    return value as Checkpoint;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function writeCheckpoint(path: string, checkpoint: Checkpoint): void {
  // Not synced: a checkpoint lost in a crash is only a slower next append (the log is then read whole),
  // while the id table it points to is synced before it is named here.
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeFull(fd, Buffer.from(JSON.stringify(checkpoint)), 0);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing to remove, or a directory we cannot write: the checkpoint is then not trusted anyway.
  }
}

// ---- the tail state --------------------------------------------------------------------------------------

interface Paths {
  readonly checkpoint: string;
  readonly ids: string;
}

/** The checkpoint this log's bytes still agree with, and the table it names; undefined means read it whole. */
function trusted(
  fd: number,
  stat: Stats,
  paths: Paths,
): { checkpoint: Checkpoint; table: IdTable; snapshot: CaseSnapshot; last?: LoggedEvent } | undefined {
  const checkpoint = readCheckpoint(paths.checkpoint);
  if (!checkpoint) return undefined;
  const { log } = checkpoint;
  if (log.dev !== stat.dev || log.ino !== stat.ino || log.size > stat.size) return undefined;
  if (log.size === stat.size && log.ctimeMs !== stat.ctimeMs) return undefined;
  if (tailHash(fd, log.size) !== log.tailHash) return undefined;
  let snapshot: CaseSnapshot;
  let last: LoggedEvent | undefined;
  try {
    snapshot = restoreSnapshot(checkpoint.state);
    if (checkpoint.last) {
      const valid = validateEvent(checkpoint.last.event);
      if (!valid.ok) return undefined;
      last = { event: valid.event, line: checkpoint.last.line };
    } else if (checkpoint.events > 0) return undefined;
  } catch {
    return undefined;
  }
  const table = openIdTable(paths.ids, checkpoint.ids);
  if (!table) return undefined;
  if (table.count < checkpoint.events) {
    closeSync(table.fd);
    return undefined;
  }
  return last ? { checkpoint, table, snapshot, last } : { checkpoint, table, snapshot };
}

/**
 * The tail state of the log open (and locked) as `fd`, named `file` in messages, with its side files at
 * `paths` (beside the log's real path, so every symlink to it shares them).
 */
export function loadTail(fd: number, file: string, paths: Paths): TailState {
  const stat = fstatSync(fd);
  const size = stat.size;
  const found = trusted(fd, stat, paths);
  const from = found?.checkpoint.log.size ?? 0;
  const bytes = readAt(fd, from, size - from);
  const position: LogPosition = found
    ? found.last
      ? { line: found.checkpoint.lines, ids: new Map(), last: found.last }
      : { line: found.checkpoint.lines, ids: new Map() }
    : LOG_START;
  const parsed = parseLogFrom(bytes, file, position);
  const starts = lineStarts(bytes, from);
  const appended = new Map<number, number>();
  const offsetOf = (line: number) => appended.get(line) ?? starts[line - position.line - 1] ?? size;
  let table = found?.table;
  const known = new Map<string, LoggedEvent>();
  const lookup = (id: string): LoggedEvent | undefined => {
    const fresh = known.get(id);
    if (fresh) return fresh;
    if (!table) return undefined;
    for (const c of candidates(table, idHash(id))) {
      const event = eventAt(fd, c.offset, c.line, id);
      if (event) return event;
    }
    return undefined;
  };

  const problems: LogProblem[] = [...parsed.problems];
  const fresh: LoggedEvent[] = [];
  for (const logged of parsed.events) {
    // Ids before the checkpoint are in the table; parseLogFrom saw only the bytes after it.
    const before = found ? lookup(logged.event.id) : undefined;
    if (before && before.line !== logged.line) {
      problems.push(
        logProblem(
          'DUPLICATE_ID',
          file,
          logged.line,
          `id already used on line ${before.line}`,
          logged.event.id,
        ),
      );
      continue;
    }
    fresh.push(logged);
  }
  for (const logged of fresh) known.set(logged.event.id, logged);
  const replayed = illegalProblems(fresh, found?.snapshot ?? initialSnapshot(), file);
  problems.push(...replayed.problems);
  problems.sort((a, b) => a.where.line - b.where.line);
  const version = (found?.checkpoint.events ?? 0) + fresh.length;
  const ended = size === 0 || bytes.at(-1) === 0x0a || (bytes.length === 0 && found !== undefined);
  let snapshot = replayed.snapshot;
  let end = parsed.end;
  let count = version;
  let current = { size, ctimeMs: stat.ctimeMs };

  /** Brings the side files up to the log as it now is: only ever for a clean log that ends with a newline. */
  const persist = (): void => {
    try {
      if (!table) {
        table = createIdTable(
          paths.ids,
          [...known.values()].map((l) => ({
            hash: idHash(l.event.id),
            offset: offsetOf(l.line),
            line: l.line,
          })),
        );
      } else if (fresh.length > 0) {
        for (const l of fresh) {
          const offset = offsetOf(l.line);
          const there = [...candidates(table, idHash(l.event.id))].some((c) => c.offset === offset);
          if (!there) table = insert(table, idHash(l.event.id), offset, l.line);
        }
      }
      fresh.length = 0;
      const last = end.last;
      writeCheckpoint(paths.checkpoint, {
        format: 'casesim.checkpoint',
        version: 1,
        log: { dev: stat.dev, ino: stat.ino, ...current, tailHash: tailHash(fd, current.size) },
        events: count,
        lines: end.line,
        ...(last ? { last: { line: last.line, event: last.event } } : {}),
        ids: table.token,
        state: persistSnapshot(snapshot),
      });
    } catch {
      // A directory the side files cannot be written in (read-only, full): the log stays the truth, and the
      // next append reads it whole. A checkpoint that may now disagree with its table is taken away.
      removeQuietly(paths.checkpoint);
    }
  };

  const clean = problems.length === 0 && ended;
  if (clean && (!found || fresh.length > 0 || !table)) persist();

  return {
    size,
    version,
    position: end.last
      ? { line: end.line, ids: new Map(), last: end.last }
      : { line: end.line, ids: new Map() },
    snapshot,
    problems,
    ended,
    find: lookup,
    recordAppend(logged, offset, next) {
      known.set(logged.event.id, logged);
      fresh.push(logged);
      appended.set(logged.line, offset);
      snapshot = next;
      count += 1;
      end = { line: logged.line, ids: new Map(), last: logged };
      const after = fstatSync(fd);
      current = { size: after.size, ctimeMs: after.ctimeMs };
      if (table || clean) persist();
    },
    close() {
      if (table) closeSync(table.fd);
      table = undefined;
    },
  };
}

/** Where the side files of the log whose real path (symlinks resolved) is `realPath` live. */
export function sideFilesOf(realPath: string): Paths {
  return { checkpoint: `${realPath}.checkpoint`, ids: `${realPath}.ids` };
}
