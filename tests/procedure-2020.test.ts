/**
 * Procedure as a federal-courts professor would read it in 2020: the stay test the Ninth Circuit applies,
 * the preliminary-injunction standard by circuit, mootness as the court's finding, who an injunction binds
 * and who it protects, notice, security and a magistrate judge's authority. Each rule cites its authority;
 * the case is the invented Lantern case of the other scenario tests.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent, InjunctionFindings, StayFindings } from '../src/events/schema.js';
import { CIRCUIT_LAW } from '../src/machine/circuits.js';
import { RULES } from '../src/machine/rules.js';
import {
  appealDecided,
  appealNoticed,
  caseDismissed,
  complaint,
  DMD,
  datesChanged,
  enjoined,
  granted,
  identificationRescinded,
  identified,
  mandateIssued,
  motion,
  NDCAL,
  orderRevoked,
  orderSigned,
  stayGranted,
  stayMotion,
  suitWithPendingMotion,
} from './support/case-events.js';
import { given } from './support/given.js';

/** An event with some fields replaced: the scenario says only what differs from the usual builder. */
const with_ = (event: CaseEvent, fields: Record<string, unknown>): CaseEvent =>
  ({ ...event, ...fields }) as CaseEvent;

const stayWith = (findings: StayFindings, motionId = 'district-stay') =>
  with_(stayGranted('stay', motionId, '2020-10-20'), { findings });

const grantWith = (findings: Partial<InjunctionFindings>, id = 'pi-granted', motionId = 'pi-motion') => {
  const e = granted(id, motionId, '2020-09-19');
  return with_(e, { findings: { ...(e as { findings: InjunctionFindings }).findings, ...findings } });
};

const grantScope = (scope: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const e = granted('pi-granted', 'pi-motion', '2020-09-19');
  return with_(e, { scope: { ...(e as { scope: object }).scope, ...scope }, ...extra });
};

/** Findings that meet either branch of the stay test: a strong showing, and nothing weighing against. */
const STRONG_STAY: StayFindings = {
  merits: 'strong-showing',
  irreparableInjury: 'shown',
  harmToOthers: 'not-substantial',
  publicInterest: 'favors-stay',
};

const districtStayPending = () => [
  ...enjoined(),
  stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL),
];

/** The same case filed in the District of Maryland (Fourth Circuit). */
const marylandSuit = () => [
  orderSigned(),
  identified(),
  complaint('2020-09-03', DMD, 'D. Md.'),
  motion('pi-motion', '2020-09-08', 'preliminary', DMD),
];

describe('a stay pending appeal in the Ninth Circuit (Leiva-Perez v. Holder, 640 F.3d 962, 970 (9th Cir. 2011))', () => {
  it('is refused on a substantial case when hardships do not tip sharply: harm to others substantial, public interest against', () => {
    given(districtStayPending())
      .when(
        stayWith({
          merits: 'substantial-case',
          irreparableInjury: 'shown',
          harmToOthers: 'substantial',
          publicInterest: 'disfavors-stay',
        }),
      )
      .thenRejectedBy('stayFindingsMeetNken');
  });

  it('is refused on a strong showing when the public interest weighs heavily against a stay', () => {
    given(districtStayPending())
      .when(
        stayWith({
          merits: 'strong-showing',
          irreparableInjury: 'shown',
          harmToOthers: 'not-substantial',
          publicInterest: 'heavily-disfavors-stay',
        }),
      )
      .thenRejectedBy('stayFindingsMeetNken');
  });

  it('is granted on a substantial case when the balance of hardships tips sharply toward the applicant', () => {
    given(districtStayPending())
      .when(
        stayWith({
          merits: 'substantial-case',
          irreparableInjury: 'shown',
          harmToOthers: 'not-substantial',
          publicInterest: 'disfavors-stay',
          balance: 'tips-sharply',
        }),
      )
      .thenAccepted();
  });

  it('is refused without probable irreparable harm, whatever the merits (the threshold)', () => {
    given(districtStayPending())
      .when(
        stayWith({
          merits: 'strong-showing',
          irreparableInjury: 'not-shown',
          harmToOthers: 'not-substantial',
          publicInterest: 'favors-stay',
          balance: 'tips-sharply',
        }),
      )
      .thenRejectedBy('stayFindingsMeetNken');
  });

  it('outside the Ninth Circuit, Nken as written: a substantial case is not a strong showing (Nken, 556 U.S. at 434)', () => {
    const maryland = [
      ...marylandSuit(),
      granted('pi-granted', 'pi-motion', '2020-09-19'),
      stayMotion('district-stay', 'pi-granted', '2020-10-02', DMD),
    ];
    const substantial: StayFindings = {
      merits: 'substantial-case',
      irreparableInjury: 'shown',
      harmToOthers: 'not-substantial',
      publicInterest: 'favors-stay',
      balance: 'tips-sharply',
    };
    given(maryland).when(stayWith(substantial)).thenRejectedBy('stayFindingsMeetNken');
    given(maryland)
      .when(stayWith({ ...substantial, merits: 'strong-showing' }))
      .thenAccepted();
  });
});

describe("an appeal goes to the court of appeals for the district's own circuit (28 U.S.C. 1294(1))", () => {
  const marylandPi = () => [...marylandSuit(), granted('pi-granted', 'pi-motion', '2020-09-19')];

  it('an appeal from the District of Maryland to the Fourth Circuit is accepted', () => {
    given(marylandPi())
      .when(appealNoticed('appeal', 'pi-granted', '2020-10-01', 'ca4-20-1', 'Fourth Circuit'))
      .thenAccepted();
  });

  it('and to the Ninth Circuit is refused by appealToItsCircuit', () => {
    given(marylandPi())
      .when(appealNoticed('appeal', 'pi-granted', '2020-10-01', 'ca9-20-1', 'Ninth Circuit'))
      .thenRejectedBy('appealToItsCircuit');
  });

  it('a court whose circuit cannot be read from its name is not guessed at', () => {
    given(marylandPi())
      .when(appealNoticed('appeal', 'pi-granted', '2020-10-01', 'ca-20-1', 'Court of Appeals'))
      .thenAccepted();
  });
});

describe("the preliminary-injunction standard follows the case's circuit", () => {
  it('the case records its circuit: read from the court under 28 U.S.C. 41, or as the complaint gives it', () => {
    const ninth = given(suitWithPendingMotion().slice(0, 2)).when(complaint()).thenAccepted();
    expect(ninth.snapshot.context.suits[NDCAL]?.circuit).toBe('9th');
    const fourth = given([orderSigned()])
      .when(complaint('2020-09-03', DMD, 'D. Md.'))
      .thenAccepted();
    expect(fourth.snapshot.context.suits[DMD]?.circuit).toBe('4th');
    const stated = given([orderSigned()])
      .when(
        with_(complaint('2020-09-03', 'dc-1', 'District Court for the District of Columbia'), {
          circuit: 'dc',
        }),
      )
      .thenAccepted();
    expect(stated.snapshot.context.suits['dc-1']?.circuit).toBe('dc');
  });

  it('the serious-questions scale is accepted in the Ninth Circuit (Alliance for the Wild Rockies v. Cottrell)', () => {
    given(suitWithPendingMotion())
      .when(
        grantWith({ standard: 'serious-questions', merits: 'serious-questions', balance: 'tips-sharply' }),
      )
      .thenAccepted();
  });

  it('and refused in the Fourth, which holds Winter forbids it (Real Truth About Obama v. FEC, 575 F.3d 342)', () => {
    given(marylandSuit())
      .when(
        grantWith({ standard: 'serious-questions', merits: 'serious-questions', balance: 'tips-sharply' }),
      )
      .thenRejectedBy('findingsMeetTheTest');
  });

  it('likely success with a balance that tips meets the test, whatever the court called its standard (Winter, 555 U.S. at 20)', () => {
    given(suitWithPendingMotion())
      .when(grantWith({ standard: 'serious-questions', merits: 'likely', balance: 'tips' }))
      .thenAccepted();
  });

  it('with the government opposing, balance and public interest merge: one finding serves both (Nken, 556 U.S. at 435)', () => {
    given(suitWithPendingMotion())
      .when(grantWith({ publicInterest: 'not-reached' }))
      .thenAccepted();
    const privateSuit = [
      orderSigned(),
      identified(),
      with_(complaint(), { unitedStatesIsParty: false, defendants: ['Lantern Holdings'] }),
      motion('pi-motion', '2020-09-08'),
    ];
    given(privateSuit)
      .when(
        with_(grantWith({ publicInterest: 'not-reached' }), {
          scope: { prohibitions: ['app-store'], defendants: ['Lantern Holdings'], nationwide: true },
        }),
      )
      .thenRejectedBy('findingsMeetTheTest');
  });

  it('a local rule, of a circuit or of a district, is cited only where it governs: no general rule cites one', () => {
    for (const rule of Object.values(RULES)) expect(rule.citation).not.toMatch(/Cir\. R\.|L\.R\./);
    expect(CIRCUIT_LAW['9th'].localRules.join(' ')).toContain('9th Cir. R. 3-3');
    expect(CIRCUIT_LAW['4th'].localRules).toEqual([]);
  });
});

describe("mootness is a court's finding, not something the record decides (Friends of the Earth v. Laidlaw, 528 U.S. 167, 189)", () => {
  const withdrawn = (date: string) =>
    with_(identificationRescinded(date), {
      type: 'identification.withdrawn',
      id: 'identification-withdrawn',
    });

  it('an agency withdrawing its identification while the order stands does not bar relief (voluntary cessation)', () => {
    given([...suitWithPendingMotion(), withdrawn('2020-09-10')])
      .when(granted('pi-granted', 'pi-motion', '2020-09-19'))
      .thenAccepted();
  });

  it("a dismissal as moot is the court's finding, recorded with its reason", () => {
    const after = given(enjoined())
      .when(
        with_(caseDismissed('2021-06-01', 'moot'), {
          mootness: { because: 'The government represented that the identification will not be reissued.' },
        }),
      )
      .thenAccepted();
    expect(after.snapshot.context.suits[NDCAL]).toMatchObject({
      dismissedAs: 'moot',
      mootness: { because: 'The government represented that the identification will not be reissued.' },
    });
  });

  it('a finding of mootness may rest only on events in the record', () => {
    const history = [...enjoined(), orderRevoked('2021-06-09')];
    given(history)
      .when(
        with_(caseDismissed('2021-07-12', 'moot'), {
          mootness: { because: 'revoked', events: ['eo-revoked'] },
        }),
      )
      .thenAccepted();
    given(history)
      .when(
        with_(caseDismissed('2021-07-12', 'moot'), {
          mootness: { because: 'rescinded', events: ['no-such-event'] },
        }),
      )
      .thenRejectedBy('mootnessIsTheCourtsFinding');
  });

  it('the rule text judges executive action on voluntary-cessation factors and says where the law is unsettled (Rosebrock v. Mathis)', () => {
    const { explanation, citation } = RULES.mootnessIsTheCourtsFinding;
    expect(citation).toContain('Rosebrock v. Mathis, 745 F.3d 963, 971-72');
    expect(explanation).toContain('unsettled');
    expect(explanation).not.toContain('Revoking a policy creates a presumption of mootness');
  });

  describe('vacatur on a moot dismissal is recorded as granted, refused or unknown (Munsingwear; U.S. Bancorp v. Bonner Mall)', () => {
    const appealed = () => [
      ...enjoined(),
      appealNoticed('appeal', 'pi-granted', '2020-10-01'),
      orderRevoked('2021-06-09'),
    ];
    const dismissal = (vacatur?: string | boolean) =>
      with_(caseDismissed('2021-08-10', 'moot'), {
        type: 'appeal.dismissed',
        id: 'appeal-dismissed',
        appealDocket: 'ca9-20-77777',
        docket: undefined,
        ...(vacatur === undefined ? {} : { vacatur }),
      });

    it('unknown when the record does not say: the injunction stays on the books', () => {
      const after = given(appealed()).when(dismissal()).thenAccepted();
      expect(after.snapshot.context.appeals['ca9-20-77777']?.vacatur).toBe('unknown');
      expect(after.snapshot.context.injunctions['pi-granted']?.status).toBe('in-force');
    });

    it('granted: the injunction is vacated', () => {
      const after = given(appealed()).when(dismissal('granted')).thenAccepted();
      expect(after.snapshot.context.injunctions['pi-granted']?.status).toBe('vacated');
    });

    it("older logs' true and false read as granted and refused", () => {
      expect(
        given(appealed()).when(dismissal(false)).thenAccepted().snapshot.context.appeals['ca9-20-77777']
          ?.vacatur,
      ).toBe('refused');
      expect(
        given(appealed()).when(dismissal(true)).thenAccepted().snapshot.context.appeals['ca9-20-77777']
          ?.vacatur,
      ).toBe('granted');
    });
  });
});

describe('who an injunction binds and who it protects are told apart (FRCP 65(d)(2); Califano v. Yamasaki, 442 U.S. 682, 702)', () => {
  it('universal relief: the officers are barred from implementing it against anyone; no one is "enjoined for everyone"', () => {
    const after = given(suitWithPendingMotion())
      .when(granted('pi-granted', 'pi-motion', '2020-09-19'))
      .thenAccepted();
    const effect = after.effectsAt('2020-09-21')['app-store'];
    expect(effect).toMatchObject({
      status: 'enjoined',
      bound: ['Secretary of Commerce'],
      protects: 'everyone',
    });
    expect(effect?.reason).not.toContain('Enjoined for everyone');
    expect(effect?.reason).toContain('Secretary of Commerce');
    expect(effect?.reason).toContain('FRCP 65(d)(2)');
    expect(effect?.reason).toContain('against anyone');
  });

  it('the President is not enjoined unless the order says so in terms (Franklin v. Massachusetts, 505 U.S. 788, 802-03)', () => {
    const plain = given(suitWithPendingMotion())
      .when(granted('pi-granted', 'pi-motion', '2020-09-19'))
      .thenAccepted();
    expect(plain.snapshot.context.injunctions['pi-granted']?.binds).toEqual(['Secretary of Commerce']);
    const explicit = given(suitWithPendingMotion())
      .when(grantScope({ enjoinsPresident: true }))
      .thenAccepted();
    expect(explicit.snapshot.context.injunctions['pi-granted']?.binds).toEqual([
      'President',
      'Secretary of Commerce',
    ]);
  });

  it('an injunction against the President alone, without saying so, binds no one and is refused', () => {
    given(suitWithPendingMotion())
      .when(grantScope({ defendants: ['President'] }))
      .thenRejectedBy('injunctionBindsSomeone');
  });

  it('nationwide is not universal: party-limited relief protects the transactions serving the users, and exempts no user', () => {
    const after = given(suitWithPendingMotion())
      .when(
        grantScope({
          nationwide: true,
          beneficiaries: 'transactions-serving-named-parties',
          protects: ['Lantern Users Coalition'],
        }),
      )
      .thenAccepted();
    const effect = after.effectsAt('2020-09-21')['app-store'];
    expect(effect?.status).toBe('partly-enjoined');
    expect(effect?.protects).toEqual({
      parties: ['Lantern Users Coalition'],
      as: 'transactions-serving-named-parties',
    });
    expect(effect?.reason).toContain('against transactions that serve Lantern Users Coalition');
    expect(effect?.reason).not.toMatch(/except as to|exempt/);
  });

  it('relief that is not universal must name whom it protects (Califano; California v. Azar, 911 F.3d 558, 582-84)', () => {
    given(suitWithPendingMotion())
      .when(grantScope({ nationwide: true, beneficiaries: 'named-parties' }))
      .thenRejectedBy('partyScopeNamesProtectedParties');
  });
});

describe('notice, security and the judge who may grant relief', () => {
  it('a preliminary injunction entered without notice to the adverse party is refused (FRCP 65(a)(1))', () => {
    given(suitWithPendingMotion())
      .when(grantScope({}, { notice: false }))
      .thenRejectedBy('preliminaryInjunctionOnNotice');
    given(suitWithPendingMotion())
      .when(grantScope({}, { notice: true }))
      .thenAccepted();
  });

  it('only the United States is excused from security; a private movant may be asked for a nominal bond (FRCP 65(c))', () => {
    given(suitWithPendingMotion())
      .when(grantScope({}, { security: { required: 'united-states' } }))
      .thenRejectedBy('securityAsRule65cAllows');
    const after = given(suitWithPendingMotion())
      .when(grantScope({}, { security: { required: 'nominal', amount: '$100' } }))
      .thenAccepted();
    expect(after.snapshot.context.injunctions['pi-granted']?.security).toEqual({
      required: 'nominal',
      amount: '$100',
    });
  });

  it('a magistrate judge rules on a PI only with the consent of all parties (28 U.S.C. 636(b)(1)(A), 636(c)(1))', () => {
    const history = (consent: 'all-parties' | 'not-all-parties') => [
      orderSigned(),
      identified(),
      with_(complaint(), {
        judge: 'Magistrate Judge Example',
        magistrateJudgeConsent: { consent, evidence: 'docketed', basis: 'the consent forms on the docket' },
      }),
      motion('pi-motion', '2020-09-08'),
    ];
    given(history('not-all-parties'))
      .when(granted('pi-granted', 'pi-motion', '2020-09-19'))
      .thenRejectedBy('magistrateJudgeHasConsent');
    given(history('all-parties'))
      .when(granted('pi-granted', 'pi-motion', '2020-09-19'))
      .thenAccepted();
  });
});

describe('a stay pending appeal lives only while an appeal may be or is pending (FRCP 62(d); FRAP 4(a)(1)(B))', () => {
  it('with no notice of appeal in 60 days (a U.S. party), the stay lapses and the injunction binds again', () => {
    const stayed = given(districtStayPending()).when(stayWith(STRONG_STAY)).thenAccepted();
    expect(stayed.statusesAt('2020-10-21')['app-store']).toBe('awaiting-date');
    // The PI was entered on 19 Sept 2020: the time to appeal ran out 60 days later, on 18 Nov.
    expect(stayed.statusesAt('2020-11-19')['app-store']).toBe('enjoined');
  });
});

describe("the mandate: a court of appeals' judgment acts when its mandate issues (FRAP 41(b)-(c))", () => {
  const appealed = () => [...enjoined(), appealNoticed('appeal', 'pi-granted', '2020-10-01')];
  const reversed = () => [...appealed(), appealDecided('2021-01-28', 'reversed')];
  const rehearing = (id: string, date: string, type: 'appeal.rehearingSought' | 'appeal.rehearingDenied') =>
    with_(mandateIssued(date), {
      type,
      id,
      forthwith: undefined,
      ...(type === 'appeal.rehearingSought' ? { petitioner: 'United States' } : {}),
    });

  it('a reversal leaves the injunction in force until the mandate issues', () => {
    const decided = given(appealed()).when(appealDecided('2021-01-28', 'reversed')).thenAccepted();
    expect(decided.statusesAt('2021-02-15')).toEqual({ 'app-store': 'enjoined', payments: 'enjoined' });
    expect(decided.snapshot.context.injunctions['pi-granted']?.status).toBe('in-force');
    const mandate = given(reversed()).when(mandateIssued('2021-03-22')).thenAccepted();
    expect(mandate.snapshot.context.injunctions['pi-granted']?.status).toBe('vacated');
  });

  it('with a U.S. party, the mandate waits 45 days for rehearing and 7 more (FRAP 40(a)(1) (2020); 41(b))', () => {
    // Decided 28 Jan 2021: rehearing could be sought to Monday 15 Mar (the 45th day is a Sunday); the
    // mandate issues from 22 Mar.
    given(reversed()).when(mandateIssued('2021-03-10')).thenRejectedBy('mandateTimely');
    given(reversed()).when(mandateIssued('2021-03-22')).thenAccepted();
  });

  it('unless the court issues it forthwith', () => {
    given(reversed())
      .when(with_(mandateIssued('2021-01-29'), { forthwith: true }))
      .thenAccepted();
  });

  it('a timely petition for rehearing holds the mandate until 7 days after it is denied (FRAP 41(b))', () => {
    const petitioned = [...reversed(), rehearing('rehearing', '2021-02-20', 'appeal.rehearingSought')];
    given(petitioned).when(mandateIssued('2021-04-30')).thenRejectedBy('appealDecided');
    const denied = [...petitioned, rehearing('rehearing-denied', '2021-04-01', 'appeal.rehearingDenied')];
    given(denied).when(mandateIssued('2021-04-05')).thenRejectedBy('mandateTimely');
    given(denied).when(mandateIssued('2021-04-09')).thenAccepted();
  });

  /**
   * The days around a deadline: a petition for rehearing on its last day is in time and the next day is
   * not; the mandate, where given, is refused the day before it may issue and accepted that day.
   */
  const deadlines = (
    history: CaseEvent[],
    petition: { lastDay: string; late: string },
    mandate?: { early: string; first: string },
  ) => {
    given(history)
      .when(rehearing('rehearing', petition.lastDay, 'appeal.rehearingSought'))
      .thenAccepted();
    given(history)
      .when(rehearing('rehearing', petition.late, 'appeal.rehearingSought'))
      .thenRejectedBy('rehearingTimely');
    if (!mandate) return;
    given(history).when(mandateIssued(mandate.early)).thenRejectedBy('mandateTimely');
    given(history).when(mandateIssued(mandate.first)).thenAccepted();
  };

  it('counts calendar days, so summer time beginning within the period moves no deadline (FRAP 26(a)(1))', () => {
    // Decided Friday 29 Jan 2021; clocks went forward on 14 Mar; the 45th day is Monday 15 Mar. Counted in
    // 24-hour days from the end of the decision's day, the time would run to 1 a.m. on the 46th day.
    deadlines([...appealed(), appealDecided('2021-01-29', 'reversed')], {
      lastDay: '2021-03-15',
      late: '2021-03-16',
    });
  });

  it('a last day on a Sunday runs to the Monday, and the mandate waits 7 days from then (FRAP 26(a)(1)(C); 41(b))', () => {
    // Decided 28 Jan 2021: the 45th day is Sunday 14 Mar, so rehearing may be sought on Monday 15 Mar,
    // and the mandate issues 7 days after that, on Monday 22 Mar.
    deadlines(
      reversed(),
      { lastDay: '2021-03-15', late: '2021-03-16' },
      { early: '2021-03-21', first: '2021-03-22' },
    );
  });

  it('a last day on a federal legal holiday runs to the next court day (FRAP 26(a)(6)(A); 5 U.S.C. 6103(a))', () => {
    // Decided Friday 16 Apr 2021: the 45th day is Memorial Day, Monday 31 May.
    deadlines(
      [...appealed(), appealDecided('2021-04-16', 'reversed')],
      { lastDay: '2021-06-01', late: '2021-06-02' },
      { early: '2021-06-07', first: '2021-06-08' },
    );
  });

  it('counts from the open start of a date known only as "no later than" without failing: such a notice of appeal is in time, such a mandate is not shown to be (FRAP 4(a)(1)(B); FRAP 41(b))', () => {
    given(enjoined())
      .when(appealNoticed('appeal', 'pi-granted', '../2020-10-01'))
      .thenAccepted();
    given(reversed()).when(mandateIssued('../2021-04-30')).thenRejectedBy('mandateTimely');
  });

  it('a petition for rehearing after 45 days is out of time (FRAP 40(a)(1) (2020))', () => {
    given(reversed())
      .when(rehearing('rehearing', '2021-03-20', 'appeal.rehearingSought'))
      .thenRejectedBy('rehearingTimely');
  });
});

describe('after a stay or a reversal, prohibitions do not spring back at their old, past instant', () => {
  const stayedBeforeEffect = () => [...districtStayPending(), stayWith(STRONG_STAY)];

  it('a prohibition enjoined when it was due awaits an effective time set by the agency', () => {
    const after = given(stayedBeforeEffect().slice(0, -1)).when(stayedBeforeEffect().at(-1)!).thenAccepted();
    const effect = after.effectsAt('2020-10-21')['app-store'];
    expect(effect?.status).toBe('awaiting-date');
    expect(effect?.reason).toContain('its effective time is to be set by the agency');
  });

  it('until an identification.datesChanged sets it: then it binds from the new instant', () => {
    const after = given(stayedBeforeEffect())
      .when(datesChanged('2020-10-22', 'app-store', { local: '2020-10-30T23:59', zone: 'America/New_York' }))
      .thenAccepted();
    expect(after.statusesAt('2020-10-29')['app-store']).toBe('not-yet-effective');
    expect(after.statusesAt('2020-10-31')['app-store']).toBe('in-force');
    expect(after.statusesAt('2020-10-31').payments).toBe('awaiting-date');
  });

  it('a prohibition already in force before the injunction binds again when the injunction is stayed', () => {
    const late = [
      orderSigned(),
      identified(),
      complaint(),
      motion('pi-motion', '2020-09-08'),
      granted('pi-granted', 'pi-motion', '2020-09-25'),
      stayMotion('district-stay', 'pi-granted', '2020-10-02', NDCAL),
    ];
    const after = given(late).when(stayWith(STRONG_STAY)).thenAccepted();
    expect(after.statusesAt('2020-10-21')['app-store']).toBe('in-force');
  });
});
