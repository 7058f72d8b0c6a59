import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventJsonSchema } from '../../events/schema.js';
import { EVENTS_DIR } from '../io.js';
import { json } from '../options.js';
import { action, type CommandModule } from '../program.js';

export const EVENT_SCHEMA_FILE = join(EVENTS_DIR, 'schema.json');

/** The text of `events/schema.json`: what the zod schemas generate today. */
export function schemaText(): string {
  return `${json(eventJsonSchema())}\n`;
}

/** `casesim schema`: the JSON Schema of a log line, generated from the zod schemas. */
export const schemaCommand: CommandModule = (program, io, setExit) => {
  program
    .command('schema')
    .description('print the JSON Schema of one log line (generated from the zod schemas)')
    .option('--write', 'write it to events/schema.json instead')
    .option('--json', 'the schema is JSON already; with --write, report the file written as JSON')
    .action(
      action(setExit, (opts: { write?: boolean; json?: boolean }) => {
        const text = schemaText();
        if (opts.write) {
          writeFileSync(EVENT_SCHEMA_FILE, text);
          io.out(opts.json ? json({ wrote: EVENT_SCHEMA_FILE }) : `wrote ${EVENT_SCHEMA_FILE}`);
        } else io.out(text);
        return 0;
      }),
    );
};
