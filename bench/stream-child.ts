/**
 * Child process for the memory figure: replays the whole corpus from a read stream, case by case, and
 * reports its peak resident set (process.resourceUsage().maxRSS, in kB) as one JSON line. Each case goes
 * through the same line checks as a log (`parseLogFrom`) and then through the machine; only one chunk of
 * lines and the current case's state are held at a time.
 */
import { LOG_START, type LogPosition, parseLogFrom } from '../src/events/parse.js';
import { applyEvent, type CaseSnapshot, initialSnapshot } from '../src/replay/replay.js';
import { lineChunks, openLog } from '../src/replay/stream.js';

const HEADER = Buffer.from('{"case":');

const path = process.argv[2];
if (!path) throw new Error('usage: stream-child <corpus.jsonl>');
const t0 = performance.now();
let events = 0;
let rejected = 0;
let problems = 0;
let snapshot: CaseSnapshot = initialSnapshot();
let position: LogPosition = LOG_START;

function replaySegment(bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  const parsed = parseLogFrom(bytes, path!, position);
  position = parsed.end;
  problems += parsed.problems.length;
  for (const { event } of parsed.events) {
    const result = applyEvent(snapshot, event);
    if (!result.ok) rejected += 1;
    snapshot = result.snapshot;
    events += 1;
  }
}

for await (const chunk of lineChunks(openLog(path))) {
  const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let start = 0;
  for (let at = bytes.indexOf(HEADER, 0); at !== -1; at = bytes.indexOf(HEADER, at + 1)) {
    if (at !== 0 && bytes[at - 1] !== 0x0a) continue;
    replaySegment(bytes.subarray(start, at));
    const end = bytes.indexOf(0x0a, at);
    start = end === -1 ? bytes.length : end + 1;
    snapshot = initialSnapshot();
    position = LOG_START;
  }
  replaySegment(bytes.subarray(start));
}
process.stdout.write(
  `${JSON.stringify({ mode: 'streamed', events, rejected, problems, ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
