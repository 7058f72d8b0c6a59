/**
 * The event vocabulary of a case, as zod schemas: the single source of what an event is. TypeScript
 * types are inferred from these, and `events/schema.json` is generated from them.
 */
import { z } from 'zod';
import { LOCAL_FORMS } from '../time/edtf.js';
import { isTimeZone, LOCAL_PATTERN, localProblem } from './instant.js';

import { EVENT_TYPES as EVENT_TYPE_NAMES, evidenceProblem, SCHEMA_VERSION } from './vocabulary.js';

export { evidenceProblem, SCHEMA_VERSION };

/** A stable identifier: lower-case letters, digits, dots, dashes, underscores. */
export const Id = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, dots, dashes and underscores');

export const Instant = z
  .strictObject({
    local: z
      .string({
        error: (issue) => (issue.input === undefined ? 'missing: the local date or time' : undefined),
      })
      .regex(LOCAL_PATTERN, LOCAL_FORMS),
    zone: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'missing: every instant needs its time zone (an IANA name such as America/Los_Angeles)'
            : undefined,
      })
      .refine(isTimeZone, 'not an IANA time zone (for example America/Los_Angeles)'),
    /** How the date was worked out when no source states it outright ("'Saturday' in an article dated ..."). */
    basis: z.string().min(1).optional(),
  })
  .superRefine((value, ctx) => {
    const problem = localProblem(value.local);
    if (problem) ctx.addIssue({ code: 'custom', path: ['local'], message: problem });
  })
  .describe(
    'A local date or time in a named zone, in EDTF (ISO 8601-2): as precise, doubtful or bounded as the record; it counts from the earliest moment it allows.',
  );
export type Instant = z.infer<typeof Instant>;

/** The source's own words, verbatim: never a paraphrase, never a research note. */
const Quote = z
  .string()
  .min(3)
  .max(400)
  .describe("The source's own words, verbatim, as evidence; printed in quotation marks.");

/** What a source says, in the project's own words, where no verbatim text of it is at hand. */
const Note = z
  .string()
  .min(3)
  .max(600)
  .describe("What the source says, in the project's own words; never printed in quotation marks.");

/** The local copy a quotation is checked against: `docs/sources/<copy>.txt`, with its URL and reading date. */
const Copy = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'a copy name such as ecf-59 (the file docs/sources/ecf-59.txt)')
  .describe('The local copy of the passage (docs/sources/<copy>.txt) in which the quotation is checked.');

const evidence = { quote: Quote.optional(), copy: Copy.optional(), note: Note.optional() };

/**
 * A record source carries either a quotation (the source's own words) or a note in our own words, never
 * both: a reader must be able to tell the source's words from ours. A quotation should name the local copy
 * it can be checked in; the project's own log must (tests/quotes.test.ts).
 */
function checkEvidence(
  value: { quote?: string | undefined; copy?: string | undefined; note?: string | undefined },
  ctx: z.RefinementCtx,
) {
  const problem = evidenceProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
}

export const ArticleSource = z.strictObject({
  type: z.literal('article'),
  file: z.string().regex(/^[\w.-]+\.txt$/, 'an article file name such as 002_91033bc79271b903.txt'),
  outlet: z.string().min(1),
  headline: z.string().min(1),
  quote: Quote,
});

/**
 * A source's web address: http or https only, in the schema itself, so the JSON Schema, the page and the
 * TimelineJS export can never be handed a `javascript:` or `data:` link from a log.
 */
const WebUrl = z
  .url({ protocol: /^https?$/ })
  .regex(/^https?:\/\//, 'a source URL starts with http:// or https://');

export const CourtRecordSource = z
  .strictObject({
    type: z.literal('court-record'),
    court: z.string().min(1),
    docket: z.string().min(1),
    /** The docket entry, for example `ECF 59` or `DktEntry 5-1`; `text-only entry` where there is no document. */
    entry: z.string().min(1),
    url: WebUrl.optional(),
    ...evidence,
  })
  .superRefine(checkEvidence);

export const PublicRecordSource = z
  .strictObject({
    type: z.literal('public-record'),
    title: z.string().min(1),
    url: WebUrl,
    ...evidence,
    /** False where the fact is recalled and unverified. */
    verified: z.boolean(),
  })
  .superRefine(checkEvidence);

export const Source = z.discriminatedUnion('type', [ArticleSource, CourtRecordSource, PublicRecordSource]);
export type Source = z.infer<typeof Source>;

/** Where sources disagree: every account with its sources, and which one replay uses and why. */
export const Conflict = z.strictObject({
  about: z.string().min(1),
  accounts: z
    .array(
      z.strictObject({
        says: z.string().min(1),
        instant: Instant.optional(),
        sources: z.array(Source).min(1),
      }),
    )
    .min(2),
  replayUses: z.string().min(1),
  why: z.string().min(1),
});
export type Conflict = z.infer<typeof Conflict>;

const envelope = {
  id: Id,
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** When the event took legal effect: replay is ordered by this. */
  at: Instant,
  /** When it was filed or became public: "as known at K" filters by this. */
  knownAt: Instant,
  /** What happened, in the project's own words. */
  summary: z.string().min(1).max(2000),
  sources: z.array(Source).min(1, 'every event needs at least one source'),
  conflicts: z.array(Conflict).optional(),
  /** Events this one presupposes: a what-if branch that removes one removes this one too (src/whatif/scenario.ts). */
  dependsOn: z.array(Id).optional(),
};

function kind<const T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) {
  return z.strictObject({ type: z.literal(type), ...envelope, ...shape }).describe(description);
}

/** The regional circuits of 28 U.S.C. 41, as the case records which one it sits in. */
export const CIRCUITS = [
  '1st',
  '2d',
  '3d',
  '4th',
  '5th',
  '6th',
  '7th',
  '8th',
  '9th',
  '10th',
  '11th',
  'dc',
] as const;
export type Circuit = (typeof CIRCUITS)[number];

export const Prohibition = z.strictObject({
  id: Id,
  description: z.string().min(1),
  effective: Instant,
});

/**
 * A section of an executive order that prohibits by its own force, with no agency identification between it
 * and its effect (EO 13769 sec. 3(c) itself suspended entry). It is a prohibition in the record like an
 * identified one: a court may restrain enforcement of it (the Washington v. Trump TRO restrained sections
 * 3(c), 5(a)-(c) and 5(e) of EO 13769), and it ends when its order is revoked.
 */
export const Provision = Prohibition.extend({
  /** The section of the order, as the order numbers it: `3(c)`. */
  section: z.string().min(1),
});

/**
 * A court's findings on the preliminary-injunction test it applied, one value per factor. `not-stated`
 * records that the order says nothing on a factor (distinct from `not-reached`, a factor the court said
 * it need not decide); the rules decide which factors a court must state.
 */
export const InjunctionFindings = z.strictObject({
  standard: z.enum(['winter', 'serious-questions']),
  merits: z.enum(['likely', 'serious-questions', 'not-shown', 'not-reached', 'not-stated']),
  irreparableHarm: z.enum(['likely', 'not-shown', 'not-reached', 'not-stated']),
  balance: z.enum(['tips-sharply', 'tips', 'does-not-tip', 'not-reached', 'not-stated']),
  publicInterest: z.enum(['favors', 'disfavors', 'not-reached', 'not-stated']),
  notes: z.string().optional(),
});
export type InjunctionFindings = z.infer<typeof InjunctionFindings>;

/** A court's findings on the four Nken factors for a stay pending appeal (`not-stated` as above). */
export const StayFindings = z.strictObject({
  merits: z.enum(['strong-showing', 'substantial-case', 'not-shown', 'not-reached', 'not-stated']),
  /** Leiva-Perez: irreparable harm to the applicant must be probable ('shown'), not merely possible. */
  irreparableInjury: z.enum(['shown', 'not-shown', 'not-reached', 'not-stated']),
  harmToOthers: z.enum(['substantial', 'not-substantial', 'not-reached', 'not-stated']),
  /** 'heavily-disfavors-stay': Leiva-Perez's "weigh heavily against a stay", which defeats even a strong showing. */
  publicInterest: z.enum([
    'favors-stay',
    'disfavors-stay',
    'heavily-disfavors-stay',
    'not-reached',
    'not-stated',
  ]),
  /** The balance of hardships between applicant and opponent (Leiva-Perez's second branch needs 'tips-sharply'). */
  balance: z.enum(['tips-sharply', 'tips', 'does-not-tip', 'not-reached', 'not-stated']).optional(),
  notes: z.string().optional(),
});
export type StayFindings = z.infer<typeof StayFindings>;

/**
 * What the Supreme Court (or its Circuit Justice) found on a stay application, under Hollingsworth v. Perry:
 * certiorari likely, a fair prospect of reversal, irreparable harm likely. The Court's stay orders usually
 * give no reasons, so `not-stated` is the common entry.
 */
export const SupremeCourtStayFindings = z.strictObject({
  certiorari: z.enum(['reasonable-probability', 'not-shown', 'not-stated']),
  reversal: z.enum(['fair-prospect', 'not-shown', 'not-stated']),
  irreparableHarm: z.enum(['likely', 'not-shown', 'not-stated']),
  notes: z.string().optional(),
});
export type SupremeCourtStayFindings = z.infer<typeof SupremeCourtStayFindings>;

export const OrderSigned = kind(
  'order.signed',
  {
    order: Id,
    title: z.string().min(1),
    issuer: z.string().min(1),
    authority: z.array(z.string()).default([]),
    /** The sections that prohibit by the order's own force; none when an agency must identify what it prohibits. */
    provisions: z.array(Provision).min(1).optional(),
  },
  'An executive order is signed.',
);
export const OrderRevoked = kind(
  'order.revoked',
  { order: Id, by: z.string().min(1) },
  'An executive order is revoked.',
);
export const IdentificationAnnounced = kind(
  'identification.announced',
  {
    identification: Id,
    order: Id,
    agency: z.string().min(1),
    prohibitions: z.array(Prohibition).min(1),
    /** Its Federal Register history; withdrawal from publication is not withdrawal of the identification. */
    federalRegister: z
      .strictObject({
        publicInspection: Instant.optional(),
        status: z.enum(['published', 'withdrawn-before-publication', 'not-filed']),
        citation: z.string().min(1).optional(),
        basis: z.string().min(1),
      })
      .optional(),
  },
  'An agency names the transactions an order prohibits, each with its own effective instant.',
);
export const IdentificationDatesChanged = kind(
  'identification.datesChanged',
  {
    identification: Id,
    changes: z.array(z.strictObject({ prohibition: Id, effective: Instant })).min(1),
  },
  "An agency moves the effective instants of some of an identification's prohibitions.",
);
export const IdentificationWithdrawn = kind(
  'identification.withdrawn',
  { identification: Id },
  'An agency withdraws an identification.',
);
export const IdentificationRescinded = kind(
  'identification.rescinded',
  { identification: Id },
  'An agency rescinds an identification.',
);
export const IdentificationSuspended = kind(
  'identification.suspended',
  {
    identification: Id,
    /** The prohibitions suspended; all of the identification's, when absent. */
    prohibitions: z.array(Id).min(1).optional(),
    /** What the agency says the suspension lasts for ("pending further legal developments"). */
    pending: z.string().min(1).optional(),
    /**
     * When the suspension ends by its own terms, if it says; without it, it lasts until enforcement resumes.
     * It counts from its earliest moment, as every instant does: a suspension "through 15 October" ends at
     * the start of the 16th (write that day).
     */
    until: Instant.optional(),
  },
  'An agency suspends its prohibitions or announces it will not enforce them pending further developments; unlike a statement of position, this binds the agency until it resumes enforcement.',
);
export const IdentificationEnforcementResumed = kind(
  'identification.enforcementResumed',
  {
    identification: Id,
    /** The suspended prohibitions enforced again; all of them, when absent. */
    prohibitions: z.array(Id).min(1).optional(),
  },
  'An agency ends a suspension or non-enforcement of its prohibitions: they bind again from their effective instants.',
);
export const GovernmentPosition = kind(
  'government.position',
  /** `statement` was `position` in schema version 1 (renamed by the v1 upcaster). */
  { by: z.string().min(1), docket: Id.optional(), statement: z.string().min(1) },
  'A government statement of position (for example that individual users will not be penalized); it binds no one.',
);
export const ComplaintFiled = kind(
  'complaint.filed',
  {
    docket: Id,
    court: z.string().min(1),
    caseNumber: z.string().min(1),
    caseName: z.string().min(1),
    judge: z.string().optional(),
    plaintiffs: z.array(z.string().min(1)).min(1),
    defendants: z.array(z.string().min(1)).min(1),
    /** FRAP 4(a)(1)(B): the United States or its officer as a party gives every party 60 days to appeal. */
    unitedStatesIsParty: z.boolean(),
    challenges: z.array(Id).default([]),
    /** The claims pleaded, each by a stable id and a plain label with its legal basis. */
    claims: z.array(z.strictObject({ claim: Id, label: z.string().min(1) })).optional(),
    /** 28 U.S.C. 636(c): with all parties' consent a magistrate judge may decide everything, appeal going to the circuit. */
    magistrateJudgeConsent: z
      .strictObject({
        consent: z.enum(['all-parties', 'not-all-parties', 'unknown']),
        evidence: z.enum(['docketed', 'inferred']),
        basis: z.string().min(1),
      })
      .optional(),
    /** The regional circuit whose law governs (28 U.S.C. 41); read from `court` where not given. */
    circuit: z.enum(CIRCUITS).optional(),
  },
  'A complaint is filed, opening a case on a district-court docket.',
);
export const ComplaintAmended = kind('complaint.amended', { docket: Id }, 'A complaint is amended.');
/** The preliminary relief a motion asks for: a temporary restraining order, or a preliminary injunction. */
export const Relief = z.enum(['tro', 'preliminary']);
export type Relief = z.infer<typeof Relief>;

/**
 * The part of a motion a ruling decides, beyond the prohibitions it grants or denies: which relief (for a
 * motion seeking a TRO and a PI together), and the prohibitions the court defers to a later ruling (FRCP 65:
 * a court may rule on part of a motion, as on a TRO, and set the rest for hearing).
 */
const RulingPart = {
  /** Which relief the ruling decides; needed only when the motion still seeks both. */
  relief: Relief.optional(),
  /** Prohibitions the court reserves for a later ruling: the motion stays pending as to them. */
  deferred: z.array(Id).min(1).optional(),
};

export const InjunctionMotionFiled = kind(
  'injunction.motionFiled',
  {
    docket: Id,
    relief: Relief,
    /** The other relief the same motion asks for (a motion for a TRO and a preliminary injunction), ruled on later. */
    alsoSeeks: Relief.optional(),
    movant: z.string().min(1),
    prohibitions: z.array(Id).optional(),
  },
  'A party moves for a temporary restraining order or a preliminary injunction, or for both in one motion.',
);
/**
 * A court's finding that a case or appeal is moot, with its reason: mootness is the court's judgment on the
 * facts (voluntary cessation, Friends of the Earth v. Laidlaw), not something the record decides by itself.
 */
export const MootnessFinding = z.strictObject({
  because: z.string().min(1),
  /** The events in the record the court relied on (a revocation, a rescission). */
  events: z.array(Id).optional(),
});
export type MootnessFinding = z.infer<typeof MootnessFinding>;

/** Other pending motions a ruling decides together with `motion` (a supplemental or renewed motion). */
const AlsoDecides = z.array(Id).optional();

export const InjunctionGranted = kind(
  'injunction.granted',
  {
    motion: Id,
    alsoDecides: AlsoDecides,
    scope: z.strictObject({
      prohibitions: z.array(Id).min(1),
      defendants: z.array(z.string().min(1)).min(1),
      /**
       * Geography: the order runs throughout the country. With no `beneficiaries`, true has always been read as
       * universal relief (it bars implementation against anyone) and false as relief for the parties in `protects`.
       */
      nationwide: z.boolean(),
      protects: z.array(z.string().min(1)).optional(),
      /**
       * Who benefits (the scope of equitable relief, Califano v. Yamasaki): everyone (universal), the named
       * parties, or the transactions that serve the named parties (where the prohibitions regulate providers).
       */
      beneficiaries: z.enum(['everyone', 'named-parties', 'transactions-serving-named-parties']).optional(),
      /** Courts do not enjoin the President unless the order says so in terms (Franklin v. Massachusetts). */
      enjoinsPresident: z.boolean().optional(),
    }),
    findings: InjunctionFindings,
    /** FRCP 65(a)(1): whether the adverse party had notice; absent where the record does not say. */
    notice: z.boolean().optional(),
    /** FRCP 65(c): the security the movant must give, or why none ('united-states': the last sentence of 65(c)). */
    security: z
      .strictObject({
        required: z.enum(['amount', 'nominal', 'waived', 'united-states', 'not-addressed']),
        amount: z.string().min(1).optional(),
        from: z.string().min(1).optional(),
      })
      .optional(),
    /** A TRO entered after notice and an adversary hearing is appealable like a PI (Sampson v. Murray). */
    adversaryHearing: z.boolean().optional(),
    /** FRCP 65(b)(2): a TRO expires on its own, within 14 days unless extended. */
    expires: Instant.optional(),
    ...RulingPart,
    /** Prohibitions the motion sought that the court denies in this ruling (also those it neither grants nor defers). */
    denied: z.array(Id).min(1).optional(),
  },
  'A court grants a TRO or preliminary injunction, in full or in part: as to the prohibitions in its scope, denying or deferring the rest.',
);
export const InjunctionPendingAppealMotionFiled = kind(
  'injunctionPendingAppeal.motionFiled',
  {
    /** The docket the motion is filed on: the district case, or the appeal. */
    docket: Id,
    /** The appeal from the order that refused the movant an injunction. */
    appealDocket: Id,
    movant: z.string().min(1),
    prohibitions: z.array(Id).min(1),
    /** FRAP 8(a)(2)(A): why a motion in the court of appeals did not wait for the district court. */
    ground: z.enum(['district-denied', 'impracticable', 'district-failed-to-afford-relief']).optional(),
  },
  'A party refused a preliminary injunction moves, while its appeal is pending, for an injunction pending appeal (FRCP 62(d); FRAP 8(a)(1)(C)).',
);
export const InjunctionPendingAppealGranted = kind(
  'injunctionPendingAppeal.granted',
  { motion: Id, scope: InjunctionGranted.shape.scope, findings: InjunctionFindings },
  'A court grants an injunction pending appeal: it binds until the appeal ends.',
);
export const InjunctionPendingAppealDenied = kind(
  'injunctionPendingAppeal.denied',
  { motion: Id, findings: InjunctionFindings.optional() },
  'A court denies a motion for an injunction pending appeal.',
);
export const InjunctionDenied = kind(
  'injunction.denied',
  {
    motion: Id,
    alsoDecides: AlsoDecides,
    findings: InjunctionFindings.optional(),
    ...RulingPart,
    /** The prohibitions denied; every one still pending that is not deferred, when absent. */
    prohibitions: z.array(Id).min(1).optional(),
  },
  'A court denies a motion for a TRO or preliminary injunction, in full or as to some prohibitions, deferring the rest.',
);
export const InjunctionExtended = kind(
  'injunction.extended',
  {
    injunction: Id,
    /** The new expiry instant. */
    expires: Instant,
    /** FRCP 65(b)(2): longer than a like period only if the adverse party consents. */
    byConsent: z.boolean().default(false),
  },
  'A court extends a temporary restraining order, for good cause by a like period or longer with consent (FRCP 65(b)(2)).',
);
export const MotionWithdrawn = kind(
  'motion.withdrawn',
  { motion: Id },
  'A party withdraws a pending motion before the court rules on it.',
);
export const AppealNoticed = kind(
  'appeal.noticed',
  {
    /** The order appealed from: the id of the event that entered it. */
    order: Id,
    appealDocket: Id,
    court: z.string().min(1),
    caseNumber: z.string().min(1),
    appellant: z.string().min(1),
  },
  'A party files a notice of appeal; by itself it stays nothing.',
);
export const StayMotionFiled = kind(
  'stay.motionFiled',
  {
    /** The docket the motion is filed on: the district case, or the appeal. */
    docket: Id,
    injunction: Id,
    movant: z.string().min(1),
    /** FRAP 8(a)(2)(A): why a motion in the court of appeals did not wait for the district court. */
    ground: z.enum(['district-denied', 'impracticable', 'district-failed-to-afford-relief']).optional(),
  },
  'A party moves to stay an injunction pending appeal, in the district court or the court of appeals.',
);
export const StayGranted = kind(
  'stay.granted',
  { motion: Id, prohibitions: z.array(Id).optional(), findings: StayFindings },
  'A court stays an injunction pending appeal, in full or as to some prohibitions.',
);
export const StayDenied = kind(
  'stay.denied',
  { motion: Id, findings: StayFindings.optional() },
  'A court denies a motion to stay an injunction pending appeal.',
);
export const StayApplicationFiled = kind(
  'stay.applicationFiled',
  {
    /** The Supreme Court docket of the application (`scotus-20a123`). */
    docket: Id,
    caseNumber: z.string().min(1).optional(),
    injunction: Id,
    /** The appeal below, whose judgment a petition for certiorari would review. */
    appealDocket: Id,
    applicant: z.string().min(1),
  },
  'A party applies to the Supreme Court (to the Circuit Justice, who may refer it to the Court) to stay an injunction pending appeal and the disposition of a petition for certiorari (S. Ct. R. 22-23; 28 U.S.C. 2101(f)).',
);
export const StayApplicationGranted = kind(
  'stay.applicationGranted',
  {
    motion: Id,
    prohibitions: z.array(Id).optional(),
    findings: SupremeCourtStayFindings,
  },
  'The Supreme Court stays an injunction pending the disposition of the appeal and of a petition for certiorari: the stay outlives the mandate below, and ends if certiorari is denied.',
);
export const StayApplicationDenied = kind(
  'stay.applicationDenied',
  { motion: Id },
  'The Supreme Court (or the Circuit Justice) denies an application for a stay.',
);
/** The Supreme Court's disposition of a case it took on certiorari, as to the judgment of the court of appeals. */
export const CertiorariDisposition = z.enum(['affirmed', 'reversed', 'vacated']);
export type CertiorariDisposition = z.infer<typeof CertiorariDisposition>;
export const CertiorariPetitioned = kind(
  'certiorari.petitioned',
  {
    /** The appeal whose judgment the petition asks the Supreme Court to review. */
    appealDocket: Id,
    /** The Supreme Court docket of the petition (`scotus-20-1234`). */
    docket: Id,
    caseNumber: z.string().min(1).optional(),
    petitioner: z.string().min(1),
    /** Days a Justice extended the time to petition, for good cause (28 U.S.C. 2101(c); S. Ct. R. 13.5): up to 60. */
    timeExtendedDays: z.number().int().min(1).max(60).optional(),
  },
  'A party petitions the Supreme Court for a writ of certiorari to review the judgment of the court of appeals in an appeal, within 90 days of that judgment or of the denial of rehearing (28 U.S.C. 2101(c); S. Ct. R. 13). Filed while the mandate is stayed, it keeps the mandate stayed until the Supreme Court disposes of it (FRAP 41(d)(2)(B)).',
);
export const CertiorariGranted = kind(
  'certiorari.granted',
  { appealDocket: Id, docket: Id.optional() },
  'The Supreme Court grants a petition for certiorari: the case is before it, and a stay it granted pending the petition lasts until its judgment is sent down.',
);
export const CertiorariDenied = kind(
  'certiorari.denied',
  { appealDocket: Id, docket: Id.optional() },
  'The Supreme Court denies a petition for certiorari to review the judgment in an appeal; a stay it granted pending the petition ends, and a stayed mandate issues. The petition itself need not be in the log.',
);
export const CertiorariDecided = kind(
  'certiorari.decided',
  { appealDocket: Id, docket: Id.optional(), disposition: CertiorariDisposition },
  "The Supreme Court decides a case it took on certiorari, affirming, reversing or vacating the court of appeals' judgment; the decision acts on the case below when its judgment is sent down (S. Ct. R. 45.3).",
);
export const CertiorariJudgmentSent = kind(
  'certiorari.judgmentSent',
  {
    appealDocket: Id,
    docket: Id.optional(),
    /** The Court shortened the time, or sent its judgment down at once (S. Ct. R. 45.2-45.3). */
    forthwith: z.boolean().default(false),
  },
  "The Clerk of the Supreme Court sends the court below a copy of the Court's opinion and a certified copy of its judgment (S. Ct. R. 45.3): the judgment then acts on the case below, and a stay the Court granted pending certiorari ends.",
);
export const StayVacated = kind(
  'stay.vacated',
  {
    stay: Id,
    /** The docket of the court that vacates it: the court that entered the stay, or the court of appeals. */
    docket: Id,
  },
  'On a motion to vacate a stay pending appeal, the court that entered it, or the court of appeals hearing the appeal, vacates it; the injunction binds again.',
);
export const StayModified = kind(
  'stay.modified',
  {
    stay: Id,
    docket: Id,
    /** The prohibitions the stay covers from now on. */
    prohibitions: z.array(Id).min(1),
  },
  'On a motion to modify a stay pending appeal, a court narrows or widens the prohibitions it covers.',
);
export const AppealHeldInAbeyance = kind(
  'appeal.heldInAbeyance',
  { appealDocket: Id },
  'The court of appeals holds an appeal in abeyance.',
);
export const AppealAbeyanceLifted = kind(
  'appeal.abeyanceLifted',
  { appealDocket: Id },
  'The court of appeals takes an appeal out of abeyance.',
);
export const AppealDecided = kind(
  'appeal.decided',
  { appealDocket: Id, disposition: z.enum(['affirmed', 'reversed', 'vacated']) },
  'The court of appeals decides an appeal.',
);
export const AppealMandateIssued = kind(
  'appeal.mandateIssued',
  {
    appealDocket: Id,
    /** The court directed the mandate to issue forthwith, without the usual wait (FRAP 41(b)). */
    forthwith: z.boolean().default(false),
  },
  'The court of appeals issues its mandate: its judgment takes effect in the district court (FRAP 41(b)-(c)).',
);
export const AppealRehearingSought = kind(
  'appeal.rehearingSought',
  { appealDocket: Id, petitioner: z.string().min(1) },
  'A party petitions the court of appeals for panel or en banc rehearing; a timely petition holds the mandate (FRAP 40, 41(b)).',
);
export const AppealRehearingDenied = kind(
  'appeal.rehearingDenied',
  { appealDocket: Id },
  'The court of appeals denies rehearing; the mandate issues 7 days later unless stayed (FRAP 41(b), (d)).',
);
export const AppealRehearingGranted = kind(
  'appeal.rehearingGranted',
  { appealDocket: Id, enBanc: z.boolean().default(false) },
  'The court of appeals grants panel or en banc rehearing: the appeal is pending again, to be decided anew (FRAP 35, 40).',
);
export const AppealMandateStayMotionFiled = kind(
  'appeal.mandateStayMotionFiled',
  { appealDocket: Id, movant: z.string().min(1) },
  'A party moves the court of appeals to stay its mandate pending a petition for certiorari; the motion holds the mandate until it is decided (FRAP 41(b), (d)).',
);
export const AppealMandateStayGranted = kind(
  'appeal.mandateStayGranted',
  {
    appealDocket: Id,
    /** FRAP 41(d)(1): the motion showed that the petition would present a substantial question, and good cause. */
    substantialQuestion: z.boolean(),
    goodCause: z.boolean(),
  },
  'The court of appeals stays its mandate pending a petition for certiorari (FRAP 41(d)).',
);
export const AppealMandateStayDenied = kind(
  'appeal.mandateStayDenied',
  { appealDocket: Id },
  'The court of appeals denies a motion to stay its mandate; the mandate issues 7 days later (FRAP 41(b)).',
);
export const AppealDismissed = kind(
  'appeal.dismissed',
  {
    appealDocket: Id,
    reason: z.enum(['voluntary', 'moot', 'jurisdiction']),
    /**
     * Munsingwear vacatur of the order appealed from: equitable, never automatic (U.S. Bancorp v. Bonner Mall).
     * true and false are read as granted and refused; absent, the record does not say.
     */
    vacatur: z.union([z.enum(['granted', 'refused', 'unknown']), z.boolean()]).optional(),
    mootness: MootnessFinding.optional(),
  },
  'An appeal is dismissed, voluntarily or as moot.',
);
export const CaseDismissed = kind(
  'case.dismissed',
  {
    docket: Id,
    reason: z.enum(['voluntary', 'moot', 'merits', 'settled']),
    mootness: MootnessFinding.optional(),
  },
  'A district-court case is dismissed; its preliminary relief ends with it.',
);
export const CaseProceedingsStayed = kind(
  'case.proceedingsStayed',
  { docket: Id },
  'The district court stays proceedings in a case (for example pending an appeal); the case stays open.',
);
export const CaseProceedingsResumed = kind(
  'case.proceedingsResumed',
  { docket: Id },
  'The district court lifts its stay of proceedings.',
);
export const CaseJudgment = kind(
  'case.judgment',
  {
    docket: Id,
    /** Who the final judgment is for. */
    for: z.enum(['plaintiffs', 'defendants', 'in-part']),
    /** A permanent injunction the judgment enters; a preliminary injunction merges into the judgment. */
    permanentInjunction: z
      .strictObject({
        prohibitions: z.array(Id).min(1),
        defendants: z.array(z.string().min(1)).min(1),
        nationwide: z.boolean(),
        protects: z.array(z.string().min(1)).optional(),
      })
      .optional(),
  },
  'The district court enters final judgment, ending the case; it may enter a permanent injunction.',
);
/**
 * Relief entered in a case the log does not hold: another court's injunction against the same prohibitions,
 * recorded from that court's record (its `sources`). Its legal effect counts exactly as if that case were in
 * the log: it is an injunction with an external forum, in the injunction chart, and it binds, is stayed and
 * ends as an injunction entered here would. The other case's docket must not be one the log holds (its own
 * grant is then the record).
 */
export const ReliefEnteredElsewhere = kind(
  'relief.enteredElsewhere',
  {
    court: z.string().min(1),
    /** The other case's docket, as an id (`ddc-20-cv-2345`); never a docket this log holds. */
    docket: Id,
    caseNumber: z.string().min(1),
    caption: z.string().min(1),
    relief: z.enum(['tro', 'preliminary', 'permanent']),
    /** The prohibitions it enjoins, whom it binds and whom it protects, as an `injunction.granted` scope. */
    scope: InjunctionGranted.shape.scope,
    /** FRCP 65(b)(2): a TRO expires on its own. */
    expires: Instant.optional(),
  },
  "Another court's injunction in a case this log does not hold, with its source: it binds as if that case were in the log.",
);
export const ReliefStayedElsewhere = kind(
  'relief.stayedElsewhere',
  {
    /** The relief stayed: the id of the `relief.enteredElsewhere` event. */
    injunction: Id,
    court: z.string().min(1),
    /** The prohibitions the stay covers; all the relief covers, when absent. */
    prohibitions: z.array(Id).min(1).optional(),
  },
  'A court stays, pending appeal, relief entered in a case this log does not hold; the stay lasts until it is lifted or the relief ends (recorded as events: the log does not hold that appeal).',
);
export const ReliefStayLiftedElsewhere = kind(
  'relief.stayLiftedElsewhere',
  {
    /** The stay lifted: the id of the `relief.stayedElsewhere` event. */
    stay: Id,
  },
  'A stay of relief entered elsewhere ends (the mandate affirming it issues, or the appeal is dismissed): the relief binds again.',
);
export const ReliefEndedElsewhere = kind(
  'relief.endedElsewhere',
  {
    /** The relief ended: the id of the `relief.enteredElsewhere` event. */
    injunction: Id,
    /** Vacated (reversed on appeal, or vacated), dissolved (its case ended), or superseded by a later injunction. */
    how: z.enum(['vacated', 'dissolved', 'superseded']),
  },
  'Relief entered in a case this log does not hold ends there: vacated, dissolved, or superseded; its stays end with it.',
);
export const ContextNote = kind(
  'context.note',
  {
    category: z.enum([
      'company-action',
      'mitigation-proposal',
      'usage-figure',
      'hearing',
      'scheduling',
      'filing',
      'statement',
      'other',
    ]),
    actor: z.string().optional(),
    /** Where the record falls silent: from this note on, a region's phase is shown as unknown (`says`) until it changes. */
    unknownAfter: z
      .strictObject({ region: z.enum(['executive', 'suit', 'relief', 'appeal']), says: z.string().min(1) })
      .optional(),
  },
  'Something that belongs on the timeline but moves no legal state.',
);

export const CaseEvent = z.discriminatedUnion('type', [
  OrderSigned,
  OrderRevoked,
  IdentificationAnnounced,
  IdentificationDatesChanged,
  IdentificationWithdrawn,
  IdentificationRescinded,
  IdentificationSuspended,
  IdentificationEnforcementResumed,
  GovernmentPosition,
  ComplaintFiled,
  ComplaintAmended,
  InjunctionMotionFiled,
  InjunctionGranted,
  InjunctionDenied,
  InjunctionPendingAppealMotionFiled,
  InjunctionPendingAppealGranted,
  InjunctionPendingAppealDenied,
  InjunctionExtended,
  MotionWithdrawn,
  AppealNoticed,
  StayMotionFiled,
  StayGranted,
  StayDenied,
  StayApplicationFiled,
  StayApplicationGranted,
  StayApplicationDenied,
  CertiorariPetitioned,
  CertiorariGranted,
  CertiorariDenied,
  CertiorariDecided,
  CertiorariJudgmentSent,
  StayVacated,
  StayModified,
  AppealHeldInAbeyance,
  AppealAbeyanceLifted,
  AppealDecided,
  AppealMandateIssued,
  AppealRehearingSought,
  AppealRehearingDenied,
  AppealRehearingGranted,
  AppealMandateStayMotionFiled,
  AppealMandateStayGranted,
  AppealMandateStayDenied,
  AppealDismissed,
  CaseDismissed,
  CaseProceedingsStayed,
  CaseProceedingsResumed,
  CaseJudgment,
  ContextNote,
  ReliefEnteredElsewhere,
  ReliefStayedElsewhere,
  ReliefStayLiftedElsewhere,
  ReliefEndedElsewhere,
]);
export type CaseEvent = z.infer<typeof CaseEvent>;
export type CaseEventInput = z.input<typeof CaseEvent>;
export type EventType = CaseEvent['type'];
export type EventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;

/** The event kinds, in the union's order: the zod-free list of `vocabulary.ts`, held to the union by a test. */
export const EVENT_TYPES: readonly EventType[] = EVENT_TYPE_NAMES;
// The list names every kind of the union and nothing else: a compile error here names the difference.
export const EVENT_TYPES_MATCH_THE_UNION: [EventType, (typeof EVENT_TYPE_NAMES)[number]] extends [
  (typeof EVENT_TYPE_NAMES)[number],
  EventType,
]
  ? true
  : never = true;

/** The description of each event kind, read from its schema. */
export function describeEventType(type: EventType): string {
  const option = CaseEvent.options.find((o) => o.shape.type.value === type);
  return option?.description ?? type;
}
