/** Options shared by several commands, parsed the same way everywhere. */
import { parseQueryInstant } from '../events/instant.js';
import { CliError } from './errors.js';

export function queryInstant(text: string, zone: string, flag: string): { ms: number; label: string } {
  const parsed = parseQueryInstant(text, zone);
  if (!parsed.ok)
    throw new CliError(`${flag}: ${parsed.message} (try 2020-09-21, 2020-09-21T18:00 or 2020-09-21T18:00Z)`);
  return parsed;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
