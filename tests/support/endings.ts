/**
 * Endings that presuppose the preliminary injunction of the real WeChat log never existed (no motion, a
 * motion still pending or withdrawn, a denial and its appeal): impossible from pi-granted on.
 */
export const ENDINGS_THAT_NEED_NO_PI: readonly string[] = [
  'no-motion',
  'pending-motion',
  'motion-withdrawn',
  'denied',
  'denied-affirmed',
  'denial-reversed',
];
