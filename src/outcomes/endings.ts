/**
 * How a case ends, read from the final record the machine keeps: the first ending whose test holds, in
 * the order below (an injunction dissolved on appeal says more than a later revocation). Mootness is an
 * ending only where a court found it (a dismissal as moot), and what became of the injunction is told
 * apart: vacated (Munsingwear), ended with the district case, or left standing with nothing to enjoin.
 */
import type { CertiorariDisposition } from '../events/schema.js';
import { type CaseContext, type InjunctionRecord, injunctionStands } from '../machine/context.js';
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

/** The injunctions that stand, if every one of them is of the kind `test` picks (and there is one). */
const standingAllOf = (ctx: CaseContext, test: (i: InjunctionRecord) => boolean) => {
  const standing = Object.values(ctx.injunctions).filter(injunctionStands);
  return standing.length > 0 && standing.every(test);
};

const external = (i: InjunctionRecord) => i.forum === 'external';
const pendingAppeal = (i: InjunctionRecord) => i.relief === 'pending-appeal';

/**
 * Preliminary relief refused here, and nothing this court entered on the motion: the relief phase is
 * `denied`, or `dissolved` only because an injunction pending the appeal from the refusal ended with that
 * appeal (FRCP 62(d)), or another court's relief ended there.
 */
const refusedHere = (ctx: CaseContext) => {
  const phase = phasesOf(ctx).relief;
  if (phase === 'denied') return true;
  return (
    phase === 'dissolved' &&
    Object.values(ctx.motions).some((m) => m.kind === 'injunction' && m.status === 'denied') &&
    Object.values(ctx.injunctions).every((i) => external(i) || pendingAppeal(i))
  );
};

/**
 * A stay that outlives the appeal's decision: a Supreme Court stay pending certiorari (28 U.S.C. 2101(f)),
 * or a stay pending appeal kept while the mandate is held (FRAP 41(b), (d)(2)).
 */
const stayedPendingCertiorari = (ctx: CaseContext) =>
  phasesOf(ctx).relief === 'stayed' &&
  Object.values(ctx.stays).some(
    (s) =>
      s.status === 'in-force' &&
      (s.pendingCertiorari === true ||
        Object.values(ctx.appeals).some(
          (a) =>
            a.order === s.injunction &&
            ['decided', 'rehearing-sought', 'mandate-stay-sought', 'mandate-stayed'].includes(a.status),
        )),
  );

/**
 * An appeal from an injunction whose judgment the Supreme Court decided on certiorari (`court`: its
 * disposition) and sent down (S. Ct. R. 45.3), the court of appeals having decided it so (`below`), where the
 * injunction appealed from stands at the end or not (`stands`).
 */
const supremeCourtDecided = (
  ctx: CaseContext,
  court: CertiorariDisposition,
  below: readonly string[],
  stands: boolean,
) =>
  Object.values(ctx.appeals).some((a) => {
    const petition = ctx.petitions[a.docket];
    const injunction = ctx.injunctions[a.order];
    return (
      injunction !== undefined &&
      petition?.status === 'judgment-sent' &&
      petition.disposition === court &&
      a.disposition !== undefined &&
      below.includes(a.disposition) &&
      injunctionStands(injunction) === stands &&
      // Standing, it binds: the Court's judgment ended any stay of its own, and the mandate any stay below.
      (!stands || phasesOf(ctx).relief === 'enjoined')
    );
  });

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
  // After certiorari granted and the Court's judgment sent down (S. Ct. R. 45.3): what binds is the court of
  // appeals' judgment as the Court left it (standingDisposition), told apart by the Court's disposition.
  {
    id: 'scotus-reversed-dissolved',
    label:
      "injunction dissolved: the Supreme Court reversed the judgment affirming it, and it ended when the Court's judgment was sent down",
    test: (ctx) => supremeCourtDecided(ctx, 'reversed', ['affirmed'], false),
  },
  {
    id: 'scotus-affirmed-dissolved',
    label:
      'injunction dissolved: reversed or vacated on appeal, the Supreme Court affirmed, and it ended when the mandate issued',
    test: (ctx) => supremeCourtDecided(ctx, 'affirmed', ['reversed', 'vacated'], false),
  },
  {
    id: 'scotus-affirmed-stands',
    label: 'injunction stands, affirmed on appeal and by the Supreme Court',
    test: (ctx) => supremeCourtDecided(ctx, 'affirmed', ['affirmed'], true),
  },
  {
    id: 'scotus-reversed-stands',
    label:
      'injunction stands: reversed or vacated on appeal with the mandate stayed, the Supreme Court reversed, so the mandate did not undo it',
    test: (ctx) => supremeCourtDecided(ctx, 'reversed', ['reversed', 'vacated'], true),
  },
  {
    id: 'scotus-vacated-stands',
    label:
      'injunction stands: the Supreme Court vacated the judgment on appeal; what the courts below do on remand is not modelled',
    test: (ctx) => supremeCourtDecided(ctx, 'vacated', ['affirmed', 'reversed', 'vacated'], true),
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
    // Another court's injunction against the same prohibitions binds here as well (relief.enteredElsewhere).
    id: 'enjoined-elsewhere',
    label: "enjoined only by another court's relief against the same prohibitions",
    test: (ctx) => phasesOf(ctx).relief === 'enjoined' && standingAllOf(ctx, external),
  },
  {
    id: 'stayed-elsewhere',
    label: "only another court's relief was entered, and it is stayed there",
    test: (ctx) => phasesOf(ctx).relief === 'stayed' && standingAllOf(ctx, external),
  },
  {
    // FRCP 62(d); FRAP 8(a)(1)(C): relief for the party refused a PI, for as long as its appeal lasts.
    id: 'enjoined-pending-appeal',
    label: 'preliminary relief denied, an injunction pending the appeal from the denial in force',
    test: (ctx) => standingAllOf(ctx, pendingAppeal),
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
    id: 'stayed-pending-certiorari',
    label:
      'injunction stayed after the appeal was decided: by the Supreme Court pending certiorari, or with the mandate held',
    test: stayedPendingCertiorari,
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
    test: (ctx) => refusedHere(ctx) && denialDecided(ctx, ['reversed', 'vacated']),
  },
  {
    id: 'denied-affirmed',
    label: 'preliminary relief denied, the denial affirmed on appeal',
    test: (ctx) => refusedHere(ctx) && denialDecided(ctx, ['affirmed']),
  },
  {
    id: 'denied',
    label: 'preliminary relief denied',
    test: refusedHere,
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
