/**
 * An exclusive, cross-process lock on a log: the file `LOG.lock`, created with O_EXCL and holding its
 * owner's pid, host and a random token.
 *
 * Why not a lock that goes stale by age (proper-lockfile's mtime heartbeat): a writer killed while holding
 * the lock would block every other writer for the whole stale period, and a live writer starved of CPU
 * could miss its heartbeat and lose the lock while writing. A pid is exact: a lock whose owner on this host
 * is dead (or a zombie) is stale at once, and a live owner keeps its lock however slow it is. A lock from
 * another host is never broken automatically; after `timeoutMs` the caller gets LOCK_TIMEOUT naming it.
 *
 * Breaking a stale lock moves it aside under a unique name and checks that what it moved is the stale lock
 * it judged (same inode, same content); if another process had already replaced it, the live lock is put
 * back. The owner checks `stillHeld()` right before it writes, so a lock lost in that race is noticed.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';

export interface HeldLock {
  readonly path: string;
  /** True while the lock file is still the one this process created. */
  stillHeld(): boolean;
  release(): void;
}

export type LockResult =
  | { readonly ok: true; readonly lock: HeldLock }
  | { readonly ok: false; readonly holder: string };

interface Owner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

interface Seen {
  text: string;
  ino: number;
  mtimeMs: number;
}

/** A lock file with no readable owner (its writer died between create and write) is stale after this. */
const UNREADABLE_STALE_MS = 2_000;

function read(path: string): Seen | undefined {
  try {
    const stat = statSync(path);
    return { text: readFileSync(path, 'utf8'), ino: stat.ino, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function ownerOf(text: string): Owner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process on this host is alive: `kill(pid, 0)` succeeds, and Linux does not list it as a zombie. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function isStale(seen: Seen, now: number): boolean {
  const owner = ownerOf(seen.text);
  if (!owner) return now - seen.mtimeMs > UNREADABLE_STALE_MS;
  return owner.host === hostname() && !processAlive(owner.pid);
}

function describe(seen: Seen | undefined): string {
  const owner = seen && ownerOf(seen.text);
  return owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'an unknown process';
}

function breakStale(path: string, seen: Seen): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = read(aside);
  if (moved && (moved.ino !== seen.ino || moved.text !== seen.text)) {
    // Another process broke the stale lock first and took the lock: give it back.
    try {
      linkSync(aside, path);
    } catch {
      // Taken again meanwhile; that owner's stillHeld() check will fail and it will retry.
    }
  }
  unlinkSync(aside);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Takes the lock on `target` (the file `target.lock`), waiting up to `timeoutMs` for another owner. */
export async function acquireLock(target: string, timeoutMs: number): Promise<LockResult> {
  const path = `${target}.lock`;
  const owner: Owner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  };
  const text = `${JSON.stringify(owner)}\n`;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      const ino = statSync(path).ino;
      const stillHeld = () => {
        const now = read(path);
        return now !== undefined && now.ino === ino && now.text === text;
      };
      const release = () => {
        if (stillHeld()) unlinkSync(path);
      };
      return { ok: true, lock: { path, stillHeld, release } };
    }
    const seen = read(path);
    if (!seen) continue;
    if (isStale(seen, Date.now())) {
      breakStale(path, seen);
      continue;
    }
    if (Date.now() > deadline) return { ok: false, holder: describe(seen) };
    await sleep(Math.min(2 + attempt, 25) * (0.5 + Math.random()));
  }
}
