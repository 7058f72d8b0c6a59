/**
 * What the store refuses, as values: a `Problem` (src/problem.ts) with a code a program can branch on, and
 * where (file, line, event id) and why for a person. The store never throws for bad input or a refused
 * append; it throws only for bugs.
 */
import { formatProblem, type Problem, problem, type StoreRefusal, type Where } from '../problem.js';

/**
 * The codes the store gives, and when:
 * INVALID_EVENT: the event is not an event: not JSON, not UTF-8, too long, or not what the schema says.
 * ILLEGAL_EVENT: the machine refuses the event in the log's current state; `rule` says which rule it breaks.
 * OUT_OF_ORDER: the event takes effect before the log's last event: the log is kept in order of legal effect.
 * CONFLICT: the caller expected another version (number of events) than the log has: it has moved on.
 * DUPLICATE_ID_DIFFERENT_CONTENT: an event with this id is in the log with other content.
 * CORRUPT_LOG: the log has a torn last line or an invalid line: nothing is appended until it is validated
 *   and repaired.
 * LOCK_TIMEOUT: another writer held the log's lock for longer than the caller would wait.
 * IO_ERROR: the file system refused (permissions, a missing directory, a full disk) before anything was
 *   written.
 * OUTCOME_UNKNOWN: the write started but its end is unknown (a write cut off, an fsync that failed): the
 *   event may or may not be stored. `validate` tells; a retry with the same id is safe (it is stored once).
 */
export type StoreErrorCode = 'INVALID_EVENT' | 'ILLEGAL_EVENT' | 'OUT_OF_ORDER' | StoreRefusal;

/** A store refusal: a problem whose `where.file` is the log, or the event's own file for an unreadable event. */
export type StoreError = Problem & {
  readonly code: StoreErrorCode;
  readonly where: Where & { readonly file: string };
};

/** Builds a store refusal, leaving out the fields that do not apply (so it prints and serialises cleanly). */
export function storeError(
  code: StoreErrorCode,
  file: string,
  message: string,
  where: { readonly line?: number | undefined; readonly eventId?: string | undefined } & Parameters<
    typeof problem
  >[3] = {},
): StoreError {
  const { line, eventId, ...details } = where;
  return problem(code, message, { file, line, eventId }, details) as StoreError;
}

/** One line for a terminal: `file:line: event id: message [CODE]`. */
export function formatStoreError(error: StoreError): string {
  return `${formatProblem(error)} [${error.code}]`;
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
