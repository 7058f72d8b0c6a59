/**
 * How a case ends, read from the final record the machine keeps: the first ending whose test holds, in
 * the order below (an injunction dissolved on appeal says more than a later revocation). Mootness is an
 * ending only where a court found it (a dismissal as moot), and what became of the injunction is told
 * apart: vacated (Munsingwear), ended with the district case, or left standing with nothing to enjoin.
 */
import { type CaseContext, injunctionStands } from '../machine/context.js';
import { phasesOf } from '../machine/phases.js';

export interface Ending {
  readonly id: string;
  readonly label: string;
  readonly test: (ctx: CaseContext) => boolean;
}

/** No prohibition is left with a live legal basis: what a court could find moots the suit. */
export function challengedActionEnded(ctx: CaseContext): boolean {
  const ids = Object.values(ctx.identifications);
  const orders = Object.values(ctx.orders);
  if (ids.length === 0 && orders.length === 0) return false;
  return (
    orders.every((o) => o.status === 'revoked') &&
    ids.every((i) => i.status !== 'announced' || ctx.orders[i.order]?.status === 'revoked')
  );
}

/** An appeal from an injunction decided so; with `mandate`, only once the mandate has issued (FRAP 41(c)). */
const decided = (ctx: CaseContext, dispositions: readonly string[], mandate = false) =>
  Object.values(ctx.appeals).some(
    (a) =>
      (a.status === 'mandate-issued' ||
        (!mandate &&
          ['decided', 'rehearing-sought', 'mandate-stay-sought', 'mandate-stayed'].includes(a.status))) &&
      a.disposition !== undefined &&
      dispositions.includes(a.disposition) &&
      ctx.injunctions[a.order],
  );

/**
 * An appeal from an injunction that a court dismissed as moot, with the injunction vacated or not. An appeal
 * from a denial dismissed as moot is another ending: there was no injunction to vacate or leave standing.
 */
const dismissedAsMoot = (ctx: CaseContext, vacated: boolean) =>
  Object.values(ctx.appeals).some(
    (a) =>
      a.status === 'dismissed' &&
      a.dismissedAs === 'moot' &&
      ctx.injunctions[a.order] !== undefined &&
      (a.vacatur === 'granted') === vacated,
  );

/** An appeal from the denial of preliminary relief that a court dismissed as moot. */
const denialAppealMoot = (ctx: CaseContext) =>
  Object.values(ctx.appeals).some(
    (a) => a.status === 'dismissed' && a.dismissedAs === 'moot' && ctx.injunctions[a.order] === undefined,
  );

/** A district case dismissed as moot; with `relief`, only one in which an injunction had been entered. */
const caseDismissedAsMoot = (ctx: CaseContext, relief: boolean) =>
  Object.values(ctx.suits).some(
    (s) =>
      s.status === 'dismissed' &&
      s.dismissedAs === 'moot' &&
      Object.values(ctx.injunctions).some((i) => i.docket === s.docket) === relief,
  );

/** A stay pending appeal with an appeal from the stayed injunction still before the court of appeals. */
const stayedWithLiveAppeal = (ctx: CaseContext) =>
  phasesOf(ctx).relief === 'stayed' &&
  Object.values(ctx.stays).some(
    (s) =>
      s.status === 'in-force' &&
      Object.values(ctx.appeals).some(
        (a) => a.order === s.injunction && (a.status === 'pending' || a.status === 'in-abeyance'),
      ),
  );

/** A final judgment on a docket: for the plaintiffs with a permanent injunction, or for the defendants. */
const judgment = (ctx: CaseContext, forPlaintiffs: boolean) =>
  Object.values(ctx.suits).some(
    (s) =>
      s.status === 'judgment' && (ctx.injunctions[s.endedBy ?? '']?.relief === 'permanent') === forPlaintiffs,
  );

/** An appeal from the denial of preliminary relief (the order appealed is the denial) decided so. */
const denialDecided = (ctx: CaseContext, dispositions: readonly string[]) =>
  Object.values(ctx.appeals).some(
    (a) =>
      a.disposition !== undefined &&
      dispositions.includes(a.disposition) &&
      Object.values(ctx.motions).some((m) => m.status === 'denied' && m.ruledBy === a.order),
  );

const injunctionMotions = (ctx: CaseContext) =>
  Object.values(ctx.motions).filter((m) => m.kind === 'injunction');

export const ENDINGS: readonly Ending[] = [
  {
    id: 'judgment-plaintiffs',
    label: 'final judgment for the plaintiffs, with a permanent injunction',
    test: (ctx) => judgment(ctx, true),
  },
  {
    id: 'judgment-defendants',
    label: 'final judgment for the defendants',
    test: (ctx) => judgment(ctx, false),
  },
  {
    id: 'dissolved-on-appeal',
    label: 'injunction dissolved on appeal (reversed or vacated, mandate issued)',
    test: (ctx) => decided(ctx, ['reversed', 'vacated'], true),
  },
  {
    id: 'reversed-mandate-pending',
    label: 'reversed or vacated on appeal; the injunction binds until the mandate issues',
    test: (ctx) => decided(ctx, ['reversed', 'vacated']),
  },
  {
    id: 'moot-vacated',
    label: 'moot: appeal dismissed, injunction vacated (Munsingwear)',
    test: (ctx) => dismissedAsMoot(ctx, true),
  },
  {
    id: 'moot-case-dismissed',
    label: 'moot: district case dismissed, its injunction ended with it',
    test: (ctx) => caseDismissedAsMoot(ctx, true),
  },
  {
    id: 'moot-left-standing',
    label: 'moot: appeal dismissed, injunction left standing with nothing to enjoin',
    test: (ctx) => dismissedAsMoot(ctx, false),
  },
  {
    id: 'moot-denial-appeal',
    label: 'moot: the appeal from a denial of preliminary relief dismissed',
    test: denialAppealMoot,
  },
  {
    id: 'moot-before-relief',
    label: 'moot: district case dismissed, no injunction entered in it',
    test: (ctx) => caseDismissedAsMoot(ctx, false),
  },
  {
    id: 'revoked',
    label: 'order revoked; no court has yet found the case moot',
    test: (ctx) => challengedActionEnded(ctx),
  },
  {
    id: 'dismissed',
    label: 'case dismissed',
    test: (ctx) => phasesOf(ctx).suit === 'closed',
  },
  {
    // FRCP 65(b)(2): a TRO expires on its own terms; with nothing else standing, the path ends in its lapse.
    id: 'tro-lapsed',
    label: 'a TRO was granted and lapsed on its own terms; no preliminary injunction followed',
    test: (ctx) => {
      const standing = Object.values(ctx.injunctions).filter(injunctionStands);
      return standing.length > 0 && standing.every((i) => i.relief === 'tro' && i.expires !== undefined);
    },
  },
  {
    id: 'stayed',
    label: 'injunction stayed pending appeal',
    test: stayedWithLiveAppeal,
  },
  {
    id: 'stay-lapsed',
    label: 'injunction stands: no appeal was taken, so the stay pending appeal lapsed',
    test: (ctx) => phasesOf(ctx).relief === 'stayed',
  },
  {
    id: 'affirmed',
    label: 'injunction stands, affirmed on appeal',
    test: (ctx) => phasesOf(ctx).relief === 'enjoined' && decided(ctx, ['affirmed']),
  },
  {
    id: 'stands',
    label: 'injunction stands, no appellate ruling',
    test: (ctx) => phasesOf(ctx).relief === 'enjoined',
  },
  {
    id: 'denial-reversed',
    label: 'preliminary relief denied, the denial reversed or vacated on appeal',
    test: (ctx) => phasesOf(ctx).relief === 'denied' && denialDecided(ctx, ['reversed', 'vacated']),
  },
  {
    id: 'denied-affirmed',
    label: 'preliminary relief denied, the denial affirmed on appeal',
    test: (ctx) => phasesOf(ctx).relief === 'denied' && denialDecided(ctx, ['affirmed']),
  },
  {
    id: 'denied',
    label: 'preliminary relief denied',
    test: (ctx) => phasesOf(ctx).relief === 'denied',
  },
  {
    id: 'motion-withdrawn',
    label: 'preliminary relief sought, the motion withdrawn before any ruling',
    test: (ctx) => {
      const motions = injunctionMotions(ctx);
      return motions.length > 0 && motions.every((m) => m.status === 'withdrawn' || m.status === 'moot');
    },
  },
  {
    id: 'pending-motion',
    label: 'preliminary relief sought, the motion not yet decided',
    test: (ctx) => phasesOf(ctx).relief === 'requested',
  },
  {
    id: 'no-motion',
    label: 'no preliminary relief sought',
    test: (ctx) => injunctionMotions(ctx).length === 0,
  },
];

export const UNRESOLVED: Ending = {
  id: 'unresolved',
  label: 'unresolved when the search bound was reached',
  test: () => false,
};

export function endingOf(ctx: CaseContext, truncated: boolean): Ending {
  if (truncated) return UNRESOLVED;
  const found = ENDINGS.find((e) => e.test(ctx));
  if (found) return found;
  const p = phasesOf(ctx);
  return { id: `other:${p.relief}`, label: `relief ${p.relief}, appeal ${p.appeal}`, test: () => false };
}
