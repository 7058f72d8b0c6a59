/**
 * What the replay path needs to know of the event vocabulary without building the zod schemas (`schema.ts`):
 * the schema version, the event kinds' names, and the evidence rule of record sources. `schema.ts` builds its
 * schemas from these and re-exports them; the compiler and a test hold EVENT_TYPES to the schema's union.
 */

/** The version every event is read as; older versions are upcast on reading (`versions.ts`). */
export const SCHEMA_VERSION = 2 as const;

/** The event kinds, in the order of the schema's union (`CaseEvent` in `schema.ts`). */
export const EVENT_TYPES = [
  'order.signed',
  'order.revoked',
  'identification.announced',
  'identification.datesChanged',
  'identification.withdrawn',
  'identification.rescinded',
  'identification.suspended',
  'identification.enforcementResumed',
  'government.position',
  'complaint.filed',
  'complaint.amended',
  'injunction.motionFiled',
  'injunction.granted',
  'injunction.denied',
  'injunctionPendingAppeal.motionFiled',
  'injunctionPendingAppeal.granted',
  'injunctionPendingAppeal.denied',
  'injunction.extended',
  'motion.withdrawn',
  'appeal.noticed',
  'stay.motionFiled',
  'stay.granted',
  'stay.denied',
  'stay.applicationFiled',
  'stay.applicationGranted',
  'stay.applicationDenied',
  'certiorari.petitioned',
  'certiorari.granted',
  'certiorari.denied',
  'certiorari.decided',
  'certiorari.judgmentSent',
  'stay.vacated',
  'stay.modified',
  'appeal.heldInAbeyance',
  'appeal.abeyanceLifted',
  'appeal.decided',
  'appeal.mandateIssued',
  'appeal.rehearingSought',
  'appeal.rehearingDenied',
  'appeal.rehearingGranted',
  'appeal.mandateStayMotionFiled',
  'appeal.mandateStayGranted',
  'appeal.mandateStayDenied',
  'appeal.dismissed',
  'case.dismissed',
  'case.proceedingsStayed',
  'case.proceedingsResumed',
  'case.judgment',
  'context.note',
  'relief.enteredElsewhere',
  'relief.stayedElsewhere',
  'relief.stayLiftedElsewhere',
  'relief.endedElsewhere',
] as const;

/**
 * What a court-record or public-record source must say of its evidence, beyond its fields: exactly one of
 * `quote` and `note`, and a `copy` only with a quote. One function, called by the zod refinement in
 * `schema.ts` and by the validator generated at build time (`validate-checks.ts`), so the two can never
 * disagree.
 */
export function evidenceProblem(value: {
  quote?: string | undefined;
  copy?: string | undefined;
  note?: string | undefined;
}): { readonly path: string; readonly message: string } | undefined {
  if ((value.quote === undefined) === (value.note === undefined))
    return {
      path: 'quote',
      message: "give exactly one of `quote` (the source's own words) or `note` (our own words)",
    };
  if (value.note !== undefined && value.copy !== undefined)
    return { path: 'copy', message: '`copy` goes with a quotation, not a note' };
  return undefined;
}
