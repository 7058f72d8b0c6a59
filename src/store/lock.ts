/**
 * The writers' lock: an exclusive advisory lock (flock(2)) on the log file itself, held on an open file
 * descriptor. The kernel keeps it, so:
 *   - every name of one file (a symlink, a hard link, a bind mount) reaches the same lock, because the lock
 *     belongs to the open file, not to the path typed;
 *   - it is released when its holder closes the file or dies, however it dies and in whatever PID or mount
 *     namespace it ran, so there is no lock file to go stale and no guess about whether a PID is alive.
 *
 * A held lock is waited for by polling LOCK_NB every few milliseconds (never spinning), up to a bound the
 * caller chooses; past it the caller gets LOCK_TIMEOUT. The log is opened without following a FIFO or
 * device into a blocking open (O_NONBLOCK, then fstat): only a regular file is ever locked or written.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { flockSync } from 'fs-ext';

export interface HeldLock {
  /** The open log: read and append through it, so the lock and the bytes are of one file. */
  readonly fd: number;
  release(): void;
}

export type LockResult =
  | { readonly ok: true; readonly lock: HeldLock }
  | { readonly ok: false; readonly waitedMs: number };

/** Why a path cannot be locked as a log, in words (a refusal, not a bug). */
export class NotALogFile extends Error {
  override readonly name = 'NotALogFile';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function kindOf(mode: number): string {
  const type = mode & constants.S_IFMT;
  if (type === constants.S_IFDIR) return 'is a directory';
  if (type === constants.S_IFIFO) return 'is a FIFO (named pipe), not a log file';
  if (type === constants.S_IFSOCK) return 'is a socket, not a log file';
  if (type === constants.S_IFCHR || type === constants.S_IFBLK) return 'is a device, not a log file';
  return 'is not a regular file';
}

/**
 * Opens `file` for reading and appending (creating it when `create`), refusing anything but a regular file
 * without blocking on it. Throws NotALogFile for the wrong kind of file, or the system error.
 */
export function openLog(file: string, create: boolean): number {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever. It has no effect on regular files.
  const flags =
    constants.O_RDWR | constants.O_APPEND | constants.O_NONBLOCK | (create ? constants.O_CREAT : 0);
  const fd = openSync(file, flags, 0o644);
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new NotALogFile(kindOf(stat.mode));
  }
  return fd;
}

/** How often a waiting writer asks again (ms); a writer holds the lock for milliseconds. */
const POLL_MS = 5;

/**
 * Takes the exclusive lock on the open log `fd`, waiting up to `waitMs`. On failure the descriptor is left
 * open for the caller to close.
 */
export async function lockLog(fd: number, waitMs: number): Promise<LockResult> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      flockSync(fd, 'exnb');
      return {
        ok: true,
        lock: {
          fd,
          // Closing the descriptor drops the lock (it is the only descriptor of this open file).
          release: () => closeSync(fd),
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw error;
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) return { ok: false, waitedMs: waited };
    await sleep(Math.min(POLL_MS * (1 + Math.min(attempt, 4)), Math.max(1, waitMs - waited)));
  }
}
