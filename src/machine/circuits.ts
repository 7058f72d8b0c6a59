/**
 * The regional circuits, and the law that differs between them as of 2020: where each district court sits
 * (28 U.S.C. 41), whether the circuit allows the "serious questions" sliding scale for preliminary
 * injunctions after Winter, and which local circuit rules shape its preliminary-injunction appeals. The
 * rules read this table; a local rule is cited only for a case in its own circuit.
 */
import type { Circuit } from '../events/schema.js';

export interface SlidingScale {
  /** 'allowed': the circuit kept it after Winter; 'rejected': it held Winter forbids it; 'unsettled'. */
  readonly status: 'allowed' | 'rejected' | 'unsettled';
  readonly authority: string;
}

export interface CircuitLaw {
  readonly name: string;
  /** The states and territories whose district courts sit in it (28 U.S.C. 41), in Bluebook abbreviation. */
  readonly districts: readonly string[];
  readonly slidingScale: SlidingScale;
  /** The circuit's own rules that bear on preliminary-injunction appeals and stays. */
  readonly localRules: readonly string[];
  /**
   * The test the circuit applies to a stay pending appeal, when it has its own statement of Nken (the
   * Ninth's two branches, Leiva-Perez); absent, the machine applies Nken as written.
   */
  readonly stayTest?: { readonly form: 'leiva-perez'; readonly authority: string };
}

const NOT_DECIDED: SlidingScale = {
  status: 'unsettled',
  authority: 'No post-Winter holding of this circuit either way is recorded here.',
};

export const CIRCUIT_LAW: { readonly [C in Circuit]: CircuitLaw } = {
  '1st': {
    name: 'First Circuit',
    districts: ['Me.', 'Mass.', 'N.H.', 'P.R.', 'R.I.'],
    slidingScale: NOT_DECIDED,
    localRules: [],
  },
  '2d': {
    name: 'Second Circuit',
    districts: ['Conn.', 'N.Y.', 'Vt.'],
    slidingScale: {
      status: 'allowed',
      authority:
        'Citigroup Global Markets, Inc. v. VCG Special Opportunities Master Fund Ltd., 598 F.3d 30, 35-38 (2d Cir. 2010)',
    },
    localRules: [],
  },
  '3d': {
    name: 'Third Circuit',
    districts: ['Del.', 'N.J.', 'Pa.', 'V.I.'],
    slidingScale: NOT_DECIDED,
    localRules: [],
  },
  '4th': {
    name: 'Fourth Circuit',
    districts: ['Md.', 'N.C.', 'S.C.', 'Va.', 'W. Va.'],
    slidingScale: {
      status: 'rejected',
      authority:
        'Real Truth About Obama, Inc. v. FEC, 575 F.3d 342, 346-47 (4th Cir. 2009), vacated on other grounds, 559 U.S. 1089 (2010)',
    },
    localRules: [],
  },
  '5th': {
    name: 'Fifth Circuit',
    districts: ['La.', 'Miss.', 'Tex.'],
    slidingScale: NOT_DECIDED,
    localRules: [],
  },
  '6th': {
    name: 'Sixth Circuit',
    districts: ['Ky.', 'Mich.', 'Ohio', 'Tenn.'],
    slidingScale: NOT_DECIDED,
    localRules: [],
  },
  '7th': {
    name: 'Seventh Circuit',
    districts: ['Ill.', 'Ind.', 'Wis.'],
    slidingScale: {
      status: 'allowed',
      authority:
        'Hoosier Energy Rural Elec. Coop. v. John Hancock Life Ins. Co., 582 F.3d 721, 725 (7th Cir. 2009)',
    },
    localRules: [],
  },
  '8th': {
    name: 'Eighth Circuit',
    districts: ['Ark.', 'Iowa', 'Minn.', 'Mo.', 'Neb.', 'N.D.', 'S.D.'],
    slidingScale: NOT_DECIDED,
    localRules: [],
  },
  '9th': {
    name: 'Ninth Circuit',
    districts: [
      'Alaska',
      'Ariz.',
      'Cal.',
      'Guam',
      'Haw.',
      'Idaho',
      'Mont.',
      'Nev.',
      'N. Mar. I.',
      'Or.',
      'Wash.',
    ],
    slidingScale: {
      status: 'allowed',
      authority: 'Alliance for the Wild Rockies v. Cottrell, 632 F.3d 1127, 1131-35 (9th Cir. 2011)',
    },
    localRules: [
      '9th Cir. R. 3-3 (preliminary-injunction appeals are expedited)',
      '9th Cir. R. 27-3 (emergency motions, including stays pending appeal)',
    ],
    stayTest: {
      form: 'leiva-perez',
      authority: 'Leiva-Perez v. Holder, 640 F.3d 962, 964-70 (9th Cir. 2011)',
    },
  },
  '10th': {
    name: 'Tenth Circuit',
    districts: ['Colo.', 'Kan.', 'N.M.', 'Okla.', 'Utah', 'Wyo.'],
    slidingScale: {
      status: 'rejected',
      authority:
        "Dine Citizens Against Ruining Our Env't v. Jewell, 839 F.3d 1276, 1282 (10th Cir. 2016) (the modified test cannot survive Winter)",
    },
    localRules: [],
  },
  '11th': {
    name: 'Eleventh Circuit',
    districts: ['Ala.', 'Fla.', 'Ga.'],
    slidingScale: NOT_DECIDED,
    localRules: [],
  },
  dc: {
    name: 'D.C. Circuit',
    districts: ['D.C.'],
    slidingScale: {
      status: 'unsettled',
      authority:
        'Sherley v. Sebelius, 644 F.3d 388, 392-93 (D.C. Cir. 2011) (whether the sliding scale survives Winter left open); Davis v. PBGC, 571 F.3d 1288, 1292 (D.C. Cir. 2009)',
    },
    localRules: [],
  },
};

const ORDINALS: Readonly<Record<string, Circuit>> = {
  first: '1st',
  second: '2d',
  third: '3d',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
  eleventh: '11th',
};

/**
 * The circuit a court sits in, read from its name: a district court in Bluebook form (`N.D. Cal.`,
 * `D. Md.`, `S.D.N.Y.`, `D.D.C.`) by the state it sits in, or a court of appeals by its name (`Ninth
 * Circuit`, `9th Cir.`). Undefined when the name does not say.
 */
export function circuitOfCourt(court: string): Circuit | undefined {
  const name = court.trim();
  const appellate =
    /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh)\s+circuit\b/i.exec(name);
  if (appellate?.[1]) return ORDINALS[appellate[1].toLowerCase()];
  const numbered = /\b(1st|2d|2nd|3d|3rd|4th|5th|6th|7th|8th|9th|10th|11th)\s+cir\b/i.exec(name);
  if (numbered?.[1]) {
    const n = numbered[1].toLowerCase().replace('2nd', '2d').replace('3rd', '3d');
    return n as Circuit;
  }
  if (/\bD\.\s?C\.\s+Cir/i.test(name) || /District of Columbia Circuit/i.test(name)) return 'dc';
  const state = name.replace(/^(?:[NSEWMC]\.\s?D\.|D\.)\s*/, '');
  if (state === name) return undefined;
  const compact = (s: string) => s.replace(/\s+/g, '');
  for (const [circuit, law] of Object.entries(CIRCUIT_LAW) as [Circuit, CircuitLaw][]) {
    if (law.districts.some((d) => compact(d) === compact(state))) return circuit;
  }
  return undefined;
}
