/** Options shared by several commands, parsed the same way everywhere; a bad value is a usage error (2). */
import { isTimeZone, parseQueryInstant } from '../events/instant.js';
import { CliError } from './errors.js';

const INSTANT_HINT = 'try 2020-09-21, 2020-09-21T18:00 or 2020-09-21T18:00Z';

export function queryInstant(text: string, zone: string, flag: string): { ms: number; label: string } {
  const parsed = parseQueryInstant(text, zone);
  if (!parsed.ok) throw new CliError(`${flag}: ${parsed.message} (${INSTANT_HINT})`);
  return parsed;
}

/** Refuses text that is no instant in any zone (`tomorrow`, `2020-02-30`) before anything is read. */
export function checkInstantSyntax(text: string, flag: string): void {
  queryInstant(text, 'UTC', flag);
}

export function timeZoneOption(zone: string, flag: string): string {
  if (!isTimeZone(zone))
    throw new CliError(
      `${flag}: '${zone}' is not a known time zone (an IANA name such as America/Los_Angeles or UTC)`,
    );
  return zone;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
