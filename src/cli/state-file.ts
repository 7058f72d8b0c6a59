/**
 * Saved states: `replay --save-state` writes the state after the last replayed event, and `--resume`
 * reads it back and replays only what follows its last event. A file that is not such a state, or does
 * not belong to the log, is refused with one message that says why.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { LoggedEvent } from '../events/parse.js';
import { phasesOf } from '../machine/phases.js';
import {
  type CaseSnapshot,
  type PersistedState,
  persistSnapshot,
  restoreSnapshot,
} from '../replay/replay.js';
import { CliError } from './errors.js';
import { readText } from './io.js';

const records = z.record(z.string(), z.looseObject({}));

/** The shape of a saved state, checked before the machine sees it. */
const SavedState = z.strictObject({
  format: z.literal('casesim.state'),
  version: z.literal(1),
  value: z.record(z.string(), z.string()),
  context: z.looseObject({
    orders: records,
    identifications: records,
    prohibitions: records,
    suits: records,
    appeals: records,
    motions: records,
    injunctions: records,
    stays: records,
    positions: z.array(z.looseObject({})),
    accepted: z.number().int().nonnegative(),
    lastEvent: z.string().optional(),
  }),
});

export function saveState(path: string, snapshot: CaseSnapshot): void {
  try {
    writeFileSync(path, `${JSON.stringify(persistSnapshot(snapshot), null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`--save-state: cannot write ${path} (${code ?? String(error)})`);
  }
}

/** Reads a saved state; `flag` names the option in messages. */
export function loadState(path: string, flag = '--resume'): { snapshot: CaseSnapshot; lastEvent?: string } {
  let bytes: Uint8Array;
  try {
    bytes = readText(path, 'state file');
  } catch (error) {
    throw error instanceof CliError ? new CliError(`${flag}: ${error.message}`) : error;
  }
  const text = new TextDecoder().decode(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(
      `${flag}: ${path} is not JSON (expected a state saved by casesim replay --save-state)`,
    );
  }
  const parsed = SavedState.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    throw new CliError(
      `${flag}: ${path} is not a casesim state (${where}${issue?.message ?? 'invalid'}); save one with casesim replay --save-state`,
    );
  }
  let snapshot: CaseSnapshot;
  try {
    snapshot = restoreSnapshot(parsed.data as unknown as PersistedState);
  } catch {
    throw new CliError(`${flag}: ${path} names region states the case machine does not have`);
  }
  const value = parsed.data.value;
  if (Object.entries(phasesOf(snapshot.context)).some(([region, phase]) => value[region] !== phase)) {
    throw new CliError(`${flag}: ${path} is inconsistent: its region states do not match its record`);
  }
  const lastEvent = parsed.data.context.lastEvent;
  return lastEvent === undefined ? { snapshot } : { snapshot, lastEvent };
}

/** The events of `log` after the state's last event; refuses a state saved from another log. */
export function eventsAfter(
  events: readonly LoggedEvent[],
  lastEvent: string | undefined,
  path: string,
  file: string,
): readonly LoggedEvent[] {
  if (lastEvent === undefined) return events;
  const index = events.findIndex((l) => l.event.id === lastEvent);
  if (index < 0) {
    throw new CliError(
      `--resume: the last event of ${path} (${lastEvent}) is not in ${file}; the state was saved from another log`,
    );
  }
  return events.slice(index + 1);
}
