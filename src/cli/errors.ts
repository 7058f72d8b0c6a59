/**
 * A failure the user can act on: printed as one message, never with a stack trace. Every failure is a
 * `ProblemError` (src/problem.ts); `CliError` is the short way a command builds one from a sentence.
 */
import { type FailureCode, ProblemError, problem, type Where } from '../problem.js';

/** Where a failure is: a file, and within it a line and an event, when known. */
export type ErrorWhere = Pick<Where, 'file' | 'line' | 'eventId'>;

export class CliError extends ProblemError {
  constructor(
    message: string,
    /** 1: the log has invalid or rejected events; 2: the command was used wrongly or input is unreadable. */
    exitCode: 1 | 2 = 2,
    where?: ErrorWhere,
    /** The code `--json` gives; by default INVALID for exit 1, USAGE for exit 2. */
    code: FailureCode = exitCode === 1 ? 'INVALID' : 'USAGE',
  ) {
    super(problem(code, message, where), exitCode);
  }
}
