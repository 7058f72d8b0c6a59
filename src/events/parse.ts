/**
 * Reading a log: one JSON event per line. Every problem is a value that says where (file, line, event id)
 * and why; nothing here throws on bad input, and nothing here touches the file system.
 */
import { type Problem, type ProblemCode, type ProblemIssue, problem, type Where } from '../problem.js';
import { certainlyBefore } from './instant.js';
import type { CaseEvent } from './schema.js';
import { fastEvent } from './validate.js';
import { upcast, versionProblem } from './versions.js';
import { SCHEMA_VERSION } from './vocabulary.js';

/** A problem of a log: always at a line of a file (the 1-based line number). */
export type LogProblem = Problem & {
  readonly where: Where & { readonly file: string; readonly line: number };
};

/** A problem at a line of a log, with the event's id where the line has one. */
export function logProblem(
  code: ProblemCode,
  file: string,
  line: number,
  message: string,
  eventId?: string,
  issues?: readonly ProblemIssue[],
): LogProblem {
  return problem(code, message, { file, line, eventId }, { issues }) as LogProblem;
}

export interface LoggedEvent {
  readonly event: CaseEvent;
  readonly line: number;
}

export interface ParsedLog {
  readonly file: string;
  readonly events: readonly LoggedEvent[];
  readonly problems: readonly LogProblem[];
}

/** Longer lines are refused before JSON parsing: no event needs a megabyte. */
export const MAX_LINE_BYTES = 1 << 20;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Splits raw bytes into lines, keeping whether the last one ended with a newline (a torn write does not). */
function splitLines(bytes: Uint8Array): { lines: Uint8Array[]; lastTerminated: boolean } {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  const lastTerminated = start === bytes.length;
  if (!lastTerminated) lines.push(bytes.subarray(start));
  return { lines, lastTerminated };
}

/** The event id of a decoded value, when it has one that can be printed as it is. */
export function idOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const id = Object.hasOwn(raw, 'id') ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' && /^[\x21-\x7e]{1,120}$/.test(id) ? id : undefined;
}

/** Control characters and lone surrogates from hostile input, escaped so a message stays one clean line. */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** zod's answer for a value the fast validator did not accept: the event, or the refusal in words. */
export type ZodVerdict = (
  value: unknown,
  raw: unknown,
) => { ok: true; event: CaseEvent } | { ok: false; message: string; issues: ProblemIssue[] };

let zodVerdict: ZodVerdict | undefined;

/**
 * Thrown where a line needs zod's answer before zod has been loaded. zod's schemas are built only when a
 * line needs them (a log the fast validator accepts whole is read without them: a command starts faster);
 * `withZod` loads them and reads again.
 */
export class ZodNotLoaded extends Error {
  override readonly name = 'ZodNotLoaded';
}

/** Gives the readers zod's verdict (the library entry and the tests load it at once). */
export function useZod(verdict: ZodVerdict): void {
  zodVerdict = verdict;
}

/** Loads zod's schemas for the readers, once. */
export async function loadZod(): Promise<void> {
  if (!zodVerdict) useZod((await import('./zod-verdict.js')).zodVerdict);
}

/**
 * `read()`, again after loading zod if it needed zod's answer for some line. `read` must be pure (it
 * parses bytes already read): the second run gives what one run with zod loaded would have given.
 */
export async function withZod<T>(read: () => T): Promise<T> {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ZodNotLoaded)) throw error;
    await loadZod();
    return read();
  }
}

/**
 * Validates one already-decoded value as an event: its schema version first (a newer version than this
 * program is refused by name), then the schema, after upcasting older versions. The validator generated
 * from the schema answers first; zod decides (and words every refusal) where it does not accept; before zod
 * is loaded (`loadZod`, `withZod`) such a value throws ZodNotLoaded.
 */
export function validateEvent(raw: unknown):
  | { ok: true; event: CaseEvent }
  | {
      ok: false;
      message: string /** zod's findings, when the schema refused it */;
      issues?: ProblemIssue[];
    } {
  const tooNew = versionProblem(raw);
  if (tooNew) return { ok: false, message: tooNew };
  const value = upcast(raw);
  const fast = fastEvent(value);
  if (fast) return { ok: true, event: fast };
  if (!zodVerdict) throw new ZodNotLoaded('this value needs zod to be read');
  return zodVerdict(value, raw);
}

/** Where a read stopped: lines read so far, the ids seen (with their lines), and the last event. */
export interface LogPosition {
  readonly line: number;
  readonly ids: ReadonlyMap<string, number>;
  readonly last?: LoggedEvent;
}

export const LOG_START: LogPosition = { line: 0, ids: new Map() };

/** Parses a whole log. Lines that fail are reported and skipped; the rest are returned in file order. */
export function parseLog(input: string | Uint8Array, file = '<log>'): ParsedLog {
  const { events, problems } = parseLogFrom(input, file, LOG_START);
  return { file, events, problems };
}

/**
 * Parses the lines that follow `from` (for a log read before, whose later bytes are `input`): the same
 * checks as `parseLog`, with duplicate ids and order judged against what came before. Returns where it ended.
 */
export function parseLogFrom(
  input: string | Uint8Array,
  file: string,
  from: LogPosition,
): ParsedLog & { readonly end: LogPosition } {
  let bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (from.line === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    bytes = bytes.subarray(3);
  const { lines, lastTerminated } = splitLines(bytes);
  const events: LoggedEvent[] = [];
  const problems: LogProblem[] = [];
  const seen = new Map<string, number>(from.ids);
  let previous: LoggedEvent | undefined = from.last;

  lines.forEach((lineBytes, index) => {
    const line = from.line + index + 1;
    const isLast = index === lines.length - 1;
    const torn = isLast && !lastTerminated;
    const report = (code: ProblemCode, message: string, eventId?: string, issues?: ProblemIssue[]) =>
      problems.push(logProblem(code, file, line, message, eventId, issues));

    if (lineBytes.length > MAX_LINE_BYTES) {
      problems.push(lineTooLong(file, line, lineBytes.length));
      return;
    }
    let text: string;
    try {
      text = decoder.decode(lineBytes);
    } catch {
      // A write cut off inside a multi-byte character is torn, not mis-encoded.
      if (torn) report('TORN_LINE', TORN_MESSAGE);
      else report('BAD_ENCODING', 'line is not valid UTF-8');
      return;
    }
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return;

    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      if (torn) {
        report('TORN_LINE', TORN_MESSAGE);
      } else {
        const why =
          error instanceof SyntaxError ? printable(error.message.slice(0, 200)) : 'nesting too deep';
        report('BAD_JSON', `not valid JSON: ${why}`);
      }
      return;
    }
    const eventId = idOf(raw);
    const result = validateEvent(raw);
    if (!result.ok) {
      report('INVALID_EVENT', result.message, eventId, result.issues);
      return;
    }
    const event = result.event;
    const firstLine = seen.get(event.id);
    if (firstLine !== undefined) {
      report('DUPLICATE_ID', `id already used on line ${firstLine}`, event.id);
      return;
    }
    if (previous && certainlyBefore(event.at, previous.event.at)) {
      report(
        'OUT_OF_ORDER',
        `takes effect (${event.at.local}) before the previous event ${previous.event.id} (${previous.event.at.local}); the log is kept in order of legal effect`,
        event.id,
      );
      return;
    }
    seen.set(event.id, line);
    const logged = { event, line };
    events.push(logged);
    previous = logged;
  });

  const end: LogPosition = previous
    ? { line: from.line + lines.length, ids: seen, last: previous }
    : { line: from.line + lines.length, ids: seen };
  return { file, events, problems, end };
}

/** A line longer than any event may be; a reader that drops such a line's bytes reports it with this. */
export function lineTooLong(file: string, line: number, bytes: number): LogProblem {
  return logProblem('LINE_TOO_LONG', file, line, `line is ${bytes} bytes; the limit is ${MAX_LINE_BYTES}`);
}

const TORN_MESSAGE =
  'the last line is incomplete (a write was cut off); `casesim repair` moves it to a side file';

/** One event as one log line (no trailing newline), always in the current schema version. */
export function serializeEvent(event: CaseEvent): string {
  return JSON.stringify(
    event.schemaVersion === SCHEMA_VERSION ? event : { ...event, schemaVersion: SCHEMA_VERSION },
  );
}

export function serializeLog(events: readonly CaseEvent[]): string {
  return events.map((e) => `${serializeEvent(e)}\n`).join('');
}
