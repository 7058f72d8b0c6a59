/**
 * A writer process for the concurrency and crash tests: appends `context.note` events (legal in any
 * state) through the compiled store library, one JSON line on stdout per outcome, written synchronously so
 * an acknowledgement printed before a SIGKILL still reaches the parent.
 *
 *   node writer.mjs <store.js> <log> <writer-id> <count|forever> <plain|expect>
 *
 * `expect` reads the log's version first and appends with it as the expected version, retrying on CONFLICT.
 * Every tenth event is sent a second time, which must come back as a duplicate.
 */
import { writeSync } from 'node:fs';

const [storePath, log, writer, countArg, mode] = process.argv.slice(2);
const { appendEvent, readLogState } = await import(storePath);
const count = countArg === 'forever' ? Number.POSITIVE_INFINITY : Number(countArg);
const out = (value) => writeSync(1, `${JSON.stringify(value)}\n`);

const note = (i) => ({
  type: 'context.note',
  id: `${writer}-${i}`,
  schemaVersion: 2,
  at: { local: '2021-01-15', zone: 'America/Los_Angeles' },
  knownAt: { local: '2021-01-15', zone: 'America/Los_Angeles' },
  summary: `Note ${i} from writer ${writer}: a line with multi-byte text (é, —, 法院) so a torn write can cut a character.`,
  sources: [
    {
      type: 'public-record',
      title: 'fixture',
      url: 'https://casesim.invalid/fixture',
      quote: 'fixture',
      verified: false,
    },
  ],
  category: 'other',
});

let conflicts = 0;
for (let i = 0; i < count; i++) {
  const event = note(i);
  for (;;) {
    const options = mode === 'expect' ? { expectedVersion: readLogState(log).events.length } : {};
    const result = await appendEvent(log, event, options);
    if (result.ok) {
      out({ ack: event.id, status: result.status, line: result.line, version: result.version });
      break;
    }
    // Both are transient, and a real client retries them: the log moved on, or the lock changed hands.
    if (result.error.code === 'CONFLICT' || result.error.code === 'LOCK_TIMEOUT') {
      conflicts += 1;
      continue;
    }
    out({ error: result.error });
    process.exit(1);
  }
  if (i % 10 === 9) {
    const again = await appendEvent(log, event);
    out({ again: event.id, status: again.ok ? again.status : again.error.code });
  }
}
out({ done: writer, conflicts });
