/**
 * Events of an invented case (Lantern Messaging, N.D. Cal. and D. Md.), for scenario tests: each builder
 * takes the ids and dates a scenario cares about and fills in the rest. Dates are Pacific days unless an
 * instant says otherwise.
 */

import type { CaseEvent, EventOf, EventType, Instant } from '../../src/events/schema.js';
import { SCHEMA_VERSION } from '../../src/events/schema.js';
import { GRANTING_FINDINGS, STAY_FINDINGS } from '../../src/generate/next.js';

const SOURCE = {
  type: 'public-record',
  title: 'fixture',
  url: 'https://casesim.invalid/fixture',
  quote: 'fixture',
  verified: false,
} as const;

export const PACIFIC = 'America/Los_Angeles';
export const EFFECTIVE: Instant = { local: '2020-09-20T23:59', zone: 'America/New_York' };
export const NDCAL = 'ndcal-20-cv-9999';
export const DMD = 'dmd-20-cv-1111';

const day = (date: string): Instant => ({ local: date, zone: PACIFIC });

/** Any event of the invented case, dated to a Pacific day, with a fixture source. */
export function event<T extends EventType>(
  type: T,
  id: string,
  date: string,
  fields: Omit<EventOf<T>, 'type' | 'id' | 'schemaVersion' | 'at' | 'knownAt' | 'summary' | 'sources'>,
): CaseEvent {
  return {
    type,
    id,
    schemaVersion: SCHEMA_VERSION,
    at: day(date),
    knownAt: day(date),
    summary: `${type} ${id}`,
    sources: [SOURCE],
    ...fields,
  } as unknown as CaseEvent;
}

export const orderSigned = (date = '2020-08-06') =>
  event('order.signed', 'eo-signed', date, {
    order: 'eo-4242',
    title: 'Addressing the Threat Posed by Lantern',
    issuer: 'President',
    authority: [],
  });

export const orderRevoked = (date: string) =>
  event('order.revoked', 'eo-revoked', date, { order: 'eo-4242', by: 'a later executive order' });

export const identified = (date = '2020-09-01', effective = EFFECTIVE) =>
  event('identification.announced', 'identified', date, {
    identification: 'lantern-identification',
    order: 'eo-4242',
    agency: 'Department of Commerce',
    prohibitions: [
      { id: 'app-store', description: 'distributing the app through app stores', effective },
      { id: 'payments', description: 'processing payments through the app', effective },
    ],
  });

export const datesChanged = (date: string, prohibition: string, effective: Instant) =>
  event('identification.datesChanged', `moved-${prohibition}`, date, {
    identification: 'lantern-identification',
    changes: [{ prohibition, effective }],
  });

export const identificationRescinded = (date: string) =>
  event('identification.rescinded', 'identification-rescinded', date, {
    identification: 'lantern-identification',
  });

export const complaint = (date = '2020-09-03', docket = NDCAL, court = 'N.D. Cal.') =>
  event('complaint.filed', `complaint-${docket}`, date, {
    docket,
    court,
    caseNumber: docket,
    caseName: 'Lantern Users Coalition v. President',
    plaintiffs: ['Lantern Users Coalition'],
    defendants: ['President', 'Secretary of Commerce'],
    unitedStatesIsParty: true,
    challenges: ['eo-4242'],
  });

export const motion = (
  id: string,
  date: string,
  relief: 'tro' | 'preliminary' = 'preliminary',
  docket = NDCAL,
) => event('injunction.motionFiled', id, date, { docket, relief, movant: 'Lantern Users Coalition' });

export const granted = (
  id: string,
  motionId: string,
  date: string,
  prohibitions = ['app-store', 'payments'],
  expires?: Instant,
) =>
  event('injunction.granted', id, date, {
    motion: motionId,
    scope: { prohibitions, defendants: ['President', 'Secretary of Commerce'], nationwide: true },
    findings: GRANTING_FINDINGS,
    ...(expires ? { expires } : {}),
  });

export const denied = (id: string, motionId: string, date: string, alsoDecides: string[] = []) =>
  event('injunction.denied', id, date, {
    motion: motionId,
    ...(alsoDecides.length > 0 ? { alsoDecides } : {}),
  });

export const appealNoticed = (
  id: string,
  order: string,
  date: string,
  appealDocket = 'ca9-20-77777',
  court = 'Ninth Circuit',
) =>
  event('appeal.noticed', id, date, {
    order,
    appealDocket,
    court,
    caseNumber: appealDocket,
    appellant: 'United States',
  });

export const stayMotion = (
  id: string,
  injunction: string,
  date: string,
  docket: string,
  ground?: 'district-denied' | 'impracticable' | 'district-failed-to-afford-relief',
) =>
  event('stay.motionFiled', id, date, {
    docket,
    injunction,
    movant: 'United States',
    ...(ground ? { ground } : {}),
  });

export const stayGranted = (id: string, motionId: string, date: string) =>
  event('stay.granted', id, date, { motion: motionId, findings: STAY_FINDINGS });

export const caseDismissed = (date: string, reason: 'moot' | 'voluntary', docket = NDCAL) =>
  event('case.dismissed', `dismissed-${docket}`, date, { docket, reason });

/** The order, its identification, the suit and a pending PI motion: the start of most scenarios. */
export const suitWithPendingMotion = (): CaseEvent[] => [
  orderSigned(),
  identified(),
  complaint(),
  motion('pi-motion', '2020-09-08'),
];

/** ... and the PI granted on 19 Sept 2020, covering both prohibitions. */
export const enjoined = (): CaseEvent[] => [
  ...suitWithPendingMotion(),
  granted('pi-granted', 'pi-motion', '2020-09-19'),
];

export const stayDenied = (id: string, motionId: string, date: string) =>
  event('stay.denied', id, date, { motion: motionId });

export const heldInAbeyance = (date: string, appealDocket = 'ca9-20-77777') =>
  event('appeal.heldInAbeyance', `abeyance-${date}`, date, { appealDocket });

export const appealDismissed = (
  date: string,
  reason: 'moot' | 'voluntary',
  vacatur = false,
  appealDocket = 'ca9-20-77777',
) => event('appeal.dismissed', `appeal-dismissed-${date}`, date, { appealDocket, reason, vacatur });

export const appealDecided = (
  date: string,
  disposition: 'affirmed' | 'reversed' | 'vacated',
  appealDocket = 'ca9-20-77777',
) => event('appeal.decided', `appeal-decided-${date}`, date, { appealDocket, disposition });

export const mandateIssued = (date: string, appealDocket = 'ca9-20-77777') =>
  event('appeal.mandateIssued', `mandate-${date}`, date, { appealDocket, forthwith: false });

export const suspended = (date: string, prohibitions?: string[]) =>
  event('identification.suspended', `suspended-${date}`, date, {
    identification: 'lantern-identification',
    ...(prohibitions ? { prohibitions } : {}),
    pending: 'further legal developments',
  });

export const enforcementResumed = (date: string, prohibitions?: string[]) =>
  event('identification.enforcementResumed', `resumed-${date}`, date, {
    identification: 'lantern-identification',
    ...(prohibitions ? { prohibitions } : {}),
  });

export const troExtended = (
  id: string,
  injunction: string,
  date: string,
  expires: Instant,
  byConsent = false,
) => event('injunction.extended', id, date, { injunction, expires, byConsent });

export const motionWithdrawn = (date: string, motionId: string) =>
  event('motion.withdrawn', `withdrawn-${motionId}`, date, { motion: motionId });

export const proceedingsStayed = (date: string, docket = NDCAL) =>
  event('case.proceedingsStayed', `proceedings-stayed-${date}`, date, { docket });

export const proceedingsResumed = (date: string, docket = NDCAL) =>
  event('case.proceedingsResumed', `proceedings-resumed-${date}`, date, { docket });

export const judgment = (date: string, permanent?: string[], docket = NDCAL) =>
  event('case.judgment', `judgment-${date}`, date, {
    docket,
    for: permanent ? 'plaintiffs' : 'defendants',
    ...(permanent
      ? {
          permanentInjunction: {
            prohibitions: permanent,
            defendants: ['Secretary of Commerce'],
            nationwide: true,
          },
        }
      : {}),
  });
