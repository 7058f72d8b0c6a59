/** `--docket D`, as every view reads it: one docket of the matter, or the whole matter by default. */
import type { CaseEvent } from '../events/schema.js';
import type { CaseContext } from '../machine/context.js';
import { docketFilter, unknownDocket } from '../replay/docket.js';
import { replayAll } from '../replay/replay.js';
import { CliError } from './errors.js';

export const DOCKET_FLAG = '--docket <docket>';
export const DOCKET_HELP =
  "show one docket: its events and objects, the matter's order and prohibitions, and relief that binds there (default: the whole matter)";

/**
 * Which events the view of `docket` shows, judged on the record the whole log builds (`record`, or replayed
 * here): undefined for the whole matter. A docket the log does not hold is a usage error naming those it does.
 */
export function docketView(
  events: readonly CaseEvent[],
  docket: string | undefined,
  record?: CaseContext,
): ((event: CaseEvent) => boolean) | undefined {
  if (docket === undefined) return undefined;
  const ctx = record ?? replayAll(events).snapshot.context;
  const problem = unknownDocket(ctx, docket);
  if (problem) throw new CliError(`--docket: ${problem}`);
  return docketFilter(ctx, docket);
}

/**
 * The steps of a path from `prefix` that the view of `docket` shows, judged on the record the path itself
 * builds (a generated ruling belongs to the docket of the motion it answers, which only the path records).
 */
export function stepsOnDocket<S extends { readonly event: CaseEvent }>(
  prefix: readonly CaseEvent[],
  steps: readonly S[],
  docket: string,
): S[] {
  const ctx = replayAll([...prefix, ...steps.map((s) => s.event)]).snapshot.context;
  const shown = docketFilter(ctx, docket);
  return steps.filter((s) => shown(s.event));
}
