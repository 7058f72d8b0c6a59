/** Runs the CLI in-process, as `casesim <argv>` would, and captures what it prints and its exit code. */
import { COMMANDS } from '../../src/cli/commands/index.js';
import { type CliIO, run } from '../../src/cli/program.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A `CliIO` that keeps what it is given, line-terminated as the terminal would show it, without colours. */
export function captureIO(): CliIO & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    stdout,
    stderr,
    color: false,
    out: (text) => stdout.push(line(text)),
    err: (text) => stderr.push(line(text)),
  };
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const io = captureIO();
  const code = await run(argv, COMMANDS, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

/** A line of a stack trace (`    at fn (file.js:1:2)`) or an `Error:`-prefixed message. */
export const STACK_TRACE = /^\s+at\s.+:\d+:\d+\)?$|\b\w*Error: /m;
