import { dirname, resolve } from 'node:path';
import { formatInstant } from '../../events/instant.js';
import { loadZod, type ParsedLog } from '../../events/parse.js';
import { inFile, refuseInput } from '../../problem.js';
import { docketFilter } from '../../replay/docket.js';
import { replayAll } from '../../replay/replay.js';
import { type Cell, type EffectDiff, type Row, runWhatIf, type WhatIf } from '../../whatif/diff.js';
import { parseScenario, type Scenario } from '../../whatif/scenario.js';
import { DOCKET_FLAG, DOCKET_HELP, docketView } from '../docket.js';
import type { Colors } from '../format.js';
import { loadLog, readText } from '../io.js';
import { json } from '../options.js';
import { action, CliError, type CommandModule, colorsOf } from '../program.js';

/** Reads a scenario file and its base log; unreadable input exits 2, an invalid scenario or base exits 1. */
export async function loadScenario(path: string): Promise<{
  scenario: Scenario;
  basePath: string;
  base: ParsedLog;
}> {
  const text = new TextDecoder().decode(readText(path, 'scenario file'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new CliError(
      `${path}: not valid JSON${at ? ` (at character ${at})` : ''}`,
      2,
      { file: path },
      'UNREADABLE',
    );
  }
  // A scenario's events are read synchronously, each refused in zod's words: zod is loaded first.
  await loadZod();
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw refuseInput([inFile(parsed.error, path)]);
  const basePath = resolve(dirname(path), parsed.scenario.base);
  const base = await loadLog(basePath, 'base log');
  // Nothing of a refused base is echoed (it may be any file the scenario names): only where it fails.
  const first = base.problems[0];
  if (first && base.events.length === 0)
    throw new CliError(
      `${path}: the base ${basePath} is not an event log (no line of it is an event)`,
      1,
      { file: basePath },
      'INVALID',
    );
  if (first)
    throw new CliError(
      `${path}: the base log has problems; first: ${basePath}:${first.where.line} (${first.code}); run casesim validate ${basePath}`,
      1,
      { file: basePath, line: first.where.line },
      'INVALID',
    );
  return { scenario: parsed.scenario, basePath, base };
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word.slice(0, width);
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').slice(0, width - 1)}…`;
    return kept;
  }
  return lines;
}

/** Wraps prose to `width` columns after `prefix`, continuation lines indented to `indent`. */
function paragraph(prefix: string, text: string, width: number, indent = prefix.length): string {
  const lines = wrap(text, width - Math.max(prefix.length, indent), Number.MAX_SAFE_INTEGER);
  return lines.map((l, i) => (i === 0 ? prefix : ' '.repeat(indent)) + l).join('\n');
}

const MARK: Record<string, string> = { same: '=', edited: '✎', base: '−', dropped: '✗', notReached: '·' };

function cellLines(cell: Cell | undefined, row: Row, side: 'base' | 'branch', width: number): string[] {
  if (!cell) return [side === 'base' ? '(not in the base)' : '(not in the branch)'];
  const mark =
    cell.status === 'dropped'
      ? MARK.dropped
      : cell.status === 'not-reached'
        ? MARK.notReached
        : row.same
          ? MARK.same
          : side === 'branch' && cell.edit !== undefined
            ? MARK.edited
            : !row.branch
              ? MARK.base
              : ' ';
  const head = `${mark} ${cell.event.id}`.slice(0, width);
  const lines = [head, `  ${cell.event.type}`.slice(0, width)];
  if (cell.status === 'dropped' && cell.rule)
    lines.push(...wrap(`  dropped: breaks ${cell.rule.name}`, width, 2));
  else if (cell.status === 'not-reached') lines.push('  not reached: the branch stopped');
  else if (!row.same) lines.push(...wrap(cell.event.summary, width - 2, 2).map((l) => `  ${l}`));
  return lines;
}

function sideBySide(whatIf: WhatIf, total: number): string[] {
  const dateWidth = 11;
  const col = Math.floor((total - dateWidth - 6) / 2);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const out = [
    `${pad('date', dateWidth)} │ ${pad('base', col)} │ branch`,
    `${'─'.repeat(dateWidth + 1)}┼${'─'.repeat(col + 2)}┼${'─'.repeat(col + 1)}`,
  ];
  for (const row of whatIf.rows) {
    const left = cellLines(row.base, row, 'base', col);
    const right = cellLines(row.branch, row, 'branch', col);
    const n = Math.max(left.length, right.length);
    for (let i = 0; i < n; i++) {
      const date = i === 0 ? row.at.local.slice(0, 10) : '';
      out.push(`${pad(date, dateWidth)} │ ${pad(left[i] ?? '', col)} │ ${right[i] ?? ''}`.trimEnd());
    }
  }
  return out;
}

export function renderWhatIf(whatIf: WhatIf, file: string, width: number, pc: Colors): string {
  const { scenario } = whatIf;
  const out: string[] = [
    pc.bold(`What if: ${scenario.title ?? file}`),
    paragraph('', scenario.description, width),
    '',
  ];
  out.push(pc.bold('Edits'));
  for (const a of whatIf.applied) {
    out.push(paragraph(`  ${a.index + 1}. `, a.text, width));
    if (a.why) out.push(pc.dim(paragraph('     ', a.why, width)));
  }
  if (whatIf.applied.length === 0) out.push('  (none: the branch is the base)');
  out.push('');
  const d = whatIf.divergence;
  if (!d) out.push(pc.bold('No divergence: the branch replays exactly as the base.'));
  else {
    const side = (e: typeof d.base) => (e ? `${e.id} (${e.type})` : '(nothing)');
    const what = d.why === 'event' ? 'the events differ' : 'the same event leaves a different state';
    out.push(pc.bold(`First divergence: event #${d.index + 1}, ${formatInstant(d.at)}: ${what}`));
    out.push(`  base:   ${side(d.base)}`, `  branch: ${side(d.branch)}`, '');
    out.push(
      pc.bold('Both timelines from there'),
      pc.dim('  = same in both  ✎ written by an edit  − only in the base  ✗ dropped: illegal in the branch'),
    );
    out.push(...sideBySide(whatIf, width));
  }
  out.push('', pc.bold(`Legal effects (dates in ${whatIf.zone})`));
  // Prohibitions that fare alike in both worlds are told once.
  const groups = new Map<string, { ids: string[]; effect: EffectDiff }>();
  for (const e of whatIf.effects) {
    const key = JSON.stringify([e.sentence.slice(e.prohibition.length), e.story]);
    const group = groups.get(key);
    if (group) group.ids.push(e.prohibition);
    else groups.set(key, { ids: [e.prohibition], effect: e });
  }
  for (const { ids, effect: e } of groups.values()) {
    const sentence = ids.join(', ') + e.sentence.slice(e.prohibition.length);
    out.push(paragraph(`  ${e.changed ? '≠' : '='} `, sentence, width, 4));
    if (e.changed) {
      out.push(pc.dim(paragraph('      base:   ', e.story.base, width)));
      out.push(pc.dim(paragraph('      branch: ', e.story.branch, width)));
    }
  }
  const verb = scenario.onIllegal === 'stop' ? 'the branch stops at the first' : 'dropped';
  out.push('', pc.bold(`Base events illegal in the branch (${verb})`));
  if (whatIf.illegal.length === 0) out.push('  (none)');
  for (const i of whatIf.illegal) {
    const r = i.rule;
    out.push(
      paragraph(
        '  ',
        `${i.event.id} (${i.event.type}, ${i.event.at.local}): breaks ${r.name}: ${r.title}.`,
        width,
        6,
      ),
    );
    out.push(pc.dim(paragraph('      ', `${r.explanation} [${r.citation}]`, width)));
  }
  return out.join('\n');
}

function terminalWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.min(120, Math.max(100, columns ?? 110));
}

/**
 * The comparison as one docket's view shows it: the rows whose event either world shows on that docket, and
 * the base events illegal in the branch among them. The divergence and the legal effects are the matter's.
 */
function inDocket(w: WhatIf, docket: string | undefined): WhatIf {
  const inBase = docketView(w.baseEvents, docket);
  if (!inBase || docket === undefined) return w;
  const inBranch = docketFilter(replayAll(w.branchEvents).snapshot.context, docket);
  return {
    ...w,
    rows: w.rows.filter(
      (r) =>
        (r.base !== undefined && inBase(r.base.event)) ||
        (r.branch !== undefined && inBranch(r.branch.event)),
    ),
    illegal: w.illegal.filter((i) => inBase(i.event)),
  };
}

/** `casesim whatif SCENARIO`: the branch against its base, side by side, with the legal effects compared. */
export const whatifCommand: CommandModule = (program, io, setExit) => {
  program
    .command('whatif')
    .description('replay a what-if scenario against its base log: divergence, both timelines, legal effects')
    .argument('<scenario>', 'scenario file (JSON), for example events/scenarios/district-stay-granted.json')
    .option(DOCKET_FLAG, DOCKET_HELP)
    .option('--json', 'print the comparison as JSON')
    .action(
      action(setExit, async (path: string, opts: { json?: boolean; docket?: string }) => {
        const { scenario, basePath, base } = await loadScenario(path);
        const result = runWhatIf(
          base.events.map((l) => l.event),
          scenario,
        );
        if (!result.ok) throw refuseInput([inFile(result.error, path)]);
        const w = inDocket(result.whatIf, opts.docket);
        if (opts.json) {
          io.out(
            json({
              scenario: path,
              base: basePath,
              description: scenario.description,
              title: scenario.title ?? null,
              docket: opts.docket ?? null,
              onIllegal: scenario.onIllegal,
              applied: w.applied,
              divergence: w.divergence,
              rows: w.rows,
              effects: w.effects,
              illegal: w.illegal,
              branchEvents: w.branchEvents.map((e) => e.id),
            }),
          );
        } else io.out(renderWhatIf(w, path, terminalWidth(), colorsOf(io)));
        return 0;
      }),
    );
};
