/**
 * The page's docket picker and `?docket=D`: one docket of the matter, as `--docket D` shows it on the command
 * line (`src/replay/docket.ts`). The stops keep the whole matter's state and effects; only which event stops are
 * shown changes. The instants at which prohibitions come due or TROs lapse are the matter's, and stay.
 */
import type { CaseEvent } from '../../src/events/schema.js';
import { contextInDocket, docketFilter, docketsOf, unknownDocket } from '../../src/replay/docket.js';
import { replayAll } from '../../src/replay/replay.js';
import type { Stop } from './model.js';

export type DocketStops =
  | { readonly ok: true; readonly stops: readonly Stop[]; readonly caseName?: string }
  | { readonly ok: false; readonly problem: string };

/** The stops of `docket` (all of them when none is asked), or why that docket cannot be shown. */
export function stopsOnDocket(
  events: readonly CaseEvent[],
  stops: readonly Stop[],
  docket: string | null,
): DocketStops {
  if (docket === null || docket === '') return { ok: true, stops };
  const ctx = replayAll(events).snapshot.context;
  const problem = unknownDocket(ctx, docket);
  if (problem) return { ok: false, problem: `?docket=: ${problem}` };
  const shown = docketFilter(ctx, docket);
  const suit = contextInDocket(ctx, docket, events).suits[docket];
  const appeal = ctx.appeals[docket];
  const caseName = suit?.caseName ?? (appeal ? `${appeal.court} ${appeal.caseNumber}` : undefined);
  return {
    ok: true,
    stops: stops.filter((s) => s.kind !== 'event' || shown(s.event)),
    ...(caseName ? { caseName } : {}),
  };
}

/** The picker's choices: each docket the log holds, named by its court and number, in the order it opened. */
export function docketChoices(
  events: readonly CaseEvent[],
): { readonly value: string; readonly label: string }[] {
  return docketsOf(replayAll(events).snapshot.context).map((d) => ({
    value: d.docket,
    label: `${d.court} ${d.caseNumber} (${d.kind === 'district' ? 'district case' : 'appeal'})`,
  }));
}
