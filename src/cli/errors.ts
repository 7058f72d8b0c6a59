/** A failure the user can act on: printed as one message, never with a stack trace. */

/** Where a failure is: a file, and within it a line and an event, when known. */
export interface ErrorWhere {
  readonly file?: string;
  readonly line?: number;
  readonly eventId?: string;
}

/**
 * The stable codes of a failure, as `--json` prints them (`{"error": {"code", "message", "where"}}`):
 * USAGE (a bad option or argument, exit 2), UNREADABLE (input that cannot be read or is not the format
 * asked for, exit 2), INVALID (a log, scenario or odds file with an invalid or rejected entry, exit 1),
 * INTERNAL (a bug in casesim, exit 70).
 */
export type ErrorCode = 'USAGE' | 'UNREADABLE' | 'INVALID' | 'INTERNAL';

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** 1: the log has invalid or rejected events; 2: the command was used wrongly or input is unreadable. */
    readonly exitCode: 1 | 2 = 2,
    readonly where?: ErrorWhere,
    /** The code `--json` gives; by default INVALID for exit 1, USAGE for exit 2. */
    readonly code: ErrorCode = exitCode === 1 ? 'INVALID' : 'USAGE',
  ) {
    super(message);
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof Error && error.name === 'CliError';
}

/** A failure as `--json` prints it: one JSON document with a stable shape. */
export function errorJson(code: ErrorCode, message: string, where: ErrorWhere | null = null): string {
  return JSON.stringify({ error: { code, message, where } }, null, 2);
}
