/**
 * The edges: where logs are found and read (bounded, regular files only), and where text reaches a terminal
 * (control characters made harmless, a closed or full stdout ended quietly).
 */
import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LogProblem,
  lineTooLong,
  MAX_LINE_BYTES,
  type ParsedLog,
  parseLog,
  withZod,
} from '../events/parse.js';
import { formatProblem, locationOf, ProblemError, problem } from '../problem.js';
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

/** casesim's version, from its package.json (read when asked: most runs never need it). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/**
 * How much one read may hold. A device or pipe (`/dev/zero`) has no end, so the bounds are checked as the
 * bytes arrive, never after: memory stays near the bound whatever the input.
 */
export interface ReadLimits {
  /** Most bytes in the whole input. */
  readonly maxBytes: number;
  /**
   * For a log: a line longer than `lineBytes` is not kept (validate reports it by number and goes on), and
   * one longer than `giveUpBytes` (no log has one: `/dev/zero` is all one line) stops the read.
   */
  readonly lines?: { readonly lineBytes: number; readonly giveUpBytes: number };
}

/** A JSON file (scenario, odds, state) is never this big; a log may be, up to what one buffer holds. */
export const FILE_LIMITS: ReadLimits = { maxBytes: 256 * 1024 * 1024 };
export const LOG_LIMITS: ReadLimits = {
  maxBytes: 1024 * 1024 * 1024,
  lines: { lineBytes: MAX_LINE_BYTES, giveUpBytes: 64 * 1024 * 1024 },
};

const CHUNK = 64 * 1024;
const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

/** What a bounded read kept: the bytes (an over-long line left empty, so line numbers hold) and those lines. */
export interface BoundedRead {
  readonly bytes: Uint8Array;
  readonly longLines: readonly { readonly line: number; readonly bytes: number }[];
}

/** A buffer that grows as bytes are appended and can be cut back (to drop a line found too long). */
class Output {
  private buffer = Buffer.allocUnsafe(CHUNK);
  length = 0;
  append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

const NEWLINE = Uint8Array.of(0x0a);

function readBounded(path: string, limits: ReadLimits, what: string): BoundedRead {
  const fd = openSync(path, 'r');
  try {
    const out = new Output();
    const longLines: { line: number; bytes: number }[] = [];
    const chunk = Buffer.allocUnsafe(CHUNK);
    let total = 0;
    let line = 1;
    let lineStart = 0;
    /** Bytes of the current line so far, and whether they are being dropped (the line is over the bound). */
    let run = 0;
    let dropping = false;
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > limits.maxBytes)
        throw new CliError(
          `${path}: more than ${size(limits.maxBytes)}, the most casesim reads as a ${what}; reading stopped there`,
          2,
          { file: path },
          'UNREADABLE',
        );
      const bytes = chunk.subarray(0, n);
      const bound = limits.lines;
      if (!bound) {
        out.append(bytes);
        continue;
      }
      for (let start = 0; start < n; ) {
        const nl = bytes.indexOf(0x0a, start);
        const end = nl < 0 ? n : nl;
        run += end - start;
        if (!dropping && run > bound.lineBytes) {
          dropping = true;
          out.length = lineStart;
        }
        if (dropping && run > bound.giveUpBytes)
          throw new CliError(
            `${path}:${line}: line ${line} runs past ${size(bound.giveUpBytes)} without an end (an event may take ${size(bound.lineBytes)}); reading stopped there: is this a ${what}?`,
            1,
            { file: path, line },
            'INVALID',
          );
        if (!dropping) out.append(bytes.subarray(start, end));
        if (nl < 0) break;
        if (dropping) longLines.push({ line, bytes: run });
        out.append(NEWLINE);
        line++;
        run = 0;
        dropping = false;
        lineStart = out.length;
        start = nl + 1;
      }
    }
    if (dropping) longLines.push({ line, bytes: run });
    return { bytes: out.bytes(), longLines };
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole file within `limits`; an unreadable one is a CliError saying why. */
export function readBytes(path: string, what: string, limits: ReadLimits): BoundedRead {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      throw new CliError(`${path} is a directory, not a ${what}`, 2, { file: path }, 'UNREADABLE');
    // A FIFO would block the read forever and a device (/dev/zero) never end: only regular files are read.
    if (!stat.isFile())
      throw new CliError(
        `${path} is ${stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isSocket() ? 'a socket' : 'a device'}, not a ${what}`,
        2,
        { file: path },
        'UNREADABLE',
      );
    return readBounded(path, limits, what);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const unreadable = (message: string) => new CliError(message, 2, { file: path }, 'UNREADABLE');
    if (code === 'ENOENT') throw unreadable(`${path}: no such ${what}`);
    throw unreadable(`${path}: cannot read: ${ioCause(error)}`);
  }
}

export function readText(path: string, what = 'file'): Uint8Array {
  return readBytes(path, what, FILE_LIMITS).bytes;
}

/**
 * Reads and parses a log; problems are returned, not thrown, so `validate` can list them all. A line longer
 * than an event may be is reported by number without being held in memory. zod's schemas are loaded only if
 * some line needs zod's answer (a valid log is read without them: the command starts sooner).
 */
export async function loadLog(
  path: string | undefined,
  what = 'log',
): Promise<ParsedLog & { readonly bytes: Uint8Array }> {
  const file = path ?? BUNDLED_LOG;
  const { bytes, longLines } = readBytes(file, what, LOG_LIMITS);
  const parsed = await withZod(() => parseLog(bytes, file));
  if (longLines.length === 0) return { ...parsed, bytes };
  const problems = [...parsed.problems, ...longLines.map((l) => lineTooLong(file, l.line, l.bytes))];
  return { ...parsed, problems: problems.sort((a, b) => a.where.line - b.where.line), bytes };
}

/**
 * Refuses a log with problems (unreadable lines, or with `checkLog`, rejected events): an answer read from
 * it could be wrong anywhere after the first. The error names the first problem and where it is.
 */
export function refuseProblems(file: string, problems: readonly LogProblem[], what = 'the log'): void {
  const first = problems[0];
  if (!first) return;
  const n = problems.length;
  const message = `${what === 'the log' ? file : what} has ${n} problem${n === 1 ? '' : 's'}; first: ${formatProblem(first)} (run casesim validate ${file})`;
  throw new ProblemError(problem('INVALID', message, { ...locationOf(first.where), file }), 1, problems);
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
