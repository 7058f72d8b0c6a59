/**
 * Repairing a log after a crash: the bytes after its last whole line (a write cut off, or garbage) are
 * copied to a side file next to the log, `LOG.torn-<n>`, which is synced before the log is truncated back
 * to its last whole line. Nothing is ever deleted, and no whole line is rewritten; a last line that is a
 * whole, valid event missing only its newline (a hand edit) is ended with one instead.
 */
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LogProblem } from '../events/parse.js';
import { parseLog, validateEvent } from '../events/parse.js';
import { DEFAULT_LOCK_WAIT_MS, syncDirectory } from './append.js';
import { ioCause, type StoreError, storeError } from './errors.js';
import { lockLog, NotALogFile, openLog } from './lock.js';
import { readLogState } from './log-state.js';

export type RepairResult =
  | {
      readonly ok: true;
      /** `clean`: nothing to repair; `moved`: a torn tail went to `sideFile`; `terminated`: a newline was added. */
      readonly status: 'clean' | 'moved' | 'terminated';
      readonly file: string;
      /** The line that was torn (or terminated). */
      readonly line?: number;
      readonly sideFile?: string;
      readonly movedBytes?: number;
      /** Problems left after the repair (an invalid line before the end is not repair's to change). */
      readonly problems: readonly LogProblem[];
      readonly error?: never;
    }
  | { readonly ok: false; readonly error: StoreError };

/**
 * Writes `tail` to the first free `LOG.torn-<n>`, whole or not at all: it is written and synced under a
 * temporary name and only then linked to its final name (a link never replaces an existing file).
 */
function writeSideFile(file: string, tail: Uint8Array): string {
  const temporary = `${file}.torn-writing-${process.pid}`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    try {
      for (let done = 0; done < tail.length; ) done += writeSync(fd, tail, done, tail.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (let n = 1; ; n++) {
      const side = `${file}.torn-${n}`;
      try {
        linkSync(temporary, side);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      syncDirectory(dirname(resolve(side)));
      return side;
    }
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone: nothing to clean up.
    }
  }
}

function tailIsWholeEvent(tail: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(tail).replace(/\r$/, '');
    return validateEvent(JSON.parse(text)).ok;
  } catch {
    return false;
  }
}

/** Valid UTF-8, except perhaps for a character cut off at its very end (a write stopped inside it). */
function decodesUpToACut(tail: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= Math.min(3, tail.length); cut++) {
    try {
      decoder.decode(tail.subarray(0, tail.length - cut));
      return true;
    } catch {
      // Try one byte shorter: a multi-byte character is at most four bytes.
    }
  }
  return false;
}

/**
 * Why the bytes after the last whole line are not a torn write of an event (undefined when they are one):
 * repair moves only what a writer cut off, never a file that is not a log or a tail that is something else.
 */
function notTorn(whole: Uint8Array, tail: Uint8Array): string | undefined {
  if (tail.includes(0x0d))
    return 'it has carriage returns without newlines (CR-only line endings, or not a log): convert it to LF line endings';
  if (parseLog(whole).events.length === 0)
    return 'no line before its end is an event: it is not a casesim log (or a log that needs more than repair)';
  const text = Buffer.from(tail).toString('latin1').trimStart();
  if (!text.startsWith('{') || !decodesUpToACut(tail))
    return 'the bytes after its last whole line do not look like the start of an event (every event line begins with "{"): they are not a cut-off write';
  return undefined;
}

function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const buffer = Buffer.alloc(size);
  for (let got = 0; got < size; ) {
    const n = readSync(fd, buffer, got, size - got, got);
    if (n === 0) return buffer.subarray(0, got);
    got += n;
  }
  return buffer;
}

/** Moves a torn last line of the log at `file` aside, under the writers' lock. */
export async function repairLog(
  file: string,
  options: { lockTimeoutMs?: number } = {},
): Promise<RepairResult> {
  const refuse = (message: string): RepairResult => ({
    ok: false,
    error: storeError('IO_ERROR', file, message),
  });
  let fd: number;
  try {
    fd = openLog(file, false);
  } catch (error) {
    if (error instanceof NotALogFile) return refuse(`${file} ${error.message}; nothing changed`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return refuse('no such log');
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      return refuse(`${file} is a directory; nothing changed`);
    return refuse(`cannot open the log: ${ioCause(error)}; nothing changed`);
  }
  try {
    const locked = await lockLog(fd, options.lockTimeoutMs ?? DEFAULT_LOCK_WAIT_MS);
    if (!locked.ok)
      return {
        ok: false,
        error: storeError(
          'LOCK_TIMEOUT',
          file,
          `another writer held the lock on the log for all of ${(locked.waitedMs / 1000).toFixed(1)} s; nothing changed; try again, or wait longer (--wait SECONDS)`,
        ),
      };
    let bytes: Buffer;
    try {
      bytes = readAll(fd);
    } catch (error) {
      return refuse(`cannot read the log: ${ioCause(error)}; nothing changed`);
    }
    const whole = bytes.lastIndexOf(0x0a) + 1;
    const tail = bytes.subarray(whole);
    const line = bytes.subarray(0, whole).reduce((n, b) => (b === 0x0a ? n + 1 : n), 0) + 1;
    let result: Omit<Extract<RepairResult, { ok: true }>, 'problems'> = { ok: true, status: 'clean', file };
    if (tail.length > 0 && tailIsWholeEvent(tail)) {
      try {
        writeSync(fd, '\n');
        fsyncSync(fd);
      } catch (error) {
        return refuse(`cannot end the last line: ${ioCause(error)}; run validate to see the log as it is`);
      }
      result = { ok: true, status: 'terminated', file, line };
    } else if (tail.length > 0) {
      const why = notTorn(bytes.subarray(0, whole), tail);
      if (why)
        return { ok: false, error: storeError('CORRUPT_LOG', file, `not repaired: ${why}; nothing changed`) };
      let sideFile: string;
      try {
        sideFile = writeSideFile(file, tail);
      } catch (error) {
        return refuse(`cannot write the torn line to a side file: ${ioCause(error)}; nothing changed`);
      }
      try {
        ftruncateSync(fd, whole);
        fsyncSync(fd);
      } catch (error) {
        return refuse(
          `the torn line is saved in ${sideFile}, but the log could not be cut back: ${ioCause(error)}; run repair again`,
        );
      }
      result = { ok: true, status: 'moved', file, line, sideFile, movedBytes: tail.length };
    }
    return { ...result, problems: readLogState(file).problems };
  } finally {
    closeSync(fd);
  }
}
