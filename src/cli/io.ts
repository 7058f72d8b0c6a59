/** The file-system edge: where logs are found and read. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedLog, parseLog } from '../events/parse.js';
import { CliError } from './errors.js';

/**
 * The package's root, two levels above this module wherever it runs from: `src/cli/` (tests), `dist/cli/`
 * (compiled) or `dist/bin/` (the single-file CLI). Every bundled file is found from here.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bundled WeChat log. */
export const BUNDLED_LOG = join(PACKAGE_ROOT, 'events', 'wechat.jsonl');
export const EVENTS_DIR = join(PACKAGE_ROOT, 'events');

export function readText(path: string, what = 'file'): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path} is a directory, not a ${what}`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such ${what}`);
    if (code === 'EACCES') throw new CliError(`${path}: permission denied`);
    throw new CliError(`${path}: cannot read (${code ?? String(error)})`);
  }
}

/** Reads and parses a log; problems are returned, not thrown, so `validate` can list them all. */
export function loadLog(path: string | undefined): ParsedLog {
  const file = path ?? BUNDLED_LOG;
  return parseLog(readText(file, 'log'), file);
}
