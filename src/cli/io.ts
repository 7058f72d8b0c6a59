/** The file-system edge: where logs are found and read. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ParsedLog, parseLog } from '../events/parse.js';
import { CliError } from './errors.js';

/** The bundled WeChat log, found next to the package whether run from `src/` or `dist/`. */
export const BUNDLED_LOG = fileURLToPath(new URL('../../events/wechat.jsonl', import.meta.url));
export const EVENTS_DIR = fileURLToPath(new URL('../../events/', import.meta.url));

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
