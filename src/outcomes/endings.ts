/**
 * How a case ends, read from the final record the machine keeps: the first ending whose test holds, in
 * the order below (an injunction dissolved on appeal says more than a later revocation).
 */
import type { CaseContext } from '../machine/context.js';
import { phasesOf } from '../machine/phases.js';
import { challengedActionEnded } from '../machine/rules.js';

export interface Ending {
  readonly id: string;
  readonly label: string;
  readonly test: (ctx: CaseContext) => boolean;
}

const decided = (ctx: CaseContext, dispositions: readonly string[]) =>
  Object.values(ctx.appeals).some(
    (a) =>
      a.status === 'decided' &&
      a.disposition !== undefined &&
      dispositions.includes(a.disposition) &&
      ctx.injunctions[a.order],
  );

export const ENDINGS: readonly Ending[] = [
  {
    id: 'dissolved-on-appeal',
    label: 'injunction dissolved on appeal (reversed or vacated)',
    test: (ctx) => decided(ctx, ['reversed', 'vacated']),
  },
  {
    id: 'moot',
    label: 'moot: the order was revoked',
    test: (ctx) => challengedActionEnded(ctx),
  },
  {
    id: 'dismissed',
    label: 'case dismissed',
    test: (ctx) => phasesOf(ctx).suit === 'closed',
  },
  {
    id: 'stayed',
    label: 'injunction stayed pending appeal',
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
    id: 'denied',
    label: 'preliminary relief denied',
    test: (ctx) => phasesOf(ctx).relief === 'denied',
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
