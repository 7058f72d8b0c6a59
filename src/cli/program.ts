/**
 * The command-line program, as a function of argv and two output streams, so tests drive it directly.
 * Commands register themselves from `commands/`; each writes through `CliIO` and returns an exit code.
 * Every failure reaches the user as one line starting with `casesim:` (with `--json`, as one JSON document
 * on stdout: `{"error": {"code", "message", "where"}}`, so a script reading stdout always gets JSON); exit
 * codes are 0 (success), 1 (the log has invalid or rejected events), 2 (usage error or unreadable input)
 * and 70 (a bug in casesim).
 */
import { Command, CommanderError } from 'commander';
import { failureJson, isProblemError, problem } from '../problem.js';
import { CliError } from './errors.js';
import { type Colors, colors, TERMINAL_COLORS } from './format.js';
import { packageVersion, terminalText, writeOutput } from './io.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether output may carry ANSI colours; false when omitted (pipes, files, tests). */
  readonly color?: boolean;
}

export const processIO: CliIO = {
  out: (text) => writeOutput(1, terminalText(text, TERMINAL_COLORS)),
  err: (text) => writeOutput(2, terminalText(text, TERMINAL_COLORS)),
  color: TERMINAL_COLORS,
};

/** The colours a command may use on `io`. */
export function colorsOf(io: CliIO): Colors {
  return colors(io.color ?? false);
}

/** What a command's action returns: its exit code (0 when omitted). */
export type ActionResult = number | undefined | Promise<number | undefined>;

export type CommandModule = (program: Command, io: CliIO, setExit: (code: number) => void) => void;

/** A command whose module is imported only when it runs, or when help or an unknown name needs them all. */
export interface LazyCommand {
  /** The name the module registers (a test holds each entry to it). */
  readonly name: string;
  load(): Promise<CommandModule>;
}

/** The modules a run needs: the named command's alone, or every one (help, a typo, no command at all). */
async function modulesFor(
  argv: readonly string[],
  commands: readonly (CommandModule | LazyCommand)[],
): Promise<CommandModule[]> {
  const named = commands.find((c) => typeof c !== 'function' && c.name === argv[0]);
  const wanted = named ? commands.filter((c) => c === named || typeof c === 'function') : commands;
  return Promise.all(wanted.map((c) => (typeof c === 'function' ? c : c.load())));
}

/** Wraps an action so its exit code reaches `run`. */
export function action<A extends unknown[]>(
  setExit: (code: number) => void,
  fn: (...args: A) => ActionResult,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    setExit((await fn(...args)) ?? 0);
  };
}

/** Help is wrapped at a fixed width, so it reads the same in every terminal and in the tests. */
const HELP_WIDTH = 100;

/** commander says "error: unknown command 'x'"; we say it in one line, like every other failure. */
function usageMessage(message: string, usage: string): string {
  return `${message.replace(/^error: /, '').trimEnd()} (run ${usage} --help for usage)`;
}

export async function run(
  argv: readonly string[],
  commands: readonly (CommandModule | LazyCommand)[],
  io: CliIO,
): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // Decided before parsing, so that a usage error in JSON mode is JSON too.
  const jsonMode = argv.includes('--json');
  let usage: string | undefined;
  const usageError = (command: string) => (message: string, write: (s: string) => void) => {
    usage = usageMessage(message, command);
    if (!jsonMode) write(`casesim: ${usage}\n`);
  };
  const program = new Command('casesim')
    .description('Replay, question and branch a piece of litigation, from a sourced event log.')
    .version(packageVersion(), '-V, --version', "print casesim's version")
    .exitOverride()
    .configureHelp({ helpWidth: HELP_WIDTH })
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: usageError('casesim'),
    });

  try {
    for (const register of await modulesFor(argv, commands)) register(program, io, setExit);
    for (const command of program.commands) {
      command
        .exitOverride()
        .configureHelp({ helpWidth: HELP_WIDTH })
        .configureOutput({
          writeOut: (s) => io.out(s),
          writeErr: (s) => io.err(s),
          outputError: usageError(`casesim ${command.name()}`),
        });
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; commander has already printed the message otherwise.
      if (error.exitCode === 0) return 0;
      if (jsonMode) io.out(failureJson(problem('USAGE', usage ?? error.message.replace(/^error: /, ''))));
      return 2;
    }
    if (isProblemError(error)) {
      if (jsonMode) io.out(failureJson(error.failure, error.problems));
      else io.err(`casesim: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (jsonMode)
      io.out(failureJson(problem('INTERNAL', `internal error: ${message} (this is a bug in casesim)`)));
    else io.err(`casesim: internal error: ${message}`);
    if (process.env.CASESIM_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    else if (!jsonMode) io.err('(this is a bug in casesim; run with CASESIM_DEBUG=1 for details)');
    return 70;
  }
}

export { CliError };
