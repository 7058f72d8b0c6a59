/**
 * The output edge (issue 15, points 6 and 9): text from files reaches a terminal with its control
 * characters escaped, never acted on; a full or closed stdout ends the command quietly with status 74 and
 * never turns a stored append into a reported failure.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../src/cli/io.js';
import { parseLog } from '../src/events/parse.js';
import { type Built, buildForChildren, ROOT, removeDir, tempDir } from './helpers/built.js';
import { STACK_TRACE } from './support/cli.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/store');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b[H\u009b31m casesim: all clear\r';

let built: Built;
let dir: string;
beforeAll(async () => {
  built = await buildForChildren('store-output-edge');
  dir = tempDir('store-output-edge');
});
afterAll(() => {
  built?.dispose();
  removeDir(dir);
});

function runCli(args: string[], stdout: 'pipe' | number = 'pipe') {
  const child = spawn(process.execPath, [built.cli, ...args], {
    stdio: ['ignore', stdout, 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out, err })),
  );
}

describe('terminalText', () => {
  it('escapes ESC, CSI, OSC, BEL, CR, DEL and C1, and keeps newlines and tabs', () => {
    expect(terminalText(`a\tb\n${HOSTILE}\u007f`)).toBe(
      'a\tb\n\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H\\u009b31m casesim: all clear\\u000d\\u007f',
    );
  });

  it('keeps colour codes (SGR) only when colours are on, and nothing else even then', () => {
    expect(terminalText('\u001b[31mred\u001b[39m', true)).toBe('\u001b[31mred\u001b[39m');
    expect(terminalText('\u001b[31mred\u001b[39m', false)).toBe('\\u001b[31mred\\u001b[39m');
    expect(terminalText('\u001b]0;t\u0007\u001b[2J', true)).toBe('\\u001b]0;t\\u0007\\u001b[2J');
  });
});

describe('a log whose summaries carry terminal escapes (issue 15, point 9)', () => {
  it('is replayed with every escape shown, none sent to the terminal', async () => {
    const log = path.join(dir, 'hostile.jsonl');
    const note = { ...JSON.parse(fixture('note.json')), id: 'hostile-1', summary: `Note ${HOSTILE}` };
    writeFileSync(log, `${fixture('seed.jsonl')}${JSON.stringify(note)}\n`);
    const r = await runCli(['replay', log]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('a stdout that cannot be written (issue 15, point 6)', () => {
  it('after a stored append (stdout is /dev/full): the event is stored, exit 74, one quiet line, no stack trace', async () => {
    const log = path.join(dir, 'full.jsonl');
    writeFileSync(log, fixture('seed.jsonl'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ ...JSON.parse(fixture('note.json')), id: 'stored-1' }));
    const r = await runCli(['append', log, event], openSync('/dev/full', 'w'));
    expect(r.code).toBe(74);
    expect(r.err).toBe(
      'casesim: standard output could not be written (the disk is full); the command itself ended with status 0\n',
    );
    expect(r.err).not.toMatch(STACK_TRACE);
    expect(r.err).not.toMatch(/not stored|cannot append/);
    expect(parseLog(readFileSync(log)).events.map((e) => e.event.id)).toContain('stored-1');
  });

  it("keeps a failing command's own status when its output is lost too", async () => {
    const r = await runCli(['validate', path.join(dir, 'missing.jsonl')], openSync('/dev/full', 'w'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK_TRACE);
  });
});
