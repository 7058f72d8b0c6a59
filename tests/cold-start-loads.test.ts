/**
 * A command loads what it needs (issue 14: cold start): `casesim replay` of a valid log never builds zod's
 * schemas, since the validator generated from them accepts every line; a line that validator does not accept
 * loads zod then, and is refused in zod's words, the same words as in a process that loaded zod at once.
 * Read from the compiled CLI, module by module (dist/cli/main.js), with a loader hook listing what it loads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replayCommand } from '../src/cli/commands/replay.js';
import { run } from '../src/cli/program.js';
import { ROOT, removeDir, tempDir } from './helpers/built.js';
import { captureIO } from './support/cli.js';

const CLI = path.join(ROOT, 'dist/cli/main.js');
const HOOK = path.join(ROOT, 'tests/helpers/record-loads.mjs');
const built = existsSync(CLI);
const skipped = built ? '' : '[skipped: dist/ is missing; run npm run build] ';
const dir = tempDir('cold-start-loads');
afterAll(() => removeDir(dir));

/** What the CLI printed and every module URL it loaded. */
function runCli(args: string[]): { status: number | null; stderr: string; loads: string[] } {
  const loads = path.join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(loads, '');
  const r = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CASESIM_LOADS: loads, NO_COLOR: '1' },
  });
  return { status: r.status, stderr: r.stderr, loads: readFileSync(loads, 'utf8').split('\n') };
}

const loadsZod = (loads: readonly string[]) =>
  loads.some((url) => url.includes('/node_modules/zod/') || url.endsWith('/dist/events/schema.js'));

describe('what a command loads', () => {
  it.skipIf(!built)(`${skipped}replay of a valid log loads neither zod nor the event schemas`, () => {
    const r = runCli(['replay', 'events/wechat.jsonl']);
    expect(r.status).toBe(0);
    expect(r.loads.some((url) => url.endsWith('/dist/events/validate.generated.js'))).toBe(true);
    expect(loadsZod(r.loads)).toBe(false);
  });

  it.skipIf(!built)(
    `${skipped}a line the fast validator does not accept loads zod, and is refused in the same words as with zod loaded at once`,
    async () => {
      const log = path.join(dir, 'bad.jsonl');
      const good = readFileSync(path.join(ROOT, 'events/wechat.jsonl'), 'utf8').split('\n')[0] as string;
      writeFileSync(log, `${good}\n${good.replace('"summary":"', '"summary":1,"stray":"')}\n`);
      const r = runCli(['replay', log]);
      expect(r.status).toBe(1);
      expect(loadsZod(r.loads)).toBe(true);
      const io = captureIO();
      expect(await run(['replay', log], [replayCommand], io)).toBe(1);
      expect(r.stderr).toBe(io.stderr.join(''));
      expect(r.stderr).toMatch(
        /:2: event [a-z0-9-]+: .*summary: Invalid input: expected string, received number/,
      );
    },
  );
});
