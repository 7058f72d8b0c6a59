/**
 * The doctrines a student needs to read the machine's answers that no single guard holds: who an
 * injunction binds and who it protects, notice and security, the mandate, a magistrate judge's authority,
 * mootness and vacatur, the serious-questions scale by circuit, and the statutory limits the complaint
 * pleaded. `casesim explain` serves them as topics beside the rules; each says where the law is unsettled.
 * Paraphrase throughout: no text here is a quotation.
 */
import { CIRCUIT_LAW, type CircuitLaw } from './circuits.js';

export interface Doctrine {
  readonly name: string;
  readonly title: string;
  readonly explanation: string;
  readonly citation: string;
  /** Where the law was unsettled in 2020, what is open; absent where it was settled. */
  readonly unsettled?: string;
  /** The rules of the machine that apply it, by name. */
  readonly rules: readonly string[];
}

function slidingScaleByCircuit(): string {
  const by = (status: CircuitLaw['slidingScale']['status']) =>
    Object.values(CIRCUIT_LAW)
      .filter((c) => c.slidingScale.status === status)
      .map((c) => `${c.name} (${c.slidingScale.authority})`);
  return [
    `Allowed: ${by('allowed').join('; ')}.`,
    `Rejected: ${by('rejected').join('; ')}.`,
    `Unsettled or undecided: ${Object.values(CIRCUIT_LAW)
      .filter((c) => c.slidingScale.status === 'unsettled')
      .map((c) => c.name)
      .join(', ')}.`,
  ].join(' ');
}

export const DOCTRINES: readonly Doctrine[] = [
  {
    name: 'notice',
    title: 'Notice before a preliminary injunction (FRCP 65(a)(1))',
    explanation:
      "A preliminary injunction may issue only on notice to the adverse party, who must have a fair chance to oppose it. A TRO may issue without notice, but only on a sworn showing of immediate and irreparable injury before the adverse party can be heard and the movant's attorney's certificate of the efforts made to give notice, and it lasts at most 14 days. A TRO entered after notice and an adversary hearing is treated like a preliminary injunction, including for appeal. The WeChat injunction was entered after briefing and two hearings, with the government present.",
    citation:
      'FRCP 65(a)(1), 65(b)(1)-(2); Sampson v. Murray, 415 U.S. 61, 86-88 (1974); Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017)',
    rules: ['preliminaryInjunctionOnNotice', 'troExpiresWithin14Days', 'appealableOrder'],
  },
  {
    name: 'security',
    title: 'Security for a wrongful injunction (FRCP 65(c))',
    explanation:
      "The movant must give security in an amount the court considers proper to pay the costs and damages of a party found to have been wrongfully enjoined. The amount is in the court's discretion: in the Ninth Circuit it may be nominal, or none, where there is no realistic likelihood of harm to the enjoined party. The United States, its officers and its agencies are never required to give security. In WeChat the government asked for a bond and the users opposed it; what the order said about a bond is not recorded here.",
    citation: 'FRCP 65(c); Jorgensen v. Cassiday, 320 F.3d 906, 919 (9th Cir. 2003)',
    rules: ['securityAsRule65cAllows'],
  },
  {
    name: 'personsBound',
    title: 'Who an injunction binds (FRCP 65(d)(2))',
    explanation:
      "An injunction binds only those who receive actual notice of it and are the parties; the parties' officers, agents, servants, employees and attorneys; or others in active concert or participation with them. It binds the defendant officers who carry the order out, not the public at large, and not the President unless it says so in terms: courts do not enjoin the President in the performance of official duties, and relief runs against subordinate officers (here the Secretary of Commerce). Who is bound is a different question from who benefits (see universalRelief).",
    citation: 'FRCP 65(d)(2); Franklin v. Massachusetts, 505 U.S. 788, 802-03 (1992) (plurality)',
    unsettled:
      'Franklin left open whether the President may ever be enjoined in the performance of a ministerial duty; the plurality found it unnecessary to decide.',
    rules: ['injunctionBindsSomeone'],
  },
  {
    name: 'universalRelief',
    title: 'Universal relief and party-limited relief',
    explanation:
      'Who benefits from an injunction is the scope of equitable relief: it should be no more burdensome to the defendant than necessary to give the plaintiffs complete relief. A universal injunction bars the defendants from implementing the challenged action against anyone, parties or not; a party-limited injunction protects only the named parties, or, where the prohibitions regulate providers (app stores, hosts, payment processors) rather than users, the transactions that serve the named parties. "Nationwide" is geography: a party-limited order can run nationwide, and nationwide scope alone says nothing about non-parties. A user is never "exempt" from a prohibition that only ever regulated providers. The WeChat injunction barred implementing the identification at all, so it protected non-parties too.',
    citation:
      'Califano v. Yamasaki, 442 U.S. 682, 702 (1979); California v. Azar, 911 F.3d 558, 582-84 (9th Cir. 2018)',
    unsettled:
      'In 2020 the lawfulness of universal injunctions was contested (Trump v. Hawaii, 138 S. Ct. 2392, 2424-29 (2018) (Thomas, J., concurring); Azar required a record showing the breadth was needed). The Supreme Court curtailed them only in 2025, which is not the law of this case.',
    rules: ['partyScopeNamesProtectedParties'],
  },
  {
    name: 'mandate',
    title: "The mandate: when a court of appeals' judgment takes effect",
    explanation:
      "A court of appeals' decision does not act on the district court's order when it is filed. The mandate issues 7 days after the time to petition for rehearing expires, or 7 days after an order denying a timely petition; with the United States or its officer a party, the time to petition is 45 days after entry of judgment (FRAP 40(a)(1) as in force in 2020). The mandate is effective when issued. A timely rehearing petition, or a motion to stay the mandate pending a petition for certiorari, holds it; the court may shorten the time or issue it forthwith. Until it issues, an injunction that was reversed or vacated stays in force, and a stay pending appeal stays in place. The days are calendar days, and a period whose last day is a Saturday, Sunday or federal legal holiday runs to the next court day: decided on 28 Jan 2021, an appeal could be reheard until Monday 15 Mar (the 45th day was a Sunday), and its mandate issued on 22 Mar.",
    citation: 'FRAP 40(a)(1) (2020), 41(b)-(d), 26(a)(1); 28 U.S.C. 2101(f)',
    unsettled:
      'FRAP 40 was restructured in December 2024, and FRAP 41 restyled with it; this cites the text in force in 2020. How a stayed mandate is held by a petition for certiorari is the certiorari topic.',
    rules: [
      'appealDecided',
      'mandateTimely',
      'rehearingTimely',
      'rehearingPending',
      'appealUndoesInjunction',
    ],
  },
  {
    name: 'magistrateConsent',
    title: "A magistrate judge's authority by consent (28 U.S.C. 636(c))",
    explanation:
      'Without consent a magistrate judge may hear a motion for injunctive relief but may not decide it: only propose findings and a recommendation for a district judge. With the consent of all parties, a magistrate judge may conduct all proceedings in a civil case and order the entry of judgment, and an appeal lies directly to the court of appeals as from any district-court judgment. The WeChat case was assigned to Magistrate Judge Laurel Beeler; she could enter the preliminary injunction because the parties had consented, and the government appealed straight to the Ninth Circuit.',
    citation: '28 U.S.C. 636(b)(1)(A), 636(c)(1), 636(c)(3); FRCP 73',
    unsettled:
      'The consent itself is not in this log: it is recorded on the case where the record shows it, and the machine rejects an injunction ruling by a magistrate judge only when the record says consent was declined.',
    rules: ['magistrateJudgeHasConsent'],
  },
  {
    name: 'ieepaExceptions',
    title: 'What IEEPA does not reach (50 U.S.C. 1702(b))',
    explanation:
      "IEEPA's powers do not include the authority to regulate or prohibit, directly or indirectly, personal communications that do not involve a transfer of anything of value (1702(b)(1)), or the import or export of information or informational materials, whatever their format or medium (1702(b)(3), the Berman Amendment as broadened in 1994); the other exceptions cover donations and travel. The WeChat users pleaded both: that the ban, by shutting down the app used to talk to family and community, regulated personal communications and informational materials indirectly. The district court rested its injunction on the First Amendment claim instead.",
    citation: '50 U.S.C. 1702(b)(1), (b)(3); EO 13943',
    unsettled:
      'Whether an app ban prohibits these "indirectly" was not settled in 2020; courts in the parallel app-ban challenges read the exceptions in the users\' favour at the preliminary stage, and no court of appeals decided it.',
    rules: [],
  },
  {
    name: 'voluntaryCessation',
    title: 'Mootness and voluntary cessation',
    explanation:
      "A case becomes moot when later events make it absolutely clear that the challenged conduct cannot reasonably be expected to recur; the party asserting mootness bears a heavy burden. A government's change of policy is judged on voluntary-cessation factors (is the change entrenched or permanent, broad, unlikely to be reversed?), with some solicitude for the government. An agency withdrawing its identification while the order directing it stands does not by itself moot the challenge: the order can be implemented again. The machine records mootness as the court's finding on a dismissal, with its reason, rather than deciding it.",
    citation:
      'Friends of the Earth v. Laidlaw, 528 U.S. 167, 189 (2000); Rosebrock v. Mathis, 745 F.3d 963, 971-72 (9th Cir. 2014); Bd. of Trustees of Glazing Health & Welfare Trust v. Chambers, 941 F.3d 1195, 1197-99 (9th Cir. 2019) (en banc)',
    unsettled:
      'The Ninth Circuit presumes that repealing legislation moots a challenge to it (Chambers); whether revoking an executive order earns the same presumption, or only the Rosebrock factors, was not settled in 2020.',
    rules: ['mootnessIsTheCourtsFinding'],
  },
  {
    name: 'vacaturOnMootness',
    title: 'Vacatur when an appeal becomes moot (Munsingwear)',
    explanation:
      "When a case becomes moot on appeal, the established practice is to vacate the order below and remand with directions to dismiss, so that an order no one could appeal does not bind the parties. Vacatur is equitable, never automatic: the party seeking it must show entitlement, and a party that mooted the case by its own voluntary act (a settlement, in Bonner Mall) ordinarily cannot have it. When the government's own change of policy mooted the case, courts have nonetheless often vacated. The machine records vacatur as granted, refused or unknown; without vacatur the injunction stays on the books with nothing left to enjoin.",
    citation:
      "United States v. Munsingwear, Inc., 340 U.S. 36, 39-40 (1950); U.S. Bancorp Mortgage Co. v. Bonner Mall P'ship, 513 U.S. 18, 24-29 (1994)",
    unsettled:
      'How Bonner Mall applies when the government moots its own appeal by a new policy was contested in 2020; the WeChat record does not show whether vacatur was sought or granted.',
    rules: ['mootnessIsTheCourtsFinding'],
  },
  {
    name: 'slidingScale',
    title: 'The serious-questions scale, circuit by circuit',
    explanation: `After Winter, some circuits still let "serious questions" going to the merits stand in for likely success when the balance of hardships tips sharply toward the movant and the other factors are met; others hold Winter forbids it. The case records its circuit (from the court, under 28 U.S.C. 41) and the machine accepts the scale only where that circuit allows it. ${slidingScaleByCircuit()}`,
    citation:
      'Winter v. NRDC, 555 U.S. 7, 20-22 (2008); Alliance for the Wild Rockies v. Cottrell, 632 F.3d 1127, 1131-35 (9th Cir. 2011); 28 U.S.C. 41',
    unsettled: 'Circuits listed as unsettled had not decided the question, or had left it open, by 2020.',
    rules: ['findingsMeetTheTest'],
  },
  {
    name: 'stayTest',
    title: 'The test for a stay pending appeal',
    explanation:
      'Nken: a strong showing of likely success, irreparable injury to the applicant absent a stay, substantial injury to the other parties, and the public interest; the first two are the most critical, and when the government is the opposing party its harm and the public interest merge. The Ninth Circuit reads Nken as: probable irreparable harm, and then either a strong showing with the public interest not weighing heavily against a stay, or a substantial case on the merits with hardships tipping sharply toward the applicant.',
    citation:
      'Nken v. Holder, 556 U.S. 418, 433-35 (2009); Leiva-Perez v. Holder, 640 F.3d 962, 964-70 (9th Cir. 2011)',
    unsettled:
      "Circuits differ on whether a sliding scale survives Nken for stays; only the Ninth's test is modelled.",
    rules: ['stayFindingsMeetNken'],
  },
  {
    name: 'reliefAgainstAnOrder',
    title: 'Relief against an executive order itself',
    explanation:
      'Some executive orders prohibit by their own force, with no agency identification between the order and its effect: Executive Order 13769 itself suspended entry. A court may then restrain enforcement of the order, or of named sections of it, before any agency acts; the Washington v. Trump TRO restrained the federal defendants from enforcing sections 3(c), 5(a)-(c) and 5(e) nationwide. The machine records such sections as prohibitions the order makes (`provisions` of `order.signed`), so the injunction describes in reasonable detail what it restrains, binds the officers who would enforce it (not the President), and has nothing left to restrain once the order is revoked; whether the case is then moot is for the court. A replacement order is a new act: an injunction against the old one does not reach it.',
    citation:
      'FRCP 65(d)(1)-(2); Washington v. Trump, No. C17-0141JLR (W.D. Wash. Feb. 3, 2017) (TRO); Washington v. Trump, 847 F.3d 1151, 1158 (9th Cir. 2017); Franklin v. Massachusetts, 505 U.S. 788, 802-03 (1992)',
    unsettled:
      'Whether a court may enjoin the President himself, rather than the officers who carry an order out, was left open (Franklin, plurality). An identification does not record which section of its order it implements, so relief against named sections reaches only the sections the order itself makes; relief against a whole order that an agency implements is not modelled.',
    rules: [
      'provisionsAreNew',
      'scopeNamesKnownProhibitions',
      'troExpiresWithin14Days',
      'injunctionBindsSomeone',
    ],
  },
  {
    name: 'reliefPendingReview',
    title: 'Relief while an appeal or certiorari is pending',
    explanation:
      "While an appeal is pending, the courts can hold the status quo in four ways besides a stay pending appeal. A party refused a preliminary injunction may ask for an injunction pending appeal, first in the district court, on the preliminary-injunction test; it ends with the appeal. A stay pending appeal may be vacated or modified on motion, by the court that entered it or by the court of appeals. After the court of appeals decides, a motion to stay its mandate pending certiorari holds the mandate, and a stay of it needs a substantial question and good cause. And a party the court of appeals refused a stay may apply to the Supreme Court (stay.applicationFiled), whose stay pending certiorari outlives the mandate below and ends if certiorari is denied (certiorari.denied) or, certiorari granted, when the Court's judgment is sent down (certiorari.judgmentSent). A lower court's stay pending appeal ends with the mandate.",
    citation:
      "FRCP 62(d); FRAP 8(a)(1)-(2), 41(b), (d); S. Ct. R. 22-23; 28 U.S.C. 2101(f); Feldman v. Arizona Sec'y of State's Office, 843 F.3d 366, 367 (9th Cir. 2016) (en banc); Hollingsworth v. Perry, 558 U.S. 183, 190 (2010)",
    unsettled:
      'The standard for an injunction pending appeal outside the Ninth Circuit, and whether a movant who lost below must show more, vary by circuit; the Supreme Court\'s own injunctions pending appeal (All Writs Act, "indisputably clear" right) are not modelled. Whether a lower court\'s stay pending appeal outlives the mandate while a Supreme Court stay and the petition are pending is unsettled: the machine reads it as ending with the mandate (stayPendingCertiorari).',
    rules: [
      'appealFromARefusal',
      'pendingAppealMovedFirstBelow',
      'pendingAppealFindingsMeetTheTest',
      'pendingAppealRelief',
      'stayCourtHasTheCase',
      'mandateStayMotionTimely',
      'mandateStayShowsSubstantialQuestion',
      'mandateStayRunOut',
      'soughtFirstInTheCourtsBelow',
      'supremeCourtStayFindings',
      'stayPendingCertiorari',
    ],
  },
  {
    name: 'certiorari',
    title: 'Review on certiorari: the petition, its grant, and the judgment sent down',
    explanation:
      "A party may petition the Supreme Court for a writ of certiorari to review the judgment of the court of appeals (certiorari.petitioned) within 90 days after its entry, or after the denial of a timely petition for rehearing; a Justice may extend the time by up to 60 days. The petition does not by itself hold the mandate, but if the court of appeals stayed its mandate pending certiorari (FRAP 41(d)) and the petition is filed within the stay, the stay lasts until the Supreme Court's final disposition. The Court denies the petition (certiorari.denied), and the mandate then issues at once, or grants it (certiorari.granted), decides the case (certiorari.decided: affirmed, reversed or vacated) and, 32 days later unless it orders otherwise, sends a certified copy of its judgment to the court below instead of a formal mandate (certiorari.judgmentSent). A Supreme Court stay pending certiorari ends with the denial, or with the judgment sent down; a reversal of a judgment that affirmed the injunction ends the injunction then. A log may record a denial without the petition; where it records the petition, the denial must answer it.",
    citation:
      '28 U.S.C. 1254(1), 2101(c), (f); S. Ct. R. 10, 13, 16, 23, 45.2-45.3; FRAP 41(d)(2)(B), (d)(4) (in force in 2020)',
    unsettled:
      "What the courts below do on remand after the Supreme Court reverses or vacates is not modelled: a reversal of a judgment that vacated the injunction does not revive it, and a vacatur leaves the injunction to the courts below. Whether a lower court's stay pending appeal outlives the mandate while a Supreme Court stay is pending is unsettled; the machine ends it with the mandate. Rehearing in the Supreme Court, cross-petitions, certiorari before judgment and dismissals of petitions or writs are not modelled.",
    rules: [
      'petitionReviewsADecidedAppeal',
      'certiorariPetitionTimely',
      'mandateStayRunOut',
      'certiorariInOrder',
      'petitionDocketMatches',
      'denialAnswersThePetition',
      'certiorariAfterDecision',
      'judgmentSentInTime',
      'supremeCourtUndoesInjunction',
      'stayPendingCertiorari',
    ],
  },
];

/** The local circuit rules for a circuit: cited only for a case in that circuit. */
export function localRulesOf(circuit: keyof typeof CIRCUIT_LAW): readonly string[] {
  return CIRCUIT_LAW[circuit].localRules;
}
