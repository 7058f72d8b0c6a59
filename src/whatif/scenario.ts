/**
 * What-if scenarios: a base log plus ordered edits (replace an event, insert one, remove one, stop at an
 * instant). The format is a zod schema, exported as JSON Schema next to the log's; `applyScenario` is pure
 * and either returns the branch's events or one error naming the edit and why. Whether the branch is legal
 * is not decided here: replay decides that (see diff.ts).
 */
import { z } from 'zod';
import { certainlyBefore, countedBy, formatInstant, latestOf } from '../events/instant.js';
import { editorJsonSchema } from '../events/json-schema.js';
import { validateEvent } from '../events/parse.js';
import { CaseEvent, type EventType, Id, Instant, SCHEMA_VERSION, type Source } from '../events/schema.js';
import { type Problem, type ProblemIssue, problem, zodIssues } from '../problem.js';

/** The source every scenario event carries unless it gives its own: hypothetical, not evidence. */
export const SCENARIO_SOURCE: Source = {
  type: 'public-record',
  title: 'casesim what-if scenario (hypothetical event, not evidence)',
  url: 'https://casesim.invalid/whatif',
  note: 'hypothetical: written for a what-if scenario',
  verified: false,
};

/** Envelope fields a scenario event may leave out: they are inherited or defaulted when the edit applies. */
const INHERITED = { id: true, schemaVersion: true, at: true, knownAt: true, sources: true } as const;

/** One event as a scenario writes it: any event kind, with id, dates, version and sources optional. */
export const ScenarioEvent = z
  .discriminatedUnion(
    'type',
    CaseEvent.options.map((o) => (o as unknown as z.ZodObject).partial(INHERITED)) as unknown as [
      (typeof CaseEvent.options)[number],
      ...(typeof CaseEvent.options)[number][],
    ],
  )
  .describe(
    'An event of any kind; id, schemaVersion, at, knownAt and sources may be left out (inherited from the replaced or anchor event, or a hypothetical source).',
  ) as unknown as z.ZodType<ScenarioEvent>;
export type ScenarioEvent = { type: EventType; summary: string } & Record<string, unknown>;

const Why = z.string().min(1).max(400).optional().describe('Why this edit, in one line.');

export const ReplaceEdit = z
  .strictObject({ kind: z.literal('replace'), event: Id, with: ScenarioEvent, why: Why })
  .describe('Replace event `event` with another event (its id is kept unless `with.id` is given).');
export const InsertEdit = z
  .strictObject({
    kind: z.literal('insert'),
    after: Id.optional().describe('Insert right after this event; the new event inherits its dates.'),
    at: Instant.optional().describe(
      'Insert at this instant, in order of legal effect; the event is dated so.',
    ),
    event: ScenarioEvent,
    why: Why,
  })
  .refine((e) => (e.after === undefined) !== (e.at === undefined), {
    message: 'an insert gives exactly one of `after` (an event id) or `at` (an instant)',
  })
  .describe('Insert an event after another event, or at an instant.');
export const RemoveEdit = z
  .strictObject({ kind: z.literal('remove'), event: Id, why: Why })
  .describe('Remove an event from the log.');
export const StopAtEdit = z
  .strictObject({ kind: z.literal('stopAt'), at: Instant, why: Why })
  .describe('Keep only the events that count by the end of this instant (the counting rule of instants).');

export const Edit = z.discriminatedUnion('kind', [ReplaceEdit, InsertEdit, RemoveEdit, StopAtEdit]);
export type Edit = z.infer<typeof Edit>;

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    title: z.string().min(1).max(120).optional(),
    description: z
      .string()
      .min(1)
      .max(240)
      .regex(/^[^\n]*$/, 'the description is one line')
      .describe('What the branch supposes, in one line.'),
    base: z
      .string()
      .min(1)
      .regex(/\.jsonl$/, 'the base is an event log: a .jsonl file')
      .describe('The base log (a .jsonl event log), relative to the scenario file.'),
    onIllegal: z
      .enum(['drop', 'stop'])
      .default('drop')
      .describe('What to do with a base event the branch makes illegal: drop it, or stop the branch there.'),
    edits: z.array(Edit),
  })
  .describe('A what-if scenario: a base log and ordered edits to it.');
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** The JSON Schema of a scenario file, for editors (`events/scenarios/schema.json`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(Scenario, { reused: 'ref' });
}

/**
 * A problem with a scenario: `where.edit` names the edit when one is to blame (INVALID_SCENARIO: the file is
 * not a scenario; SCENARIO_EDIT: an edit cannot be applied; OUT_OF_ORDER, ILLEGAL_EVENT: the branch it
 * builds breaks the log's order or a rule).
 */
export type ScenarioError = Problem;

function issuePath(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '(scenario)';
}

/** Reads a decoded scenario file; the error names the edit when one is malformed. */
export function parseScenario(
  raw: unknown,
): { ok: true; scenario: Scenario; error?: never } | { ok: false; scenario?: never; error: ScenarioError } {
  const result = Scenario.safeParse(raw);
  if (result.success) return { ok: true, scenario: result.data };
  const issues: ProblemIssue[] = zodIssues(result.error);
  const path = issues[0]?.path ?? [];
  const message = issues[0]?.message ?? 'invalid scenario';
  const invalid = (text: string, edit?: { index: number; kind?: string }) => ({
    ok: false as const,
    error: problem('INVALID_SCENARIO', text, { field: path, edit }, { issues }),
  });
  if (path[0] === 'edits' && typeof path[1] === 'number') {
    const edits = (raw as { edits?: unknown[] }).edits;
    const kind = (edits?.[path[1]] as { kind?: unknown } | undefined)?.kind;
    const rest = path.slice(2);
    return invalid(rest.length > 0 ? `${issuePath(rest)}: ${message}` : message, {
      index: path[1],
      ...(typeof kind === 'string' ? { kind } : {}),
    });
  }
  return invalid(`${issuePath(path)}: ${message}`);
}

/** An edit as it was applied, in words. */
export interface AppliedEdit {
  readonly index: number;
  readonly kind: Edit['kind'];
  readonly text: string;
  readonly why?: string;
}

export interface Branch {
  readonly events: readonly CaseEvent[];
  readonly applied: readonly AppliedEdit[];
  /** The events an edit wrote (replaced or inserted), by id, with the index of that edit. */
  readonly authoredBy: Readonly<Record<string, number>>;
  /** For each replaced base event, the id of the event that stands in its place. */
  readonly replaced: Readonly<Record<string, string>>;
}

export type ApplyResult =
  | { ok: true; branch: Branch; error?: never }
  | { ok: false; branch?: never; error: ScenarioError };

/** Why an edit cannot be applied; thrown inside `applyOne` and returned by `applyScenario` as a problem. */
class EditFailure extends Error {
  constructor(
    message: string,
    /** zod's findings, for an event the edit writes that the schema refuses. */
    readonly issues?: readonly ProblemIssue[],
  ) {
    super(message);
  }
}

function label(e: CaseEvent): string {
  return `${e.id} (${e.type})`;
}

/** Completes a scenario event from the event it stands in for, and validates it against the event schema. */
function complete(draft: ScenarioEvent, inherit: Partial<CaseEvent>, at?: Instant): CaseEvent {
  const raw = {
    schemaVersion: SCHEMA_VERSION,
    sources: [SCENARIO_SOURCE],
    ...inherit,
    ...(at ? { at, knownAt: at } : {}),
    ...draft,
  };
  const result = validateEvent(raw);
  if (!result.ok) throw new EditFailure(`the event it writes is invalid: ${result.message}`, result.issues);
  return result.event;
}

function indexOf(events: readonly CaseEvent[], id: string): number {
  const i = events.findIndex((e) => e.id === id);
  if (i < 0) throw new EditFailure(`no event '${id}' in the log at this point`);
  return i;
}

function assertNewId(events: readonly CaseEvent[], id: string, except?: number): void {
  const i = events.findIndex((e) => e.id === id);
  if (i >= 0 && i !== except)
    throw new EditFailure(`id '${id}' is already used by ${label(events[i] as CaseEvent)}`);
}

function applyOne(
  events: CaseEvent[],
  edit: Edit,
  authoredBy: Record<string, number>,
  replaced: Record<string, string>,
  index: number,
): string {
  switch (edit.kind) {
    case 'replace': {
      const i = indexOf(events, edit.event);
      const old = events[i] as CaseEvent;
      const { type: _t, summary: _s, ...envelope } = old;
      const next = complete(edit.with, { id: old.id, at: envelope.at, knownAt: envelope.knownAt });
      assertNewId(events, next.id, i);
      events[i] = next;
      delete authoredBy[old.id];
      authoredBy[next.id] = index;
      const original = Object.keys(replaced).find((k) => replaced[k] === old.id) ?? old.id;
      replaced[original] = next.id;
      return `replaced ${label(old)} with ${label(next)}`;
    }
    case 'insert': {
      let position: number;
      let next: CaseEvent;
      if (edit.after !== undefined) {
        const i = indexOf(events, edit.after);
        const anchor = events[i] as CaseEvent;
        next = complete(edit.event, { at: anchor.at, knownAt: anchor.knownAt });
        position = i + 1;
      } else {
        next = complete(edit.event, {}, edit.at);
        // After every event that does not certainly come later, so equal dates keep the log's order.
        const later = events.findIndex((e) => certainlyBefore(next.at, e.at));
        position = later < 0 ? events.length : later;
      }
      if (edit.event.id === undefined) throw new EditFailure('an inserted event needs its own `id`');
      assertNewId(events, next.id);
      events.splice(position, 0, next);
      authoredBy[next.id] = index;
      const where = edit.after !== undefined ? `after ${edit.after}` : `at ${formatInstant(next.at)}`;
      return `inserted ${label(next)} ${where}`;
    }
    case 'remove': {
      const i = indexOf(events, edit.event);
      const [old] = events.splice(i, 1);
      if (old) delete authoredBy[old.id];
      return `removed ${label(old as CaseEvent)}`;
    }
    case 'stopAt': {
      const kept = countedBy(events, latestOf(edit.at));
      const dropped = events.length - kept.length;
      events.splice(0, events.length, ...kept);
      return `stopped at ${formatInstant(edit.at)} (${dropped} later event${dropped === 1 ? '' : 's'} left out)`;
    }
  }
}

/** The first pair of neighbours out of order of legal effect, blamed on the edit that wrote one of them. */
function orderProblem(
  events: readonly CaseEvent[],
  authoredBy: Record<string, number>,
): { readonly blamed?: number | undefined; readonly message: string } | undefined {
  for (let i = 1; i < events.length; i++) {
    const prev = events[i - 1] as CaseEvent;
    const e = events[i] as CaseEvent;
    if (!certainlyBefore(e.at, prev.at)) continue;
    return {
      blamed: authoredBy[e.id] ?? authoredBy[prev.id],
      message: `${label(e)} (${formatInstant(e.at)}) would come after ${label(prev)} (${formatInstant(prev.at)}) although it takes effect earlier; the log is kept in order of legal effect`,
    };
  }
  return undefined;
}

/** An event that presupposes (`dependsOn`) another which is no longer in the branch as the base had it. */
export interface LostPremise {
  readonly event: CaseEvent;
  /** The id of the event it presupposes. */
  readonly premise: string;
}

/**
 * The events that presuppose, directly or through another such event, an id in `gone`, in log order.
 * A premise gone from a world takes with it what was only true because of it: a note that a company acted
 * "although the injunction held" says nothing in a world without the injunction.
 */
export function lostPremises(events: readonly CaseEvent[], gone: ReadonlySet<string>): LostPremise[] {
  const lost = new Map<string, LostPremise>();
  const isGone = (id: string) => gone.has(id) || lost.has(id);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of events) {
      if (lost.has(e.id)) continue;
      const premise = e.dependsOn?.find(isGone);
      if (premise === undefined) continue;
      lost.set(e.id, { event: e, premise });
      grew = true;
    }
  }
  return events.flatMap((e) => {
    const l = lost.get(e.id);
    return l ? [l] : [];
  });
}

/**
 * After an edit takes events out of the branch (or replaces them, changing what they were), removes the
 * base events that presupposed them, and says so as part of that edit. Events the scenario wrote are its
 * own and are kept: a scenario keeps a dependent by rewriting it first.
 */
function removeLostPremises(
  events: CaseEvent[],
  gone: ReadonlySet<string>,
  authoredBy: Record<string, number>,
  index: number,
  kind: Edit['kind'],
): AppliedEdit[] {
  const lost = lostPremises(events, gone).filter((l) => authoredBy[l.event.id] === undefined);
  const ids = new Set(lost.map((l) => l.event.id));
  events.splice(0, events.length, ...events.filter((e) => !ids.has(e.id)));
  return lost.map((l) => ({
    index,
    kind,
    text: `also removed ${label(l.event)}: it presupposes ${l.premise}, which is no longer in the branch`,
  }));
}

/** Applies the scenario's edits in order to the base events. Pure; the base is not changed. */
export function applyScenario(base: readonly CaseEvent[], scenario: Scenario): ApplyResult {
  const events = [...base];
  const authoredBy: Record<string, number> = {};
  const replaced: Record<string, string> = {};
  const applied: AppliedEdit[] = [];
  for (const [index, edit] of scenario.edits.entries()) {
    try {
      const before = new Set(events.map((e) => e.id));
      const text = applyOne(events, edit, authoredBy, replaced, index);
      applied.push({ index, kind: edit.kind, text, ...(edit.why ? { why: edit.why } : {}) });
      // A replaced event is gone as a premise even where its replacement keeps the id: it is another event.
      const after = new Set(events.map((e) => e.id));
      const gone = new Set([...before].filter((id) => !after.has(id)));
      if (edit.kind === 'replace') gone.add(edit.event);
      if (edit.kind !== 'stopAt')
        applied.push(...removeLostPremises(events, gone, authoredBy, index, edit.kind));
    } catch (error) {
      if (!(error instanceof EditFailure)) throw error;
      const where = { edit: { index, kind: edit.kind } };
      return { ok: false, error: problem('SCENARIO_EDIT', error.message, where, { issues: error.issues }) };
    }
  }
  const disorder = orderProblem(events, authoredBy);
  if (disorder) {
    const { message, blamed } = disorder;
    const kind = blamed === undefined ? undefined : scenario.edits[blamed]?.kind;
    const edit = blamed === undefined ? undefined : { index: blamed, ...(kind ? { kind } : {}) };
    return { ok: false, error: problem('OUT_OF_ORDER', message, { edit }) };
  }
  return { ok: true, branch: { events, applied, authoredBy, replaced } };
}
