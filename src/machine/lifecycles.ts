/**
 * The lifecycle of each kind of legal object in a challenge to an executive action, one statechart each:
 * its states, and arrows labelled by the event kinds that take them and guarded by the rules of the
 * registry. These charts are the legal model: replay steps them (`case.ts`), and the diagrams, the page and
 * `casesim explain` draw and read them (`src/docs/graph.ts`). Nothing here names a particular case.
 *
 * An event is addressed to one object whose chart must take an arrow for the event to be accepted (its
 * primary object, `route.ts`), and may move others as a consequence (a case's dismissal moots its pending
 * motions and dissolves its injunctions). Arrows of consequence carry no acceptance rule, only, where the
 * law makes a distinction, a rule saying which way they go (`appealUndoesInjunction`).
 */
import { type Lifecycle, lifecycle } from './lifecycle.js';

const ENDINGS_OF_A_CASE = 'when the district case ends, its pending motions are moot';

const ORDER = lifecycle({
  id: 'order',
  title: 'Executive order',
  description: 'An executive order, from signature to revocation.',
  collection: 'orders',
  created: { 'order.signed': { to: 'in-force', rules: ['orderIsNew', 'provisionsAreNew'] } },
  states: {
    'in-force': {
      description: 'The order is in force; agencies may identify the transactions it prohibits.',
      on: { 'order.revoked': { to: 'revoked', rules: ['orderInForce'] } },
    },
    revoked: { description: 'The order was revoked; nothing it directed has legal force.' },
  },
});

const IDENTIFICATION = lifecycle({
  id: 'identification',
  title: 'Agency identification',
  description:
    'An agency identification of the transactions an order prohibits (under IEEPA, a notice of the Secretary of Commerce), until it is withdrawn or rescinded.',
  collection: 'identifications',
  created: {
    'identification.announced': { to: 'announced', rules: ['orderInForce', 'identificationIsNew'] },
  },
  states: {
    announced: {
      description:
        'The identification stands: its prohibitions take effect at their effective instants unless suspended or enjoined.',
      on: {
        'identification.datesChanged': {
          to: 'announced',
          rules: ['identificationActive', 'changesNameItsProhibitions'],
          description: 'the agency re-dates some of its prohibitions',
        },
        'identification.suspended': {
          to: 'announced',
          rules: ['identificationActive', 'suspensionNamesStandingProhibitions'],
          description: 'the agency suspends some of its prohibitions, or will not enforce them',
        },
        'identification.enforcementResumed': {
          to: 'announced',
          rules: ['identificationActive', 'resumptionNamesSuspendedProhibitions'],
          description: 'the agency enforces suspended prohibitions again',
        },
        'identification.withdrawn': { to: 'withdrawn', rules: ['identificationActive'] },
        'identification.rescinded': { to: 'rescinded', rules: ['identificationActive'] },
      },
    },
    withdrawn: { description: 'The agency withdrew the identification; its prohibitions bind no one.' },
    rescinded: { description: 'The agency rescinded the identification; its prohibitions bind no one.' },
  },
});

const prohibitionEndings = {
  'identification.withdrawn': { to: 'withdrawn' },
  'identification.rescinded': { to: 'rescinded' },
} as const;

const PROHIBITION = lifecycle({
  id: 'prohibition',
  title: 'Prohibition',
  description:
    'One prohibited transaction an identification names, with its own effective instant. Whether it binds at an instant is read from this state, that instant, and the injunctions and stays in the record (effects.ts): time passing is not an event.',
  collection: 'prohibitions',
  created: {
    'identification.announced': { to: 'scheduled', description: 'named by the identification' },
    'order.signed': {
      to: 'scheduled',
      description: 'a section of the order that prohibits by its own force',
    },
  },
  states: {
    scheduled: {
      description:
        'Announced with an effective instant: it binds from that instant on, unless an injunction in force and not stayed covers it.',
      on: {
        'identification.datesChanged': { to: 'scheduled', description: 're-dated by the agency' },
        'identification.suspended': { to: 'suspended' },
        'order.revoked': { to: 'order-revoked' },
        ...prohibitionEndings,
      },
    },
    suspended: {
      description:
        'The agency has suspended it or will not enforce it pending further developments: it binds no one until enforcement resumes, or until the end the suspension named (it lapses then with no event).',
      on: {
        'identification.enforcementResumed': { to: 'scheduled' },
        'identification.suspended': {
          to: 'suspended',
          description: 'suspended anew, once the end its suspension named has passed',
        },
        'identification.datesChanged': { to: 'suspended', description: 're-dated by the agency' },
        'order.revoked': { to: 'order-revoked' },
        ...prohibitionEndings,
      },
    },
    'order-revoked': {
      description: 'The order behind it was revoked: it has no legal basis, whatever the agency does next.',
      on: prohibitionEndings,
    },
    withdrawn: { description: 'Its identification was withdrawn.' },
    rescinded: { description: 'Its identification was rescinded.' },
  },
});

const DISTRICT_CASE = lifecycle({
  id: 'district-case',
  title: 'District case',
  description: 'A civil action in a district court, from complaint to dismissal or final judgment.',
  collection: 'suits',
  created: { 'complaint.filed': { to: 'open', rules: ['docketIsNew'] } },
  states: {
    open: {
      description: 'The case is pending in the district court.',
      on: {
        'complaint.amended': { to: 'open', rules: ['suitOpen'] },
        'case.proceedingsStayed': { to: 'proceedings-stayed', rules: ['suitOpen'] },
        'case.dismissed': { to: 'dismissed', rules: ['suitOpen', 'mootnessIsTheCourtsFinding'] },
        'case.judgment': { to: 'judgment', rules: ['suitOpen', 'judgmentScopeNamesKnownProhibitions'] },
      },
    },
    'proceedings-stayed': {
      description:
        'The court has stayed proceedings: the case is still pending, and its injunctions stay in force, but it does not move.',
      on: {
        'case.proceedingsResumed': { to: 'open', rules: ['proceedingsStayed'] },
        'case.dismissed': { to: 'dismissed', rules: ['suitOpen', 'mootnessIsTheCourtsFinding'] },
      },
    },
    dismissed: { description: 'The case was dismissed; its preliminary relief ended with it.' },
    judgment: { description: 'Final judgment was entered; preliminary relief merged into it.' },
  },
});

const mooted = {
  'case.dismissed': { to: 'moot', description: ENDINGS_OF_A_CASE },
  'case.judgment': { to: 'moot', description: ENDINGS_OF_A_CASE },
  'appeal.decided': { to: 'moot', description: 'when the appeal it was filed in ends, it is moot' },
  'appeal.dismissed': { to: 'moot', description: 'when the appeal it was filed in ends, it is moot' },
} as const;

/** What every grant of a TRO or preliminary injunction must satisfy, in the order the rules are checked. */
const GRANT_RULES = [
  'injunctionMotionPending',
  'rulingOnUndecidedPart',
  'scopeNamesKnownProhibitions',
  'magistrateJudgeHasConsent',
  'partyScopeNamesProtectedParties',
  'injunctionBindsSomeone',
  'preliminaryInjunctionOnNotice',
  'findingsMeetTheTest',
  'troExpiresWithin14Days',
  'securityAsRule65cAllows',
] as const;

const DENIAL_RULES = [
  'injunctionMotionPending',
  'rulingOnUndecidedPart',
  'magistrateJudgeHasConsent',
] as const;

const DEFERS = 'the court rules on part and defers the rest (FRCP 65): the motion stays pending as to it';

/**
 * A ruling on an injunction motion: one that defers nothing decides the motion, which was granted if any
 * ruling on it granted relief; one that defers part of it (some prohibitions, or the PI of a motion seeking
 * a TRO and a PI) leaves it partly decided.
 */
const injunctionRulings = {
  'injunction.granted': [
    { to: 'granted', rules: [...GRANT_RULES, 'rulingDecidesTheRest'] },
    { to: 'partly-decided', rules: GRANT_RULES, description: DEFERS },
  ],
  'injunction.denied': [
    {
      to: 'granted',
      rules: [...DENIAL_RULES, 'rulingDecidesTheRest', 'motionGrantedInPart'],
      description: 'the rest denied, after an earlier ruling granted part',
    },
    { to: 'denied', rules: [...DENIAL_RULES, 'rulingDecidesTheRest'] },
    { to: 'partly-decided', rules: DENIAL_RULES, description: DEFERS },
  ],
} as const;

const MOTION = lifecycle({
  id: 'motion',
  title: 'Motion (TRO, preliminary injunction, stay pending appeal)',
  description:
    'A motion for a temporary restraining order, a preliminary injunction, or a stay of an injunction pending appeal, until it is ruled on, withdrawn or mooted.',
  collection: 'motions',
  created: {
    'injunction.motionFiled': {
      to: 'pending',
      rules: ['suitOpen', 'motionTargetsKnownProhibitions', 'reliefSoughtOnce'],
    },
    'stay.motionFiled': {
      to: 'pending',
      rules: [
        'reliefEnteredInThisLog',
        'stayTargetsInjunctionInForce',
        'stayForumHasTheCase',
        'moveFirstInDistrictCourt',
      ],
    },
    'injunctionPendingAppeal.motionFiled': {
      to: 'pending',
      rules: ['appealFromARefusal', 'pendingAppealForumHasTheCase', 'pendingAppealMovedFirstBelow'],
    },
    'stay.applicationFiled': {
      to: 'pending',
      rules: [
        'reliefEnteredInThisLog',
        'stayTargetsInjunctionInForce',
        'applicationFollowsTheAppeal',
        'reviewStillPending',
        'soughtFirstInTheCourtsBelow',
      ],
    },
  },
  states: {
    pending: {
      description: 'The motion awaits the court’s ruling.',
      on: {
        'injunction.granted': injunctionRulings['injunction.granted'],
        'injunction.denied': injunctionRulings['injunction.denied'].slice(1),
        'stay.granted': {
          to: 'granted',
          rules: [
            'stayMotionPending',
            'stayedInjunctionStillInForce',
            'appealNotOver',
            'stayScopeWithinInjunction',
            'stayFindingsMeetNken',
          ],
        },
        'stay.denied': { to: 'denied', rules: ['stayMotionPending'] },
        'stay.applicationGranted': {
          to: 'granted',
          rules: [
            'stayMotionPending',
            'stayedInjunctionStillInForce',
            'reviewStillPending',
            'supremeCourtStayFindings',
          ],
        },
        'stay.applicationDenied': { to: 'denied', rules: ['stayMotionPending'] },
        'injunctionPendingAppeal.granted': {
          to: 'granted',
          rules: ['pendingAppealMotionPending', 'pendingAppealFindingsMeetTheTest'],
        },
        'injunctionPendingAppeal.denied': { to: 'denied', rules: ['pendingAppealMotionPending'] },
        'motion.withdrawn': { to: 'withdrawn', rules: ['motionPending'] },
        ...mooted,
      },
    },
    'partly-decided': {
      description:
        'The court has ruled on part of the motion (granted or denied as to some prohibitions, or ruled on the TRO of a motion for a TRO and a PI) and deferred the rest: it is still pending as to the deferred part.',
      on: {
        ...injunctionRulings,
        'motion.withdrawn': [
          {
            to: 'granted',
            rules: ['motionPending', 'motionGrantedInPart'],
            description: 'the deferred part withdrawn, after part was granted',
          },
          { to: 'denied', rules: ['motionPending'], description: 'the deferred part withdrawn' },
        ],
        ...mooted,
      },
    },
    granted: { description: 'The court granted the motion, in full or in part.' },
    denied: { description: 'The court denied the motion.' },
    withdrawn: { description: 'The movant withdrew the motion before a ruling.' },
    moot: { description: 'The case or appeal the motion was filed in ended before a ruling.' },
  },
});

const injunctionEndings = {
  'case.dismissed': {
    to: 'dissolved',
    description: 'preliminary relief does not outlive the action it was granted in',
  },
  'case.judgment': [
    { to: 'superseded', rules: ['judgmentEntersPermanentInjunction'] },
    { to: 'dissolved', description: 'a judgment without an injunction dissolves it' },
  ],
} as const;

/** How relief entered elsewhere ends there: the record says how, and a rule reads it (vacated, superseded, else dissolved). */
const endedElsewhere = {
  'relief.endedElsewhere': [
    { to: 'vacated', rules: ['externalReliefStands', 'reliefVacatedElsewhere'] },
    { to: 'superseded', rules: ['externalReliefStands', 'reliefSupersededElsewhere'] },
    { to: 'dissolved', rules: ['externalReliefStands'] },
  ],
} as const;

const INJUNCTION = lifecycle({
  id: 'injunction',
  title: 'Injunction (TRO, preliminary or permanent)',
  description:
    'An injunction a court has entered: in force (a TRO also lapses at its expiry instant, FRCP 65(b)(2)), stayed pending appeal, and ended by dissolution, vacatur or a judgment that supersedes it.',
  collection: 'injunctions',
  created: {
    'injunction.granted': { to: 'in-force', description: 'the grant of a TRO or preliminary injunction' },
    'case.judgment': { to: 'in-force', description: 'a permanent injunction entered with final judgment' },
    'relief.enteredElsewhere': {
      to: 'in-force',
      rules: [
        'reliefCaseNotInLog',
        'scopeNamesKnownProhibitions',
        'partyScopeNamesProtectedParties',
        'injunctionBindsSomeone',
      ],
      description: 'forum: external: relief another court entered in a case the log does not hold',
    },
    'injunctionPendingAppeal.granted': { to: 'in-force', description: 'an injunction pending appeal' },
  },
  states: {
    'in-force': {
      description:
        'The injunction binds the enjoined parties as to the prohibitions it covers (a TRO only until its expiry instant). An appeal by itself does not stay it (FRCP 62(c)).',
      on: {
        'stay.granted': { to: 'stayed' },
        'stay.applicationGranted': { to: 'stayed' },
        'injunction.extended': { to: 'in-force', rules: ['troInForce', 'troExtensionWithinLimit'] },
        // A reversal acts when the mandate issues, not when the decision is filed (FRAP 41(c)).
        'appeal.mandateIssued': [
          {
            to: 'dissolved',
            rules: ['pendingAppealRelief'],
            description: 'an injunction pending appeal ends with the appeal',
          },
          { to: 'vacated', rules: ['appealUndoesInjunction'] },
        ],
        'appeal.dismissed': [
          {
            to: 'dissolved',
            rules: ['pendingAppealRelief'],
            description: 'an injunction pending appeal ends with the appeal',
          },
          { to: 'vacated', rules: ['vacaturOrdered'] },
        ],
        // The Supreme Court's judgment on certiorari acts when it is sent down (S. Ct. R. 45.3).
        'certiorari.judgmentSent': { to: 'vacated', rules: ['supremeCourtUndoesInjunction'] },
        ...injunctionEndings,
        'relief.stayedElsewhere': { to: 'stayed', description: 'relief entered elsewhere, stayed there' },
        ...endedElsewhere,
      },
    },
    stayed: {
      description:
        'A stay pending appeal suspends the injunction, in whole or as to some prohibitions: those bind again while the stay lasts.',
      on: {
        'stay.granted': { to: 'stayed' },
        'stay.applicationGranted': { to: 'stayed' },
        'stay.vacated': [
          { to: 'stayed', rules: ['anotherStayHolds'] },
          { to: 'in-force', description: 'restored: the stay that suspended it is vacated' },
        ],
        'certiorari.denied': [
          { to: 'stayed', rules: ['aStayPendingAppealHolds'] },
          { to: 'in-force', description: 'restored: the Supreme Court stay ends when certiorari is denied' },
        ],
        'appeal.mandateIssued': [
          { to: 'vacated', rules: ['appealUndoesInjunction'] },
          { to: 'stayed', rules: ['stayPendingCertiorari'] },
          { to: 'in-force', description: 'reinstated: the stays pending appeal end with the mandate' },
        ],
        'certiorari.judgmentSent': [
          { to: 'vacated', rules: ['supremeCourtUndoesInjunction'] },
          { to: 'stayed', rules: ['aStayPendingAppealHolds'] },
          {
            to: 'in-force',
            description: "restored: the Supreme Court stay ends when the Court's judgment is sent down",
          },
        ],
        'appeal.dismissed': [
          { to: 'vacated', rules: ['vacaturOrdered'] },
          { to: 'in-force', description: 'reinstated: the stays pending appeal end with the appeal' },
        ],
        ...injunctionEndings,
        'relief.stayedElsewhere': { to: 'stayed' },
        'relief.stayLiftedElsewhere': [
          { to: 'stayed', rules: ['anotherStayHolds'], description: 'another stay of it still holds' },
          { to: 'in-force', description: 'relief entered elsewhere, reinstated when its stay there ends' },
        ],
        ...endedElsewhere,
      },
    },
    dissolved: {
      description:
        'The injunction was dissolved (its case ended without a permanent injunction), or, granted pending appeal, its appeal ended.',
    },
    vacated: { description: 'The court of appeals reversed or vacated the injunction.' },
    superseded: { description: 'Final judgment entered a permanent injunction in its place.' },
  },
});

const appealEnds =
  'a stay pending appeal lasts only as long as the appeal: until the mandate issues, or the appeal is dismissed';

const STAY = lifecycle({
  id: 'stay',
  title: 'Stay pending appeal',
  description:
    'A stay of an injunction pending appeal: it lives only as long as the appeal from that injunction (FRAP 8; FRCP 62(d)).',
  collection: 'stays',
  created: {
    'stay.granted': { to: 'in-force' },
    'relief.stayedElsewhere': {
      to: 'in-force',
      rules: ['externalReliefStands', 'externalStayWithinRelief'],
      description: 'a stay of relief entered elsewhere, recorded from that court',
    },
    'stay.applicationGranted': { to: 'in-force', description: 'a Supreme Court stay pending certiorari' },
  },
  states: {
    'in-force': {
      description: 'The stay suspends the injunction as to the prohibitions it names.',
      on: {
        'relief.stayLiftedElsewhere': {
          to: 'ended',
          rules: ['externalStayInForce'],
          description: 'a stay of relief entered elsewhere ends there (its appeal ends, or it is lifted)',
        },
        'relief.endedElsewhere': { to: 'ended', description: 'the relief it stayed ended there' },
        'stay.vacated': { to: 'ended', rules: ['stayCourtHasTheCase'] },
        'stay.modified': { to: 'in-force', rules: ['stayCourtHasTheCase', 'modifiedStayWithinInjunction'] },
        // A Supreme Court stay pending certiorari is not addressed by the mandate: it outlives it (route.ts).
        'appeal.mandateIssued': { to: 'ended', description: appealEnds },
        'certiorari.denied': {
          to: 'ended',
          description: 'a Supreme Court stay ends when certiorari is denied',
        },
        'certiorari.judgmentSent': {
          to: 'ended',
          description:
            "a Supreme Court stay ends when, certiorari granted, the Court's judgment is sent down",
        },
        'appeal.dismissed': { to: 'ended', description: appealEnds },
        'case.dismissed': { to: 'ended', description: 'the injunction it stayed ended with its case' },
        'case.judgment': { to: 'ended', description: 'the injunction it stayed ended with its case' },
      },
    },
    ended: { description: 'The stay has ended.' },
  },
});

const APPEAL = lifecycle({
  id: 'appeal',
  title: 'Appeal',
  description:
    'An appeal in the court of appeals, from the notice of appeal to the mandate, or to its dismissal.',
  collection: 'appeals',
  created: {
    'appeal.noticed': {
      to: 'pending',
      rules: [
        'reliefEnteredInThisLog',
        'appealDocketIsNew',
        'appealableOrder',
        'appealToItsCircuit',
        'appealTimely',
      ],
    },
  },
  states: {
    pending: {
      description:
        'The appeal is pending. By itself it stays nothing: an injunction appealed from stays in force unless a court stays it (FRCP 62(c)).',
      on: {
        'appeal.heldInAbeyance': { to: 'in-abeyance', rules: ['appealPending'] },
        'appeal.decided': { to: 'decided', rules: ['appealPending'] },
        'appeal.dismissed': { to: 'dismissed', rules: ['appealNotEnded', 'mootnessIsTheCourtsFinding'] },
      },
    },
    'in-abeyance': {
      description: 'The appeal is held in abeyance: still pending, but set aside.',
      on: {
        'appeal.abeyanceLifted': { to: 'pending', rules: ['appealInAbeyance'] },
        'appeal.dismissed': { to: 'dismissed', rules: ['appealNotEnded', 'mootnessIsTheCourtsFinding'] },
      },
    },
    decided: {
      description:
        'The court of appeals has decided the appeal; its mandate has not issued yet. Until it does, the decision does not act on the injunction appealed from, and a stay pending appeal stays in place (FRAP 41(b)-(c)).',
      on: {
        'appeal.mandateIssued': { to: 'mandate-issued', rules: ['appealDecided', 'mandateTimely'] },
        'appeal.rehearingSought': { to: 'rehearing-sought', rules: ['rehearingTimely'] },
        'appeal.mandateStayMotionFiled': { to: 'mandate-stay-sought', rules: ['mandateStayMotionTimely'] },
        'certiorari.denied': {
          to: 'decided',
          rules: ['certiorariAfterDecision', 'denialAnswersThePetition'],
          description: 'the judgment below stands',
        },
      },
    },
    'rehearing-sought': {
      description:
        'A timely petition for rehearing is pending: it holds the mandate until the court rules (FRAP 40, 41(b)).',
      on: {
        'appeal.rehearingDenied': { to: 'decided', rules: ['rehearingPending'] },
        'appeal.rehearingGranted': { to: 'pending', rules: ['rehearingPending'] },
      },
    },
    'mandate-stay-sought': {
      description:
        'A motion to stay the mandate pending a petition for certiorari is before the court: it holds the mandate until the court rules (FRAP 41(b), (d)(1)).',
      on: {
        'appeal.mandateStayGranted': {
          to: 'mandate-stayed',
          rules: ['mandateStayMotionPending', 'mandateStayShowsSubstantialQuestion'],
        },
        'appeal.mandateStayDenied': { to: 'decided', rules: ['mandateStayMotionPending'] },
      },
    },
    'mandate-stayed': {
      description:
        'The mandate is stayed pending a petition for certiorari: the decision still does not act on the injunction appealed from, and a stay pending appeal stays in place. The stay lasts 90 days, or, if a petition is filed within them, until the Supreme Court disposes of it (FRAP 41(d)(2)).',
      on: {
        'appeal.mandateIssued': { to: 'mandate-issued', rules: ['mandateStayRunOut'] },
        'certiorari.denied': {
          to: 'mandate-stayed',
          rules: ['certiorariAfterDecision', 'denialAnswersThePetition'],
          description: 'the mandate now issues forthwith (FRAP 41(d)(4))',
        },
      },
    },
    'mandate-issued': {
      description: 'The mandate has issued: the judgment of the court of appeals is in the district court.',
      on: {
        'certiorari.denied': {
          to: 'mandate-issued',
          rules: ['certiorariAfterDecision', 'denialAnswersThePetition'],
          description: 'the judgment below stands',
        },
      },
    },
    dismissed: {
      description: 'The appeal was dismissed, voluntarily, as moot, or for want of jurisdiction.',
    },
  },
});

const CERTIORARI = lifecycle({
  id: 'certiorari',
  title: 'Petition for certiorari',
  description:
    "A petition to the Supreme Court for a writ of certiorari to review the judgment of the court of appeals in an appeal: pending until denied or granted, and once granted, until the Court decides the case and its judgment is sent down to the court below (28 U.S.C. 1254(1); S. Ct. R. 10-16, 45). One petition per appeal; a denial may be recorded without it (the appeal's chart takes the denial).",
  collection: 'petitions',
  created: {
    'certiorari.petitioned': {
      to: 'pending',
      rules: ['petitionReviewsADecidedAppeal', 'certiorariPetitionTimely'],
    },
  },
  states: {
    pending: {
      description:
        'The petition awaits the Court: a stayed mandate stays stayed while it does, if the petition was filed within the stay (FRAP 41(d)(2)(B)).',
      on: {
        'certiorari.granted': { to: 'granted', rules: ['certiorariInOrder', 'petitionDocketMatches'] },
        'certiorari.denied': { to: 'denied', description: 'the petition is denied' },
      },
    },
    granted: {
      description:
        'Certiorari granted: the case is before the Supreme Court, and a stay it granted pending certiorari lasts until its judgment is sent down.',
      on: {
        'certiorari.decided': { to: 'decided', rules: ['certiorariInOrder', 'petitionDocketMatches'] },
      },
    },
    decided: {
      description:
        'The Supreme Court has decided the case; its judgment acts on the case below when it is sent down (S. Ct. R. 45.3).',
      on: {
        'certiorari.judgmentSent': {
          to: 'judgment-sent',
          rules: ['certiorariInOrder', 'petitionDocketMatches', 'judgmentSentInTime'],
        },
      },
    },
    denied: { description: 'Certiorari was denied: the judgment below stands.' },
    'judgment-sent': {
      description:
        "The Supreme Court's judgment has been sent down: the Court has finally disposed of the case.",
    },
  },
});

/** Every lifecycle, in the order the docs present them. */
export const LIFECYCLES: readonly Lifecycle[] = [
  ORDER,
  IDENTIFICATION,
  PROHIBITION,
  DISTRICT_CASE,
  MOTION,
  INJUNCTION,
  STAY,
  APPEAL,
  CERTIORARI,
];

export type LifecycleId =
  | 'order'
  | 'identification'
  | 'prohibition'
  | 'district-case'
  | 'motion'
  | 'injunction'
  | 'stay'
  | 'appeal'
  | 'certiorari';

const BY_ID = new Map(LIFECYCLES.map((l) => [l.id, l]));

export function lifecycleById(id: LifecycleId): Lifecycle {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`no lifecycle ${id}`);
  return found;
}
