import { closeSync, openSync, readSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { MAX_LINE_BYTES } from '../../events/parse.js';
import { exitCodeOf } from '../../problem.js';
import { appendEventText, formatStoreError } from '../../store/index.js';
import { CliError } from '../errors.js';
import { json } from '../options.js';
import { action, type CommandModule } from '../program.js';

/** `--wait SECONDS`: how long to wait for another writer's lock; plain decimal, at most a day. */
export function waitSeconds(text: string): number {
  if (!/^\d{1,5}(\.\d{1,3})?$/.test(text) || Number(text) > 86_400)
    throw new InvalidArgumentError(
      'give the seconds to wait as a plain number from 0 to 86400 (e.g. 30 or 0.5)',
    );
  return Math.round(Number(text) * 1000);
}

function version(text: string): number {
  if (!/^\d{1,9}$/.test(text))
    throw new InvalidArgumentError('a version is the number of events in the log (0, 1, 2, ...)');
  return Number(text);
}

/** One byte more than a log line may hold is enough to refuse an event: a huge input is never read whole. */
const READ_LIMIT = MAX_LINE_BYTES + 1;

async function readEventInput(path: string): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= READ_LIMIT) break;
    }
    return Buffer.concat(chunks).subarray(0, READ_LIMIT);
  }
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(READ_LIMIT);
      let size = 0;
      for (let n = 1; n > 0 && size < READ_LIMIT; size += n)
        n = readSync(fd, buffer, size, READ_LIMIT - size, null);
      return buffer.subarray(0, size);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such event file`);
    if (code === 'EISDIR') throw new CliError(`${path} is a directory, not an event file`);
    throw new CliError(`${path}: cannot read (${code ?? String(error)})`);
  }
}

/** `casesim append`: one event onto a log, validated, versioned, idempotent, atomic and durable. */
export const appendCommand: CommandModule = (program, io, setExit) => {
  program
    .command('append')
    .description(
      'append one event to a log (created if missing): checked against the schema and the rules of procedure, ' +
        'written whole and synced; the same event twice is stored once',
    )
    .argument('<log>', 'event log (JSON lines)')
    .argument('<event>', 'a file holding one event as JSON, or - to read it from stdin')
    .option('--expect-version <n>', 'refuse (CONFLICT) unless the log holds exactly n events', version)
    .option('--wait <seconds>', "how long to wait for another writer's lock (default 30)", waitSeconds)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExit status: 0 appended or already there, 1 refused (see the code), 2 usage, unreadable input or a log\n' +
        'that cannot be written (nothing stored), 3 the outcome of the write is unknown (run validate; a retry\n' +
        'with the same id is safe).\n' +
        'An event in an older schema version is stored upcast to the current version.',
    )
    .action(
      action(
        setExit,
        async (
          log: string,
          eventPath: string,
          opts: { expectVersion?: number; wait?: number; json?: boolean },
        ) => {
          const input = await readEventInput(eventPath);
          const source = eventPath === '-' ? '<stdin>' : eventPath;
          const result = await appendEventText(log, input, {
            source,
            ...(opts.wait === undefined ? {} : { lockTimeoutMs: opts.wait }),
            ...(opts.expectVersion === undefined ? {} : { expectedVersion: opts.expectVersion }),
          });
          if (opts.json) io.out(json(result));
          else if (result.ok && result.status === 'appended')
            io.out(
              `${log}:${result.line}: appended event ${result.eventId} (the log is at version ${result.version})`,
            );
          else if (result.ok)
            io.out(
              `${log}:${result.line}: event ${result.eventId} is already in the log with the same content; nothing appended (version ${result.version})`,
            );
          else io.err(`casesim: ${formatStoreError(result.error)}`);
          if (result.ok) return 0;
          return exitCodeOf(result.error.code);
        },
      ),
    );
};
