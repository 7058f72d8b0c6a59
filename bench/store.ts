/**
 * The store's figures (issue 15): appends per second for 1 and 8 writers, through the library and through
 * the CLI, and how long an append holds the lock on a 100 MB log. Run by `npm run bench` (bench/main.ts), or
 * alone: `npm run bench:store` (CASESIM_BENCH_STORE_MB sets the large log's size, default 100).
 *
 * The lock-hold figure is the whole `appendEvent` call on the large log (open, lock, read the checkpoint,
 * check, write, fsync, update the checkpoint, unlock): an upper bound of the time the lock is held.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appendEvent } from '../src/store/index.js';

export interface StoreRow {
  /** A stable name for the JSON table (the `name` carries sizes and times that change from run to run). */
  readonly key: string;
  readonly name: string;
  /** The figures behind `value`, as numbers. */
  readonly figures: Readonly<Record<string, number>>;
  readonly value: string;
  readonly target?: string;
  readonly met?: boolean;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[xs.length >> 1] ?? Number.NaN;
const p99 = (xs: readonly number[]) =>
  sorted(xs)[Math.min(xs.length - 1, Math.floor(0.99 * xs.length))] ?? Number.NaN;

function note(id: string) {
  return {
    type: 'context.note',
    id,
    schemaVersion: 2,
    at: { local: '2021-01-15', zone: 'America/Los_Angeles' },
    knownAt: { local: '2021-01-15', zone: 'America/Los_Angeles' },
    summary: `Bench note ${id}: a line about the length of a real event's summary, with some words in it to weigh it.`,
    sources: [
      {
        type: 'public-record',
        title: 'bench',
        url: 'https://casesim.invalid/bench',
        quote: 'bench fixture',
        verified: false,
      },
    ],
    category: 'other',
  };
}

/** A log that starts with the three seed events of the store fixtures (an order, an identification, a suit). */
function seed(root: string, file: string): void {
  writeFileSync(file, readFileSync(path.join(root, 'tests/fixtures/store/seed.jsonl')));
}

/** Children that each append `each` notes through the compiled library, all started at once. */
async function libraryWriters(root: string, log: string, writers: number, each: number): Promise<number> {
  const store = pathToFileURL(path.join(root, 'dist/store/index.js')).href;
  const code = `
    const { appendEvent } = await import(${JSON.stringify(store)});
    const [log, who, each] = process.argv.slice(1);
    const note = ${note.toString()};
    for (let i = 0; i < Number(each); i++) {
      const r = await appendEvent(log, note(who + '-' + i), { lockTimeoutMs: 600000 });
      if (!r.ok) { console.error(JSON.stringify(r.error)); process.exit(1); }
    }`;
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: writers },
      (_, w) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            ['--input-type=module', '-e', code, log, `lib${writers}w${w}`, String(each)],
            {
              stdio: ['ignore', 'ignore', 'inherit'],
            },
          );
          child.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`library writer exited ${c}`))));
        }),
    ),
  );
  return (writers * each) / ((performance.now() - started) / 1000);
}

function runCli(cli: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (c) =>
      c === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`casesim ${args.join(' ')} exited ${c}`)),
    );
  });
}

/** Writers each running `casesim append` `each` times in a row; returns appends/s and every latency. */
async function cliWriters(
  root: string,
  dir: string,
  log: string,
  writers: number,
  each: number,
): Promise<{ perSecond: number; latencies: number[] }> {
  const cli = path.join(root, 'dist/bin/casesim.js');
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        const event = path.join(dir, `cli${writers}w${w}-${i}.json`);
        writeFileSync(event, JSON.stringify(note(`cli${writers}w${w}-${i}`)));
        latencies.push(await runCli(cli, ['append', log, event, '--wait', '600']));
      }
    }),
  );
  return { perSecond: (writers * each) / ((performance.now() - started) / 1000), latencies };
}

/** Grows `file` (seeded) with notes to about `bytes` bytes, written in large chunks. */
function grow(root: string, file: string, bytes: number): number {
  seed(root, file);
  const fd = openSync(file, 'a');
  let size = statSync(file).size;
  let events = 3;
  try {
    while (size < bytes) {
      const chunk: string[] = [];
      for (let i = 0; i < 2000; i++) chunk.push(`${JSON.stringify(note(`big-${events++}`))}\n`);
      const buffer = Buffer.from(chunk.join(''));
      writeSync(fd, buffer);
      size += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  return events;
}

export async function storeBench(root: string, row: (r: StoreRow) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'casesim-bench-store-'));
  try {
    // One writer, in process.
    const one = path.join(dir, 'one.jsonl');
    seed(root, one);
    const N = 200;
    let started = performance.now();
    for (let i = 0; i < N; i++) {
      const r = await appendEvent(one, note(`one-${i}`));
      if (!r.ok) throw new Error(r.error.message);
    }
    const perSecond = N / ((performance.now() - started) / 1000);
    row({
      key: 'libraryOneWriter',
      name: 'appends/s, 1 writer through the library',
      value: `${fmt(perSecond)} appends/s`,
      figures: { appendsPerSecond: perSecond },
    });

    const eight = path.join(dir, 'eight.jsonl');
    seed(root, eight);
    const eightPerSecond = await libraryWriters(root, eight, 8, 50);
    row({
      key: 'libraryEightWriters',
      name: 'appends/s, 8 writer processes through the library (50 each)',
      value: `${fmt(eightPerSecond)} appends/s`,
      figures: { appendsPerSecond: eightPerSecond },
    });

    for (const writers of [1, 8]) {
      const log = path.join(dir, `cli-${writers}.jsonl`);
      seed(root, log);
      const r = await cliWriters(root, dir, log, writers, writers === 1 ? 20 : 8);
      row({
        key: writers === 1 ? 'cliOneWriter' : 'cliEightWriters',
        figures: {
          appendsPerSecond: r.perSecond,
          medianMs: median(r.latencies),
          p99Ms: p99(r.latencies),
        },
        name: `appends/s, ${writers} writer${writers === 1 ? '' : 's'} through the CLI (casesim append)`,
        value: `${fmt(r.perSecond, 1)} appends/s; per append median ${fmt(median(r.latencies))} ms, p99 ${fmt(p99(r.latencies))} ms`,
      });
    }

    const mb = Number(process.env.CASESIM_BENCH_STORE_MB ?? 100);
    const big = path.join(dir, 'big.jsonl');
    started = performance.now();
    const events = grow(root, big, mb * 2 ** 20);
    const growMs = performance.now() - started;
    started = performance.now();
    const first = await appendEvent(big, note('big-first'));
    if (!first.ok) throw new Error(first.error.message);
    const firstMs = performance.now() - started;
    const holds: number[] = [];
    for (let i = 0; i < 30; i++) {
      started = performance.now();
      const r = await appendEvent(big, note(`big-after-${i}`));
      if (!r.ok) throw new Error(r.error.message);
      holds.push(performance.now() - started);
    }
    const hold = median(holds);
    row({
      key: 'lockHold',
      figures: {
        medianMs: hold,
        maxMs: Math.max(...holds),
        firstAppendMs: firstMs,
        logMb: statSync(big).size / 2 ** 20,
        events,
      },
      name: `lock hold per append on a ${fmt(statSync(big).size / 2 ** 20)} MB log (${fmt(events)} events, written in ${fmt(growMs / 1000, 1)} s; whole appendEvent call, median of 30)`,
      value: `median ${fmt(hold, 1)} ms, max ${fmt(Math.max(...holds), 1)} ms; the first append, which reads the log whole and writes its checkpoint, ${fmt(firstMs / 1000, 1)} s`,
      target: '< 50 ms',
      met: hold < 50,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: node dist-bench/bench/store.js
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = process.env.CASESIM_BENCH_ROOT ?? path.resolve(here, '..', '..');
  const rows: StoreRow[] = [];
  await storeBench(root, (r) => {
    rows.push(r);
    console.log(
      `  ${r.name}: ${r.value}${r.target ? `  (target ${r.target})` : ''}${r.met === undefined ? '' : r.met ? '  [met]' : '  [NOT met]'}`,
    );
  });
}
