/**
 * A writer that does what casesim never does: writes each line in small pieces, so a SIGKILL can land in
 * the middle of a line and leave a torn tail, as a crash during a large write or a power cut can.
 *
 *   node torn-writer.mjs <log> <writer-id>
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

const [log, writer] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (let i = 0; ; i++) {
  const line = `${JSON.stringify({
    type: 'context.note',
    id: `${writer}-${i}`,
    schemaVersion: 2,
    at: { local: '2021-01-15', zone: 'America/Los_Angeles' },
    knownAt: { local: '2021-01-15', zone: 'America/Los_Angeles' },
    summary: `Piecewise note ${i}: multi-byte text (é, —, 法院) so a cut can fall inside a character.`,
    sources: [
      {
        type: 'public-record',
        title: 'fixture',
        url: 'https://casesim.invalid/f',
        quote: 'fixture',
        verified: false,
      },
    ],
    category: 'other',
  })}\n`;
  const bytes = Buffer.from(line);
  const fd = openSync(log, 'a');
  if (i === 0) writeSync(1, 'writing\n');
  for (let at = 0; at < bytes.length; at += 16) {
    writeSync(fd, bytes, at, Math.min(16, bytes.length - at));
    await sleep(1);
  }
  fsyncSync(fd);
  closeSync(fd);
}
