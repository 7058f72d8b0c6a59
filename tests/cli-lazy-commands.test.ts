/**
 * The CLI loads a command's module only when that command runs (issue 14: cold start), and help still
 * lists every command, in order, as each module registers it.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { type LazyCommand, run } from '../src/cli/program.js';
import { captureIO } from './support/cli.js';

/** The real commands, each noting when its module is loaded. */
function spied(): { commands: LazyCommand[]; loaded: string[] } {
  const loaded: string[] = [];
  const commands = COMMANDS.map((c) => ({
    name: c.name,
    load: () => {
      loaded.push(c.name);
      return c.load();
    },
  }));
  return { commands, loaded };
}

describe('lazy command loading', () => {
  it('each entry registers exactly the command it is listed under, with no aliases', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('casesim');
      (await entry.load())(program, captureIO(), () => {});
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
      expect(program.commands[0]?.aliases()).toEqual([]);
    }
  });

  it('a named command loads its own module and no other', async () => {
    const { commands, loaded } = spied();
    const io = captureIO();
    expect(await run(['schema'], commands, io)).toBe(0);
    expect(loaded).toEqual(['schema']);
    expect(io.stdout.join('')).toContain('"$schema"');
  });

  it('help, an unknown command and no command load them all, and help lists them in order', async () => {
    for (const argv of [['--help'], ['replya'], []]) {
      const { commands, loaded } = spied();
      const io = captureIO();
      await run(argv, commands, io);
      expect(loaded).toEqual(COMMANDS.map((c) => c.name));
    }
    const io = captureIO();
    await run(['--help'], COMMANDS, io);
    const listed = [...io.stdout.join('').matchAll(/^ {2}(\w+)\b/gm)].map((m) => m[1]);
    expect(listed.filter((name) => name !== 'help')).toEqual(COMMANDS.map((c) => c.name));
  });

  it('a module that fails to load is reported as a casesim bug, not a stack trace', async () => {
    const io = captureIO();
    const broken: LazyCommand = { name: 'replay', load: () => Promise.reject(new Error('no such chunk')) };
    expect(await run(['replay'], [broken], io)).toBe(70);
    expect(io.stderr.join('')).toMatch(/^casesim: internal error: no such chunk\n/);
  });
});
