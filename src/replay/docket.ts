/**
 * One docket of a matter: which of a log's events and objects belong to it. A matter is every docket the log
 * holds (district cases and appeals) that concern one executive action; a view of one docket shows its own
 * events and objects, the matter-level ones (the order, its identifications and prohibitions, statements
 * and notes that name no docket), and the relief entered in another docket, or in a case the log does not
 * hold, that binds there. The legal effects are the matter's whatever the view: an injunction binds the
 * parties it names whichever court entered it (FRCP 65(d)(2)), so a view filters what is shown, never
 * what counts.
 */
import type { CaseEvent } from '../events/schema.js';
import type { CaseContext, InjunctionRecord } from '../machine/context.js';
import { type Phases, phasesOf } from '../machine/phases.js';

export interface DocketEntry {
  readonly docket: string;
  readonly kind: 'district' | 'appeals';
  readonly court: string;
  readonly caseNumber: string;
}

/** The dockets a record holds, district cases first, each in the order the log opened it. */
export function docketsOf(ctx: CaseContext): DocketEntry[] {
  return [
    ...Object.values(ctx.suits).map((s) => ({
      docket: s.docket,
      kind: 'district' as const,
      court: s.court,
      caseNumber: s.caseNumber,
    })),
    ...Object.values(ctx.appeals).map((a) => ({
      docket: a.docket,
      kind: 'appeals' as const,
      court: a.court,
      caseNumber: a.caseNumber,
    })),
  ];
}

/** Why `docket` cannot be shown: it is not one the record holds (the message lists those it does). */
export function unknownDocket(ctx: CaseContext, docket: string): string | undefined {
  const held = docketsOf(ctx);
  if (held.some((d) => d.docket === docket)) return undefined;
  // A reader knows a case by its number (20-16908, 3:20-cv-05910-LB); the log names each docket by an id.
  const numbered = held.find((d) => d.caseNumber === docket);
  if (numbered)
    return `'${docket}' is the case number of docket ${numbered.docket} (${numbered.court}): give --docket ${numbered.docket}`;
  const list = held.map((d) => `${d.docket} (${d.court}, ${d.caseNumber})`).join(', ');
  return held.length === 0
    ? `unknown docket '${docket}': the log holds no docket (no complaint or notice of appeal)`
    : `unknown docket '${docket}': the log holds ${list}`;
}

/** The fields by which an event names its docket, or the object whose docket it was entered on. */
type DocketFields = Partial<Record<'appealDocket' | 'docket' | 'motion' | 'injunction' | 'stay', string>>;

/**
 * The docket an event was entered on: the docket it names (the appeal a notice opens, the case a filing is
 * made in), else the docket of the motion it rules on, or of the injunction or stay it acts on; undefined
 * for the matter-level events, which name none of these (the order, its identifications, notes). Read from
 * the fields every event kind shares, so a new kind is placed by what it names. Relief recorded from a case
 * the log does not hold is on that case's docket, which the log never holds: it is shown where it binds.
 */
export function docketOfEvent(ctx: CaseContext, event: CaseEvent): string | undefined {
  const e = event as DocketFields;
  if (e.appealDocket !== undefined) return e.appealDocket;
  if (e.docket !== undefined) return e.docket;
  if (e.motion !== undefined) return ctx.motions[e.motion]?.docket;
  if (e.injunction !== undefined) return ctx.injunctions[e.injunction]?.docket;
  if (e.stay !== undefined) return ctx.stays[e.stay]?.docket;
  return undefined;
}

/** The plaintiffs of a docket: of the suit, or of the suit an appeal comes from. */
function partiesOf(ctx: CaseContext, docket: string): readonly string[] {
  return (ctx.suits[docket] ?? ctx.suits[ctx.appeals[docket]?.from ?? ''])?.plaintiffs ?? [];
}

/**
 * Whether relief entered on another docket (or elsewhere) binds as to `docket`: universal relief protects
 * everyone (Califano v. Yamasaki); party-limited relief only where it protects a plaintiff of that docket;
 * and an appeal always concerns the order it is from.
 */
export function bindsThere(ctx: CaseContext, injunction: InjunctionRecord, docket: string): boolean {
  if (injunction.docket === docket) return true;
  if (ctx.appeals[docket]?.order === injunction.id) return true;
  if (injunction.beneficiaries === 'everyone') return true;
  const parties = partiesOf(ctx, docket);
  return injunction.protects.some((p) => parties.includes(p));
}

/** The events that entered, extended, stayed or ended relief binding as to `docket`. */
function reliefEvents(ctx: CaseContext, docket: string): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | undefined) => {
    if (id) ids.add(id);
  };
  for (const i of Object.values(ctx.injunctions)) {
    if (!bindsThere(ctx, i, docket)) continue;
    add(i.id);
    add(i.endedBy);
    for (const id of i.extendedBy ?? []) add(id);
    for (const s of Object.values(ctx.stays).filter((s) => s.injunction === i.id)) {
      add(s.id);
      add(s.endedBy);
    }
  }
  return ids;
}

/** Whether each event of the log is shown in the view of `docket` (`ctx`: the record the whole log builds). */
export function docketFilter(ctx: CaseContext, docket: string): (event: CaseEvent) => boolean {
  const relief = reliefEvents(ctx, docket);
  return (event) => {
    const on = docketOfEvent(ctx, event);
    return on === undefined || on === docket || relief.has(event.id);
  };
}

function pick<T>(records: Record<string, T>, keep: (record: T) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(records).filter(([, r]) => keep(r)));
}

/**
 * The record as the view of `docket` shows it: the matter-level objects whole; of the cases, appeals and
 * motions, only that docket's; of the relief, what binds there, with its stays. `events`: the events the
 * record was built from, for the statements of position each names its docket in.
 */
export function contextInDocket(ctx: CaseContext, docket: string, events: readonly CaseEvent[]): CaseContext {
  const shown = docketFilter(ctx, docket);
  const shownIds = new Set(events.filter(shown).map((e) => e.id));
  const injunctions = pick(ctx.injunctions, (i) => bindsThere(ctx, i, docket));
  return {
    ...ctx,
    suits: pick(ctx.suits, (s) => s.docket === docket),
    appeals: pick(ctx.appeals, (a) => a.docket === docket),
    motions: pick(ctx.motions, (m) => m.docket === docket),
    injunctions,
    stays: pick(ctx.stays, (s) => injunctions[s.injunction] !== undefined),
    positions: ctx.positions.filter((p) => shownIds.has(p.eventId)),
  };
}

/**
 * The summary of one docket, read from the record its view shows (`contextInDocket`): the matter's executive
 * action, and the relief that binds there; a district docket's own case, or an appeals docket's own appeal.
 * The other region is left out, not reported as empty: an appeal is a docket of its own (FRAP 12), so a
 * district docket holds none, and an appeals docket holds no district case.
 */
export function phasesInDocket(shown: CaseContext, docket: string): Partial<Phases> {
  const { executive, suit, relief, appeal } = phasesOf(shown);
  return shown.appeals[docket] === undefined ? { executive, suit, relief } : { executive, relief, appeal };
}
