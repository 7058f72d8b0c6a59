/**
 * The evidence in the WeChat log, read as a specification: every quotation is short and verbatim in the
 * text it cites, every article is cited under its outlet and headline, and summaries are the project's
 * own words. The texts live outside the repository (`../shared`); where they are absent the checks that
 * need them are skipped and say why.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import type { CaseEvent, Source } from '../src/events/schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOG = 'events/wechat.jsonl';
const events: CaseEvent[] = parseLog(readFileSync(path.join(repoRoot, LOG)), LOG).events.map((e) => e.event);
const articlesDir = path.resolve(repoRoot, '..', 'shared', 'articles');
const legalRecordFile = path.resolve(repoRoot, '..', 'shared', 'legal-record.md');
const articlesPresent = existsSync(articlesDir);
const legalRecordPresent = existsSync(legalRecordFile);
if (!articlesPresent) console.warn(`quotes.test: article checks skipped: ${articlesDir} is absent`);
if (!legalRecordPresent)
  console.warn(`quotes.test: legal-record checks skipped: ${legalRecordFile} is absent`);

/** Quotations must stay short: the project carries no source passage beyond marked evidence. */
const MAX_QUOTE = 300;
/** A run of this many words shared with an article means a summary copied it. */
const COPIED_RUN = 8;

interface CitedSource {
  readonly where: string;
  readonly source: Source;
}

/** Every source in the log: an event's own, and those of each account in its conflicts. */
const cited: CitedSource[] = events.flatMap((e) => [
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

describe('quotations in the WeChat log', () => {
  it('the log cites sources at all', () => {
    expect(cited.length).toBeGreaterThan(events.length);
  });

  it(`every quotation is at most ${MAX_QUOTE} characters, so no source passage enters the project unmarked`, () => {
    const long = cited.filter((c) => c.source.quote.length > MAX_QUOTE).map((c) => c.where);
    expect(long).toEqual([]);
  });

  it('every court-record and public-record quotation names the local text it can be checked in', () => {
    const unchecked = cited
      .filter((c) => c.source.type !== 'article' && c.source.quotedIn !== 'legal-record.md')
      .map((c) => c.where);
    expect(unchecked).toEqual([]);
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

describe.skipIf(!legalRecordPresent)(`legal-record quotations (needs ${legalRecordFile})`, () => {
  it('every quotation marked quotedIn legal-record.md appears verbatim (whitespace collapsed) in it', () => {
    const record = collapse(readFileSync(legalRecordFile, 'utf8'));
    const missing = cited.filter(
      ({ source }) =>
        source.type !== 'article' &&
        source.quotedIn === 'legal-record.md' &&
        !record.includes(collapse(source.quote)),
    );
    expect(missing.map((m) => `${m.where}: ${m.source.quote}`)).toEqual([]);
  });
});
