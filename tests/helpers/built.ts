/**
 * The store and the CLI compiled for real child processes: vite's SSR build (rolldown) bundles `src/` into
 * a fresh directory under test-output/ per test file, in well under a second, so tests never depend on a
 * `dist/` that another build may be rewriting. Dependencies stay external and resolve from node_modules.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Built {
  /** The CLI entry (`node <cli> append ...`). */
  readonly cli: string;
  /** The store library (`import(<store>)`). */
  readonly store: string;
  /** A child-process writer script (see writer.mjs). */
  readonly writer: string;
  /** Removes the build. */
  dispose(): void;
}

/** A fresh directory under test-output/ (created if this is a fresh checkout). */
export function tempDir(name: string): string {
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  return mkdtempSync(path.join(ROOT, 'test-output', `${name}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export async function buildForChildren(name: string): Promise<Built> {
  const outDir = tempDir(`${name}-build`);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: {
          cli: path.join(ROOT, 'tests/helpers/cli-entry.ts'),
          store: path.join(ROOT, 'src/store/index.ts'),
        },
        // Chunks (what the CLI imports only when asked) beside the entries, as in dist/bin: modules find
        // the package two levels above themselves (io.ts's PACKAGE_ROOT).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  return {
    cli: path.join(outDir, 'cli.js'),
    store: path.join(outDir, 'store.js'),
    writer: path.join(ROOT, 'tests/helpers/writer.mjs'),
    dispose: () => removeDir(outDir),
  };
}
