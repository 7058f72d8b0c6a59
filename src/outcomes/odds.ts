/**
 * The odds model: which decisions the search weighs, in what order, how long each takes, and the
 * probability of each option. An option is an event kind as the machine's candidates name it
 * (`stay.granted:district`, `appeal.decided:affirmed`) or `none` (the decision passes and nothing happens).
 * The options of a decision sum to 1; an option the machine does not allow at that point is left out and
 * the rest renormalised.
 */
import { z } from 'zod';
import type { CaseEvent, EventType } from '../events/schema.js';
import { EVENT_TYPES, Id } from '../events/schema.js';
import type { CaseContext } from '../machine/context.js';
import { forumOf, injunctionStands, vacaturOf } from '../machine/context.js';
import { type Problem, problem, zodIssues } from '../problem.js';
import { challengedActionEnded } from './endings.js';

export const NONE = 'none';

/** The variants the search tells apart within an event kind. */
export const VARIANTS: Partial<Record<EventType, readonly string[]>> = {
  'stay.motionFiled': ['district', 'appeals'],
  'stay.granted': ['district', 'appeals'],
  'stay.denied': ['district', 'appeals'],
  'appeal.decided': ['affirmed', 'reversed', 'vacated'],
  // The Supreme Court's disposition of the court of appeals' judgment, as `appeal.decided` names its own.
  'certiorari.decided': ['affirmed', 'reversed', 'vacated'],
  'appeal.dismissed': ['voluntary', 'moot', 'moot-vacated', 'jurisdiction'],
  'case.dismissed': ['voluntary', 'moot', 'merits', 'settled'],
  // A PI motion after a TRO is its own option: a TRO lasts 14 days, and the PI motion that follows is a
  // different decision from the first choice between a TRO and a PI (FRCP 65(b)(2)-(3)).
  'injunction.motionFiled': ['tro', 'preliminary', 'preliminary-after-tro'],
  // A grant of everything the motion asked, or of less (a ruling in part): deciding the rest (denied with it),
  // or deferring it for a later ruling (FRCP 65: the motion stays pending as to the rest); `rest` is that
  // later ruling, on a motion the court already decided in part.
  'injunction.granted': ['full', 'in-part', 'in-part-deferring', 'rest'],
  // A denial of a motion (the kind alone), or of the part a ruling in part deferred.
  'injunction.denied': ['rest'],
  // Who appeals what: the government from an injunction, the movant from the denial of one.
  'appeal.noticed': ['injunction', 'denial'],
  'case.judgment': ['plaintiffs', 'defendants'],
  // The first identification under an order, or one re-issued after the last was withdrawn or rescinded:
  // narrower (naming fewer prohibitions than the one it replaces) or not.
  'identification.announced': ['first', 'reissued', 'narrower'],
  // An injunction pending appeal for the party refused one, sought below first or in the court of appeals.
  'injunctionPendingAppeal.motionFiled': ['district', 'appeals'],
  'injunctionPendingAppeal.granted': ['district', 'appeals'],
  'injunctionPendingAppeal.denied': ['district', 'appeals'],
};

/** Kinds whose bare name is an option too, beside their variants (a ruling on a whole motion). */
const BARE_TOO: ReadonlySet<EventType> = new Set<EventType>(['injunction.denied']);

/** Every option label an odds file may name. */
export const OPTION_LABELS: readonly string[] = [
  NONE,
  ...EVENT_TYPES.flatMap((t) => {
    const variants = VARIANTS[t]?.map((v) => `${t}:${v}`);
    if (!variants) return [t];
    return BARE_TOO.has(t) ? [t, ...variants] : variants;
  }),
];

const TOLERANCE = 1e-6;

export const Decision = z
  .strictObject({
    id: Id,
    question: z.string().min(1).describe('The decision, as a question.'),
    afterDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .describe('Its event is dated this many days after the previous one.'),
    options: z
      .record(z.string(), z.number().min(0).max(1))
      .describe(
        'Probability of each option: an event kind (`appeal.decided:affirmed`) or `none`; they sum to 1.',
      ),
  })
  .superRefine((d, ctx) => {
    for (const label of Object.keys(d.options)) {
      if (!OPTION_LABELS.includes(label))
        ctx.addIssue({ code: 'custom', path: ['options', label], message: `unknown option '${label}'` });
    }
    const sum = Object.values(d.options).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > TOLERANCE)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `the probabilities sum to ${round(sum)}, not 1`,
      });
  });
export type Decision = z.infer<typeof Decision>;

export const Odds = z
  .strictObject({
    $schema: z.string().optional(),
    description: z
      .string()
      .min(1)
      .max(240)
      .regex(/^[^\n]*$/, 'the description is one line'),
    decisions: z.array(Decision).min(1),
    vary: z
      .string()
      .optional()
      .describe('The probability the sensitivity view varies by default: `decision-id:option`.'),
  })
  .describe('Branch probabilities for outcome search: decisions in the order they are taken.');
export type Odds = z.infer<typeof Odds>;

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function oddsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Odds, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

/** Keys that name an object's prototype machinery, never an option or a field: refused, not dropped. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where in a decoded JSON value a prototype key is, if anywhere (JSON.parse keeps `__proto__` as a key). */
function prototypeKey(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) return here;
    const inner = prototypeKey((value as Record<string, unknown>)[key], here);
    if (inner) return inner;
  }
  return undefined;
}

/** Reads a decoded odds file; the problem's message names the decision at fault, its issues are zod's. */
export function parseOdds(
  raw: unknown,
): { ok: true; odds: Odds; error?: never } | { ok: false; odds?: never; error: Problem } {
  const invalid = (
    message: string,
    details: Parameters<typeof problem>[3] = {},
    field?: (string | number)[],
  ) => ({
    ok: false as const,
    error: problem('INVALID_ODDS', message, { field }, details),
  });
  const forbidden = prototypeKey(raw, '');
  if (forbidden) {
    const key = forbidden.split('.').at(-1);
    return invalid(
      `${forbidden}: the key '${key}' is refused (it names no option or field)`,
      {},
      forbidden.split('.'),
    );
  }
  const result = Odds.safeParse(raw);
  if (result.success) {
    const ids = result.data.decisions.map((d) => d.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) return invalid(`decision '${dup}' appears twice`, {}, ['decisions', ids.lastIndexOf(dup), 'id']);
    return { ok: true, odds: result.data };
  }
  const issues = zodIssues(result.error);
  const issue = issues[0];
  const path = issue?.path ?? [];
  const field = [...path];
  if (path[0] === 'decisions' && typeof path[1] === 'number') {
    const id = (raw as { decisions?: { id?: unknown }[] }).decisions?.[path[1]]?.id;
    const rest = path.slice(2).map(String).join('.');
    const name = typeof id === 'string' ? ` (${id})` : '';
    return invalid(
      `decision ${path[1] + 1}${name}: ${rest ? `${rest}: ` : ''}${issue?.message}`,
      { issues },
      field,
    );
  }
  return invalid(
    `${path.length > 0 ? path.map(String).join('.') : '(odds)'}: ${issue?.message}`,
    { issues },
    field,
  );
}

/** The option label of a candidate event, read in the state before it. */
export function labelOf(event: CaseEvent, ctx: CaseContext): string {
  switch (event.type) {
    case 'stay.motionFiled':
      return `${event.type}:${forumOf(ctx, event.docket) ?? 'district'}`;
    case 'stay.granted':
    case 'stay.denied': {
      const docket = ctx.motions[event.motion]?.docket ?? '';
      return `${event.type}:${forumOf(ctx, docket) ?? 'district'}`;
    }
    case 'appeal.decided':
    case 'certiorari.decided':
      return `${event.type}:${event.disposition}`;
    case 'appeal.dismissed':
      return `${event.type}:${event.reason}${event.reason === 'moot' && vacaturOf(event.vacatur) === 'granted' ? '-vacated' : ''}`;
    case 'case.dismissed':
      return `${event.type}:${event.reason}`;
    case 'injunction.motionFiled': {
      const afterTro = Object.values(ctx.motions).some(
        (m) => m.kind === 'injunction' && m.docket === event.docket && m.relief === 'tro',
      );
      return `${event.type}:${event.relief}${event.relief === 'preliminary' && afterTro ? '-after-tro' : ''}`;
    }
    case 'injunction.granted': {
      const motion = ctx.motions[event.motion];
      if (motion?.status === 'partly-decided') return `${event.type}:rest`;
      if ((event.deferred?.length ?? 0) > 0) return `${event.type}:in-part-deferring`;
      const sought = motion?.prohibitions ?? Object.keys(ctx.prohibitions);
      const all = sought.every((p) => event.scope.prohibitions.includes(p));
      return `${event.type}:${all ? 'full' : 'in-part'}`;
    }
    case 'injunction.denied':
      return ctx.motions[event.motion]?.status === 'partly-decided' ? `${event.type}:rest` : event.type;
    case 'injunctionPendingAppeal.motionFiled':
      return `${event.type}:${forumOf(ctx, event.docket) ?? 'district'}`;
    case 'injunctionPendingAppeal.granted':
    case 'injunctionPendingAppeal.denied': {
      const docket = ctx.motions[event.motion]?.docket ?? '';
      return `${event.type}:${forumOf(ctx, docket) ?? 'district'}`;
    }
    case 'appeal.noticed':
      return `${event.type}:${ctx.injunctions[event.order] ? 'injunction' : 'denial'}`;
    case 'case.judgment':
      return `${event.type}:${event.for}`;
    case 'identification.announced': {
      const before = Object.values(ctx.identifications).filter((i) => i.order === event.order);
      const last = before.at(-1);
      if (!last) return `${event.type}:first`;
      const named = Object.values(ctx.prohibitions).filter((p) => p.identification === last.id).length;
      return `${event.type}:${event.prohibitions.length < named ? 'narrower' : 'reissued'}`;
    }
    default:
      return event.type;
  }
}

/**
 * Whether the model offers an option in this state. The machine leaves mootness to the court's finding; the
 * model offers a dismissal as moot only once something a court could find moots the case has happened:
 * every order revoked and no identification left standing under one in force.
 */
export function offered(label: string, ctx: CaseContext, event?: CaseEvent): boolean {
  if (label.endsWith(':moot') || label.endsWith(':moot-vacated')) return challengedActionEnded(ctx);
  // One TRO motion, then one PI motion, per docket, each once nothing else is pending there: a renewed or
  // supplemental motion is not a decision the model weighs (the machine allows one while the case is open).
  if (event?.type === 'injunction.motionFiled') {
    const onDocket = Object.values(ctx.motions).filter(
      (m) => m.kind === 'injunction' && m.docket === event.docket,
    );
    if (event.relief === 'tro') return onDocket.length === 0;
    return onDocket.every((m) => m.relief === 'tro' && m.status !== 'pending');
  }
  // A final judgment decides the merits of a live controversy; once nothing is left of the order, the
  // case is dismissed as moot instead (Already, LLC v. Nike, 568 U.S. 85, 91 (2013)).
  if (label.startsWith('case.judgment:')) return !challengedActionEnded(ctx);
  // So does a decision on the appeal: with the order gone, the court of appeals dismisses the appeal from a
  // preliminary injunction against it, as moot or on the appellant's motion, and does not reach the merits
  // (United States v. Munsingwear, 340 U.S. 36, 39-40 (1950)). A court that found the controversy still
  // live (voluntary cessation) could decide it; the model does not weigh that rarer course.
  if (label.startsWith('appeal.decided:')) return !challengedActionEnded(ctx);
  // One re-issue per order: the model weighs an agency's second try, not an endless cycle of them.
  if (
    (label === 'identification.announced:reissued' || label === 'identification.announced:narrower') &&
    event?.type === 'identification.announced'
  )
    return Object.values(ctx.identifications).filter((i) => i.order === event.order).length === 1;
  // The court of appeals is asked for an injunction pending appeal once the district court has refused one
  // (FRAP 8(a)(2)(A)(ii)); the model does not weigh a first motion there on a showing of impracticability.
  if (event?.type === 'injunctionPendingAppeal.motionFiled' && label.endsWith(':appeals'))
    return event.ground === 'district-denied';
  // An injunction pending appeal lasts only as long as the appeal already before the court (FRCP 62(d)):
  // the model weighs no appeal or stay of it, only of the injunction entered on the motion.
  if (
    event?.type === 'appeal.noticed' ||
    event?.type === 'stay.motionFiled' ||
    event?.type === 'stay.applicationFiled'
  ) {
    const injunction = ctx.injunctions[event.type === 'appeal.noticed' ? event.order : event.injunction];
    if (injunction?.relief === 'pending-appeal') return false;
  }
  // Another court's injunction against the same prohibitions is weighed where it would change what binds:
  // while no injunction of this court's own stands (never sought, refused, or ended).
  if (event?.type === 'relief.enteredElsewhere')
    return !Object.values(ctx.injunctions).some((i) => i.forum !== 'external' && injunctionStands(i));
  // A motion to stay the mandate (FRAP 41(d)(1)) is weighed where the mandate would change what binds: it
  // ends an injunction reversed or vacated (FRAP 41(c)), or a stay pending appeal of one affirmed.
  if (event?.type === 'appeal.mandateStayMotionFiled') {
    const appeal = ctx.appeals[event.appealDocket];
    const injunction = appeal ? ctx.injunctions[appeal.order] : undefined;
    if (!appeal || !injunction || !injunctionStands(injunction)) return false;
    return (
      appeal.disposition !== 'affirmed' ||
      Object.values(ctx.stays).some((s) => s.injunction === injunction.id && s.status === 'in-force')
    );
  }
  // A petition for certiorari is weighed where the Court's judgment on it could change what binds, and only
  // from an injunction that still stands (on an appeal from a denial the Court's judgment enters no injunction;
  // the district court would, on remand, which is not modelled):
  // - the court of appeals affirmed it: a reversal ends it when the Court's judgment is sent down
  //   (supremeCourtUndoesInjunction; S. Ct. R. 45.3), and a Supreme Court stay pending certiorari lasts
  //   while the petition does (stayPendingCertiorari; 28 U.S.C. 2101(f));
  // - it reversed or vacated it, with its mandate stayed: a petition filed within the stay holds the mandate
  //   until the Court disposes of the case (mandateStayRunOut; FRAP 41(d)(2)(B)), and a reversal or vacatur
  //   there means the mandate no longer undoes the injunction (appealUndoesInjunction). Once that mandate has
  //   issued the injunction is gone, and the Court's judgment does not revive it (supremeCourtUndoesInjunction
  //   leaves that to the district court): the model leaves such a petition out.
  if (event?.type === 'certiorari.petitioned') {
    const appeal = ctx.appeals[event.appealDocket];
    const injunction = appeal ? ctx.injunctions[appeal.order] : undefined;
    if (!appeal || !injunction || !injunctionStands(injunction)) return false;
    return appeal.disposition === 'affirmed' || appeal.status === 'mandate-stayed';
  }
  // The model follows the petitions it weighs: certiorari is denied (or granted) on a petition pending in the
  // path. A denial with no petition in the log, which the machine accepts, is not a decision the model takes.
  if (event?.type === 'certiorari.denied') return ctx.petitions[event.appealDocket]?.status === 'pending';
  // The Court's judgment is weighed as sent down on the ordinary schedule, 32 days after it is entered
  // (judgmentSentInTime; S. Ct. R. 45.3): not sooner on the Court's order (forthwith).
  if (event?.type === 'certiorari.judgmentSent') return !event.forthwith;
  // A court may direct its mandate to issue forthwith (FRAP 41(b)); the model weighs that only where a
  // stayed mandate issues on the denial of certiorari (FRAP 41(d)(4)), not a court cutting short its own stay.
  if (event?.type === 'appeal.mandateIssued' && event.forthwith) {
    const appeal = ctx.appeals[event.appealDocket];
    return appeal?.status === 'mandate-stayed' && appeal.certiorariDeniedBy !== undefined;
  }
  return true;
}

/** What a decision is about: a decision is taken once per subject (a motion, an appeal, an injunction...). */
export function subjectOf(event: CaseEvent): string {
  switch (event.type) {
    case 'stay.motionFiled':
    case 'stay.applicationFiled':
    case 'relief.stayedElsewhere':
    case 'relief.endedElsewhere':
      return event.injunction;
    case 'stay.granted':
    case 'stay.denied':
    case 'stay.applicationGranted':
    case 'stay.applicationDenied':
    case 'injunction.granted':
    case 'injunction.denied':
    case 'injunctionPendingAppeal.granted':
    case 'injunctionPendingAppeal.denied':
    // A withdrawal is a ruling decision's option on its motion, like a grant or a denial: its subject is the
    // motion, so a decision taken on a motion is not offered again as a withdrawal of it.
    case 'motion.withdrawn':
      return event.motion;
    // One motion below and one in the court of appeals per appeal: each decision once per appeal.
    case 'injunctionPendingAppeal.motionFiled':
      return event.appealDocket;
    // Another court's relief against the same prohibitions: the model weighs it once per case.
    case 'relief.enteredElsewhere':
      return 'relief-elsewhere';
    case 'identification.announced':
      return event.order;
    case 'appeal.noticed':
    case 'order.revoked':
      return event.order;
    case 'appeal.decided':
    case 'appeal.mandateIssued':
    case 'appeal.rehearingSought':
    // Granted or denied, rehearing is one ruling on the petition: one decision per appeal.
    case 'appeal.rehearingGranted':
    case 'appeal.rehearingDenied':
    case 'appeal.dismissed':
    case 'appeal.heldInAbeyance':
    case 'appeal.abeyanceLifted':
    case 'appeal.mandateStayMotionFiled':
    case 'appeal.mandateStayGranted':
    case 'appeal.mandateStayDenied':
    // A petition for certiorari, and the Court's grant or denial, decision and judgment on it: one of each per
    // appeal (the machine records one petition per appeal; cross-petitions are not modelled).
    case 'certiorari.petitioned':
    case 'certiorari.granted':
    case 'certiorari.denied':
    case 'certiorari.decided':
    case 'certiorari.judgmentSent':
      return event.appealDocket;
    case 'case.dismissed':
    case 'injunction.motionFiled':
    case 'complaint.amended':
      return event.docket;
    case 'identification.datesChanged':
    case 'identification.withdrawn':
    case 'identification.rescinded':
      return event.identification;
    default:
      return event.id;
  }
}

/** The probability of `chosen` among the options that were open, under `odds` (renormalised). */
export function choiceProbability(decision: Decision, chosen: string, open: readonly string[]): number {
  const total = open.reduce((sum, label) => sum + (decision.options[label] ?? 0), 0);
  return total === 0 ? 0 : (decision.options[chosen] ?? 0) / total;
}
