/**
 * The edges: where logs are found and read, and where text reaches a terminal (control characters made
 * harmless, a closed or full stdout ended quietly).
 */
import { readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedLog, parseLog } from '../events/parse.js';
import { ioCause } from '../store/errors.js';
import { CliError } from './errors.js';

/**
 * The package's root, two levels above this module wherever it runs from: `src/cli/` (tests), `dist/cli/`
 * (compiled) or `dist/bin/` (the single-file CLI). Every bundled file is found from here.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bundled WeChat log. */
export const BUNDLED_LOG = join(PACKAGE_ROOT, 'events', 'wechat.jsonl');
export const EVENTS_DIR = join(PACKAGE_ROOT, 'events');

export function readText(path: string, what = 'file'): Uint8Array {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`${path} is a directory, not a ${what}`);
    // A FIFO would block the read forever and a device (/dev/zero) never end: only regular files are read.
    if (!stat.isFile())
      throw new CliError(
        `${path} is ${stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isSocket() ? 'a socket' : 'a device'}, not a ${what}`,
      );
    return readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such ${what}`);
    throw new CliError(`${path}: cannot read: ${ioCause(error)}`);
  }
}

/** Reads and parses a log; problems are returned, not thrown, so `validate` can list them all. */
export function loadLog(path: string | undefined): ParsedLog & { readonly bytes: Uint8Array } {
  const file = path ?? BUNDLED_LOG;
  const bytes = readText(file, 'log');
  return { ...parseLog(bytes, file), bytes };
}

/**
 * Text for a terminal: every control character that could act on the terminal (C0 except newline and tab,
 * DEL, C1, and so ESC, CSI and OSC sequences) is shown escaped (`\u001b`), never sent. Text from files (a
 * log's summaries, a scenario's titles, an odds file's errors) passes here on its way out, so a hostile
 * file cannot set the title, clear the screen or draw a fake status line. With colours on, casesim's own
 * colour codes (SGR: ESC [ digits m) are kept; they can only colour text.
 */
export function terminalText(text: string, keepColors = false): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) =>
      keepColors && c.length > 1
        ? c
        : `${c.length > 1 ? '\\u001b' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`}${c.slice(1)}`,
  );
}

const failed = new Map<number, NodeJS.ErrnoException>();
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to stdout (1) or stderr (2) synchronously, so what was printed before a crash or a kill was
 * printed. A stream that cannot be written (a closed pipe, `> /dev/full`) is given up on, never thrown
 * from: what the command did (an append stored) stays done, and `finishOutput` reports it once.
 */
export function writeOutput(fd: 1 | 2, text: string): void {
  if (failed.has(fd)) return;
  const bytes = Buffer.from(text.endsWith('\n') ? text : `${text}\n`);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      // A non-blocking pipe that is full: wait for the reader.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
      else {
        failed.set(fd, error as NodeJS.ErrnoException);
        return;
      }
    }
  }
}

/** The exit status when the output itself could not be written (the command may well have succeeded). */
export const OUTPUT_FAILED = 74;

/**
 * The process's exit status: the command's, unless its output was lost, which is said once on stderr
 * (quietly for a reader that closed the pipe, as `casesim replay | head` does) with status 74.
 */
export function finishOutput(code: number): number {
  const lost = failed.get(1);
  if (!lost) return code;
  if (lost.code !== 'EPIPE') {
    const cause = lost.code === 'ENOSPC' ? 'the disk is full' : (lost.code ?? lost.message);
    writeOutput(
      2,
      `casesim: standard output could not be written (${cause}); the command itself ended with status ${code}`,
    );
  }
  return code === 0 ? OUTPUT_FAILED : code;
}
