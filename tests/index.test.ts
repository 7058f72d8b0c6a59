/**
 * The package's front door: package.json `exports` points at the build of src/index.ts, which only
 * re-exports by name, and through it a reader can replay the bundled log and read the charts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as casesim from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the library entry point', () => {
  it('is what package.json exports, built from src/index.ts', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    const build = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
  });

  it('holds named re-exports only: no default export and nothing declared in it', () => {
    const source = readFileSync(path.join(root, 'src', 'index.ts'), 'utf8').replace(
      /\/\*\*[\s\S]*?\*\//g,
      '',
    );
    const statements = source
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const statement of statements)
      expect(statement).toMatch(/^export (type )?\{[\s\S]*\} from '\.\/[\w/-]+\.js'$/);
    expect('default' in casesim).toBe(false);
  });

  it('replays the bundled log and gives the lifecycle charts', () => {
    const log = casesim.parseLog(readFileSync(path.join(root, 'events', 'wechat.jsonl')), 'wechat.jsonl');
    const { snapshot, rejections } = casesim.replayAll(log.events.map((l) => l.event));
    expect(rejections).toEqual([]);
    expect(casesim.lifecycleGraphs().map((g) => g.id)).toContain('injunction');
    expect(casesim.objectStatesOf(snapshot).some((o) => o.id === 'pi-granted')).toBe(true);
  });
});
