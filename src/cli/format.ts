/**
 * Rendering for terminals. Colours are decided by the `CliIO` a command writes to (a terminal that wants
 * them, never a pipe, a file or a test), so the same text reaches every reader.
 */

import pc from 'picocolors';
import { formatInstant } from '../events/instant.js';
import type { Source } from '../events/schema.js';
import type { ProhibitionEffect } from '../machine/effects.js';
import { type Phases, phaseWords, REGION_PHASES, type Region } from '../machine/phases.js';
import { ruleSentence } from '../problem.js';
import type { Rejection } from '../replay/replay.js';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours when `enabled`, plain text otherwise. */
export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** Whether the process's standard output wants colours (picocolors honours NO_COLOR, FORCE_COLOR and TTYs). */
export const TERMINAL_COLORS = pc.isColorSupported;

export function sourceLabel(source: Source): string {
  switch (source.type) {
    case 'article':
      return `${source.outlet}, "${source.headline}" (${source.file})`;
    case 'court-record':
      return `${source.court} ${source.docket}, ${source.entry}${source.url ? ` <${source.url}>` : ''}`;
    case 'public-record':
      return `${source.title} <${source.url}>${source.verified ? '' : ' [unverified]'}`;
  }
}

/** One region of the summary, for people: `executive: order in force` (the phase's name, in words). */
export function regionText(region: string, phase: string): string {
  return `${region}: ${phaseWords(phase)}`;
}

/** The summary in words, region by region; a region left out (one a docket does not hold) is not shown. */
export function phasesLine(phases: Partial<Phases>): string {
  return (Object.keys(REGION_PHASES) as Region[])
    .flatMap((region) => {
      const phase = phases[region];
      return phase === undefined ? [] : [regionText(region, phase)];
    })
    .join(' · ');
}

function statusColour(c: Colors, status: ProhibitionEffect['status']): (s: string) => string {
  switch (status) {
    case 'in-force':
      return c.red;
    case 'partly-enjoined':
      return c.yellow;
    case 'enjoined':
      return c.green;
    case 'not-yet-effective':
    case 'awaiting-date':
      return c.dim;
    case 'suspended':
    case 'revoked':
    case 'withdrawn':
    case 'rescinded':
      return c.blue;
  }
}

const PLAIN = colors(false);

export function effectLine(effect: ProhibitionEffect, c: Colors = PLAIN): string {
  const status = statusColour(c, effect.status)(effect.status.padEnd(17));
  return `  ${status} ${c.bold(effect.prohibition)}: ${effect.reason}`;
}

export function rejectionText(rejection: Rejection): string {
  const { rule } = rejection;
  return `rejected by ${ruleSentence(rule)}`;
}

/** The process-wide colours, for code that writes straight to the terminal; commands use `io.colors`. */
export { formatInstant, pc };
