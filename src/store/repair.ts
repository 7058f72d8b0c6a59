/**
 * Repairing a log after a crash: the bytes after its last whole line (a write cut off, or garbage) are
 * copied to a side file next to the log, `LOG.torn-<n>`, which is synced before the log is truncated back
 * to its last whole line. Nothing is ever deleted, and no whole line is rewritten; a last line that is a
 * whole, valid event missing only its newline (a hand edit) is ended with one instead.
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LogProblem } from '../events/parse.js';
import { validateEvent } from '../events/parse.js';
import { syncDirectory } from './append.js';
import { type StoreError, storeError } from './errors.js';
import { acquireLock } from './lock.js';
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

function writeSideFile(file: string, tail: Uint8Array): string {
  for (let n = 1; ; n++) {
    const side = `${file}.torn-${n}`;
    let fd: number;
    try {
      fd = openSync(side, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      writeSync(fd, tail);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    syncDirectory(dirname(resolve(side)));
    return side;
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

/** Moves a torn last line of the log at `file` aside, under the writers' lock. */
export async function repairLog(
  file: string,
  options: { lockTimeoutMs?: number } = {},
): Promise<RepairResult> {
  try {
    const locked = await acquireLock(file, options.lockTimeoutMs ?? 30_000);
    if (!locked.ok)
      return { ok: false, error: storeError('LOCK_TIMEOUT', file, `the log is locked by ${locked.holder}`) };
    try {
      const bytes: Uint8Array = readFileSync(file);
      const whole = bytes.lastIndexOf(0x0a) + 1;
      const tail = bytes.subarray(whole);
      const line = bytes.subarray(0, whole).reduce((n, b) => (b === 0x0a ? n + 1 : n), 0) + 1;
      let result: Omit<Extract<RepairResult, { ok: true }>, 'problems'> = { ok: true, status: 'clean', file };
      if (tail.length > 0 && tailIsWholeEvent(tail)) {
        const fd = openSync(file, 'a');
        try {
          writeSync(fd, '\n');
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        result = { ok: true, status: 'terminated', file, line };
      } else if (tail.length > 0) {
        const sideFile = writeSideFile(file, tail);
        const fd = openSync(file, 'r+');
        try {
          ftruncateSync(fd, whole);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        result = { ok: true, status: 'moved', file, line, sideFile, movedBytes: tail.length };
      }
      return { ...result, problems: readLogState(file).problems };
    } finally {
      locked.lock.release();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = code === 'ENOENT' ? 'no such log' : `cannot repair (${code})`;
    return { ok: false, error: storeError('IO_ERROR', file, message) };
  }
}
