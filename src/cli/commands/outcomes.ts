import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { formatInstant, parseQueryInstant, rangeOf } from '../../events/instant.js';
import type { CaseEvent } from '../../events/schema.js';
import { type Analysis, analyse, ESTIMATE_PROBES } from '../../outcomes/analyse.js';
import { type Odds, parseOdds, round } from '../../outcomes/odds.js';
import { startFrom } from '../../outcomes/search.js';
import { type Sensitivity, sensitivity, type Target } from '../../outcomes/sensitivity.js';
import { inFile, refuseInput } from '../../problem.js';
import { caseZone, eventsAt } from '../../replay/query.js';
import { DOCKET_FLAG, DOCKET_HELP, docketView, stepsOnDocket } from '../docket.js';
import type { Colors } from '../format.js';
import { loadLog, readText, refuseProblems } from '../io.js';
import { json, queryInstant } from '../options.js';
import { action, CliError, type CommandModule, colorsOf } from '../program.js';

/**
 * The odds a log names, by convention: `odds/<log name without extension>.json` beside the log
 * (`events/wechat.jsonl` → `events/odds/wechat.json`). A legal engineer adding a case writes the two files;
 * no code names them. Odds are a judgement about one case, so no other case's file is ever borrowed.
 */
export function oddsPathFor(logPath: string): string {
  return join(dirname(logPath), 'odds', `${basename(logPath, extname(logPath))}.json`);
}

/** The odds file to use and why: `--odds` if given, else the log's own by convention, else a refusal. */
function oddsFileFor(logFile: string, given: string | undefined): { file: string; why: string } {
  if (given !== undefined) return { file: given, why: 'given by --odds' };
  const own = oddsPathFor(logFile);
  if (existsSync(own))
    return { file: own, why: `the log's own odds, found by its name: odds/${basename(own)} beside it` };
  throw new CliError(
    `${logFile} names no odds: outcomes weighs each future by a case's own odds and will not borrow another case's. Write ${own} (see events/odds/schema.json) or pass --odds FILE`,
    1,
    { file: logFile },
  );
}

interface OutcomesOptions {
  from?: string;
  odds?: string;
  by?: string;
  depth: string;
  samples: string;
  seed: string;
  method: string;
  maxPaths: string;
  vary?: string;
  json?: boolean;
  docket?: string;
}

/**
 * Upper bounds on the work one run may ask for: past them a run would not end in reasonable time (or, for
 * the seed, the PRNG would silently drop bits). Monte Carlo draws about 100,000 paths a second here.
 */
export const LIMITS = {
  '--depth': 100,
  '--samples': 10_000_000,
  '--max-paths': 1_000_000,
  '--seed': 2 ** 32 - 1,
} as const;

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

/**
 * The adaptive depth bound: the probability it may leave cut before it stops growing, and its least start.
 * It starts at the number of decisions in the odds (each is taken at most once per subject, so most paths
 * end within that many), and doubles from there.
 */
const AUTO_DEPTH = { least: 12, cut: 0.001 } as const;

/** A whole number written in decimal digits (not 1e12, 0x10, 10.0 or -1), from `min` to the flag's bound. */
function count(text: string, flag: keyof typeof LIMITS, min: number): number {
  const max = LIMITS[flag];
  const n = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(
      `${flag}: expected a whole number in decimal digits from ${min} to ${max.toLocaleString('en-US')}, got '${text}'`,
    );
  return n;
}

export function loadOdds(path: string): Odds {
  const text = new TextDecoder().decode(readText(path, 'odds file'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${path}: not valid JSON: ${(error as Error).message}`,
      2,
      { file: path },
      'UNREADABLE',
    );
  }
  const parsed = parseOdds(raw);
  if (!parsed.ok) throw refuseInput([inFile(parsed.error, path)]);
  return parsed.odds;
}

/** The events before the starting point: up to an event id, or those that had happened by an instant. */
function prefixOf(events: readonly CaseEvent[], from: string | undefined, zone: string) {
  if (from === undefined) return { prefix: [...events], label: 'the end of the log' };
  const index = events.findIndex((e) => e.id === from);
  if (index >= 0) {
    const e = events[index] as CaseEvent;
    return { prefix: events.slice(0, index + 1), label: `${e.id} (${e.type}, ${formatInstant(e.at)})` };
  }
  const at = parseQueryInstant(from, zone);
  if (!at.ok)
    throw new CliError(`--from: '${from}' is neither an event id in the log nor an instant (${at.message})`);
  return { prefix: eventsAt(events, { at: at.ms }), label: at.label, fromMs: at.ms };
}

/** Days past the last decision's date that effects may fall (a TRO's 14 days, a stay's week), with room. */
const EFFECT_MARGIN_DAYS = 366;
/** The last day an instant can name: the schema's dates have four-digit years. */
const LAST_DAY_MS = Date.UTC(9999, 11, 31);

/**
 * Outcomes date each future event after the one before; a starting point so late that they would pass
 * year 9999 (which no instant can name) is refused here, in words, before any future is drawn.
 */
function checkRoomToGrow(prefix: readonly CaseEvent[], odds: Odds): void {
  const last = prefix.at(-1);
  if (!last) return;
  const days = odds.decisions.reduce((n, d) => n + d.afterDays, 0) + EFFECT_MARGIN_DAYS;
  if (rangeOf(last.at).end + days * 86_400_000 > LAST_DAY_MS)
    throw new CliError(
      `the starting point (${last.id}, ${last.at.local}) leaves no room for its futures: the odds' decisions date events up to ${days} days later, past 9999-12-31, the last day a date can name`,
      1,
    );
}

function parseTarget(text: string, odds: Odds): Target {
  const colon = text.indexOf(':');
  const target = { decision: text.slice(0, colon), option: text.slice(colon + 1) };
  const decision = odds.decisions.find((d) => d.id === target.decision);
  if (colon < 0 || !decision || !(target.option in decision.options))
    throw new CliError(
      `--vary: '${text}' names no option of the odds file (use decision-id:option, e.g. appeal-outcome:appeal.decided:affirmed)`,
    );
  return target;
}

/** Joins `parts` with `separator` into lines of at most `width` columns, breaking only between parts. */
function joinWrapped(parts: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && line.length + separator.length + part.length > width) {
      lines.push(`${line}${separator.trimEnd()}`);
      line = part;
    } else line = line ? `${line}${separator}${part}` : part;
  }
  if (line) lines.push(line);
  return lines;
}

function render(
  c: Colors,
  header: {
    log: string;
    from: string;
    oddsFile: string;
    oddsWhy: string;
    by: string | undefined;
    depth: number;
    adaptive: boolean;
    docket?: string | undefined;
  },
  odds: Odds,
  analysis: Analysis,
  sens: Sensitivity | undefined,
): string {
  const out = [c.bold(`Outcomes of ${header.log}`), `from ${header.from}, as the machine allows them`, ''];
  out.push(
    c.bold(`Model: ${header.oddsFile}`),
    c.dim(`  (${header.oddsWhy})`),
    ...joinWrapped(odds.description.split(' '), ' ', 106).map((l) => `  ${l}`),
  );
  out.push(
    c.dim(
      '  At each step the first decision below that the machine allows is taken, once per subject (a motion,',
    ),
    c.dim(
      '  an appeal, an order); options the machine refuses there are left out and the rest renormalised.',
    ),
  );
  for (const [i, d] of odds.decisions.entries()) {
    out.push(
      ...joinWrapped(
        `${String(i + 1).padStart(2)}. ${d.id} (+${d.afterDays} days): ${d.question}`.split(' '),
        ' ',
        106,
      ).map((l, k) => (k === 0 ? `  ${l}` : `      ${l}`)),
    );
    const options = Object.entries(d.options).map(([label, p]) => `${label} ${p}`);
    out.push(...joinWrapped(options, ' · ', 104).map((line) => c.dim(`      ${line}`)));
  }
  const how =
    analysis.method === 'exact'
      ? `exact enumeration of ${analysis.paths} paths`
      : `Monte Carlo, ${analysis.samples} samples, seed ${analysis.seed} (± is one standard error)${fallbackText(analysis)}`;
  // Two decimals: a cut just under the adaptive threshold (0.1%) must not read as none.
  const pct2 = (p: number) => `${(100 * p).toFixed(2)}%`;
  const cut =
    analysis.cutSe === undefined ? pct2(analysis.cut) : `${pct2(analysis.cut)} ± ${pct2(analysis.cutSe)}`;
  const bound = header.adaptive
    ? `at most ${header.depth} decisions per path (adaptive: grown until at most ${pct(AUTO_DEPTH.cut)} is cut)`
    : `at most ${header.depth} decisions per path`;
  out.push(
    '',
    `Search: ${how}; ${bound}; ${analysis.truncated} paths cut by that bound, carrying ${cut} of the probability.`,
    '',
  );

  const width = Math.max(...analysis.outcomes.map((o) => o.label.length), 6);
  const pWidth = analysis.method === 'exact' ? 6 : 14;
  out.push(c.bold(`${'ending'.padEnd(width)}  ${'P'.padStart(pWidth)}  paths`));
  for (const o of analysis.outcomes) {
    const p = o.se === undefined ? pct(o.probability) : `${pct(o.probability)} ± ${pct(o.se)}`;
    out.push(`${o.label.padEnd(width)}  ${p.padStart(pWidth)}  ${String(o.paths).padStart(5)}`);
  }
  const total = analysis.outcomes.reduce((sum, o) => sum + o.probability, 0);
  out.push(c.dim(`${'total'.padEnd(width)}  ${pct(total).padStart(pWidth)}`));

  out.push(
    '',
    c.bold(
      `${analysis.method === 'exact' ? 'Shortest path to each ending' : 'Shortest sampled path to each ending'}${header.docket ? `, its steps on docket ${header.docket}` : ''}`,
    ),
  );
  for (const o of analysis.outcomes) {
    const steps = o.shortest.map((s) => `${s.event.at.local} ${s.label}`);
    out.push(`  ${o.label}:`);
    const none = header.docket ? '(nothing on this docket)' : '(nothing further happens)';
    const shown = steps.length > 0 ? steps : [none];
    out.push(...joinWrapped(shown, ' → ', 104).map((l) => `    ${l}`));
  }

  const when = header.by
    ? `on ${header.by}`
    : 'once each path settles (its last event, or a later instant its record scheduled: an effective date, a TRO expiry, a stay lapsing)';
  out.push('', c.bold(`Probability each prohibition binds anyone ${when}`));
  for (const r of analysis.inForce) {
    const se = r.se === undefined ? '' : ` ± ${pct(r.se)}`;
    out.push(`  ${r.prohibition.padEnd(28)} ${pct(r.probability).padStart(6)}${se}`);
  }
  out.push('');
  if (!sens) out.push(c.dim('Sensitivity: not computed (it needs an exact enumeration).'));
  else {
    const { decision, option } = sens.target;
    out.push(c.bold(`Sensitivity: the most likely ending as P(${decision} = ${option}) goes from 0 to 1`));
    out.push(c.dim(`  (now ${sens.current}; the decision's other options keep their proportions)`));
    for (const s of sens.segments) {
      const here = sens.current >= s.from && sens.current <= s.to ? '  ← now' : '';
      out.push(`  ${s.from.toFixed(3)}–${s.to.toFixed(3)}  ${s.label}${here}`);
    }
    const flips = sens.segments.slice(1).map((s) => s.from.toFixed(3));
    out.push(
      c.dim(
        flips.length > 0
          ? `  the most likely ending changes at ${flips.join(', ')}`
          : '  the most likely ending never changes',
      ),
    );
  }
  return out.join('\n');
}

/** Why `--method auto` sampled rather than enumerate, in words (empty when it was asked to sample). */
export function fallbackText(analysis: Analysis): string {
  const f = analysis.fallback;
  if (!f) return '';
  const max = f.maxPaths.toLocaleString('en-US');
  return f.reason === 'estimate'
    ? `, since the tree has about ${f.estimate.toLocaleString('en-US')} paths by an estimate from ${ESTIMATE_PROBES} random descents, over --max-paths ${max}`
    : `, since exact enumeration passed --max-paths ${max} paths`;
}

function progressBar(samples: number): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || samples < 1000) return undefined;
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'sampling [{bar}] {percentage}% {value}/{total}',
    clearOnComplete: true,
    // Sampling runs synchronously, so no SIGINT handler could restore the terminal before Ctrl-C ends the
    // process: the bar leaves the cursor and line wrapping as it found them.
    hideCursor: false,
    linewrap: true,
  });
  bar.start(samples, 0);
  return (done, total) => {
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

/** `casesim outcomes [LOG]`: every reachable ending from a point, with its probability under an odds file. */
export const outcomesCommand: CommandModule = (program, io, setExit) => {
  program
    .command('outcomes')
    .description(
      'every reachable ending of the case from a point, with the odds of each and a sensitivity view',
    )
    .argument('[log]', 'event log (JSON lines); default: the bundled WeChat log')
    .option(
      '--from <instant|event>',
      'start after this event, or at this instant (default: the end of the log)',
    )
    .option(
      '--odds <file>',
      "odds file (JSON): the decisions weighed and their probabilities (default: the log's own, odds/<log name>.json beside it)",
    )
    .option(
      '--by <date>',
      'give the probability each prohibition binds on this date (default: when each path ends)',
    )
    .option(
      '--depth <n|auto>',
      `at most this many decisions per path; auto: from the number of decisions in the odds (at least ${AUTO_DEPTH.least}), doubled until at most ${pct(AUTO_DEPTH.cut)} of the probability is cut (up to ${LIMITS['--depth']})`,
      'auto',
    )
    .option('--method <m>', 'auto (exact when the tree is small), exact, or monte-carlo', 'auto')
    .option(
      '--max-paths <n>',
      'with auto: past this many paths (estimated first, then counted), use Monte Carlo',
      '5000',
    )
    .option('--samples <n>', 'Monte Carlo samples', '5000')
    .option('--seed <s>', 'Monte Carlo seed (a 32-bit integer)', '1')
    .option(
      '--vary <decision:option>',
      "the probability the sensitivity view varies (default: the odds file's `vary`)",
    )
    .option(
      DOCKET_FLAG,
      `${DOCKET_HELP}; the endings and odds are the matter's, each path shows its steps there`,
    )
    .option('--json', 'print the result as JSON')
    .action(
      action(setExit, async (logPath: string | undefined, opts: OutcomesOptions) => {
        const adaptive = opts.depth === 'auto';
        const fixedDepth = adaptive ? undefined : count(opts.depth, '--depth', 1);
        const samples = count(opts.samples, '--samples', 1);
        const seed = count(opts.seed, '--seed', 0);
        const maxLeaves = count(opts.maxPaths, '--max-paths', 1);
        if (!['auto', 'exact', 'monte-carlo'].includes(opts.method))
          throw new CliError(`--method: expected auto, exact or monte-carlo, got '${opts.method}'`);
        const log = await loadLog(logPath);
        refuseProblems(log.file, log.problems);
        const events = log.events.map((l) => l.event);
        const zone = caseZone(events);
        docketView(events, opts.docket);
        const { file: oddsFile, why: oddsWhy } = oddsFileFor(log.file, opts.odds);
        const odds = loadOdds(oddsFile);
        const depth =
          fixedDepth ?? Math.min(LIMITS['--depth'], Math.max(AUTO_DEPTH.least, odds.decisions.length));
        const varyText = opts.vary ?? odds.vary;
        const target = varyText === undefined ? undefined : parseTarget(varyText, odds);
        const by = opts.by === undefined ? undefined : queryInstant(opts.by, zone, '--by');
        const from = prefixOf(events, opts.from, zone);
        checkRoomToGrow(from.prefix, odds);
        const start = startFrom(from.prefix, zone, {
          ...(from.fromMs === undefined ? {} : { fromMs: from.fromMs }),
          ...(by ? { by: by.ms } : {}),
        });
        const method = opts.method as 'auto' | 'exact' | 'monte-carlo';
        const onProgress = opts.json || method === 'exact' ? undefined : progressBar(samples);
        const { analysis: matter, leaves } = analyse(start, odds, {
          depth,
          ...(adaptive ? { adapt: { cut: AUTO_DEPTH.cut, max: LIMITS['--depth'] } } : {}),
          method,
          maxLeaves,
          samples,
          seed,
          ...(by ? { by: by.ms } : {}),
          ...(onProgress ? { onProgress } : {}),
        });
        // One docket's view: the matter's endings and odds, each shortest path cut to its steps on that docket.
        const docket = opts.docket;
        const analysis =
          docket === undefined
            ? matter
            : {
                ...matter,
                outcomes: matter.outcomes.map((o) => ({
                  ...o,
                  shortest: stepsOnDocket(from.prefix, o.shortest, docket),
                })),
              };
        const sens = leaves && target ? sensitivity(leaves, odds, target) : undefined;
        if (opts.json) {
          io.out(
            json({
              log: log.file,
              docket: opts.docket ?? null,
              from: {
                input: opts.from ?? null,
                label: from.label,
                eventsBefore: from.prefix.length,
                lastEvent: from.prefix.at(-1)?.id ?? null,
                day: start.at,
              },
              odds: { file: oddsFile, chosen: oddsWhy, ...odds },
              by: by ? { input: opts.by, epochMs: by.ms, iso: new Date(by.ms).toISOString() } : null,
              bound: {
                depth: analysis.depth ?? depth,
                adaptive,
                truncated: analysis.truncated,
                cutProbability: round(analysis.cut, 6),
                ...(analysis.cutSe === undefined ? {} : { cutSe: round(analysis.cutSe, 6) }),
              },
              method: analysis.method,
              ...(analysis.fallback ? { fallback: analysis.fallback } : {}),
              paths: analysis.paths,
              ...(analysis.samples ? { samples: analysis.samples, seed: analysis.seed } : {}),
              outcomes: analysis.outcomes.map((o) => ({
                ...o,
                probability: round(o.probability, 6),
                ...(o.se === undefined ? {} : { se: round(o.se, 6) }),
                shortest: o.shortest.map((s) => ({ label: s.label, id: s.event.id, at: s.event.at })),
              })),
              inForce: analysis.inForce.map((r) => ({
                ...r,
                probability: round(r.probability, 6),
                ...(r.se === undefined ? {} : { se: round(r.se, 6) }),
              })),
              sensitivity: sens ?? null,
            }),
          );
        } else {
          const header = {
            log: log.file,
            from: from.label,
            oddsFile,
            oddsWhy,
            by: by?.label,
            depth: analysis.depth ?? depth,
            adaptive,
            docket,
          };
          io.out(render(colorsOf(io), header, odds, analysis, sens));
        }
        return 0;
      }),
    );
};
