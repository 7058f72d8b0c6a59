/**
 * A log file replayed as it is read: chunks of whole lines from a read stream go through the same line
 * checks as `parseLog` (`parseLogFrom` carries the ids seen and the previous event across chunks) and then
 * through the machine, so memory holds one chunk and the current state, never the whole file.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { LOG_START, type LoggedEvent, type LogProblem, parseLogFrom } from '../events/parse.js';
import { applyEvent, type CaseSnapshot, initialSnapshot, type Rejection } from './replay.js';

/** Bytes read at a time; a chunk handed on ends at a line boundary, so it can be a little longer. */
export const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of a stream in chunks that end just after a newline; the last chunk holds whatever follows
 * the last newline (a torn line, if the file does not end with one).
 */
export async function* lineChunks(source: Readable): AsyncGenerator<Uint8Array> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    const cut = bytes.lastIndexOf(0x0a);
    if (cut === -1) {
      rest = rest.length === 0 ? bytes : Buffer.concat([rest, bytes]);
      continue;
    }
    const whole =
      rest.length === 0 ? bytes.subarray(0, cut + 1) : Buffer.concat([rest, bytes.subarray(0, cut + 1)]);
    rest = bytes.subarray(cut + 1);
    yield whole;
  }
  if (rest.length > 0) yield rest;
}

export function openLog(path: string): Readable {
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

export interface StreamedChunk {
  readonly events: readonly LoggedEvent[];
  readonly problems: readonly LogProblem[];
}

/** The log's events and problems, chunk by chunk: together, exactly what `parseLog` gives for the whole file. */
export async function* streamLog(source: Readable, file: string): AsyncGenerator<StreamedChunk> {
  let position = LOG_START;
  for await (const bytes of lineChunks(source)) {
    const { events, problems, end } = parseLogFrom(bytes, file, position);
    position = end;
    yield { events, problems };
  }
}

export interface LineRejection {
  readonly line: number;
  readonly rejection: Rejection;
}

export interface StreamedReplay {
  readonly file: string;
  readonly snapshot: CaseSnapshot;
  /** Events read and validated (accepted or rejected by the machine). */
  readonly events: number;
  readonly rejections: readonly LineRejection[];
  readonly problems: readonly LogProblem[];
}

export interface StreamOptions {
  /** Where replay starts (by default, the empty case). */
  readonly from?: CaseSnapshot;
  /** Called after each event with the state it led to. */
  readonly onEvent?: (logged: LoggedEvent, snapshot: CaseSnapshot, rejection?: Rejection) => void;
}

/** Replays a log from a stream: the final state, the rejections and the problems, the whole file never in memory. */
export async function replayStream(
  source: Readable,
  file: string,
  options: StreamOptions = {},
): Promise<StreamedReplay> {
  let snapshot = options.from ?? initialSnapshot();
  let events = 0;
  const rejections: LineRejection[] = [];
  const problems: LogProblem[] = [];
  for await (const chunk of streamLog(source, file)) {
    problems.push(...chunk.problems);
    for (const logged of chunk.events) {
      const result = applyEvent(snapshot, logged.event);
      if (!result.ok) rejections.push({ line: logged.line, rejection: result.rejection });
      snapshot = result.snapshot;
      events += 1;
      options.onEvent?.(logged, snapshot, result.rejection);
    }
  }
  return { file, snapshot, events, rejections, problems };
}
