/** Child processes for the store tests: run one to the end, or start one to kill. */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout, one parsed JSON value per line (lines that are not JSON are kept as strings). */
  readonly lines: unknown[];
  readonly stdout: string;
  readonly stderr: string;
}

function parseLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return l;
      }
    });
}

export interface Running {
  readonly child: ChildProcess;
  /** Settles on the child's first output (or its end). */
  readonly firstOutput: Promise<void>;
  readonly done: Promise<Finished>;
}

/** Starts `node args...`, or `wrapper... node args...` (e.g. `unshare --pid --fork`) when a wrapper is given. */
export function start(
  args: readonly string[],
  input?: string | Uint8Array,
  wrapper: readonly string[] = [],
): Running {
  const [command, ...before] = wrapper.length > 0 ? wrapper : [process.execPath];
  const child = spawn(
    command ?? process.execPath,
    [...before, ...(wrapper.length > 0 ? [process.execPath] : []), ...args],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let spoke = () => {};
  const firstOutput = new Promise<void>((resolve) => {
    spoke = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    spoke();
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.stdin?.on('error', () => {});
  child.stdin?.end(input);
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      spoke();
      resolve({ code, signal, lines: parseLines(stdout), stdout, stderr });
    });
  });
  return { child, firstOutput, done };
}

export function runNode(args: readonly string[], input?: string | Uint8Array): Promise<Finished> {
  return start(args, input).done;
}

/** Whether `unshare --pid --fork` runs here (root on Linux, with util-linux): a writer in its own PID namespace. */
export const PID_NAMESPACES =
  process.platform === 'linux' &&
  spawnSync('unshare', ['--pid', '--fork', process.execPath, '-e', '0'], { stdio: 'ignore' }).status === 0;

/**
 * Runs `body` with a fresh 64 KiB tmpfs mounted at `dir` (root only), so a test can fill a real disk;
 * it is unmounted afterwards whatever happens.
 */
export async function withSmallDisk(dir: string, body: (mount: string) => Promise<void>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  try {
    await body(dir);
  } finally {
    execFileSync('umount', [dir]);
  }
}
