/**
 * The procedural rules a case must respect. Each has a name, a plain-language explanation and its
 * citation; the machine's guards are built from these checks, and rejections, `casesim explain`, the docs
 * and the web page read the same text from the machine's metadata.
 */
import { type EpochRange, localAt, rangeOf } from '../events/instant.js';
import type { CaseEvent, EventOf, EventType, Instant } from '../events/schema.js';
import { dayNumber, lastDayOfPeriod } from '../time/legal-days.js';
import { CIRCUIT_LAW, circuitOfCourt } from './circuits.js';
import {
  afterRuling,
  awaitsRuling,
  type CaseContext,
  docketAppealedFrom,
  forumOf,
  type InjunctionRecord,
  injunctionInForceAt,
  injunctionStands,
  isPresident,
  type ProhibitionRecord,
  type ProhibitionState,
  partRuledOn,
  type SuitRecord,
  standingDisposition,
  suspensionBindsAt,
  vacaturOf,
} from './context.js';

export interface RuleMeta {
  readonly name: string;
  readonly title: string;
  readonly explanation: string;
  readonly citation: string;
}

export interface Rule<T extends EventType = EventType> extends RuleMeta {
  readonly check: (ctx: CaseContext, event: EventOf<T>) => boolean;
}

const DAY = 86_400_000;

/**
 * The calendar day on which `at` counts (its earliest moment), on its own zone's clock: periods stated in
 * days count days, so a change of clocks in between (a 90-day period from January runs into summer time)
 * moves no deadline by an hour (FRAP 26(a)(1); S. Ct. R. 30.1). An open start ("no later than") is -Infinity.
 */
function dayAt(at: Instant): number {
  return dayOfMoment(rangeOf(at).start, at.zone);
}

/** The calendar day of epoch `ms` in `zone`; an open bound (±Infinity) stays open. */
function dayOfMoment(ms: number, zone: string): number {
  return Number.isFinite(ms) ? dayNumber(localAt(ms, zone)) : ms;
}

/** The calendar day of the event that ended at epoch `end` (the day a period is counted from), in `zone`. */
function dayEnded(end: number, zone: string): number {
  return dayOfMoment(end - 1, zone);
}

/**
 * The last day of a period of `days` days after the event that ended at epoch `end`, on `zone`'s calendar,
 * moved past a weekend or legal holiday (FRAP 26(a)(1)(C); S. Ct. R. 30.1).
 */
function periodEnds(end: number, zone: string, days: number): number {
  return lastDayOfPeriod(dayEnded(end, zone), days);
}

/**
 * Whether `at` falls on or before the last day of a period of `days` days after the event that ended at
 * `end`, that day moved past a weekend or legal holiday (FRAP 26(a)(1)(C); S. Ct. R. 30.1).
 */
function withinDays(end: number, at: Instant, days: number): boolean {
  // Well inside the period the calendar need not be read: a count of calendar days exceeds the count of
  // 24-hour days by at most one, plus a change of the zone's offset (at most a day, as when Samoa crossed
  // the date line); a notice of appeal filed on day 10 of 60 asks nothing of Intl.
  if (rangeOf(at).start - end <= (days - 3) * DAY) return true;
  return dayAt(at) <= periodEnds(end, at.zone, days);
}

function rule<T extends EventType>(
  name: string,
  title: string,
  explanation: string,
  citation: string,
  check: (ctx: CaseContext, event: EventOf<T>) => boolean,
): Rule<T> {
  return { name, title, explanation, citation, check };
}

type Docketed = { docket: string };
type MotionRuling = { motion: string };
type AppealAct = { appealDocket: string };

const suitIsOpen = (ctx: CaseContext, docket: string) => ctx.suits[docket]?.status === 'open';
const suitNotEnded = (ctx: CaseContext, docket: string) => {
  const status = ctx.suits[docket]?.status;
  return status === 'open' || status === 'proceedings-stayed';
};

/** The prohibitions an identification names. */
function prohibitionsOf(ctx: CaseContext, identification: string): string[] {
  return Object.values(ctx.prohibitions)
    .filter((p) => p.identification === identification)
    .map((p) => p.id);
}

/**
 * Whether an agency act names at least one prohibition of `identification`, each in state `from`; naming
 * none, it means every prohibition of the identification in that state.
 */
function namesProhibitionsIn(
  ctx: CaseContext,
  identification: string,
  named: readonly string[] | undefined,
  from: ProhibitionState | ((p: ProhibitionRecord) => boolean),
): boolean {
  const inState = typeof from === 'function' ? from : (p: ProhibitionRecord) => p.status === from;
  const ids = named ?? prohibitionsOf(ctx, identification).filter((p) => isIn(ctx, p, inState));
  return (
    ids.length > 0 &&
    ids.every((p) => ctx.prohibitions[p]?.identification === identification && isIn(ctx, p, inState))
  );
}

function isIn(ctx: CaseContext, id: string, inState: (p: ProhibitionRecord) => boolean): boolean {
  const p = ctx.prohibitions[id];
  return p !== undefined && inState(p);
}

/** The docket and entry instant of the order an appeal names: an injunction, a denial, or a dismissal. */
function enteredOrder(ctx: CaseContext, eventId: string): { docket: string; at: EpochRange } | undefined {
  const injunction = ctx.injunctions[eventId];
  if (injunction) return { docket: injunction.docket, at: injunction.grantedAt };
  const denial = Object.values(ctx.motions).find((m) => m.ruledBy === eventId && m.ruledAt);
  if (denial?.ruledAt) return { docket: denial.docket, at: denial.ruledAt };
  // A ruling on part of a motion, since ruled on again.
  for (const m of Object.values(ctx.motions)) {
    const ruling = m.rulings?.find((r) => r.by === eventId);
    if (ruling) return { docket: m.docket, at: ruling.at };
  }
  const dismissed = Object.values(ctx.suits).find((s) => s.endedBy === eventId && s.endedAt);
  return dismissed?.endedAt ? { docket: dismissed.docket, at: dismissed.endedAt } : undefined;
}

/** The days to petition for rehearing: 45 with the United States or its officer a party, else 14 (FRAP 40(a)(1), 2020). */
function rehearingDays(ctx: CaseContext, appealDocket: string): number {
  return suitOf(ctx, appealDocket)?.unitedStatesIsParty ? 45 : 14;
}

/** The district case a docket belongs to: the suit itself, or the suit an appeal comes from. */
function suitOf(ctx: CaseContext, docket: string): SuitRecord | undefined {
  return ctx.suits[docket] ?? ctx.suits[ctx.appeals[docket]?.from ?? ''];
}

/** Whether `appealDocket` is an appeal from the order `order` entered, still pending (or held in abeyance). */
function appealPendingFrom(ctx: CaseContext, appealDocket: string, order: string): boolean {
  const appeal = ctx.appeals[appealDocket];
  return (
    appeal !== undefined &&
    appeal.order === order &&
    (appeal.status === 'pending' || appeal.status === 'in-abeyance')
  );
}

/** Whether a party is on the government's side of a suit against the United States or its officers. */
export function isGovernmentSide(suit: SuitRecord, party: string): boolean {
  if (!suit.unitedStatesIsParty) return false;
  return (
    suit.defendants.includes(party) ||
    /^(defendants?|appellants?|respondents?)\b/i.test(party.trim()) ||
    /\b(United States|Government)\b/.test(party)
  );
}

/**
 * Whether the government is the party opposing a motion: then harm to the opponent and the public interest
 * merge into one factor (Nken v. Holder, 556 U.S. 418, 435 (2009); for preliminary injunctions, Drakes Bay
 * Oyster Co. v. Jewell, 747 F.3d 1073, 1092 (9th Cir. 2014)).
 */
export function governmentOpposes(ctx: CaseContext, docket: string, movant: string): boolean {
  const suit = suitOf(ctx, docket);
  return suit?.unitedStatesIsParty === true && !isGovernmentSide(suit, movant);
}

/**
 * An order with a preliminary injunction's effect: a PI, a TRO kept in force beyond Rule 65(b)'s limits,
 * or a TRO entered after notice and an adversary hearing (Sampson v. Murray, 415 U.S. 61, 86-88 (1974); Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)).
 */
export function hasPreliminaryEffect(injunction: InjunctionRecord): boolean {
  if (injunction.relief === 'preliminary' || injunction.adversaryHearing === true) return true;
  // Kept in force past Rule 65(b)'s 14 days and one like extension (28 days), it is a PI in all but name.
  const expires = injunction.expires ? rangeOf(injunction.expires).start : undefined;
  return (
    injunction.relief === 'tro' && expires !== undefined && expires > injunction.grantedAt.end + 28 * DAY
  );
}

/** The ids of events that ended or changed something in the record: what a finding of mootness can rest on. */
function recordedChanges(ctx: CaseContext): Set<string> {
  const ids = [
    ...Object.values(ctx.orders).map((o) => o.revokedBy),
    ...Object.values(ctx.identifications).map((i) => i.endedBy),
    ...Object.values(ctx.prohibitions).flatMap((p) => p.movedBy),
    ...Object.values(ctx.injunctions).map((i) => i.endedBy),
    ...Object.values(ctx.appeals).map((a) => a.endedBy),
    ...Object.values(ctx.suits).map((s) => s.endedBy),
    ...ctx.positions.map((p) => p.eventId),
  ];
  return new Set(ids.filter((id): id is string => id !== undefined));
}

/**
 * The Winter factors, or the serious-questions scale where the case's circuit allows it. Balance and public
 * interest are one factor when the government opposes: a court that weighed them together need not find
 * the public interest separately.
 */
function injunctionTestMet(
  f: EventOf<'injunction.granted'>['findings'],
  slidingScaleAllowed: boolean,
  merged: boolean,
): boolean {
  // Merged (the government opposes): one finding stands for both, so the other may be not reached or not stated.
  const unfound = (finding: string) => finding === 'not-reached' || finding === 'not-stated';
  const publicInterest = f.publicInterest === 'favors' || (merged && unfound(f.publicInterest));
  if (f.irreparableHarm !== 'likely' || !publicInterest) return false;
  const balance = merged && unfound(f.balance) && f.publicInterest === 'favors' ? 'tips' : f.balance;
  const winter = f.merits === 'likely' && (balance === 'tips' || balance === 'tips-sharply');
  if (f.standard === 'winter') return winter;
  // Serious questions stand in for likely success only where the circuit allows the scale; likely success
  // with a balance that tips meets Winter itself, whatever the court called its standard.
  return winter || (slidingScaleAllowed && f.merits === 'serious-questions' && f.balance === 'tips-sharply');
}

/**
 * The stay test. In the Ninth Circuit (Leiva-Perez v. Holder, 640 F.3d 962, 970): probable irreparable harm,
 * and either a strong showing with the public interest not weighing heavily against a stay, or a substantial
 * case with the balance of hardships tipping sharply toward the applicant. Elsewhere, Nken's four factors
 * as written: a strong showing and irreparable injury, with harm to others and the public interest not
 * both against the stay.
 */
function stayTestMet(f: EventOf<'stay.granted'>['findings'], leivaPerez: boolean, merged: boolean): boolean {
  if (f.irreparableInjury !== 'shown') return false;
  // Merged (the government opposes): its harm is the public interest, so one finding stands for both.
  const publicInterest =
    merged && f.publicInterest === 'not-reached'
      ? f.harmToOthers === 'substantial'
        ? 'disfavors-stay'
        : f.harmToOthers === 'not-substantial'
          ? 'favors-stay'
          : 'not-reached'
      : f.publicInterest;
  if (leivaPerez) {
    const strong = f.merits === 'strong-showing' && publicInterest !== 'heavily-disfavors-stay';
    const substantial =
      (f.merits === 'strong-showing' || f.merits === 'substantial-case') && f.balance === 'tips-sharply';
    return strong || substantial;
  }
  const against = publicInterest === 'disfavors-stay' || publicInterest === 'heavily-disfavors-stay';
  return f.merits === 'strong-showing' && !(f.harmToOthers === 'substantial' && against);
}

type InjunctionRuling = EventOf<'injunction.granted' | 'injunction.denied'>;

/** The relief a ruling decides: the one it names, or the one its motion still seeks. */
function reliefRuledOn(ctx: CaseContext, e: InjunctionRuling) {
  const motion = ctx.motions[e.motion];
  return motion ? afterRuling(motion, e).relief : e.relief;
}

/**
 * Whether a ruling decides only what is still undecided on its motion, and says what it decides: the relief
 * it names is still sought (a motion seeking both needs it named); what it grants, denies and defers are
 * told apart; after a partial ruling, only the deferred prohibitions are left to rule on; and it decides
 * something rather than deferring all.
 */
function decidesAnUndecidedPart(ctx: CaseContext, e: InjunctionRuling): boolean {
  const motion = ctx.motions[e.motion];
  const part = motion ? partRuledOn(motion, e.relief) : undefined;
  if (!motion || !part) return false;
  const decided = e.type === 'injunction.granted' ? e.scope.prohibitions : (e.prohibitions ?? []);
  const denied = e.type === 'injunction.granted' ? (e.denied ?? []) : [];
  const deferred = e.deferred ?? [];
  const named = [...decided, ...denied, ...deferred];
  if (new Set(named).size !== named.length) return false;
  // Other motions decided together are decided whole: what is left open would be left on all of them.
  if ((e.alsoDecides ?? []).length > 0 && afterRuling(motion, e).open.length > 0) return false;
  const pending = part.prohibitions ?? motion.prohibitions;
  if (part.prohibitions !== undefined && !decided.every((p) => part.prohibitions?.includes(p))) return false;
  const deferrable = pending ?? Object.keys(ctx.prohibitions);
  if (![...denied, ...deferred].every((p) => deferrable.includes(p))) return false;
  // A denial that names nothing denies all still pending but what it defers: that must leave something.
  return decided.length > 0 || pending === undefined || pending.some((p) => !deferred.includes(p));
}

export const RULES = {
  orderIsNew: rule<'order.signed'>(
    'orderIsNew',
    'An order is signed once',
    'Each executive order enters the record once, under its own id.',
    'Federal Register Act, 44 U.S.C. 1505 (one published order per number)',
    (ctx, e) => !ctx.orders[e.order],
  ),
  provisionsAreNew: rule<'order.signed'>(
    'provisionsAreNew',
    'Each section an order prohibits by its own force enters the record once',
    'Some orders prohibit by their own force, with no agency identification in between (Executive Order 13769 itself suspended entry): each such section is a prohibition in the record, under an id no other prohibition has, so that relief against the order can name it: an injunction must describe in reasonable detail the acts it restrains, and restraining enforcement of named sections of an order does so.',
    'FRCP 65(d)(1)(B)-(C); Washington v. Trump, No. C17-0141JLR (W.D. Wash. Feb. 3, 2017) (TRO restraining sections 3(c), 5(a)-(c) and 5(e) of EO 13769)',
    (ctx, e) =>
      (e.provisions ?? []).every(
        (p, i, all) => !ctx.prohibitions[p.id] && all.findIndex((q) => q.id === p.id) === i,
      ),
  ),
  orderInForce: rule<'order.revoked' | 'identification.announced'>(
    'orderInForce',
    'The order must be in force',
    'An order can be revoked, or implemented by an agency identification, only while it is in force. An identification under IEEPA rests entirely on the order that directs it.',
    'IEEPA, 50 U.S.C. 1701-1702; EO 13943 Sec. 1(c)',
    (ctx, e) => ctx.orders[e.order]?.status === 'in-force',
  ),
  identificationIsNew: rule<'identification.announced'>(
    'identificationIsNew',
    'Identifications and prohibitions have unique ids',
    'An identification, and each prohibited transaction it names, enters the record once.',
    'Administrative Procedure Act, 5 U.S.C. 551(4) (each rule is its own agency statement)',
    (ctx, e) =>
      !ctx.identifications[e.identification] && e.prohibitions.every((p) => !ctx.prohibitions[p.id]),
  ),
  identificationActive: rule<
    | 'identification.datesChanged'
    | 'identification.withdrawn'
    | 'identification.rescinded'
    | 'identification.suspended'
    | 'identification.enforcementResumed'
  >(
    'identificationActive',
    'The identification must be announced and not yet withdrawn or rescinded',
    'An agency can move the dates of, suspend, withdraw or rescind only an identification that exists and still stands.',
    'Administrative Procedure Act, 5 U.S.C. 551(5) (rule making includes amending or repealing a rule)',
    (ctx, e) => ctx.identifications[e.identification]?.status === 'announced',
  ),
  changesNameItsProhibitions: rule<'identification.datesChanged'>(
    'changesNameItsProhibitions',
    'A date change names prohibitions of that identification',
    'Only prohibitions that the identification itself names can have their effective instants moved by it.',
    'Administrative Procedure Act, 5 U.S.C. 551(5)',
    (ctx, e) => e.changes.every((c) => ctx.prohibitions[c.prohibition]?.identification === e.identification),
  ),
  docketIsNew: rule<'complaint.filed'>(
    'docketIsNew',
    'A complaint opens a new docket',
    'A civil action is commenced by filing a complaint; each case has its own docket.',
    'FRCP 3',
    (ctx, e) => !ctx.suits[e.docket] && !ctx.appeals[e.docket],
  ),
  suitOpen: rule<
    | 'complaint.amended'
    | 'injunction.motionFiled'
    | 'case.dismissed'
    | 'case.proceedingsStayed'
    | 'case.judgment'
  >(
    'suitOpen',
    'There must be an open case in the district court',
    'Pleadings, motions, judgments and dismissals belong to a case that has been commenced by a complaint, not yet dismissed or decided, and whose proceedings are not stayed (a dismissal may still end a case whose proceedings are stayed).',
    'FRCP 3, 7(a)-(b); FRCP 58',
    (ctx, e) =>
      e.type === 'case.dismissed'
        ? suitNotEnded(ctx, (e as Docketed).docket)
        : suitIsOpen(ctx, (e as Docketed).docket),
  ),
  proceedingsStayed: rule<'case.proceedingsResumed'>(
    'proceedingsStayed',
    'Only stayed proceedings can resume',
    'A court lifts a stay of proceedings it has entered; proceedings that are not stayed have nothing to resume.',
    'Landis v. North American Co., 299 U.S. 248, 254 (1936) (the power to stay proceedings is incidental to the power to control the docket)',
    (ctx, e) => ctx.suits[e.docket]?.status === 'proceedings-stayed',
  ),
  judgmentScopeNamesKnownProhibitions: rule<'case.judgment'>(
    'judgmentScopeNamesKnownProhibitions',
    'A permanent injunction describes the acts it restrains',
    'Every injunction, final or preliminary, must describe in reasonable detail the acts restrained: here, prohibitions the record names.',
    'FRCP 65(d)(1)',
    (ctx, e) => (e.permanentInjunction?.prohibitions ?? []).every((p) => ctx.prohibitions[p] !== undefined),
  ),
  motionTargetsKnownProhibitions: rule<'injunction.motionFiled'>(
    'motionTargetsKnownProhibitions',
    'The motion names prohibitions in the record',
    'A motion must state with particularity the relief sought; the prohibitions it asks the court to enjoin must be ones the record names.',
    'FRCP 7(b)(1)(B)-(C)',
    (ctx, e) => (e.prohibitions ?? []).every((p) => ctx.prohibitions[p] !== undefined),
  ),
  reliefSoughtOnce: rule<'injunction.motionFiled'>(
    'reliefSoughtOnce',
    'A motion for two kinds of relief names two',
    'One motion may ask for a temporary restraining order and a preliminary injunction together; the other relief it seeks must differ from the first.',
    'FRCP 7(b)(1)(C); FRCP 65(a)-(b)',
    (_ctx, e) => e.alsoSeeks === undefined || e.alsoSeeks !== e.relief,
  ),
  injunctionMotionPending: rule<'injunction.granted' | 'injunction.denied'>(
    'injunctionMotionPending',
    'A ruling answers a pending motion',
    'A court grants or denies a TRO or preliminary injunction on a motion that is pending before it; relief is requested by motion, and a motion already ruled on or terminated cannot be ruled on again.',
    'FRCP 7(b)(1); FRCP 65(a)-(b)',
    (ctx, e) => {
      const ruling = e as MotionRuling & { alsoDecides?: string[] };
      const first = ctx.motions[ruling.motion];
      return [ruling.motion, ...(ruling.alsoDecides ?? [])].every((id) => {
        const m = ctx.motions[id];
        return (
          m?.kind === 'injunction' &&
          awaitsRuling(m) &&
          m.docket === first?.docket &&
          suitIsOpen(ctx, m.docket)
        );
      });
    },
  ),
  rulingOnUndecidedPart: rule<'injunction.granted' | 'injunction.denied'>(
    'rulingOnUndecidedPart',
    'A ruling decides a part of the motion still undecided',
    'A court may grant relief as to some prohibitions, deny it as to others and defer the rest, or rule on the TRO a motion seeks and set the preliminary injunction for hearing; the motion stays pending as to the deferred part, and a later ruling decides that part. A ruling names the relief it decides when the motion still seeks both, keeps what it grants, denies and defers apart, and decides something; one that also decides other motions decides them all in full. A prohibition already decided on the motion cannot be ruled on again: changing that ruling is a different act (reconsideration of an interlocutory order, FRCP 54(b), or modifying or dissolving the injunction), not a further ruling on this motion.',
    'FRCP 65(a)-(b), 65(b)(3) (a TRO issued without notice: the motion for a preliminary injunction is set for hearing at the earliest possible time); FRCP 7(b)(1); FRCP 54(b); Califano v. Yamasaki, 442 U.S. 682, 702 (1979) (relief is tailored to the violation shown)',
    (ctx, e) => decidesAnUndecidedPart(ctx, e),
  ),
  rulingDecidesTheRest: rule<'injunction.granted' | 'injunction.denied'>(
    'rulingDecidesTheRest',
    'A ruling that defers nothing disposes of the motion',
    'A ruling that defers no prohibition, on a motion that seeks no other relief still undecided, disposes of what is left of the motion. One that defers some prohibitions, or decides only the TRO of a motion for a TRO and a preliminary injunction, leaves the motion decided in part and pending as to the rest, until a later ruling decides it. A ruling that defers nothing is read as deciding all it does not grant against the movant; whether an order silent on part of a motion denies it is a question of reading that order, so a log names `denied` or `deferred` where the order says which.',
    'FRCP 65(a)-(b), 65(b)(3)',
    (ctx, e) => {
      const motion = ctx.motions[(e as MotionRuling).motion];
      return motion !== undefined && afterRuling(motion, e as InjunctionRuling).open.length === 0;
    },
  ),
  motionGrantedInPart: rule<'injunction.denied' | 'motion.withdrawn'>(
    'motionGrantedInPart',
    'A motion granted in part stays granted in part',
    'When an earlier ruling on a motion granted relief as to part of it, denying or withdrawing the rest leaves the motion granted in part: the relief granted stands, in its own right.',
    'FRCP 65(d)(1)',
    (ctx, e) =>
      ctx.motions[(e as MotionRuling).motion]?.rulings?.some((r) => r.outcome === 'granted') === true,
  ),
  scopeNamesKnownProhibitions: rule<'injunction.granted' | 'relief.enteredElsewhere'>(
    'scopeNamesKnownProhibitions',
    'An injunction describes the acts it restrains',
    'Every injunction must state its terms specifically and describe in reasonable detail the acts restrained: here, prohibitions the record names, whether an agency identification named them or the order made them by its own force (sections of an order, as the Washington v. Trump TRO restrained).',
    'FRCP 65(d)(1)',
    (ctx, e) => e.scope.prohibitions.every((p) => ctx.prohibitions[p] !== undefined),
  ),
  partyScopeNamesProtectedParties: rule<'injunction.granted' | 'relief.enteredElsewhere'>(
    'partyScopeNamesProtectedParties',
    'Relief that is not universal says whom it protects',
    'Who benefits from an injunction is the scope of equitable relief, which should be no more burdensome to the defendant than necessary to give the plaintiffs complete relief: universal relief bars implementing the prohibitions against anyone; party-limited relief protects only the parties it names, or the transactions that serve them (where the prohibitions regulate providers, not the users who sued), and must name them. "Nationwide" describes geography, not who benefits. Who is bound is a different question (FRCP 65(d)(2)).',
    'Califano v. Yamasaki, 442 U.S. 682, 702 (1979); California v. Azar, 911 F.3d 558, 582-84 (9th Cir. 2018); FRCP 65(d)(1)',
    (_ctx, e) => {
      const universal =
        e.scope.beneficiaries === 'everyone' || (!e.scope.beneficiaries && e.scope.nationwide);
      return universal || (e.scope.protects?.length ?? 0) > 0;
    },
  ),
  injunctionBindsSomeone: rule<'injunction.granted' | 'relief.enteredElsewhere'>(
    'injunctionBindsSomeone',
    'An injunction binds the officers who carry the order out',
    'An injunction binds only the parties, their officers, agents, servants, employees and attorneys, and others in active concert with them who receive actual notice. Courts do not enjoin the President in the performance of official duties: relief runs against the officers who implement the order, and the President is bound only where an order says so in terms. An injunction whose only defendant is the President, without saying so, binds no one.',
    'FRCP 65(d)(2); Franklin v. Massachusetts, 505 U.S. 788, 802-03 (1992) (plurality)',
    (ctx, e) => e.scope.enjoinsPresident === true || e.scope.defendants.some((d) => !isPresident(ctx, d)),
  ),
  preliminaryInjunctionOnNotice: rule<'injunction.granted'>(
    'preliminaryInjunctionOnNotice',
    'A preliminary injunction issues only on notice',
    'The court may issue a preliminary injunction only on notice to the adverse party. Only a TRO may issue without notice, and then only on the showing Rule 65(b)(1) requires and for at most 14 days.',
    'FRCP 65(a)(1); FRCP 65(b)(1)',
    (ctx, e) => reliefRuledOn(ctx, e) !== 'preliminary' || e.notice !== false,
  ),
  securityAsRule65cAllows: rule<'injunction.granted'>(
    'securityAsRule65cAllows',
    'Security is given by a movant other than the United States',
    'The court may issue a preliminary injunction or a TRO only if the movant gives security in an amount the court considers proper to pay the costs and damages of a party wrongfully enjoined; the Ninth Circuit lets the court set a nominal bond or none where there is no realistic likelihood of harm. The United States, its officers and its agencies are not required to give security, and only they are excused on that ground.',
    'FRCP 65(c); Jorgensen v. Cassiday, 320 F.3d 906, 919 (9th Cir. 2003)',
    (ctx, e) => {
      const motion = ctx.motions[e.motion];
      const suit = motion ? ctx.suits[motion.docket] : undefined;
      const required = e.security?.required;
      if (!motion || !suit || required === undefined || required === 'not-addressed') return true;
      const government = isGovernmentSide(suit, motion.movant);
      if (required === 'united-states') return government;
      return !(government && (required === 'amount' || required === 'nominal'));
    },
  ),
  magistrateJudgeHasConsent: rule<'injunction.granted' | 'injunction.denied'>(
    'magistrateJudgeHasConsent',
    'A magistrate judge rules on injunctions only with the consent of all parties',
    'Without consent, a magistrate judge may not determine a motion for injunctive relief; it can only recommend a disposition to a district judge. With the consent of all parties, a magistrate judge may conduct all proceedings and enter the order, and an appeal then goes directly to the court of appeals, as from a district judge. This is why Magistrate Judge Beeler could enter the WeChat injunction and why the government appealed straight to the Ninth Circuit.',
    '28 U.S.C. 636(b)(1)(A), 636(c)(1), 636(c)(3); FRCP 73',
    (ctx, e) => {
      const suit = ctx.suits[ctx.motions[(e as MotionRuling).motion]?.docket ?? ''];
      return !(suit && /magistrate/i.test(suit.judge ?? '') && suit.magistrateConsent === 'not-all-parties');
    },
  ),
  findingsMeetTheTest: rule<'injunction.granted'>(
    'findingsMeetTheTest',
    'The findings satisfy the preliminary-injunction test the court applied',
    'Winter: likely success on the merits, likely irreparable harm, a balance of equities that tips toward the movant, and the public interest. Where the case\'s circuit allows it (the Ninth, Second and Seventh), "serious questions" going to the merits suffice if the balance of hardships tips sharply toward the movant and the other two factors are met; the Fourth and Tenth Circuits hold that Winter forbids the scale, and in the D.C. Circuit and others the question is unsettled, so the machine does not accept it there. Likely success with a balance that tips meets Winter under either name. When the government opposes, the balance of equities and the public interest merge into one factor.',
    'Winter v. NRDC, 555 U.S. 7, 20 (2008); Alliance for the Wild Rockies v. Cottrell, 632 F.3d 1127, 1131-35 (9th Cir. 2011); Nken v. Holder, 556 U.S. 418, 435 (2009); Drakes Bay Oyster Co. v. Jewell, 747 F.3d 1073, 1092 (9th Cir. 2014)',
    (ctx, e) => {
      const motion = ctx.motions[e.motion];
      const suit = motion ? ctx.suits[motion.docket] : undefined;
      const allowed = suit?.circuit ? CIRCUIT_LAW[suit.circuit].slidingScale.status === 'allowed' : false;
      const merged = motion !== undefined && governmentOpposes(ctx, motion.docket, motion.movant);
      return injunctionTestMet(e.findings, allowed, merged);
    },
  ),
  troExpiresWithin14Days: rule<'injunction.granted'>(
    'troExpiresWithin14Days',
    'A TRO expires within 14 days',
    "A temporary restraining order must expire at a time the order sets, no more than 14 days after entry, unless extended for good cause or by consent; a TRO entered on notice is held to those limits too, and one kept in force beyond them is treated as a preliminary injunction. A preliminary injunction has no such limit. So a TRO entered after notice and an adversary hearing that sets no expiry is not void: it has a preliminary injunction's effect, and is reviewed and appealable as one (the Ninth Circuit so treated the Washington v. Trump TRO). The machine accepts a TRO with no expiry only on that footing.",
    'FRCP 65(b)(2); Granny Goose Foods, Inc. v. Teamsters, 415 U.S. 423, 443-45 (1974); Sampson v. Murray, 415 U.S. 61, 86-88 (1974); Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)',
    (ctx, e) => {
      if (reliefRuledOn(ctx, e) !== 'tro') return e.expires === undefined;
      if (e.expires === undefined) return e.adversaryHearing === true && e.notice !== false;
      return rangeOf(e.expires).start <= rangeOf(e.at).end + 14 * DAY;
    },
  ),
  reliefEnteredInThisLog: rule<'appeal.noticed' | 'stay.motionFiled' | 'stay.applicationFiled'>(
    'reliefEnteredInThisLog',
    'Relief entered in a case this log does not hold is appealed and stayed in that case',
    "An appeal from an injunction lies to the court of appeals for the circuit of the court that entered it, under that case's own appeal docket, and a stay pending appeal is sought first from that court, then from that court of appeals. This log records relief entered in another case (relief.enteredElsewhere) only for its effect here, so it holds no docket where that appeal or stay motion could be filed: record that case's dockets in this log (its complaint, its relief, its appeal), or record what was done there as relief.stayedElsewhere, relief.stayLiftedElsewhere or relief.endedElsewhere.",
    '28 U.S.C. 1294(1); FRAP 3(a)(1), 8(a)(1)-(2); FRCP 62(d)',
    (ctx, e) => ctx.injunctions[e.type === 'appeal.noticed' ? e.order : e.injunction]?.forum !== 'external',
  ),
  appealDocketIsNew: rule<'appeal.noticed'>(
    'appealDocketIsNew',
    'An appeal opens its own docket',
    'The court of appeals dockets each appeal under its own number when the notice of appeal is filed.',
    'FRAP 12(a)',
    (ctx, e) => !ctx.appeals[e.appealDocket] && !ctx.suits[e.appealDocket],
  ),
  appealableOrder: rule<'appeal.noticed'>(
    'appealableOrder',
    'Only an appealable order can be appealed',
    "Courts of appeals hear appeals from final decisions and, before judgment, from interlocutory orders granting, continuing, modifying, refusing or dissolving injunctions. A TRO is ordinarily not appealable, but one entered after notice and an adversary hearing has a preliminary injunction's effect and is appealable like one. A motion or a filing is not an order.",
    '28 U.S.C. 1291; 28 U.S.C. 1292(a)(1); Sampson v. Murray, 415 U.S. 61, 86-88 (1974); Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)',
    (ctx, e) => {
      const injunction = ctx.injunctions[e.order];
      if (injunction) return hasPreliminaryEffect(injunction);
      // One ruling may deny several motions (a TRO and a preliminary injunction together): refusing the PI suffices.
      // A withdrawal of the part a ruling deferred ends the motion, but is no order (its rulings say which were).
      const denied = Object.values(ctx.motions).filter(
        (m) =>
          m.ruledBy === e.order &&
          m.status === 'denied' &&
          (m.rulings === undefined || m.rulings.some((r) => r.by === e.order)),
      );
      // A ruling refusing a preliminary injunction in part, or on a motion that also sought a TRO, refuses one too.
      const refusedInPart = Object.values(ctx.motions)
        .flatMap((m) => m.rulings ?? [])
        .filter((r) => r.by === e.order && r.outcome === 'denied');
      if (denied.length > 0 || refusedInPart.length > 0)
        return (
          denied.some((m) => m.kind === 'injunction' && m.relief === 'preliminary' && !m.seeks) ||
          refusedInPart.some((r) => r.relief === 'preliminary')
        );
      return Object.values(ctx.suits).some((s) => s.endedBy === e.order);
    },
  ),
  appealToItsCircuit: rule<'appeal.noticed'>(
    'appealToItsCircuit',
    "An appeal goes to the district court's own circuit",
    "Appeals from a district court's final decisions, and from its interlocutory orders on injunctions, go to the court of appeals for the circuit that embraces the district. The Federal Circuit's exclusive jurisdiction (patent and certain claims against the United States) is the exception, and none of the cases modelled here is of that kind. Where the record names a court whose circuit cannot be read, the rule does not guess.",
    '28 U.S.C. 1294(1); 28 U.S.C. 41; 28 U.S.C. 1295 (the Federal Circuit)',
    (ctx, e) => {
      const docket = docketAppealedFrom(ctx, e.order);
      const suit = docket === undefined ? undefined : ctx.suits[docket];
      const appeals = circuitOfCourt(e.court);
      if (!suit?.circuit || !appeals) return true;
      return appeals === suit.circuit;
    },
  ),
  appealTimely: rule<'appeal.noticed'>(
    'appealTimely',
    'The notice of appeal is filed in time',
    'A civil notice of appeal must be filed within 30 days after the order is entered, or 60 days when the United States or its officer is a party. The limit is jurisdictional. Days are calendar days on the clock of the place (a change to summer time moves no deadline), and a period whose last day is a Saturday, Sunday or federal legal holiday runs to the end of the next day that is not one (FRAP 26(a)(1)(C), (a)(6)(A); 5 U.S.C. 6103(a)); a holiday the President declares (26(a)(6)(B)) or a state holiday (26(a)(6)(C)) is not modelled.',
    'FRAP 4(a)(1)(A)-(B), 26(a)(1)(C); 28 U.S.C. 2107; Bowles v. Russell, 551 U.S. 205 (2007)',
    (ctx, e) => {
      const entered = enteredOrder(ctx, e.order);
      const suit = entered ? ctx.suits[entered.docket] : undefined;
      if (!entered || !suit) return false;
      // Counted in calendar days (FRAP 26(a)(1)): the last day is the 30th or 60th after entry, or the
      // next court day after it.
      return withinDays(entered.at.end, e.at, suit.unitedStatesIsParty ? 60 : 30);
    },
  ),
  stayTargetsInjunctionInForce: rule<'stay.motionFiled' | 'stay.applicationFiled'>(
    'stayTargetsInjunctionInForce',
    'A stay pending appeal targets an appealable injunction in force',
    "Only an injunction that is in force when the motion is filed can be stayed, and a stay pending appeal presupposes an order that can be appealed: a preliminary injunction, or a TRO with a preliminary injunction's effect (entered after notice and an adversary hearing). Against an ordinary TRO, which lapses on its own within days, the remedy is a motion to dissolve.",
    'FRCP 62(d); FRAP 8(a)(1)(A); FRCP 65(b)(4); Sampson v. Murray, 415 U.S. 61, 86-88 (1974); Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)',
    (ctx, e) => {
      const injunction = ctx.injunctions[e.injunction];
      return (
        injunction !== undefined &&
        hasPreliminaryEffect(injunction) &&
        injunctionInForceAt(injunction, rangeOf(e.at).start)
      );
    },
  ),
  stayForumHasTheCase: rule<'stay.motionFiled'>(
    'stayForumHasTheCase',
    'The stay is sought from a court that has the case',
    'A district-court stay motion goes to the court that entered the injunction; a court of appeals can act only once an appeal from that injunction is docketed before it and still pending.',
    'FRAP 8(a)(1)-(2); FRCP 62(d); Griggs v. Provident Consumer Discount Co., 459 U.S. 56, 58 (1982)',
    (ctx, e) => {
      const injunction = ctx.injunctions[e.injunction];
      if (!injunction) return false;
      const forum = forumOf(ctx, e.docket);
      if (forum === 'district') return e.docket === injunction.docket && suitIsOpen(ctx, e.docket);
      return forum === 'appeals' && appealPendingFrom(ctx, e.docket, injunction.id);
    },
  ),
  moveFirstInDistrictCourt: rule<'stay.motionFiled'>(
    'moveFirstInDistrictCourt',
    'Move first in the district court, or say why not',
    'A party must ordinarily move first in the district court. A motion in the court of appeals must show that the district court denied the motion or failed to afford the relief requested, or that moving there first would be impracticable. It may be filed while the district-court motion is still pending on those grounds.',
    'FRAP 8(a)(1)-(2)(A)',
    (ctx, e) => {
      if (forumOf(ctx, e.docket) !== 'appeals') return e.ground === undefined;
      if (e.ground === 'impracticable') return true;
      const districtMotions = Object.values(ctx.motions).filter(
        (m) => m.kind === 'stay' && m.injunction === e.injunction && forumOf(ctx, m.docket) === 'district',
      );
      if (e.ground === 'district-denied') return districtMotions.some((m) => m.status === 'denied');
      if (e.ground === 'district-failed-to-afford-relief') return districtMotions.length > 0;
      return false;
    },
  ),
  stayMotionPending: rule<
    'stay.granted' | 'stay.denied' | 'stay.applicationGranted' | 'stay.applicationDenied'
  >(
    'stayMotionPending',
    'A stay ruling answers a pending stay motion',
    'A court grants or denies a stay pending appeal on a motion pending before it; it cannot rule on a motion already decided, withdrawn or terminated. The Supreme Court rules on applications made to it, and a lower court on motions made to it.',
    'FRAP 8(a); FRCP 62(d); FRCP 7(b); S. Ct. R. 22-23',
    (ctx, e) => {
      const m = ctx.motions[(e as MotionRuling).motion];
      const application = e.type === 'stay.applicationGranted' || e.type === 'stay.applicationDenied';
      return m?.kind === 'stay' && m.status === 'pending' && (m.forum === 'supreme-court') === application;
    },
  ),
  aStayPendingAppealHolds: rule<'certiorari.denied' | 'certiorari.judgmentSent'>(
    'aStayPendingAppealHolds',
    'A stay pending appeal still holds while the mandate has not issued',
    "When certiorari is denied, or the Supreme Court's judgment is sent down, before the mandate below has issued, a lower court's stay pending appeal still lasts until the mandate issues; only the Supreme Court's own stay ends then.",
    'FRAP 8(a); FRAP 41(c), (d)(4); S. Ct. R. 23, 45.3',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      return (
        appeal?.status !== 'mandate-issued' &&
        Object.values(ctx.stays).some(
          (s) => s.injunction === appeal?.order && s.status === 'in-force' && s.pendingCertiorari !== true,
        )
      );
    },
  ),
  appealFromARefusal: rule<'injunctionPendingAppeal.motionFiled'>(
    'appealFromARefusal',
    'An injunction pending appeal is sought by the party refused one, on its appeal',
    'While an appeal is pending from an order refusing an injunction, the court may grant an injunction for its duration. The movant must be the party whose motion was refused, the appeal from that refusal must be pending, and the prohibitions it asks to restrain must be ones the record names.',
    'FRCP 62(d); FRAP 8(a)(1)(C); 28 U.S.C. 1292(a)(1)',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      if (!appeal || (appeal.status !== 'pending' && appeal.status !== 'in-abeyance')) return false;
      const refused = Object.values(ctx.motions).some(
        (m) =>
          m.kind === 'injunction' &&
          m.ruledBy === appeal.order &&
          m.status === 'denied' &&
          m.movant === e.movant,
      );
      return refused && e.prohibitions.every((p) => ctx.prohibitions[p] !== undefined) && !ctx.motions[e.id];
    },
  ),
  pendingAppealForumHasTheCase: rule<'injunctionPendingAppeal.motionFiled'>(
    'pendingAppealForumHasTheCase',
    'An injunction pending appeal is sought from the district court or the court of appeals',
    'The motion goes to the district court whose refusal is appealed, while its case is open, or to the court of appeals hearing the appeal.',
    'FRCP 62(d); FRAP 8(a)(1)-(2)',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      if (!appeal) return false;
      return e.docket === e.appealDocket || (e.docket === appeal.from && suitNotEnded(ctx, e.docket));
    },
  ),
  pendingAppealMovedFirstBelow: rule<'injunctionPendingAppeal.motionFiled'>(
    'pendingAppealMovedFirstBelow',
    'Move first in the district court for an injunction pending appeal, or say why not',
    'A party must ordinarily move first in the district court for an order granting an injunction while an appeal is pending. A motion in the court of appeals must show that moving first would be impracticable, or that the district court denied the motion or failed to afford the relief requested.',
    'FRAP 8(a)(1)(C), (a)(2)(A)',
    (ctx, e) => {
      if (e.docket !== e.appealDocket) return e.ground === undefined;
      if (e.ground === 'impracticable') return true;
      const below = Object.values(ctx.motions).filter(
        (m) =>
          m.kind === 'injunction-pending-appeal' &&
          m.appealDocket === e.appealDocket &&
          m.docket !== e.appealDocket,
      );
      if (e.ground === 'district-denied') return below.some((m) => m.status === 'denied');
      if (e.ground === 'district-failed-to-afford-relief') return below.length > 0;
      return false;
    },
  ),
  pendingAppealMotionPending: rule<'injunctionPendingAppeal.granted' | 'injunctionPendingAppeal.denied'>(
    'pendingAppealMotionPending',
    'A ruling answers a pending motion for an injunction pending appeal',
    'A court grants or denies an injunction pending appeal on a motion for one that is pending before it.',
    'FRCP 7(b); FRCP 62(d); FRAP 8(a)',
    (ctx, e) => {
      const m = ctx.motions[(e as MotionRuling).motion];
      return m?.kind === 'injunction-pending-appeal' && m.status === 'pending';
    },
  ),
  pendingAppealFindingsMeetTheTest: rule<'injunctionPendingAppeal.granted'>(
    'pendingAppealFindingsMeetTheTest',
    'An injunction pending appeal meets the preliminary-injunction test',
    "In the Ninth Circuit the standard for an injunction pending appeal is similar to that for a preliminary injunction: Winter's factors, or serious questions with a balance of hardships tipping sharply where the circuit allows the scale; with the government opposing, the balance and the public interest merge. Elsewhere the machine applies the same test; some courts ask more of a movant who already lost below, which is not modelled.",
    "FRCP 62(d); Feldman v. Arizona Sec'y of State's Office, 843 F.3d 366, 367 (9th Cir. 2016) (en banc); Winter v. NRDC, 555 U.S. 7, 20 (2008)",
    (ctx, e) => {
      const motion = ctx.motions[e.motion];
      if (!motion) return false;
      const suit = suitOf(ctx, motion.docket);
      const allowed = suit?.circuit ? CIRCUIT_LAW[suit.circuit].slidingScale.status === 'allowed' : false;
      return injunctionTestMet(e.findings, allowed, governmentOpposes(ctx, motion.docket, motion.movant));
    },
  ),
  pendingAppealRelief: rule<'appeal.mandateIssued' | 'appeal.dismissed'>(
    'pendingAppealRelief',
    'An injunction pending appeal ends with the appeal',
    'An injunction granted while an appeal from the refusal of one is pending lasts only as long as that appeal: it ends when the mandate issues or the appeal is dismissed. If the refusal is reversed, the district court then rules anew.',
    'FRCP 62(d); FRAP 8(a)(1)(C); FRAP 41(c)',
    // The appeal is from a refusal (no injunction is appealed from): the injunctions it reaches were granted pending it.
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      return appeal !== undefined && ctx.injunctions[appeal.order] === undefined;
    },
  ),
  applicationFollowsTheAppeal: rule<'stay.applicationFiled'>(
    'applicationFollowsTheAppeal',
    'A Supreme Court stay application follows an appeal from the injunction',
    'The Supreme Court may stay an injunction pending review of the judgment below on certiorari: the application names the appeal from that injunction, pending or decided, whose judgment a petition would bring up, and a Supreme Court docket of its own.',
    '28 U.S.C. 2101(f); 28 U.S.C. 1651(a); 28 U.S.C. 1254(1); S. Ct. R. 22-23',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      return (
        appeal !== undefined &&
        appeal.order === e.injunction &&
        appeal.status !== 'dismissed' &&
        forumOf(ctx, e.docket) === undefined &&
        !ctx.motions[e.id]
      );
    },
  ),
  reviewStillPending: rule<'stay.applicationFiled' | 'stay.applicationGranted'>(
    'reviewStillPending',
    'A stay pending certiorari needs review still to come',
    'A Supreme Court stay is a stay pending the filing and disposition of a petition for certiorari: once certiorari has been denied, or the Court has decided the case on a writ it granted, there is no review left for a stay to be pending, and an application is neither filed nor granted.',
    '28 U.S.C. 2101(f); S. Ct. R. 23',
    (ctx, e) => {
      const docket =
        e.type === 'stay.applicationFiled' ? e.appealDocket : ctx.motions[e.motion]?.appealDocket;
      if (docket === undefined) return false;
      const petition = ctx.petitions[docket];
      return (
        ctx.appeals[docket]?.certiorariDeniedBy === undefined &&
        (petition === undefined || petition.status === 'pending' || petition.status === 'granted')
      );
    },
  ),
  soughtFirstInTheCourtsBelow: rule<'stay.applicationFiled'>(
    'soughtFirstInTheCourtsBelow',
    'A stay is sought first in the courts below',
    'Except in the most extraordinary circumstances, the Supreme Court will not entertain a stay application unless the relief was first sought in the appropriate court or courts below: here, a stay of the same injunction that the court of appeals has denied. The extraordinary-circumstances exception is not modelled: the machine requires the denial below.',
    'S. Ct. R. 23.3',
    (ctx, e) =>
      Object.values(ctx.motions).some(
        (m) =>
          m.kind === 'stay' &&
          m.injunction === e.injunction &&
          forumOf(ctx, m.docket) === 'appeals' &&
          m.status === 'denied',
      ),
  ),
  supremeCourtStayFindings: rule<'stay.applicationGranted'>(
    'supremeCourtStayFindings',
    'A Supreme Court stay: certiorari likely, a fair prospect of reversal, irreparable harm',
    "The applicant must show a reasonable probability that four Justices will grant certiorari, a fair prospect that a majority will vote to reverse, and a likelihood of irreparable harm without a stay; in close cases the Court balances the equities. The Court's stay orders usually give no reasons: a finding it did not state is not held against the stay, but a stay cannot rest on a factor the Court found not shown.",
    'Hollingsworth v. Perry, 558 U.S. 183, 190 (2010) (per curiam); S. Ct. R. 23',
    (_ctx, e) =>
      e.findings.certiorari !== 'not-shown' &&
      e.findings.reversal !== 'not-shown' &&
      e.findings.irreparableHarm !== 'not-shown',
  ),
  stayPendingCertiorari: rule<'appeal.mandateIssued' | 'certiorari.denied'>(
    'stayPendingCertiorari',
    'A Supreme Court stay lasts until certiorari is disposed of; a stay pending appeal ends with the mandate',
    "A stay the Supreme Court grants pending the appeal and the disposition of a petition for certiorari outlives the mandate below, so the injunction stays suspended as to what it covers; by the usual terms of its order it ends automatically if certiorari is denied, and if certiorari is granted, when the Court's judgment is sent down (certiorari.judgmentSent). Unsettled: whether a lower court's stay pending appeal (FRAP 8; FRCP 62(d)) also lasts past the mandate while a Supreme Court stay and the petition are pending. Such a stay is granted \"pending appeal\", and the appeal in the court of appeals ends with its mandate; no rule or case the machine relies on carries it further. The machine takes that reading: a stay pending appeal ends when the mandate issues, and only the Supreme Court's own stay keeps the injunction suspended after it. A lower court that means its stay to last pending certiorari says so in its order, which the machine does not model. If no petition is timely filed, the Supreme Court's stay ends by its own terms; the machine ends it only on an event.",
    '28 U.S.C. 2101(f); S. Ct. R. 23, 45.3; FRAP 8(a), 41(c); FRCP 62(d); Nken v. Holder, 556 U.S. 418, 428-29 (2009)',
    // A stay chart asks this of itself: read from the event, whether some Supreme Court stay of its appeal exists.
    (ctx, e) => {
      const order = ctx.appeals[e.appealDocket]?.order;
      return Object.values(ctx.stays).some(
        (s) => s.injunction === order && s.pendingCertiorari === true && s.status === 'in-force',
      );
    },
  ),
  motionPending: rule<'motion.withdrawn'>(
    'motionPending',
    'Only a pending motion can be withdrawn',
    "A movant may withdraw a motion, or the part of it the court deferred, before the court rules on it; a motion already decided, withdrawn or mooted is beyond withdrawal. How a withdrawal is made is the district's local rule (in the Northern District of California, Civ. L.R. 7-7(e)), which the machine does not cite as a general rule.",
    'FRCP 7(b)',
    (ctx, e) => awaitsRuling(ctx.motions[e.motion]),
  ),
  troInForce: rule<'injunction.extended'>(
    'troInForce',
    'Only a TRO still in force can be extended',
    'Rule 65(b)(2) lets the court extend a temporary restraining order before it expires; a preliminary injunction has no expiry to extend, and a lapsed TRO cannot be revived by extension.',
    'FRCP 65(b)(2)',
    (ctx, e) => {
      const injunction = ctx.injunctions[e.injunction];
      return (
        injunction?.relief === 'tro' &&
        injunction.status === 'in-force' &&
        injunctionInForceAt(injunction, rangeOf(e.at).start)
      );
    },
  ),
  troExtensionWithinLimit: rule<'injunction.extended'>(
    'troExtensionWithinLimit',
    'A TRO is extended by a like period, or longer with consent',
    'The court may extend a TRO for good cause for a like period (up to 14 more days), or for longer if the adverse party consents.',
    'FRCP 65(b)(2)',
    (ctx, e) => {
      const current = ctx.injunctions[e.injunction]?.expires;
      if (!current) return false;
      const later = rangeOf(e.expires).start > rangeOf(current).start;
      return later && (e.byConsent || rangeOf(e.expires).start <= rangeOf(current).end + 14 * DAY);
    },
  ),
  suspensionNamesStandingProhibitions: rule<'identification.suspended'>(
    'suspensionNamesStandingProhibitions',
    'A suspension names prohibitions of that identification that are not already suspended',
    'An agency suspends or stops enforcing only its own prohibitions that still stand; a prohibition already suspended stays so until enforcement resumes or the end its suspension named comes. A suspension that names its end is an agency action on its own terms (5 U.S.C. 551(13)): at that end it lapses with no further act, the prohibition stands again, and the agency may suspend it anew.',
    'Administrative Procedure Act, 5 U.S.C. 551(5), 551(13), 553(d)',
    (ctx, e) => {
      const t = rangeOf(e.at).start;
      return namesProhibitionsIn(
        ctx,
        e.identification,
        e.prohibitions,
        (p) => p.status === 'scheduled' || (p.status === 'suspended' && !suspensionBindsAt(p, t)),
      );
    },
  ),
  resumptionNamesSuspendedProhibitions: rule<'identification.enforcementResumed'>(
    'resumptionNamesSuspendedProhibitions',
    'Enforcement resumes only for suspended prohibitions',
    'Ending a suspension names prohibitions of that identification that the agency had suspended.',
    'Administrative Procedure Act, 5 U.S.C. 551(5), 553(d)',
    (ctx, e) => namesProhibitionsIn(ctx, e.identification, e.prohibitions, 'suspended'),
  ),
  stayedInjunctionStillInForce: rule<'stay.granted' | 'stay.applicationGranted'>(
    'stayedInjunctionStillInForce',
    'Only an injunction still in force can be stayed',
    'An injunction that has been dissolved, vacated or has lapsed has nothing left to stay.',
    'FRCP 62(d); Nken v. Holder, 556 U.S. 418, 428-29 (2009)',
    (ctx, e) => {
      const m = ctx.motions[e.motion];
      const injunction = m?.injunction === undefined ? undefined : ctx.injunctions[m.injunction];
      return injunction !== undefined && injunctionInForceAt(injunction, rangeOf(e.at).start);
    },
  ),
  appealNotOver: rule<'stay.granted'>(
    'appealNotOver',
    'A stay pending appeal is granted only while the appeal is not over',
    'A court may stay an injunction while an appeal from it is pending, or may still be taken. Once an appeal from that injunction has ended (its mandate issued, or the appeal dismissed), there is no appeal left for a stay to be pending, and a motion still undecided has nothing to answer; a Supreme Court stay pending certiorari is a different remedy (stay.applicationGranted).',
    'FRCP 62(d); FRAP 8(a)(1), 41(c); Nken v. Holder, 556 U.S. 418, 428-29 (2009)',
    (ctx, e) => {
      const injunction = ctx.motions[e.motion]?.injunction;
      return !Object.values(ctx.appeals).some(
        (a) => a.order === injunction && (a.status === 'mandate-issued' || a.status === 'dismissed'),
      );
    },
  ),
  stayScopeWithinInjunction: rule<'stay.granted'>(
    'stayScopeWithinInjunction',
    'A partial stay names prohibitions the injunction covers',
    'A court may stay an injunction in part; the part stayed must be part of the injunction.',
    'FRCP 62(d) ("suspend, modify ... an injunction")',
    (ctx, e) => {
      const m = ctx.motions[e.motion];
      const injunction = m?.injunction ? ctx.injunctions[m.injunction] : undefined;
      return (
        injunction !== undefined && (e.prohibitions ?? []).every((p) => injunction.prohibitions.includes(p))
      );
    },
  ),
  stayFindingsMeetNken: rule<'stay.granted'>(
    'stayFindingsMeetNken',
    'The stay findings satisfy Nken, as the circuit applies it',
    'A stay pending appeal is not a matter of right. Nken weighs four factors: a strong showing of likely success on the merits, irreparable injury to the applicant absent a stay, substantial injury to the other parties, and the public interest; when the government is the opposing party, the last two merge. The Ninth Circuit requires probable irreparable harm, and then either a strong showing on the merits with the public interest not weighing heavily against a stay, or a substantial case on the merits with the balance of hardships tipping sharply toward the applicant. Elsewhere the machine applies Nken as written (a strong showing and irreparable injury, with harm to others and the public interest not both against the stay); circuits that keep their own sliding scale for stays are not modelled.',
    'Nken v. Holder, 556 U.S. 418, 433-35 (2009); Leiva-Perez v. Holder, 640 F.3d 962, 964-70 (9th Cir. 2011)',
    (ctx, e) => {
      const motion = ctx.motions[e.motion];
      if (!motion) return false;
      const suit = suitOf(ctx, motion.docket);
      const merged = governmentOpposes(ctx, motion.docket, motion.movant);
      const leivaPerez = suit?.circuit ? CIRCUIT_LAW[suit.circuit].stayTest?.form === 'leiva-perez' : false;
      return stayTestMet(e.findings, leivaPerez, merged);
    },
  ),
  stayCourtHasTheCase: rule<'stay.vacated' | 'stay.modified'>(
    'stayCourtHasTheCase',
    'A stay is vacated or modified by the court that entered it, or by the court of appeals',
    "The court that entered a stay pending appeal may vacate or modify it on motion, as part of its power over its own interlocutory orders. The court of appeals hearing the appeal from the injunction may also vacate or modify a district court's stay: that is an order restoring or modifying an injunction while an appeal is pending (FRAP 8(a)(1)(C)), which a party must ordinarily first ask of the district court (8(a)(2)(A); the machine does not check that step here). A district court cannot vacate or modify a stay the court of appeals entered. Only a stay still in force can be vacated or modified.",
    'FRAP 8(a)(1)(C), (a)(2)(A); FRCP 62(d); Nken v. Holder, 556 U.S. 418, 432-34 (2009) (a stay is an exercise of judicial discretion)',
    (ctx, e) => {
      const stay = ctx.stays[(e as { stay: string }).stay];
      if (stay?.status !== 'in-force') return false;
      const docket = (e as { docket: string }).docket;
      if (docket === stay.docket) return true;
      return forumOf(ctx, stay.docket) === 'district' && appealPendingFrom(ctx, docket, stay.injunction);
    },
  ),
  modifiedStayWithinInjunction: rule<'stay.modified'>(
    'modifiedStayWithinInjunction',
    'A modified stay names prohibitions the injunction covers',
    "A court may modify a stay to cover more or fewer of the injunction's prohibitions; what it stays must be part of the injunction.",
    'FRCP 62(d); FRAP 8(a)(1)(C)',
    (ctx, e) => {
      const injunction = ctx.injunctions[ctx.stays[e.stay]?.injunction ?? ''];
      return injunction !== undefined && e.prohibitions.every((p) => injunction.prohibitions.includes(p));
    },
  ),
  anotherStayHolds: rule<'stay.vacated' | 'relief.stayLiftedElsewhere'>(
    'anotherStayHolds',
    'The injunction stays suspended while another stay of it holds',
    'A court may stay an injunction in part, and more than one stay may hold at once (a district court and the court of appeals, or a court elsewhere); vacating or lifting one restores the injunction only as far as no other stay of it is still in force.',
    'FRCP 62(d) ("suspend, modify ... an injunction"); FRAP 8(a); Nken v. Holder, 556 U.S. 418, 428-29 (2009)',
    (ctx, e) => {
      const injunction = ctx.stays[e.stay]?.injunction;
      return Object.values(ctx.stays).some(
        (s) => s.id !== e.stay && s.injunction === injunction && s.status === 'in-force',
      );
    },
  ),
  appealDecided: rule<'appeal.mandateIssued'>(
    'appealDecided',
    'A mandate issues on a decided appeal, once',
    "The mandate is the court of appeals' judgment sent to the district court; it issues after the appeal is decided, and once.",
    'FRAP 41(a)-(b)',
    (ctx, e) => ctx.appeals[e.appealDocket]?.status === 'decided',
  ),
  appealPending: rule<'appeal.heldInAbeyance' | 'appeal.decided'>(
    'appealPending',
    'The appeal must be pending and active',
    'A court of appeals can hold in abeyance or decide only an appeal that is pending before it and not held in abeyance; abeyance must be lifted before decision.',
    'FRAP 12, 34, 36',
    (ctx, e) => ctx.appeals[(e as AppealAct).appealDocket]?.status === 'pending',
  ),
  appealInAbeyance: rule<'appeal.abeyanceLifted'>(
    'appealInAbeyance',
    'Only an appeal in abeyance can resume',
    'Abeyance can be lifted only for an appeal that is held in abeyance.',
    'FRAP 2 (the court may suspend and resume proceedings)',
    (ctx, e) => ctx.appeals[e.appealDocket]?.status === 'in-abeyance',
  ),
  appealNotEnded: rule<'appeal.dismissed'>(
    'appealNotEnded',
    'Only a pending appeal can be dismissed',
    'An appeal already decided or dismissed cannot be dismissed again.',
    'FRAP 42(b)',
    (ctx, e) => {
      const status = ctx.appeals[e.appealDocket]?.status;
      return status === 'pending' || status === 'in-abeyance';
    },
  ),
  mootnessIsTheCourtsFinding: rule<'appeal.dismissed' | 'case.dismissed'>(
    'mootnessIsTheCourtsFinding',
    "Mootness is the court's finding, resting on events in the record",
    "Whether later events moot a case is for the court to find, and the machine records the finding with its reason rather than presuming it. A defendant's voluntary cessation moots a case only if it is absolutely clear that the conduct cannot reasonably be expected to recur, a heavy burden on the party asserting mootness; an agency withdrawing its identification while the order that directs it stands does not do it by itself. A change of executive policy is judged on voluntary-cessation factors (is it entrenched, broad, unlikely to be reversed?) with some solicitude for the government; the Ninth Circuit's presumption of mootness is for repealed legislation, and how far it reaches executive action is unsettled. A finding of mootness may name the events it rests on; each must be a change already in the record.",
    'U.S. Const. art. III, sec. 2; Friends of the Earth v. Laidlaw, 528 U.S. 167, 189 (2000); Rosebrock v. Mathis, 745 F.3d 963, 971-72 (9th Cir. 2014); Bd. of Trustees of Glazing Health & Welfare Trust v. Chambers, 941 F.3d 1195, 1197-99 (9th Cir. 2019) (en banc)',
    (ctx, e) => {
      if (e.reason !== 'moot') return e.mootness === undefined;
      const named = e.mootness?.events ?? [];
      // A finding that names no event has nothing to look up: the record's changes are gathered only then.
      if (named.length === 0) return true;
      const changes = recordedChanges(ctx);
      return named.every((id) => changes.has(id));
    },
  ),
  appealUndoesInjunction: rule<'appeal.mandateIssued'>(
    'appealUndoesInjunction',
    'A reversal or vacatur ends the injunction appealed from when the mandate issues',
    "When the court of appeals reverses or vacates a preliminary injunction, the injunction no longer binds from the day the mandate issues, not the day the decision is filed; an affirmance leaves it in force. A stay pending appeal lasts until then too. Where the mandate was stayed until the Supreme Court's final disposition and the Court's judgment reversing or vacating the decision has been sent down, the decision as the Court left it is what the mandate carries (see supremeCourtUndoesInjunction).",
    '28 U.S.C. 1292(a)(1); FRAP 41(b)-(c), (d)(2)(B); S. Ct. R. 45.3',
    (ctx, e) => {
      const disposition = standingDisposition(ctx, e.appealDocket);
      return disposition !== undefined && disposition !== 'affirmed';
    },
  ),
  mandateTimely: rule<'appeal.mandateIssued'>(
    'mandateTimely',
    'The mandate issues when the time for rehearing has run, or forthwith',
    'The mandate issues 7 days after the time to petition for rehearing expires, or 7 days after an order denying a timely petition for rehearing or a motion to stay the mandate. The time to petition is 14 days after entry of judgment, or 45 days in a civil case to which the United States, its agency or officer is a party (FRAP 40(a)(1) as in force in 2020). The court may shorten the time or direct that the mandate issue forthwith. Days are calendar days, and a period whose last day is a Saturday, Sunday or federal legal holiday runs to the next day that is not one (FRAP 26(a)(1), (a)(6)(A)): the time to petition, and then the 7 days.',
    'FRAP 40(a)(1) (2020); FRAP 41(b), (d); FRAP 26(a)(1)(C), (a)(6)',
    (ctx, e) => {
      if (e.forthwith) return true;
      const appeal = ctx.appeals[e.appealDocket];
      if (!appeal?.decidedAt) return false;
      // 7 days after the latest of: the last day to petition for rehearing, an order denying rehearing, an
      // order denying a stay of the mandate; each period's last day moved past a weekend or legal holiday
      // (FRAP 26(a)(1)(C)).
      const zone = e.at.zone;
      const rehearingRunsOut = appeal.rehearingDeniedAt
        ? dayEnded(appeal.rehearingDeniedAt.end, zone)
        : periodEnds(appeal.decidedAt.end, zone, rehearingDays(ctx, e.appealDocket));
      const denied = appeal.mandateStayDeniedAt;
      const day = dayAt(e.at);
      return (
        day >= lastDayOfPeriod(rehearingRunsOut, 7) &&
        (denied === undefined || day >= periodEnds(denied.end, zone, 7))
      );
    },
  ),
  rehearingTimely: rule<'appeal.rehearingSought'>(
    'rehearingTimely',
    'A petition for rehearing is filed in time, once',
    'A petition for panel or en banc rehearing may be filed, on a decided appeal whose mandate has not issued, within 14 days after entry of judgment, or 45 days in a civil case to which the United States, its agency or officer is a party, unless the court shortens or extends the time. A last day that is a Saturday, Sunday or federal legal holiday moves to the next day that is not one. The machine records one round of rehearing.',
    'FRAP 35(c), 40(a)(1) (2020); FRAP 26(a)(1)(C), (a)(6)',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      if (appeal?.status !== 'decided' || !appeal.decidedAt || appeal.rehearingDeniedAt) return false;
      return withinDays(appeal.decidedAt.end, e.at, rehearingDays(ctx, e.appealDocket));
    },
  ),
  rehearingPending: rule<'appeal.rehearingDenied' | 'appeal.rehearingGranted'>(
    'rehearingPending',
    'Rehearing is granted or denied on a pending petition',
    "The court rules on a petition for rehearing that is before it. Granting it means the decision does not stand as entered: the appeal is pending again and is decided anew, by the panel or the court en banc, and no mandate issues on the old decision. What becomes of the panel opinion on an en banc grant is a matter of each circuit's rules, which the machine does not model.",
    'FRAP 35, 40(a)(4), 41(b)',
    (ctx, e) => ctx.appeals[(e as AppealAct).appealDocket]?.status === 'rehearing-sought',
  ),
  mandateStayMotionTimely: rule<'appeal.mandateStayMotionFiled'>(
    'mandateStayMotionTimely',
    'A motion to stay the mandate is made before it issues',
    'A party may move to stay the mandate pending a petition for certiorari, on a decided appeal whose mandate has not issued; a timely motion holds the mandate until the court rules on it, and the mandate then issues 7 days after an order denying it.',
    'FRAP 41(b), (d)(1)',
    (ctx, e) => ctx.appeals[e.appealDocket]?.status === 'decided',
  ),
  mandateStayShowsSubstantialQuestion: rule<'appeal.mandateStayGranted'>(
    'mandateStayShowsSubstantialQuestion',
    'A stay of the mandate needs a substantial question and good cause',
    'The motion to stay the mandate must show that the petition for certiorari would present a substantial question and that there is good cause for a stay.',
    'FRAP 41(d)(1)',
    (_ctx, e) => e.substantialQuestion && e.goodCause,
  ),
  mandateStayMotionPending: rule<'appeal.mandateStayGranted' | 'appeal.mandateStayDenied'>(
    'mandateStayMotionPending',
    'A ruling on a motion to stay the mandate answers a pending motion',
    'The court of appeals grants or denies a stay of its mandate on a motion for one that is before it; without a pending motion there is nothing to rule on.',
    'FRAP 41(d)(1); FRAP 27',
    (ctx, e) => ctx.appeals[e.appealDocket]?.status === 'mandate-stay-sought',
  ),
  certiorariAfterDecision: rule<'certiorari.denied'>(
    'certiorariAfterDecision',
    'Certiorari is denied to review a decided appeal',
    'A petition for certiorari asks the Supreme Court to review the judgment of the court of appeals; the machine records its denial once, and only once that court has decided the appeal (its mandate stayed, issued, or not yet due). Certiorari before judgment (S. Ct. R. 11; 28 U.S.C. 2101(e)) is possible in law but rare, and not modelled.',
    '28 U.S.C. 1254(1); S. Ct. R. 10, 11, 13',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      // Certiorari is denied once: the petition is then disposed of, and nothing is left for a second denial.
      return (
        appeal?.certiorariDeniedBy === undefined &&
        ['decided', 'mandate-stayed', 'mandate-issued'].includes(appeal?.status ?? '')
      );
    },
  ),
  mandateStayRunOut: rule<'appeal.mandateIssued'>(
    'mandateStayRunOut',
    'A stayed mandate issues when the stay ends: after 90 days, or after the Supreme Court disposes of a petition',
    "A stay of the mandate must not exceed 90 days unless the court extends it for good cause, or the party who obtained it tells the circuit clerk in writing, within the stay, that a petition for certiorari has been filed: the stay then continues until the Supreme Court's final disposition. So a petition filed before the 90 days ran out holds the mandate, and the mandate is refused, even forthwith, until the Court denies the petition or, having granted it, sends its judgment down; the mandate issues immediately on a copy of an order denying the petition (the machine accepts it at once after a denial, and after the Court's judgment). The clerk's notice and the party who files are not recorded: a petition filed in time is read as notified. An extension of the time to petition that extends the stay (FRAP 41(d)(2)(B)(i)) and an extension for good cause are not modelled: record the mandate forthwith, or after 90 days. The 90 are calendar days, the last moved past a Saturday, Sunday or federal legal holiday (FRAP 26(a)(1)(C)).",
    'FRAP 41(d)(2)(A)-(B), (d)(4) (as amended Dec. 1, 2018, in force in 2020); FRAP 26(a)(1); S. Ct. R. 45.3',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      const stayedAt = appeal?.mandateStayedAt;
      const petition = ctx.petitions[e.appealDocket];
      const disposed = appeal?.certiorariDeniedBy !== undefined || petition?.status === 'judgment-sent';
      if (disposed) return true;
      // The stay's last day: the 90th after it was granted, or the next court day (FRAP 26(a)(1)(C)).
      const lastDay = stayedAt && periodEnds(stayedAt.end, e.at.zone, 90);
      // FRAP 41(d)(2)(B)(ii): a petition filed within the stay continues it until the final disposition.
      if (petition && lastDay !== undefined && dayOfMoment(petition.filedAt.start, e.at.zone) <= lastDay)
        return false;
      return e.forthwith || (lastDay !== undefined && dayAt(e.at) > lastDay);
    },
  ),
  petitionReviewsADecidedAppeal: rule<'certiorari.petitioned'>(
    'petitionReviewsADecidedAppeal',
    'A petition for certiorari asks to review the judgment of a decided appeal, once',
    'A petition for certiorari asks the Supreme Court to review a judgment of the court of appeals: the appeal must be decided (rehearing, if sought, denied; the mandate pending, stayed or issued), and certiorari not already denied. The machine records one petition per appeal, under its own Supreme Court docket; cross-petitions, and certiorari before judgment (S. Ct. R. 11), are not modelled.',
    '28 U.S.C. 1254(1); S. Ct. R. 10, 12.1, 13.1, 13.3',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      return (
        appeal !== undefined &&
        ['decided', 'mandate-stay-sought', 'mandate-stayed', 'mandate-issued'].includes(appeal.status) &&
        appeal.certiorariDeniedBy === undefined &&
        ctx.petitions[e.appealDocket] === undefined &&
        forumOf(ctx, e.docket) === undefined &&
        !Object.values(ctx.petitions).some((p) => p.docket === e.docket)
      );
    },
  ),
  certiorariPetitionTimely: rule<'certiorari.petitioned'>(
    'certiorariPetitionTimely',
    'A petition for certiorari is filed within 90 days of the judgment, or of the denial of rehearing',
    'A petition for certiorari to review a judgment in a civil case must be filed within 90 days after entry of the judgment; if a party timely petitioned the court of appeals for rehearing, the 90 days run from the denial of rehearing, not from the issuance of the mandate. A Justice may extend the time for good cause by up to 60 days (timeExtendedDays). A last day that is a Saturday, Sunday or federal legal holiday moves to the next day that is not one.',
    '28 U.S.C. 2101(c); S. Ct. R. 13.1, 13.3, 13.5, 30.1',
    (ctx, e) => {
      const appeal = ctx.appeals[e.appealDocket];
      if (!appeal?.decidedAt) return false;
      const from = Math.max(appeal.decidedAt.end, appeal.rehearingDeniedAt?.end ?? Number.NEGATIVE_INFINITY);
      return withinDays(from, e.at, 90 + (e.timeExtendedDays ?? 0));
    },
  ),
  certiorariInOrder: rule<'certiorari.granted' | 'certiorari.decided' | 'certiorari.judgmentSent'>(
    'certiorariInOrder',
    'The Supreme Court grants a pending petition, decides a case it granted, and then sends its judgment down',
    'Certiorari is granted on a petition pending before the Court (its grant needs the votes of four Justices, which the record need not show); the Court decides only a case it took; and its judgment is sent down only once it has decided. A grant, decision or judgment needs the petition in the log. Dismissing a petition, or a writ as improvidently granted, is not modelled.',
    '28 U.S.C. 1254(1); S. Ct. R. 10, 16.1-16.2, 45.3',
    (ctx, e) => {
      const status = ctx.petitions[e.appealDocket]?.status;
      if (e.type === 'certiorari.granted') return status === 'pending';
      if (e.type === 'certiorari.decided') return status === 'granted';
      return status === 'decided';
    },
  ),
  petitionDocketMatches: rule<'certiorari.granted' | 'certiorari.decided' | 'certiorari.judgmentSent'>(
    'petitionDocketMatches',
    'An act of the Supreme Court on a petition names its docket',
    'The Supreme Court acts on a petition under the docket it was filed on: an event that names a Supreme Court docket must name the docket of the petition to review that appeal.',
    'S. Ct. R. 12.3',
    (ctx, e) => e.docket === undefined || ctx.petitions[e.appealDocket]?.docket === e.docket,
  ),
  denialAnswersThePetition: rule<'certiorari.denied'>(
    'denialAnswersThePetition',
    'A denial of certiorari answers the petition, where the log records it',
    "The machine does not require the petition to be in the log: a denial recorded without one is accepted (many logs record only the denial, which is what the public record shows of a petition). Where the log records the petition for that appeal, the denial answers it: it must still be pending (a petition granted is disposed of by the Court's judgment, not denied), and a Supreme Court docket the denial names must be the petition's.",
    '28 U.S.C. 1254(1); S. Ct. R. 16.1, 16.3',
    (ctx, e) => {
      const petition = ctx.petitions[e.appealDocket];
      if (!petition) return true;
      return petition.status === 'pending' && (e.docket === undefined || e.docket === petition.docket);
    },
  ),
  judgmentSentInTime: rule<'certiorari.judgmentSent'>(
    'judgmentSentInTime',
    "The Supreme Court's judgment is sent down 32 days after it is entered, unless the Court shortens the time",
    'In a case from a federal court, no formal mandate issues: the Clerk sends the court below a copy of the opinion and a certified copy of the judgment, 32 days after entry of the judgment unless the Court or a Justice shortens or extends the time or the parties stipulate that it issue sooner (forthwith). A petition for rehearing (S. Ct. R. 44) holds it until disposed of; rehearing in the Supreme Court is not modelled. The 32nd day, when a Saturday, Sunday or federal legal holiday, moves to the next day that is not one.',
    'S. Ct. R. 30.1, 45.2, 45.3',
    (ctx, e) => {
      const decidedAt = ctx.petitions[e.appealDocket]?.decidedAt;
      return (
        e.forthwith || (decidedAt !== undefined && dayAt(e.at) >= periodEnds(decidedAt.end, e.at.zone, 32))
      );
    },
  ),
  supremeCourtUndoesInjunction: rule<'certiorari.judgmentSent'>(
    'supremeCourtUndoesInjunction',
    "A Supreme Court reversal of a judgment affirming the injunction ends it when the Court's judgment is sent down",
    "The Supreme Court reviews the judgment of the court of appeals. Where that court affirmed the injunction and the Supreme Court reverses, the machine reads the injunction as vacated from the day the Court's judgment is sent down (as in Trump v. Hawaii, which reversed the grant of a preliminary injunction); an affirmance leaves the injunction where the court of appeals' judgment and its mandate leave it. Not modelled, and left to the events that follow: the proceedings on remand in the court of appeals and the district court; a reversal of a judgment that vacated the injunction does not revive it (record the injunction the district court enters again), though if the mandate below has not issued the reversed decision no longer undoes it; and a vacatur by the Supreme Court (often with a remand for reconsideration, or for dismissal as moot under Munsingwear) leaves the injunction standing until the courts below act.",
    'S. Ct. R. 45.3; 28 U.S.C. 2106; Trump v. Hawaii, 138 S. Ct. 2392, 2423 (2018); United States v. Munsingwear, Inc., 340 U.S. 36, 39-40 (1950)',
    (ctx, e) =>
      ctx.petitions[e.appealDocket]?.disposition === 'reversed' &&
      ctx.appeals[e.appealDocket]?.disposition === 'affirmed',
  ),
  vacaturOrdered: rule<'appeal.dismissed'>(
    'vacaturOrdered',
    'A dismissed appeal vacates the order only when the court says so',
    'Dismissing an appeal leaves the order appealed from standing, unless the court vacates it (Munsingwear vacatur is equitable, never automatic).',
    "United States v. Munsingwear, Inc., 340 U.S. 36, 39-40 (1950); U.S. Bancorp Mortgage Co. v. Bonner Mall P'ship, 513 U.S. 18, 25-29 (1994)",
    (_ctx, e) => vacaturOf(e.vacatur) === 'granted',
  ),
  judgmentEntersPermanentInjunction: rule<'case.judgment'>(
    'judgmentEntersPermanentInjunction',
    'A preliminary injunction merges into a final judgment',
    'A preliminary injunction lasts until final judgment; a judgment that enters a permanent injunction supersedes it, and one that does not dissolves it.',
    'University of Texas v. Camenisch, 451 U.S. 390, 395 (1981); FRCP 65(a)(2)',
    (_ctx, e) => e.permanentInjunction !== undefined,
  ),
  reliefCaseNotInLog: rule<'relief.enteredElsewhere'>(
    'reliefCaseNotInLog',
    'Relief entered elsewhere comes from a case the log does not hold',
    'An injunction binds the parties it names and those bound with them, whichever court entered it, and must be obeyed until it is stayed or vacated, so relief entered in another case counts here as if that case were in the log. Whether a court may grant universal relief was disputed in 2020, but universal relief so entered bound the government until a higher court stayed or narrowed it. Where the log holds that case, its own grant is the record: recording the relief again would count one order twice.',
    'FRCP 65(d)(2); Walker v. City of Birmingham, 388 U.S. 307, 314-21 (1967); Department of Homeland Security v. New York, 140 S. Ct. 599, 599-601 (2020) (Gorsuch, J., concurring) (universal relief questioned)',
    (ctx, e) => ctx.suits[e.docket] === undefined && ctx.appeals[e.docket] === undefined,
  ),
  externalReliefStands: rule<'relief.stayedElsewhere' | 'relief.endedElsewhere'>(
    'externalReliefStands',
    'Only relief entered elsewhere that still stands can be stayed or ended there',
    'The stay or end of relief entered in another case acts on an injunction recorded as entered elsewhere that has not been dissolved, vacated or superseded; relief entered in a case the log holds is stayed and ended by that case’s own events.',
    'FRCP 62(d); Nken v. Holder, 556 U.S. 418, 428-29 (2009)',
    (ctx, e) => {
      const injunction = ctx.injunctions[e.injunction];
      return injunction?.forum === 'external' && injunctionStands(injunction);
    },
  ),
  externalStayWithinRelief: rule<'relief.stayedElsewhere'>(
    'externalStayWithinRelief',
    'A partial stay of relief entered elsewhere names prohibitions that relief covers',
    'A court may stay an injunction in part; the part stayed must be part of the injunction.',
    'FRCP 62(d) ("suspend, modify ... an injunction")',
    (ctx, e) =>
      (e.prohibitions ?? []).every((p) => ctx.injunctions[e.injunction]?.prohibitions.includes(p) === true),
  ),
  externalStayInForce: rule<'relief.stayLiftedElsewhere'>(
    'externalStayInForce',
    'Only a stay of relief entered elsewhere that is in force can be lifted',
    'A stay pending appeal ends with the appeal (the mandate, or a dismissal) or when the court lifts it; what ends must be a stay, recorded as of relief entered elsewhere, still in force.',
    'FRAP 8(a), 41(c); Nken v. Holder, 556 U.S. 418, 428-29 (2009)',
    (ctx, e) => {
      const stay = ctx.stays[e.stay];
      return stay?.status === 'in-force' && ctx.injunctions[stay.injunction]?.forum === 'external';
    },
  ),
  reliefVacatedElsewhere: rule<'relief.endedElsewhere'>(
    'reliefVacatedElsewhere',
    'Relief vacated elsewhere is vacated, not dissolved',
    'Relief reversed or vacated (on appeal, when the mandate issues) no longer binds, and a prohibition it barred when it came due does not spring back at its old instant; relief dissolved because its case ended lets the prohibition bind again.',
    'FRAP 41(c); 28 U.S.C. 1292(a)(1)',
    (_ctx, e) => e.how === 'vacated',
  ),
  reliefSupersededElsewhere: rule<'relief.endedElsewhere'>(
    'reliefSupersededElsewhere',
    'Relief superseded elsewhere merged into a later injunction',
    'A preliminary injunction lasts until final judgment; a judgment that enters a permanent injunction supersedes it.',
    'University of Texas v. Camenisch, 451 U.S. 390, 395 (1981); FRCP 65(a)(2)',
    (_ctx, e) => e.how === 'superseded',
  ),
} as const;

export type RuleName = keyof typeof RULES;

/** The event kinds a rule was written for: the kinds its check accepts. */
export type RuleEvents<N extends RuleName> = Parameters<(typeof RULES)[N]['check']>[1]['type'];

/** The rules that may guard an arrow labelled by event kind `E`: `'stay.denied'` cannot be guarded by `orderIsNew`. */
export type RuleFor<E extends EventType> = { [N in RuleName]: E extends RuleEvents<N> ? N : never }[RuleName];

/**
 * Each rule's check, by name. The registry is an object literal of well over a hundred rules, which V8 keeps
 * as a dictionary: looking a check up there on every guard was 6% of a replay; a Map is read directly.
 */
const CHECKS = new Map<string, Rule['check']>(
  Object.entries(RULES).map(([name, r]) => [name, (r as Rule).check]),
);

/** Whether `event` satisfies rule `name` in the record `ctx`. */
export function holds(name: RuleName, ctx: CaseContext, event: CaseEvent): boolean {
  return (CHECKS.get(name) as Rule['check'])(ctx, event as never);
}

export function ruleMeta(name: RuleName): RuleMeta {
  const { check: _check, ...meta } = RULES[name] as Rule;
  return meta;
}
