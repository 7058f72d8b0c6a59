/** A failure the user can act on: printed as one message, never with a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** 1: the log has invalid or rejected events; 2: the command was used wrongly or input is unreadable. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof Error && error.name === 'CliError';
}
