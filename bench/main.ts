/**
 * `npm run bench`: how fast casesim reads, validates, replays and questions a large synthetic corpus, and
 * how fast the CLI starts. Prints a table with each target next to its measured figure; `--json FILE` also
 * writes every figure and ratio as JSON, so runs can be compared over time. Scale the corpus with
 * CASESIM_BENCH_EVENTS (default 1,000,000); the seed is CASESIM_BENCH_SEED (default 6).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { rangeOf } from '../src/events/instant.js';
import { serializeLog, validateEvent } from '../src/events/parse.js';
import { CaseEvent } from '../src/events/schema.js';
import { fastEvent } from '../src/events/validate.js';
import { upcast } from '../src/events/versions.js';
import { buildCheckpoints, type Checkpoints, caseAtFromCheckpoints } from '../src/replay/checkpoints.js';
import { caseAt } from '../src/replay/query.js';
import { applyEvent, initialSnapshot, replayAll } from '../src/replay/replay.js';
import { prng, randomWalk, writeCorpus } from './corpus.js';
import { caseBatches, isCaseHeader } from './lines.js';
import { FUTURE_STEPS, futures } from './monte-carlo.js';
import { storeBench } from './store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The checkout whose dist/ CLI and events/ are timed (by default, the one this bench was built in). */
const root = process.env.CASESIM_BENCH_ROOT ?? path.resolve(here, '..', '..');
const EVENTS = Number(process.env.CASESIM_BENCH_EVENTS ?? 1_000_000);
const SEED = Number(process.env.CASESIM_BENCH_SEED ?? 6);
const QUERIES = 300;
/** Cases loaded for the query figures: by default the whole corpus (CASESIM_BENCH_QUERY_CASES to sample). */
const QUERY_CASES = Number(process.env.CASESIM_BENCH_QUERY_CASES ?? Number.POSITIVE_INFINITY);
const CHECKPOINT_EVERY = 16;
const SPAWNS = Number(process.env.CASESIM_BENCH_SPAWNS ?? 11);

interface Row {
  /** A stable name for the JSON table, so runs can be compared over time. */
  readonly key: string;
  readonly name: string;
  readonly value: string;
  /** The figures behind `value`, as numbers (ms, events/s, MB, ratios). */
  readonly figures: Readonly<Record<string, number>>;
  readonly target?: string;
  readonly met?: boolean;
}
const rows: Row[] = [];
const row = (r: Row) => {
  rows.push(r);
  const verdict = r.met === undefined ? '' : r.met ? '  [met]' : '  [NOT met]';
  console.log(`  ${r.name}: ${r.value}${r.target ? `  (target ${r.target})` : ''}${verdict}`);
};

/** `--json FILE`: where to write the table as JSON too. */
function jsonTarget(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--json');
  if (i === -1) return undefined;
  const file = argv[i + 1];
  if (!file || file.startsWith('--')) throw new Error('--json needs a file name');
  return file;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** The heap the loaded data holds: measured after a full collection, so garbage left by reading is not counted. */
function liveHeapMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function machine(): string {
  const cpu = cpus();
  return [
    `CPU: ${cpu[0]?.model ?? 'unknown'} x ${cpu.length}`,
    `memory: ${fmt(totalmem() / 2 ** 30, 1)} GiB (${fmt(freemem() / 2 ** 30, 1)} GiB free)`,
    `Node ${process.version} (${process.platform} ${process.arch})`,
  ].join('; ');
}

/**
 * Parse-only; parse and validate three ways (zod alone; the validator generated from zod's JSON Schema alone;
 * `validateEvent`, which the CLI runs: the generated validator, zod where it refuses); the alternative of
 * trusting lines validated before by their content hash (its floor: hashing every line); full validated
 * replay and replay-only; each over the same batches.
 */
async function throughput(file: string) {
  const ms = { parse: 0, zod: 0, generated: 0, validate: 0, hash: 0, full: 0, replayOnly: 0 };
  let events = 0;
  let rejected = 0;
  for await (const lines of caseBatches(file, 20_000)) {
    let t = performance.now();
    for (const line of lines) JSON.parse(line);
    ms.parse += performance.now() - t;

    t = performance.now();
    for (const line of lines) {
      const raw = JSON.parse(line);
      if (!isCaseHeader(line) && !CaseEvent.safeParse(upcast(raw)).success) throw new Error(`zod: ${line}`);
    }
    ms.zod += performance.now() - t;

    t = performance.now();
    for (const line of lines) {
      const raw = JSON.parse(line);
      if (!isCaseHeader(line) && !fastEvent(upcast(raw))) throw new Error(`generated validator: ${line}`);
    }
    ms.generated += performance.now() - t;

    t = performance.now();
    const hash = createHash('sha256');
    for (const line of lines) {
      JSON.parse(line);
      hash.update(line);
    }
    hash.digest();
    ms.hash += performance.now() - t;

    t = performance.now();
    const cases: CaseEvent[][] = [];
    for (const line of lines) {
      if (isCaseHeader(line)) {
        JSON.parse(line);
        cases.push([]);
        continue;
      }
      const r = validateEvent(JSON.parse(line));
      if (!r.ok) throw new Error(r.message);
      cases.at(-1)!.push(r.event);
    }
    ms.validate += performance.now() - t;

    t = performance.now();
    let snapshot = initialSnapshot();
    for (const line of lines) {
      if (isCaseHeader(line)) {
        JSON.parse(line);
        snapshot = initialSnapshot();
        continue;
      }
      const r = validateEvent(JSON.parse(line));
      if (!r.ok) throw new Error(r.message);
      const applied = applyEvent(snapshot, r.event);
      if (!applied.ok) rejected += 1;
      snapshot = applied.snapshot;
      events += 1;
    }
    ms.full += performance.now() - t;

    t = performance.now();
    for (const c of cases) replayAll(c);
    ms.replayOnly += performance.now() - t;
  }
  return { ms, events, rejected };
}

/** Loads cases into memory, validated, as replay and queries see them: all, or a seeded sample. */
async function sampleCases(file: string, wanted: number, cases: number): Promise<CaseEvent[][]> {
  const random = prng(SEED ^ 0xca5e);
  const all = wanted >= cases;
  const keep = new Set<number>();
  while (!all && keep.size < wanted) keep.add(Math.floor(random() * cases));
  const out: CaseEvent[][] = [];
  let index = -1;
  for await (const lines of caseBatches(file, 20_000)) {
    for (const line of lines) {
      if (isCaseHeader(line)) {
        index += 1;
        if (all || keep.has(index)) out.push([]);
        continue;
      }
      if (!all && !keep.has(index)) continue;
      const r = validateEvent(JSON.parse(line));
      if (r.ok) out.at(-1)!.push(r.event);
    }
  }
  return out;
}

/** Random questions (case, instant) for the query figures, the same for both ways of answering. */
function questions(cases: readonly CaseEvent[][]): { index: number; at: number }[] {
  const random = prng(SEED ^ 0x9e7);
  return Array.from({ length: QUERIES }, () => {
    const index = Math.floor(random() * cases.length);
    const events = cases[index]!;
    const first = rangeOf(events[0]!.at).start;
    const last = rangeOf(events.at(-1)!.at).end;
    return { index, at: Math.floor(first + random() * (last - first)) };
  });
}

function queries(cases: readonly CaseEvent[][], checkpoints?: readonly Checkpoints[]) {
  const times: number[] = [];
  let effects = 0;
  for (const { index, at } of questions(cases)) {
    const t = performance.now();
    const result = checkpoints
      ? caseAtFromCheckpoints(checkpoints[index]!, { at })
      : caseAt(cases[index]!, { at });
    times.push(performance.now() - t);
    effects += result.effects.length;
  }
  return { times, effects };
}

function coldStart(): { cli: number; bin: string; modules?: number; node: number; log: string } {
  const bundledLog = path.join(root, 'events', 'wechat.jsonl');
  let log = bundledLog;
  if (!existsSync(bundledLog)) {
    log = path.join(tmpdir(), 'casesim-bench-fixture.jsonl');
    writeFileSync(log, serializeLog(randomWalk(prng(SEED), 40).events));
  }
  // The installed CLI (package.json `bin`: one bundled file), and, to compare, the same code module by module.
  const bin = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.casesim);
  const main = path.join(root, 'dist', 'cli', 'main.js');
  const unbundled = existsSync(main) ? main : undefined;
  const time = (args: string[]) => {
    // Others rebuild dist/ while this runs: a CLI that fails is retried, not timed.
    for (let attempt = 0; ; attempt++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (r.status === 0 || r.status === 1) return performance.now() - t;
      if (attempt === 5) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      spawnSync('sleep', ['2']);
    }
  };
  const cli: number[] = [];
  const modules: number[] = [];
  const node: number[] = [];
  time(['-e', '0']);
  time([bin, 'replay', log]);
  for (let i = 0; i < SPAWNS; i++) {
    node.push(time(['-e', '0']));
    cli.push(time([bin, 'replay', log]));
    if (unbundled) modules.push(time([unbundled, 'replay', log]));
  }
  return {
    cli: median(cli),
    bin: path.relative(root, bin),
    node: median(node),
    log: path.relative(root, log),
    ...(unbundled ? { modules: median(modules) } : {}),
  };
}

function peakMemory(file: string): { maxRssKb: number; mode: string; events: number; ms: number } {
  const child = path.join(here, 'stream-child.js');
  const r = spawnSync(process.execPath, [child, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`stream-child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function main() {
  const out = jsonTarget(process.argv.slice(2));
  const loadBefore = loadavg();
  console.log(`casesim bench: ${machine()}; load average ${loadBefore.map((l) => fmt(l, 2)).join(', ')}`);
  const file = path.join(tmpdir(), `casesim-bench-${SEED}-${EVENTS}.jsonl`);
  const spec = { seed: SEED, events: EVENTS, pool: 64, maxCaseLength: 120 };
  const corpus = await writeCorpus(file, spec);
  console.log(
    `corpus: ${fmt(corpus.events)} events in ${fmt(corpus.cases)} cases (mean ${fmt(corpus.meanCaseLength, 1)} events), ` +
      `${fmt(corpus.bytes / 2 ** 20, 1)} MiB, pool of ${spec.pool} walks, seed ${SEED}, generated in ${fmt(corpus.generateMs / 1000, 1)} s`,
  );

  const tp = await throughput(file);
  const rate = (ms: number) => `${fmt(tp.events / (ms / 1000))} events/s (${fmt(ms)} ms)`;
  const perSecond = (ms: number) => tp.events / (ms / 1000);
  const vsParse = (key: string, name: string, ms: number, extra: Partial<Row> = {}) => {
    const ratio = ms / tp.ms.parse;
    row({
      key,
      name,
      value: `${rate(ms)}; ${fmt(ratio, 2)}x parse`,
      figures: { ms, eventsPerSecond: perSecond(ms), ratioToParse: ratio },
      ...extra,
    });
    return ratio;
  };
  row({
    key: 'parse',
    name: 'parse only (JSON.parse per line)',
    value: rate(tp.ms.parse),
    figures: { ms: tp.ms.parse, eventsPerSecond: perSecond(tp.ms.parse), events: tp.events },
  });
  vsParse(
    'parseZod',
    'parse + validate with zod alone (the alternative: what validation cost before)',
    tp.ms.zod,
  );
  vsParse(
    'parseGenerated',
    "parse + validate with the validator generated from zod's JSON Schema alone",
    tp.ms.generated,
  );
  vsParse(
    'parseValidate',
    'parse + validateEvent (generated validator; zod where it refuses)',
    tp.ms.validate,
  );
  vsParse(
    'parseHash',
    'parse + sha-256 of every line (the alternative: trusting lines by content hash; its floor)',
    tp.ms.hash,
  );
  vsParse('replayOnly', 'replay only (validated events)', tp.ms.replayOnly);
  const fullRatio = tp.ms.full / tp.ms.parse;
  row({
    key: 'fullValidatedReplay',
    name: 'full validated replay (parse + validateEvent + applyEvent)',
    value: `${rate(tp.ms.full)}; ${fmt(fullRatio, 2)}x parse, ${tp.rejected} rejected`,
    figures: {
      ms: tp.ms.full,
      eventsPerSecond: perSecond(tp.ms.full),
      ratioToParse: fullRatio,
      rejected: tp.rejected,
    },
    target: '<= 2x parse only (must: <= 3x)',
    met: fullRatio <= 2,
  });

  let t = performance.now();
  const cases = await sampleCases(file, QUERY_CASES, corpus.cases);
  const loaded = cases.reduce((n, c) => n + c.length, 0);
  const readMs = performance.now() - t;
  // The heap the events alone hold, so the checkpoints' share of the figure below is known.
  const eventsHeap = liveHeapMb();
  const plain = queries(cases);
  row({
    key: 'queryFullReplay',
    name: `caseAt + legalEffects at random instants, full replay of the prefix (${QUERIES} queries)`,
    value: `median ${fmt(median(plain.times), 2)} ms, p95 ${fmt(quantile(plain.times, 0.95), 2)} ms, max ${fmt(Math.max(...plain.times), 2)} ms`,
    figures: {
      medianMs: median(plain.times),
      p95Ms: quantile(plain.times, 0.95),
      maxMs: Math.max(...plain.times),
    },
  });
  t = performance.now();
  const checkpoints = cases.map((c) => buildCheckpoints(c, CHECKPOINT_EVERY));
  const loadMs = performance.now() - t;
  const heap = liveHeapMb();
  const q = queries(cases, checkpoints);
  const p95 = quantile(q.times, 0.95);
  row({
    key: 'queryCheckpoints',
    name:
      `the same through checkpoints every ${CHECKPOINT_EVERY} events (${fmt(cases.length)} cases, ${fmt(loaded)} events ` +
      `read and validated in ${fmt(readMs)} ms, checkpoints built in ${fmt(loadMs)} ms)`,
    value: `median ${fmt(median(q.times), 3)} ms, p95 ${fmt(p95, 3)} ms, max ${fmt(Math.max(...q.times), 3)} ms`,
    figures: { medianMs: median(q.times), p95Ms: p95, maxMs: Math.max(...q.times), buildMs: loadMs },
    target: 'p95 < 10 ms after loading',
    met: p95 < 10,
  });
  row({
    key: 'heapCheckpoints',
    name: `heap after loading the corpus with checkpoints every ${CHECKPOINT_EVERY} events (${fmt(loaded)} events; live, after a full GC)`,
    value: `${fmt(heap)} MB (the events ${fmt(eventsHeap)} MB, their checkpoints ${fmt(heap - eventsHeap)} MB)`,
    figures: {
      heapMb: heap,
      eventsHeapMb: eventsHeap,
      checkpointsHeapMb: heap - eventsHeap,
      events: loaded,
      cases: cases.length,
    },
    target: '<= 400 MB',
    met: heap <= 400,
  });

  const f = futures(cases, checkpoints, SEED);
  // A future of N steps against replaying N events: what a Monte Carlo sample costs over reading a log.
  const futureMs = 1000 / f.perSecond;
  const replayNMs = (FUTURE_STEPS * tp.ms.replayOnly) / tp.events;
  const mcRatio = futureMs / replayNMs;
  row({
    key: 'monteCarloFuture',
    name: `Monte Carlo future (${FUTURE_STEPS} random legal steps from event ${f.from} of a case, via checkpoints) / replay of ${FUTURE_STEPS} events`,
    value: `${fmt(f.perSecond)} futures/s (${fmt(f.stepsPerSecond)} steps/s): ${fmt(mcRatio, 1)}x`,
    figures: {
      futuresPerSecond: f.perSecond,
      stepsPerSecond: f.stepsPerSecond,
      futureMs,
      replayMs: replayNMs,
      ratioToReplay: mcRatio,
    },
    target: '<= 10x',
    met: mcRatio <= 10,
  });

  const cold = coldStart();
  const coldRatio = cold.cli / cold.node;
  row({
    key: 'coldStart',
    name: `CLI cold start, casesim replay ${cold.log} (${cold.bin}, median of ${SPAWNS})`,
    value: `${fmt(cold.cli, 1)} ms vs node -e 0 ${fmt(cold.node, 1)} ms: ${fmt(coldRatio, 2)}x`,
    figures: { cliMs: cold.cli, nodeMs: cold.node, ratioToNode: coldRatio },
    target: '<= 2x node -e 0',
    met: coldRatio <= 2,
  });
  if (cold.modules !== undefined) {
    row({
      key: 'coldStartModules',
      name: 'the same CLI loaded module by module (dist/cli/main.js), for comparison',
      value: `${fmt(cold.modules, 1)} ms: ${fmt(cold.modules / cold.node, 2)}x node -e 0`,
      figures: { cliMs: cold.modules, ratioToNode: cold.modules / cold.node },
    });
  }

  const mem = peakMemory(file);
  row({
    key: 'peakRss',
    name: `peak RSS, ${mem.mode} replay of ${fmt(mem.events)} events (child process)`,
    value: `${fmt(mem.maxRssKb / 1024, 1)} MB in ${fmt(mem.ms)} ms`,
    figures: { rssMb: mem.maxRssKb / 1024, ms: mem.ms, events: mem.events },
    target: '< 200 MB',
    met: mem.maxRssKb / 1024 < 200,
  });

  await storeBench(root, (r) => row({ ...r, key: `store.${r.key}` }));

  if (!process.env.CASESIM_BENCH_KEEP) rmSync(file, { force: true });
  console.log(`\n| measure | figure | target | met |\n| --- | --- | --- | --- |`);
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`,
    );
  if (out) {
    const report = {
      when: new Date().toISOString(),
      machine: machine(),
      // The machine is shared: the load before and after says how far to trust the absolute figures.
      loadAverage: { before: loadBefore, after: loadavg() },
      corpus: { ...corpus, seed: SEED, pool: spec.pool, maxCaseLength: spec.maxCaseLength },
      measures: Object.fromEntries(rows.map(({ key, ...r }) => [key, r])),
    };
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${out}`);
  }
}

await main();
