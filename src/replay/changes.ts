/**
 * What an event changed, in words: region phases that moved, and records that appeared or changed status.
 * Read off two snapshots, so it can never disagree with the machine.
 */
import type { CaseContext } from '../machine/context.js';
import { phasesOf, phaseWords, type Region } from '../machine/phases.js';
import type { CaseSnapshot } from './replay.js';

export interface Change {
  readonly kind: 'phase' | 'added' | 'status';
  readonly region?: Region;
  readonly record?: string;
  readonly id?: string;
  readonly from?: string;
  readonly to: string;
  readonly text: string;
}

const RECORDS = {
  orders: 'order',
  identifications: 'identification',
  prohibitions: 'prohibition',
  suits: 'case',
  appeals: 'appeal',
  motions: 'motion',
  injunctions: 'injunction',
  stays: 'stay',
  petitions: 'certiorari petition',
} as const satisfies Partial<Record<keyof CaseContext, string>>;

function statusOf(record: object): string {
  const r = record as { status?: unknown; effective?: { local: string; zone: string } };
  if (typeof r.status === 'string') return r.status;
  return r.effective ? `effective ${r.effective.local} ${r.effective.zone}` : 'recorded';
}

export function changesBetween(before: CaseSnapshot, after: CaseSnapshot): Change[] {
  const changes: Change[] = [];
  const from = phasesOf(before.context);
  const to = phasesOf(after.context);
  for (const region of Object.keys(to) as Region[]) {
    if (from[region] !== to[region]) {
      changes.push({
        kind: 'phase',
        region,
        from: from[region],
        to: to[region],
        text: `${region}: ${phaseWords(from[region])} → ${phaseWords(to[region])}`,
      });
    }
  }
  for (const [key, label] of Object.entries(RECORDS) as [keyof typeof RECORDS, string][]) {
    const a = before.context[key] as Record<string, object>;
    const b = after.context[key] as Record<string, object>;
    for (const [id, record] of Object.entries(b)) {
      const old = a[id];
      const now = statusOf(record);
      if (!old) changes.push({ kind: 'added', record: label, id, to: now, text: `${label} ${id}: ${now}` });
      else if (statusOf(old) !== now) {
        changes.push({
          kind: 'status',
          record: label,
          id,
          from: statusOf(old),
          to: now,
          text: `${label} ${id}: ${statusOf(old)} → ${now}`,
        });
      }
    }
  }
  if (after.context.positions.length > before.context.positions.length) {
    const p = after.context.positions.at(-1);
    if (p)
      changes.push({
        kind: 'added',
        record: 'position',
        id: p.eventId,
        to: 'stated',
        text: `position of ${p.by} on record`,
      });
  }
  return changes;
}
