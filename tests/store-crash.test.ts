/**
 * Crash safety (issue 5, part 3): writers killed with SIGKILL at random moments leave a log that still
 * replays up to its last whole event, and lose no event they acknowledged; a torn last line (from a writer
 * cut off mid-line, real or simulated) is reported by `validate` with its line number, refused by `append`
 * without changing a byte, and moved to a side file by `repair`, after which the log replays and takes
 * appends again. Kill times come from a seeded generator; the seed is in the suite name.
 */

import { createHash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog, serializeEvent, validateEvent } from '../src/events/parse.js';
import type { CaseEvent } from '../src/events/schema.js';
import { mulberry32 } from '../src/random.js';
import { checkLog } from '../src/replay/check.js';
import { appendEvent, repairLog } from '../src/store/index.js';
import { type Built, buildForChildren, ROOT, removeDir, tempDir } from './helpers/built.js';
import { PID_NAMESPACES, start } from './helpers/children.js';
import { cli } from './support/cli.js';

const WRITERS_PER_BATCH = 10;
const BATCHES_PER_ROUND = 2;
/** Real SIGKILLs required; rounds continue until there are this many (a writer may stop first, below). */
const KILLS = 100;
const MAX_ROUNDS = 12;
const TORN_KILLS = 12;
const SIMULATED_TEARS = 200;
const SEED = fc.readConfigureGlobal().seed ?? 1;

// mulberry32, seeded from fast-check's seed, so a failing run's kill times can be replayed.
const generator = mulberry32;

let built: Built;
let dir: string;
const seedText = readFileSync(path.join(ROOT, 'tests/fixtures/store/seed.jsonl'), 'utf8');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  built = await buildForChildren('store-crash');
  dir = tempDir('crash-log');
});
afterAll(() => {
  built?.dispose();
  removeDir(dir);
});

/** Where `unshare --pid --fork` runs (root on Linux), one writer per batch runs as PID 1 of its own namespace. */
const NAMESPACES = PID_NAMESPACES;
// --kill-child: the writer dies with its unshare parent, as a SIGKILL to the parent is meant to kill it.
const IN_NAMESPACE = ['unshare', '--pid', '--fork', '--kill-child'];

/** Whole lines all valid; at most the last one torn. Returns the torn line's number, if there is one. */
function expectWholeUpToLastEvent(log: string): number | undefined {
  const bytes = readFileSync(log);
  const parsed = parseLog(bytes, log);
  const lines = bytes.toString('utf8').split('\n').length - (bytes.at(-1) === 0x0a ? 1 : 0);
  const torn = parsed.problems.filter((p) => p.code === 'TORN_LINE');
  expect(
    parsed.problems.filter((p) => p.code !== 'TORN_LINE'),
    'no whole line is invalid',
  ).toEqual([]);
  expect(torn.every((p) => p.where.line === lines)).toBe(true);
  expect(checkLog({ ...parsed, problems: [] }), 'every whole event replays').toEqual([]);
  return torn[0]?.where.line;
}

/** The CLI in this process (the killed writers are the child processes). */

type Ack = { ack: string };
const isAck = (v: unknown): v is Ack => typeof v === 'object' && v !== null && 'ack' in v;

describe(`writers killed with SIGKILL at random moments (seed ${SEED})`, () => {
  it(`${KILLS} killed writer processes lose no acknowledged event, and the log replays up to its last whole event`, async () => {
    const random = generator(SEED);
    let kills = 0;
    let lost = 0;
    let duplicated = 0;
    let acked = 0;
    let lockFiles = 0;
    let torn = 0;
    let inNamespaces = 0;
    let killedWhileAppending = 0;
    let refusedTornLog = 0;
    for (let round = 0; kills < KILLS && round < MAX_ROUNDS; round++) {
      const log = path.join(dir, `round-${round}.jsonl`);
      writeFileSync(log, seedText);
      // Writers reach the log by its name, a symlink and a hard link: one lock for all (issue 15, point 1).
      symlinkSync(log, `${log}.symlink`);
      linkSync(log, `${log}.hardlink`);
      const names = [log, `${log}.symlink`, `${log}.hardlink`];
      const acks: string[] = [];
      for (let batch = 0; batch < BATCHES_PER_ROUND; batch++) {
        const runs = Array.from({ length: WRITERS_PER_BATCH }, async (_, w) => {
          const id = `r${round}b${batch}w${w}`;
          const mode = w % 2 === 0 ? 'plain' : 'expect';
          const namespaced = NAMESPACES && w === WRITERS_PER_BATCH - 1;
          if (namespaced) inNamespaces += 1;
          const running = start(
            [built.writer, built.store, names[w % names.length] ?? log, id, 'forever', mode],
            undefined,
            namespaced ? IN_NAMESPACE : [],
          );
          // One kill in five at any moment from spawn; the rest at a random moment after the writer's first append.
          if (random() < 0.2) await sleep(random() * 600);
          else {
            await running.firstOutput;
            await sleep(random() * 400);
          }
          running.child.kill('SIGKILL');
          const finished = await running.done;
          const mine = finished.lines.filter(isAck).map((a) => a.ack);
          if (finished.signal === 'SIGKILL') kills += 1;
          else {
            // A writer may stop before its kill lands, but only on a coded refusal: another writer of its batch
            // was killed mid-line, and appending to a log with a torn tail is refused until it is repaired.
            const refusal = finished.lines.find(
              (l): l is { error: { code: string } } => typeof l === 'object' && l !== null && 'error' in l,
            );
            expect(
              refusal?.error.code,
              `${JSON.stringify(finished.lines.slice(-2))} ${finished.stderr}`,
            ).toBe('CORRUPT_LOG');
            refusedTornLog += 1;
          }
          if (mine.length > 0) killedWhileAppending += 1;
          acks.push(...mine);
        });
        await Promise.all(runs);
        // The kernel drops a killed holder's lock; no lock file is ever left (or made).
        lockFiles += readdirSync(dir).filter((f) => f.endsWith('.lock')).length;
        const tornLine = expectWholeUpToLastEvent(log);
        if (tornLine !== undefined) {
          torn += 1;
          expect(await repairLog(log)).toMatchObject({ ok: true, status: 'moved', line: tornLine });
        }
      }
      const ids = parseLog(readFileSync(log)).events.map((e) => e.event.id);
      const present = new Set(ids);
      duplicated += ids.length - present.size;
      lost += acks.filter((id) => !present.has(id)).length;
      acked += acks.length;
      // After every kill, the log takes appends again at once.
      const after = await cli(
        'append',
        log,
        path.join(ROOT, 'tests/fixtures/store/note.json'),
        '--json',
        '--wait',
        '5',
      );
      expect(JSON.parse(after.out), after.err).toMatchObject({ ok: true, status: 'appended' });
    }
    console.info(
      `crash: ${kills} writers killed with SIGKILL (${killedWhileAppending} after they had appended; through the log, a symlink and a hard link; ` +
        `${NAMESPACES ? `${inNamespaces} in their own PID namespaces` : 'none in PID namespaces: unshare unavailable'}), ${refusedTornLog} stopped first on a torn log, ` +
        `${acked} acknowledged appends, ${lost} lost, ${duplicated} duplicated, ${lockFiles} lock files, ${torn} torn tails repaired`,
    );
    expect(kills).toBeGreaterThanOrEqual(100);
    expect(lost, 'events lost').toBe(0);
    expect(duplicated, 'events duplicated').toBe(0);
    expect(lockFiles).toBe(0);
  }, 150_000);

  it(`${TORN_KILLS} writers killed mid-line leave a torn last line that validate names, append refuses and repair moves aside`, async () => {
    const random = generator(SEED ^ 0x5eed);
    let tornSeen = 0;
    for (let trial = 0; trial < TORN_KILLS; trial++) {
      const log = path.join(dir, `torn-${trial}.jsonl`);
      writeFileSync(log, seedText);
      const running = start([path.join(ROOT, 'tests/helpers/torn-writer.mjs'), log, `t${trial}`]);
      await running.firstOutput;
      await sleep(random() * 300);
      running.child.kill('SIGKILL');
      expect((await running.done).signal).toBe('SIGKILL');
      const tornLine = expectWholeUpToLastEvent(log);
      if (tornLine === undefined) continue;
      tornSeen += 1;
      const validate = await cli('validate', log);
      expect(validate.code).toBe(1);
      expect(validate.err).toContain(`${log}:${tornLine}: the last line is incomplete`);
      const before = hash(log);
      const refused = await cli('append', log, path.join(ROOT, 'tests/fixtures/store/note.json'));
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/CORRUPT_LOG/);
      expect(hash(log), 'a refused append changes nothing').toBe(before);
      const repair = await cli('repair', log);
      expect(repair.out).toContain(`${log}:${tornLine}: moved a torn last line`);
      expect(existsSync(`${log}.torn-1`)).toBe(true);
      expect((await cli('validate', log)).code).toBe(0);
      expect((await cli('append', log, path.join(ROOT, 'tests/fixtures/store/note.json'))).code).toBe(0);
    }
    console.info(`crash: ${TORN_KILLS} piecewise writers killed, ${tornSeen} left a torn line, all repaired`);
    expect(tornSeen, 'most kills land inside a line').toBeGreaterThan(TORN_KILLS / 2);
  });
});

describe('a torn write, simulated by cutting a line at every kind of position', () => {
  const template = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/store/note.json'), 'utf8'));
  const valid = validateEvent({ ...template, summary: 'Cut anywhere: é — 法院 — 🏛 (four-byte)' });
  if (!valid.ok) throw new Error(valid.message);
  const line = Buffer.from(`${serializeEvent(valid.event as CaseEvent)}\n`);

  it(`${SIMULATED_TEARS} cuts (inside multi-byte characters too): reported torn at its line, refused without a change, repaired to the last whole line`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: line.length - 2 }), async (cut) => {
        const log = path.join(dir, `simulated-${run++}.jsonl`);
        writeFileSync(log, seedText);
        const whole = readFileSync(log);
        writeFileSync(log, Buffer.concat([whole, line.subarray(0, cut)]));
        const parsed = parseLog(readFileSync(log), log);
        expect(parsed.problems).toMatchObject([{ code: 'TORN_LINE', where: { line: 4 } }]);
        const before = hash(log);
        const refused = await appendEvent(log, { ...template, id: 'after-tear' });
        expect(refused.error).toMatchObject({ code: 'CORRUPT_LOG', where: { line: 4 } });
        expect(hash(log)).toBe(before);
        const repaired = await repairLog(log);
        expect(repaired).toMatchObject({ ok: true, status: 'moved', line: 4, problems: [] });
        expect(readFileSync(repaired.ok ? (repaired.sideFile ?? '') : '').equals(line.subarray(0, cut))).toBe(
          true,
        );
        expect(readFileSync(log).equals(whole)).toBe(true);
        expect(await appendEvent(log, { ...template, id: 'after-tear' })).toMatchObject({
          ok: true,
          line: 4,
        });
      }),
      { numRuns: SIMULATED_TEARS },
    );
  });
});
