/**
 * One shape for every failure casesim reports: a log line that is not an event, an event the rules of
 * procedure refuse, an append the store refuses, a scenario or odds file that does not hold. A problem is a
 * value (code, where, why); the CLI throws it wrapped in a `ProblemError` and prints it with one formatter.
 * Nothing here reads a file or the machine: the rule a problem cites is data handed in.
 */
import type { z } from 'zod';
import type { RuleMeta } from './machine/rules.js';

/** What went wrong, as a program branches on it; stable across versions (`--json` and the store's results). */
export type ProblemCode =
  // A line of a log, or an event given to `append`, that is not an event.
  /** The bytes are not UTF-8. */
  | 'BAD_ENCODING'
  /** The line is not JSON. */
  | 'BAD_JSON'
  /** The line is longer than any event may be. */
  | 'LINE_TOO_LONG'
  /** The last line of a log has no end: a write was cut off. */
  | 'TORN_LINE'
  /** The value is not what the event schema says (`issues` holds zod's findings). */
  | 'INVALID_EVENT'
  /** An id used by an earlier line. */
  | 'DUPLICATE_ID'
  /** An event (or a scenario's branch) that takes effect before the event it follows. */
  | 'OUT_OF_ORDER'
  // The law.
  /** The machine refuses the event in the state before it; `rule` says which rule it breaks. */
  | 'ILLEGAL_EVENT'
  // The store (src/store): see store/errors.ts for when each is given.
  | StoreRefusal
  // Other files casesim reads.
  /** A what-if scenario file that is not what its schema says (`issues` holds zod's findings). */
  | 'INVALID_SCENARIO'
  /** A scenario's edit that cannot be applied to its base (`where.edit` says which). */
  | 'SCENARIO_EDIT'
  /** An odds file that is not what its schema says. */
  | 'INVALID_ODDS'
  // A command's failure as a whole, as `--json` names it (see FailureCode).
  | FailureCode;

/** What only the store refuses: a log that moved on, an id taken, a corrupt log, a lock, the disk. */
export type StoreRefusal =
  | 'CONFLICT'
  | 'DUPLICATE_ID_DIFFERENT_CONTENT'
  | 'CORRUPT_LOG'
  | 'LOCK_TIMEOUT'
  | 'IO_ERROR'
  | 'OUTCOME_UNKNOWN';

/**
 * The code of a command's failure as `--json` prints it (`{"error": {"code", "message", "where"}}`):
 * USAGE (a bad option or argument, exit 2), UNREADABLE (input that cannot be read or is not the format
 * asked for, exit 2), INVALID (a log, scenario or odds file with an invalid or rejected entry, exit 1),
 * INTERNAL (a bug in casesim, exit 70).
 */
export type FailureCode = 'USAGE' | 'UNREADABLE' | 'INVALID' | 'INTERNAL';

/** Where a problem is, as far as it is known: a file, a line in it, an event, a field, a scenario's edit. */
export interface Where {
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
  readonly eventId?: string;
  /** The path to the field at fault inside the value (`['edits', 0, 'with', 'at']`). */
  readonly field?: readonly (string | number)[];
  /** The scenario edit to blame: its 0-based index and its kind. */
  readonly edit?: { readonly index: number; readonly kind?: string };
}

/** One of zod's findings, kept as data: the path to the value, zod's issue code, and its message. */
export interface ProblemIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

export interface Problem {
  readonly code: ProblemCode;
  readonly where: Where;
  /** Why, for a person; `formatProblem` puts the where in front of it. */
  readonly message: string;
  /** For a value a schema refuses: every one of zod's findings, not only the worded first. */
  readonly issues?: readonly ProblemIssue[];
  /** For an illegal event: the rule of procedure it breaks. */
  readonly rule?: RuleMeta;
  /** For CONFLICT: the version (number of events) the caller expected, and the one the log has. */
  readonly expectedVersion?: number;
  readonly actualVersion?: number;
}

/** The optional parts of a problem besides where. */
export type ProblemDetails = Omit<Problem, 'code' | 'where' | 'message'>;

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** Keeps the fields that are set, in a fixed order, so a problem prints and serialises cleanly. */
function defined<T extends object>(value: Loose<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}

/** Builds a problem, leaving out whatever is unknown (an event id of a line that is not JSON). */
export function problem<C extends ProblemCode>(
  code: C,
  message: string,
  where: Loose<Where> = {},
  details: Loose<ProblemDetails> = {},
): Problem & { readonly code: C } {
  const { issues, rule, expectedVersion, actualVersion } = details;
  return defined<Problem & { code: C }>({
    code,
    where: defined<Where>({
      file: where.file,
      line: where.line,
      eventId: where.eventId,
      field: where.field,
      edit: where.edit,
    }),
    message,
    issues,
    rule,
    expectedVersion,
    actualVersion,
  });
}

/** zod's findings as data: a symbol in a path (never one of ours) is kept as its description. */
export function zodIssues(error: z.ZodError): ProblemIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    code: issue.code,
    message: issue.message,
  }));
}

/** A rule in one sentence, as every refusal states it: `rule X (title): explanation [citation]`. */
export function ruleSentence(rule: RuleMeta): string {
  return `rule ${rule.name} (${rule.title}): ${rule.explanation} [${rule.citation}]`;
}

/** An event the machine refuses, where it stands: "`type` breaks rule X (title): explanation [citation]". */
export function illegalEvent<W extends Where>(
  event: { readonly id: string; readonly type: string },
  rule: RuleMeta,
  where: W,
): Problem & { readonly code: 'ILLEGAL_EVENT'; readonly where: W } {
  const message = `${event.type} breaks ${ruleSentence(rule)}`;
  return problem('ILLEGAL_EVENT', message, { ...where, eventId: event.id }, { rule }) as Problem & {
    code: 'ILLEGAL_EVENT';
    where: W;
  };
}

/**
 * A problem in one line for a person: `file:line: event id: why`, `file: edit 2 (insert): why`, or the
 * why alone where nothing locates it.
 */
export function formatProblem(p: Problem): string {
  const { file, line, eventId, edit } = p.where;
  const parts: string[] = [];
  if (file !== undefined) parts.push(line === undefined ? file : `${file}:${line}`);
  if (eventId !== undefined) parts.push(`event ${eventId}`);
  if (edit !== undefined) parts.push(`edit ${edit.index + 1} (${edit.kind ?? 'unknown kind'})`);
  return [...parts, p.message].join(': ');
}

/** The exit status of a command that ends on a problem: 3 the outcome of a write is unknown, 2 nothing
 * could be read or written (or the command was used wrongly), 1 the input is invalid or refused. */
export type ExitCode = 1 | 2 | 3;

export function exitCodeOf(code: ProblemCode): ExitCode {
  if (code === 'OUTCOME_UNKNOWN') return 3;
  return code === 'IO_ERROR' || code === 'USAGE' || code === 'UNREADABLE' ? 2 : 1;
}

/**
 * The one thing casesim throws for a failure the user can act on. `failure` is the failure as a whole (its
 * message the line a person reads after `casesim:`, its code the one `--json` gives); `problems` are the
 * input's own problems behind it (a log's rejected event, a scenario's zod issues), kept as data.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly failure: Problem & { readonly code: FailureCode },
    readonly exitCode: ExitCode,
    readonly problems: readonly Problem[] = [],
  ) {
    super(failure.message);
  }
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof Error && error.name === 'ProblemError';
}

/** The file, line and event of a problem: the part of `where` a command's failure gives in `--json`. */
export function locationOf(where: Where): Pick<Where, 'file' | 'line' | 'eventId'> {
  return defined({ file: where.file, line: where.line, eventId: where.eventId });
}

/** The problem of a value read from `file` (a scenario, an odds file), placed in that file. */
export function inFile(p: Problem, file: string): Problem {
  return { ...p, where: { file, ...p.where } };
}

/**
 * Refuses input on its first problem (exit 1, INVALID), e.g. a scenario or odds file: the message is that
 * problem in one line, and every problem is kept for `--json`.
 */
export function refuseInput(problems: readonly [Problem, ...Problem[]]): ProblemError {
  const [first] = problems;
  return new ProblemError(problem('INVALID', formatProblem(first), locationOf(first.where)), 1, problems);
}

/** A failure as `--json` prints it: one JSON document with a stable shape; the input's problems when known. */
export function failureJson(failure: Problem, problems: readonly Problem[] = []): string {
  const where = locationOf(failure.where);
  return JSON.stringify(
    {
      error: {
        code: failure.code,
        message: failure.message,
        where: Object.keys(where).length > 0 ? where : null,
        ...(problems.length > 0 ? { problems } : {}),
      },
    },
    null,
    2,
  );
}
