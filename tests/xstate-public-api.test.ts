/**
 * The charts are run and read only through XState's public API: `transition()`, `snapshot.can`, and the
 * machine's `definition` (states, their `transitions`, each with `eventType`, `guard` as the named guard we
 * wrote, and `target`). Reading an action's `.assignment`, a composite guard's `.guards`, or anything from
 * XState's dist or private fields is how the old fast path broke on upgrades; this spec keeps it out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.ts$/.test(name) && !name.endsWith('.generated.ts') ? [file] : [];
  });
}

const PRIVATE = [
  /\.assignment\b/, // an assign action's internal function
  /\.guards\b/, // and()/or() guards' internal list
  /from ['"]xstate\/(?:dist|src)/, // reaching into XState's build
  /\b__xstate\b/,
  /\._(?:nodeSet|transitionCache|machine|state)\b/,
];

describe('XState is used through its public API only', () => {
  const files = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'web/src'))];

  it.each(PRIVATE.map((p) => [String(p), p] as const))('no source reads %s', (_name, pattern) => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${path.relative(root, file)}:${i + 1}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('the old fast path that re-implemented XState from its internals is gone', () => {
    expect(files.map((f) => path.relative(root, f))).not.toContain('src/replay/fast.ts');
  });
});
