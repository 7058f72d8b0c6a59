/**
 * Saved states (`replay --save-state` / `--resume`, issue 15 point 3): written atomically and never over a
 * file that is not a saved state; they carry the identity of the log prefix they summarise, and a state
 * that does not match the log, does not parse, or was tampered with is refused in one line (exit 2),
 * never with "internal error".
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, removeDir, tempDir } from './helpers/built.js';
import { withSmallDisk } from './helpers/children.js';
import { cli } from './support/cli.js';

const MINIMAL = path.join(ROOT, 'tests/fixtures/logs/minimal.jsonl');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(() => {
  dir = tempDir('store-state-file');
});
afterEach(() => removeDir(dir));

describe('--save-state', () => {
  it('refuses to write over a log (or any file that is not a saved state), which is left as it was', async () => {
    const log = path.join(dir, 'case.jsonl');
    writeFileSync(log, readFileSync(MINIMAL));
    const before = hash(log);
    const r = await cli('replay', log, '--save-state', log);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^casesim: --save-state: .*case\.jsonl exists and is not a saved state \(it may be a log\)/,
    );
    expect(hash(log)).toBe(before);
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    expect((await cli('replay', MINIMAL, '--save-state', notes)).code).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('replaces an earlier saved state atomically, leaving no temporary file', async () => {
    const state = path.join(dir, 'state.json');
    expect((await cli('replay', MINIMAL, '--save-state', state)).code).toBe(0);
    expect((await cli('replay', MINIMAL, '--save-state', state)).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(state, 'utf8')).log).toEqual({
      bytes: readFileSync(MINIMAL).length,
      sha256: hash(MINIMAL),
    });
  });

  it.skipIf(!isRoot)('on a full disk, says so in words and leaves the earlier good state whole', async () => {
    await withSmallDisk(path.join(dir, 'small'), async (mount) => {
      const state = path.join(mount, 'state.json');
      expect((await cli('replay', MINIMAL, '--save-state', state)).code).toBe(0);
      const good = hash(state);
      try {
        writeFileSync(path.join(mount, 'filler'), Buffer.alloc(64 * 1024));
      } catch {
        // Full: the point.
      }
      const r = await cli('replay', MINIMAL, '--save-state', state);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /cannot write .*state\.json: the disk is full; any earlier state there is unchanged/,
      );
      expect(hash(state)).toBe(good);
      expect(readdirSync(mount).sort()).toEqual(['filler', 'state.json']);
    });
  });
});

describe('--resume', () => {
  it('refuses a state saved from another log whose last event has the same id', async () => {
    const lines = readFileSync(MINIMAL, 'utf8').split('\n');
    const other = path.join(dir, 'other.jsonl');
    // The same events but the first one's summary changed: the prefix the state summarises differs.
    const first = JSON.parse(lines[0] ?? '');
    writeFileSync(
      other,
      [JSON.stringify({ ...first, summary: 'Another account.' }), ...lines.slice(1, 5), ''].join('\n'),
    );
    const state = path.join(dir, 'state.json');
    expect((await cli('replay', other, '--save-state', state)).code).toBe(0);
    const r = await cli('replay', MINIMAL, '--resume', state);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^casesim: --resume: .*state\.json was saved from a log whose first \d+ bytes are not those of .*minimal\.jsonl/,
    );
    expect(r.out).toBe('');
  });

  it('refuses a state saved before states carried their log (no identity): save it again', async () => {
    const state = path.join(dir, 'state.json');
    await cli('replay', MINIMAL, '--save-state', state);
    const { log: _log, ...old } = JSON.parse(readFileSync(state, 'utf8'));
    writeFileSync(state, JSON.stringify(old));
    const r = await cli('replay', MINIMAL, '--resume', state);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not a casesim state \(log:/);
  });

  it('never answers a tampered state with "internal error": every mutation is refused in one line, or resumes', async () => {
    const state = path.join(dir, 'state.json');
    await cli('replay', MINIMAL, '--save-state', state);
    const good = JSON.parse(readFileSync(state, 'utf8'));
    const records = Object.keys(good.context).filter((k) => typeof good.context[k] === 'object');
    const tampered: unknown[] = [];
    for (const key of records)
      for (const bad of [null, 1, 'x', [], { a: 1 }, { a: { id: 1, status: 'nonsense' } }])
        tampered.push({ ...good, context: { ...good.context, [key]: bad } });
    for (const bad of [null, -1, 1.5, 'x', 1e9])
      tampered.push({ ...good, context: { ...good.context, accepted: bad } });
    for (const bad of [null, {}, 'x', { a: 'b' }]) tampered.push({ ...good, value: bad });
    tampered.push({ ...good, log: { bytes: 1e12, sha256: good.log.sha256 } });
    tampered.push({ ...good, log: { bytes: -1, sha256: 'x' } });
    let refused = 0;
    for (const [i, value] of tampered.entries()) {
      writeFileSync(state, JSON.stringify(value));
      const r = await cli('replay', MINIMAL, '--resume', state);
      expect(r.code, `mutation ${i}: ${r.err}`).not.toBe(70);
      if (r.code === 2) {
        refused += 1;
        expect(r.err.trimEnd().split('\n'), `mutation ${i}`).toHaveLength(1);
        expect(r.err, `mutation ${i}`).toMatch(/^casesim: --resume: /);
      }
    }
    expect(refused).toBeGreaterThan(tampered.length / 2);
  });
});
