/**
 * What the store refuses, as values: a code a program can branch on, and where (file, line, event id) and
 * why for a person. The store never throws for bad input or a refused append; it throws only for bugs.
 */
import type { RuleMeta } from '../machine/rules.js';

export type StoreErrorCode =
  /** The event is not an event: not JSON, not UTF-8, too long, or not what the schema says. */
  | 'INVALID_EVENT'
  /** The machine refuses the event in the log's current state; `rule` says which rule it breaks. */
  | 'ILLEGAL_EVENT'
  /** The event takes effect before the log's last event: the log is kept in order of legal effect. */
  | 'OUT_OF_ORDER'
  /** The caller expected another version (number of events) than the log has: it has moved on. */
  | 'CONFLICT'
  /** An event with this id is in the log with other content. */
  | 'DUPLICATE_ID_DIFFERENT_CONTENT'
  /** The log has a torn last line or an invalid line: nothing is appended until it is validated and repaired. */
  | 'CORRUPT_LOG'
  /** Another writer held the log's lock for longer than the caller would wait. */
  | 'LOCK_TIMEOUT'
  /** The file system refused (permissions, a missing directory, a full disk) before anything was written. */
  | 'IO_ERROR'
  /**
   * The write started but its end is unknown (a write cut off, an fsync that failed): the event may or may
   * not be stored. `validate` tells; a retry with the same id is safe (it is stored once).
   */
  | 'OUTCOME_UNKNOWN';

export interface StoreError {
  readonly code: StoreErrorCode;
  /** The file the problem is in: the log, or the event's own file for an event that cannot be read. */
  readonly file: string;
  /** 1-based line in `file`, where there is one. */
  readonly line?: number;
  readonly eventId?: string;
  readonly message: string;
  readonly rule?: RuleMeta;
  /** For CONFLICT: the version the caller expected and the one the log has. */
  readonly expectedVersion?: number;
  readonly actualVersion?: number;
}

/** Builds an error value, leaving out the fields that do not apply (so it prints and serialises cleanly). */
export function storeError(
  code: StoreErrorCode,
  file: string,
  message: string,
  where: { [K in Exclude<keyof StoreError, 'code' | 'file' | 'message'>]?: StoreError[K] | undefined } = {},
): StoreError {
  const error: Record<string, unknown> = { code, file };
  for (const [key, value] of Object.entries(where)) if (value !== undefined) error[key] = value;
  error.message = message;
  return error as unknown as StoreError;
}

/** One line for a terminal: `file:line: event id: message`. */
export function formatStoreError(error: StoreError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  const id = error.eventId === undefined ? '' : ` event ${error.eventId}:`;
  return `${where}:${id} ${error.message} [${error.code}]`;
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of its path is not a directory',
  ENOENT: 'no such file or directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error (the disk or its driver failed)',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EFBIG: 'the file is too large for this file system',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
};

/** What a file-system error means, in words (the raw code only for one without a name here). */
export function ioCause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && CAUSES[code]) return CAUSES[code];
  if (code) return `system error ${code}`;
  return error instanceof Error ? error.message : String(error);
}
