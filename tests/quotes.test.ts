/**
 * The evidence in `events/` (the WeChat log and the scenarios), read as a
 * specification: every quotation is the source's own words, verbatim in a local copy of the text it cites
 * (an article in `../shared/articles`, or a passage kept in `docs/sources/` with its URL and reading date),
 * never in our research notes; every article is cited under its outlet and headline; and summaries are the
 * project's own words. Where the article texts are absent, the checks that need them are skipped and say why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLog, validateEvent } from '../src/events/parse.js';
import type { CaseEvent, Source } from '../src/events/schema.js';
import { toTimelineJs } from '../src/export/timelinejs.js';
import { cli } from './support/cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOG = 'events/wechat.jsonl';
const SCENARIOS = 'events/scenarios';
const COPIES = 'docs/sources';
const events: CaseEvent[] = parseLog(readFileSync(path.join(repoRoot, LOG)), LOG).events.map((e) => e.event);
const articlesDir = path.resolve(repoRoot, '..', 'shared', 'articles');
const legalRecordFile = path.resolve(repoRoot, '..', 'shared', 'legal-record.md');
const articlesPresent = existsSync(articlesDir);
const legalRecordPresent = existsSync(legalRecordFile);
if (!articlesPresent) console.warn(`quotes.test: article checks skipped: ${articlesDir} is absent`);
if (!legalRecordPresent)
  console.warn(`quotes.test: research-note checks skipped: ${legalRecordFile} is absent`);

/** Quotations must stay short: the project carries no source passage beyond marked evidence. */
const MAX_QUOTE = 300;
/** A run of this many words shared with an article means a summary copied it. */
const COPIED_RUN = 8;

interface CitedSource {
  readonly where: string;
  readonly source: Source;
}

/** Every source object anywhere in a JSON value (scenario edits are not all whole events). */
function sourcesIn(value: unknown, where: string): CitedSource[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourcesIn(v, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own =
    Array.isArray(record.sources) && typeof record.type === 'string'
      ? (record.sources as Source[]).map((source, i) => ({ where: `${where}.sources[${i}]`, source }))
      : [];
  return [
    ...own,
    ...Object.entries(record)
      .filter(([k]) => k !== 'sources')
      .flatMap(([k, v]) => sourcesIn(v, `${where}.${k}`)),
  ];
}

function scenarioFiles(): string[] {
  return readdirSync(path.join(repoRoot, SCENARIOS))
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => `${SCENARIOS}/${f}`);
}

/** Every source in the log: an event's own, and those of each account in its conflicts. */
const logCited: CitedSource[] = events.flatMap((e) => [
  ...e.sources.map((source, i) => ({ where: `${e.id} sources[${i}]`, source })),
  ...(e.conflicts ?? []).flatMap((c, ci) =>
    c.accounts.flatMap((a, ai) =>
      a.sources.map((source, si) => ({
        where: `${e.id} conflicts[${ci}].accounts[${ai}].sources[${si}]`,
        source,
      })),
    ),
  ),
]);

/** Every source in `events/`: the log and each scenario. */
const cited: CitedSource[] = [
  ...logCited,
  ...scenarioFiles().flatMap((f) => sourcesIn(JSON.parse(readFileSync(path.join(repoRoot, f), 'utf8')), f)),
];

/** The quotations among them: the source's own words, each to be found in a local copy. */
const quoted = cited.flatMap((c) => (c.source.quote === undefined ? [] : [{ ...c, quote: c.source.quote }]));

interface LocalCopy {
  readonly url: string | undefined;
  readonly read: string | undefined;
  readonly body: string;
}

/** A copy in docs/sources: a header (title, url, read, rights), a `---` line, then the passages. */
function readCopy(name: string): LocalCopy | undefined {
  const file = path.join(repoRoot, COPIES, `${name}.txt`);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const split = text.indexOf('\n---\n');
  const header = split < 0 ? '' : text.slice(0, split);
  const field = (name: string) => header.match(new RegExp(`^${name}: (.+)$`, 'm'))?.[1];
  return { url: field('url'), read: field('read'), body: split < 0 ? '' : text.slice(split + 5) };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function runsOf(text: string, n: number): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
  return runs;
}

/** The README's table: file name to the outlet and headline to cite it by. */
function readmeRows(): Map<string, { outlet: string; headline: string }> {
  const rows = new Map<string, { outlet: string; headline: string }>();
  for (const line of readFileSync(path.join(articlesDir, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [, file, outlet, headline] = cells;
    if (file?.endsWith('.txt') && outlet && headline) rows.set(file, { outlet, headline });
  }
  return rows;
}

/** The article files the README lists. */
function articleFiles(): string[] {
  return [...readmeRows().keys()].map((f) => path.join(articlesDir, f));
}

describe('quotations in events/', () => {
  it('the log cites sources at all, and quotes the primary texts it rests on', () => {
    expect(logCited.length).toBeGreaterThan(events.length);
    expect(quoted.filter((q) => q.source.type !== 'article').length).toBeGreaterThan(30);
  });

  it(`every quotation is at most ${MAX_QUOTE} characters, so no source passage enters the project unmarked`, () => {
    const long = quoted.filter((q) => q.quote.length > MAX_QUOTE).map((q) => q.where);
    expect(long).toEqual([]);
  });

  it('every court-record and public-record quotation appears verbatim (whitespace collapsed) in the local copy it names', () => {
    const missing = quoted.flatMap((q) => {
      if (q.source.type === 'article') return [];
      const name = q.source.copy ?? '(no copy named)';
      const copy = readCopy(name);
      if (!copy) return [`${q.where}: ${COPIES}/${name}.txt does not exist`];
      return collapse(copy.body).includes(collapse(q.quote))
        ? []
        : [`${q.where}: not in ${COPIES}/${name}.txt: ${q.quote}`];
    });
    expect(missing).toEqual([]);
  });

  it('a quotation is attributed to the page its copy was read from: the source URL is the URL in the copy', () => {
    const wrong = quoted.flatMap((q) => {
      if (q.source.type === 'article' || !q.source.copy) return [];
      const copy = readCopy(q.source.copy);
      return copy && q.source.url !== copy.url ? [`${q.where}: ${q.source.url} ≠ ${copy.url}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('every local copy says where it was read and when, and holds some text', () => {
    const files = readdirSync(path.join(repoRoot, COPIES)).filter((f) => f.endsWith('.txt'));
    const bad = files.filter((f) => {
      const copy = readCopy(f.replace(/\.txt$/, ''));
      return (
        !copy?.url?.startsWith('http') ||
        !/^\d{4}-\d{2}-\d{2}/.test(copy.read ?? '') ||
        copy.body.trim() === ''
      );
    });
    expect(files.length).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });

  it('no source cites our research notes as the place its words can be checked', () => {
    const raw = [LOG, ...scenarioFiles()]
      .filter((f) => existsSync(path.join(repoRoot, f)))
      .filter((f) => /legal-record|quotedIn/.test(readFileSync(path.join(repoRoot, f), 'utf8')));
    expect(raw).toEqual([]);
  });

  it('a note is our own words: it carries no quotation marks that would pass it off as the source speaking', () => {
    const marked = cited
      .filter((c) => c.source.type !== 'article' && /["“”]/.test(c.source.note ?? ''))
      .map((c) => c.where);
    expect(marked).toEqual([]);
  });
});

describe.skipIf(!articlesPresent)(`article quotations (needs ${articlesDir})`, () => {
  const articles = cited.flatMap((c) => (c.source.type === 'article' ? [{ ...c, source: c.source }] : []));

  it('every article quotation appears verbatim (whitespace collapsed) in the article file it cites', () => {
    const texts = new Map<string, string>();
    const missing = articles.filter(({ source }) => {
      const file = path.join(articlesDir, source.file);
      if (!existsSync(file)) return true;
      if (!texts.has(file)) texts.set(file, collapse(readFileSync(file, 'utf8')));
      return !texts.get(file)?.includes(collapse(source.quote));
    });
    expect(missing.map((m) => `${m.where}: ${m.source.file}: ${m.source.quote}`)).toEqual([]);
  });

  it("every article source gives the outlet and headline of that file's row in the README table", () => {
    const rows = readmeRows();
    const wrong = articles
      .filter(({ source }) => {
        const row = rows.get(source.file);
        return row?.outlet !== source.outlet || row?.headline !== source.headline;
      })
      .map((a) => `${a.where}: ${a.source.file}`);
    expect(rows.size).toBe(5);
    expect(wrong).toEqual([]);
  });

  it(`summaries are the project's own words: none shares a run of ${COPIED_RUN} words with an article`, () => {
    const articleRuns = new Set(
      articleFiles().flatMap((f) => [...runsOf(readFileSync(f, 'utf8'), COPIED_RUN)]),
    );
    const copied = events.flatMap((e) =>
      [...runsOf(e.summary, COPIED_RUN)].filter((r) => articleRuns.has(r)).map((r) => `${e.id}: "${r}"`),
    );
    expect(copied).toEqual([]);
  });
});

describe.skipIf(!legalRecordPresent)(`research notes are never a source (needs ${legalRecordFile})`, () => {
  it('no local copy is taken from the research notes: a copy passage of 80 characters or more never appears in them', () => {
    const notes = collapse(readFileSync(legalRecordFile, 'utf8'));
    const copied = readdirSync(path.join(repoRoot, COPIES))
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) =>
        (readCopy(f.replace(/\.txt$/, ''))?.body ?? '')
          .split(/\n\s*\n/)
          .map(collapse)
          .filter((p) => p.length >= 80 && notes.includes(p))
          .map((p) => `${f}: ${p.slice(0, 60)}`),
      );
    expect(copied).toEqual([]);
  });
});

describe('quotation marks only around the source’s own words, wherever a source is printed', () => {
  const quotes = new Set(quoted.map((q) => q.quote));
  // Replay and the slides print an event's own sources (a conflict's accounts are summarised, not listed).
  const notes = events.flatMap((e) =>
    e.sources.flatMap((s) => (s.type !== 'article' && s.note ? [s.note] : [])),
  );

  it('the log has notes to print at all, so the checks below can fail', () => {
    expect(notes.length).toBeGreaterThan(5);
  });

  it('casesim replay: every line in “…” is a quotation of the log, and every note is printed as a note, unquoted', async () => {
    const { code, out } = await cli('replay');
    expect(code).toBe(0);
    const marked = [...out.matchAll(/^ {11}“(.*)”$/gm)].map((m) => m[1] ?? '');
    expect(marked.length).toBeGreaterThan(40);
    expect(marked.filter((m) => !quotes.has(m))).toEqual([]);
    for (const note of notes) {
      expect(out).toContain(`note: ${note}`);
      expect(out).not.toContain(`“${note}”`);
    }
  });

  it('TimelineJS: a blockquote holds only a quotation; a note is plain text', () => {
    const html = toTimelineJs(events)
      .events.map((s) => s.text.text)
      .join('');
    const fromHtml = (t: string) =>
      t
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
    const blockquotes = [...html.matchAll(/<blockquote>(.*?)<\/blockquote>/g)].map((m) =>
      fromHtml(m[1] ?? ''),
    );
    expect(blockquotes.filter((b) => !quotes.has(b) && !cited.some((c) => c.source.quote === b))).toEqual([]);
    expect(blockquotes.filter((b) => notes.includes(b))).toEqual([]);
  });
});

describe('a record source gives a quotation or a note, never both and never neither', () => {
  const base = events.find((e) => e.id === 'pi-opposition') as CaseEvent;
  const withSource = (source: Record<string, unknown>) => ({
    ...base,
    sources: [
      { type: 'court-record', court: 'N.D. Cal.', docket: '3:20-cv-05910-LB', entry: 'ECF 22', ...source },
    ],
  });

  it.each([
    ['both', { quote: 'Defendants’ Opposition', copy: 'ecf-22', note: 'our words' }],
    ['neither', {}],
  ])('a source with %s is refused, and the message says which to give', (_, source) => {
    const result = validateEvent(withSource(source));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/exactly one of `quote`.*or `note`/);
  });

  it('a note may not name a copy: a copy is where a quotation is checked', () => {
    const result = validateEvent(withSource({ note: 'our words', copy: 'ecf-22' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('`copy` goes with a quotation');
  });

  it('a quotation or a note alone is accepted', () => {
    expect(validateEvent(withSource({ quote: 'Defendants’ Opposition', copy: 'ecf-22' })).ok).toBe(true);
    expect(validateEvent(withSource({ note: 'The opposition, described in our words.' })).ok).toBe(true);
  });
});
