/** The file-system edge: where logs are found and read. */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatProblem,
  type LogProblem,
  lineTooLong,
  MAX_LINE_BYTES,
  type ParsedLog,
  parseLog,
} from '../events/parse.js';
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
    if (statSync(path).isDirectory())
      throw new CliError(`${path} is a directory, not a ${what}`, 2, { file: path }, 'UNREADABLE');
    return readBounded(path, limits, what);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const unreadable = (message: string) => new CliError(message, 2, { file: path }, 'UNREADABLE');
    if (code === 'ENOENT') throw unreadable(`${path}: no such ${what}`);
    if (code === 'EACCES') throw unreadable(`${path}: permission denied`);
    throw unreadable(`${path}: cannot read (${code ?? String(error)})`);
  }
}

export function readText(path: string, what = 'file'): Uint8Array {
  return readBytes(path, what, FILE_LIMITS).bytes;
}

/**
 * Reads and parses a log; problems are returned, not thrown, so `validate` can list them all. A line longer
 * than an event may be is reported by number without being held in memory.
 */
export function loadLog(path: string | undefined, what = 'log'): ParsedLog {
  const file = path ?? BUNDLED_LOG;
  const { bytes, longLines } = readBytes(file, what, LOG_LIMITS);
  const parsed = parseLog(bytes, file);
  if (longLines.length === 0) return parsed;
  const problems = [...parsed.problems, ...longLines.map((l) => lineTooLong(file, l.line, l.bytes))];
  return { ...parsed, problems: problems.sort((a, b) => a.line - b.line) };
}

/**
 * Refuses a log with problems (unreadable lines, or with `checkLog`, rejected events): an answer read from
 * it could be wrong anywhere after the first. The error names the first problem and where it is.
 */
export function refuseProblems(file: string, problems: readonly LogProblem[], what = 'the log'): void {
  const first = problems[0];
  if (!first) return;
  const n = problems.length;
  throw new CliError(
    `${what === 'the log' ? file : what} has ${n} problem${n === 1 ? '' : 's'}; first: ${formatProblem(first)} (run casesim validate ${file})`,
    1,
    { file, line: first.line, ...(first.eventId === undefined ? {} : { eventId: first.eventId }) },
  );
}
