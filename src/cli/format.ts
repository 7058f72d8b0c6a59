/** Rendering for terminals: colours only when the terminal wants them (picocolors honours NO_COLOR). */
import pc from 'picocolors';
import { formatInstant } from '../events/instant.js';
import type { Source } from '../events/schema.js';
import type { ProhibitionEffect } from '../machine/effects.js';
import { phasesOf } from '../machine/phases.js';
import type { CaseSnapshot, Rejection } from '../replay/replay.js';

export { pc };

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

export function phasesLine(snapshot: CaseSnapshot): string {
  const p = phasesOf(snapshot.context);
  return `executive ${p.executive} · suit ${p.suit} · relief ${p.relief} · appeal ${p.appeal}`;
}

const STATUS_COLOUR: Record<ProhibitionEffect['status'], (s: string) => string> = {
  'in-force': pc.red,
  'partly-enjoined': pc.yellow,
  enjoined: pc.green,
  'not-yet-effective': pc.dim,
  revoked: pc.blue,
  withdrawn: pc.blue,
  rescinded: pc.blue,
};

export function effectLine(effect: ProhibitionEffect): string {
  const status = STATUS_COLOUR[effect.status](effect.status.padEnd(17));
  return `  ${status} ${pc.bold(effect.prohibition)}: ${effect.reason}`;
}

export function rejectionText(rejection: Rejection): string {
  const { rule } = rejection;
  return `rejected by rule ${rule.name} (${rule.title}): ${rule.explanation} [${rule.citation}]`;
}

export { formatInstant };
