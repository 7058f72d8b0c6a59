import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logLineJsonSchema } from '../../events/log-line-schema.js';
import { oddsJsonSchema } from '../../outcomes/odds.js';
import { scenarioJsonSchema } from '../../whatif/scenario.js';
import { EVENTS_DIR } from '../io.js';
import { json } from '../options.js';
import { action, CliError, type CommandModule } from '../program.js';

export const EVENT_SCHEMA_FILE = join(EVENTS_DIR, 'schema.json');
export const SCENARIO_SCHEMA_FILE = join(EVENTS_DIR, 'scenarios', 'schema.json');
export const ODDS_SCHEMA_FILE = join(EVENTS_DIR, 'odds', 'schema.json');

/** The text of `events/schema.json`: what the zod schemas generate today. */
export function schemaText(): string {
  return `${json(logLineJsonSchema())}\n`;
}

/** Every generated schema file and its text: a log line, a what-if scenario, an odds file. */
export function schemaFiles(): { file: string; text: string }[] {
  return [
    { file: EVENT_SCHEMA_FILE, text: schemaText() },
    { file: SCENARIO_SCHEMA_FILE, text: `${json(scenarioJsonSchema())}\n` },
    { file: ODDS_SCHEMA_FILE, text: `${json(oddsJsonSchema())}\n` },
  ];
}

/** `casesim schema`: the JSON Schema of a log line, generated from the zod schemas. */
export const schemaCommand: CommandModule = (program, io, setExit) => {
  program
    .command('schema')
    .description('print the JSON Schema of one log line (generated from the zod schemas)')
    .option('--write', 'write events/schema.json and the scenario and odds schemas instead')
    .option('--scenario', 'the JSON Schema of a what-if scenario (events/scenarios/*.json) instead')
    .option('--odds', 'the JSON Schema of an odds file (events/odds/*.json) instead')
    .option('--json', 'the schema is JSON already; with --write, report the file written as JSON')
    .action(
      action(setExit, (opts: { write?: boolean; json?: boolean; scenario?: boolean; odds?: boolean }) => {
        const [events, scenario, odds] = schemaFiles();
        if (opts.scenario && opts.odds) throw new CliError('--scenario and --odds: choose one schema');
        if (opts.write) {
          const files = schemaFiles();
          for (const { file, text } of files) writeFileSync(file, text);
          const wrote = files.map((f) => f.file);
          io.out(
            opts.json
              ? json({ wrote: wrote[0], also: wrote.slice(1) })
              : wrote.map((f) => `wrote ${f}`).join('\n'),
          );
        } else io.out((opts.scenario ? scenario : opts.odds ? odds : events)?.text ?? '');
        return 0;
      }),
    );
};
