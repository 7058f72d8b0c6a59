/**
 * zod's answer on an event the fast validator did not accept, with every refusal in words: what the readers
 * (`parse.ts`) fall back on. A module of its own so that zod's schemas are built only when a line needs them
 * (`loadZod`), not by every command that reads a valid log.
 */
import type { z } from 'zod';
import { zodIssues } from '../problem.js';
import type { ZodVerdict } from './parse.js';
import { printable } from './parse.js';
import { CaseEvent, EVENT_TYPES } from './schema.js';

/** A line can be hostile; its message stays readable (the count says how many were left out). */
const MAX_ISSUES_SHOWN = 50;

/** zod checks only what the fast validator could not accept: a JIT-compiled parser would not pay off. */
const NO_JIT = { jitless: true } as const;

function describeIssues(error: z.ZodError, raw: unknown): string {
  const first = error.issues[0];
  if (!first) return 'invalid event';
  const type =
    typeof raw === 'object' && raw !== null && 'type' in raw ? (raw as { type: unknown }).type : undefined;
  if (first.path.length === 1 && first.path[0] === 'type') {
    return type === undefined
      ? 'missing "type" (one of the event kinds, for example "complaint.filed")'
      : `unknown event type ${JSON.stringify(type)}; known types: ${EVENT_TYPES.join(', ')}`;
  }
  // Every problem of the line at once, so one round trip fixes them all.
  const all = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(event)';
    return `${path}: ${issue.message}`;
  });
  const shown = all.slice(0, MAX_ISSUES_SHOWN);
  if (all.length > shown.length) shown.push(`and ${all.length - shown.length} more`);
  return printable(shown.join('; '));
}

export const zodVerdict: ZodVerdict = (value, raw) => {
  const result = CaseEvent.safeParse(value, NO_JIT);
  return result.success
    ? { ok: true, event: result.data }
    : { ok: false, message: describeIssues(result.error, raw), issues: zodIssues(result.error) };
};
