/**
 * Child process for the memory figure: replays a whole corpus file case by case and reports its peak
 * resident set (process.resourceUsage().maxRSS, in kB) as one JSON line.
 */
import { readFileSync } from 'node:fs';
import { validateEvent } from '../src/events/parse.js';
import { applyEvent, initialSnapshot } from '../src/replay/replay.js';
import { isCaseHeader } from './lines.js';

const path = process.argv[2];
if (!path) throw new Error('usage: stream-child <corpus.jsonl>');
const t0 = performance.now();
let events = 0;
let rejected = 0;
let snapshot = initialSnapshot();
// Before streaming existed: the file is read whole, then replayed line by line.
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (line === '') continue;
  if (isCaseHeader(line)) {
    snapshot = initialSnapshot();
    continue;
  }
  const parsed = validateEvent(JSON.parse(line));
  if (!parsed.ok) throw new Error(parsed.message);
  const result = applyEvent(snapshot, parsed.event);
  if (!result.ok) rejected += 1;
  snapshot = result.snapshot;
  events += 1;
}
process.stdout.write(
  `${JSON.stringify({ mode: 'whole-file', events, rejected, ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
