/**
 * The second bundled case, Washington v. Trump (W.D. Wash. 2:17-cv-00141-JLR; 9th Cir. 17-35105), read as a
 * specification: its evidence is verbatim in the local copies of the primary texts (docs/sources/wvt-*.txt,
 * each with its URL and reading date), every event is in the schema, and it replays as the record went: a TRO against
 * Executive Order 13769 itself, the Government's appeal and emergency stay motion, the stay denied
 * (847 F.3d 1151), the order revoked by Executive Order 13780.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPlain } from '../src/events/instant.js';
import { parseLog } from '../src/events/parse.js';
import { checkLog } from '../src/replay/check.js';
import { caseAt } from '../src/replay/query.js';
import { cli } from './support/cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOG = 'events/washington-v-trump.jsonl';
const log = parseLog(readFileSync(path.join(repoRoot, LOG)), LOG);
const events = log.events.map((l) => l.event);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The local copy a quotation names: `docs/sources/<copy>.txt`. */
function copyOf(source: { copy?: string | undefined }): string {
  const file = `docs/sources/${source.copy ?? ''}.txt`;
  expect(file).toMatch(/^docs\/sources\/wvt-[a-z0-9.-]+\.txt$/);
  return file;
}

describe('the Washington v. Trump log', () => {
  it('is in the schema, line by line, and in order of legal effect', () => {
    expect(log.problems).toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(10);
  });

  it('quotes only verbatim passages of the local copies of the primary texts it names', () => {
    const sources = events.flatMap((e) => e.sources.map((s) => ({ id: e.id, s })));
    expect(sources.length).toBeGreaterThan(0);
    for (const { id, s } of sources) {
      if (s.type === 'article') throw new Error(`${id}: the Washington log cites primary texts only`);
      const file = copyOf(s);
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      const [header = '', body = ''] = text.split('\n---\n');
      expect(header, file).toMatch(/^url: https?:\/\/\S+$/m);
      expect(header, file).toMatch(/^read: \d{4}-\d{2}-\d{2}/m);
      const quote = s.quote ?? '';
      expect(quote, `${id}: a Washington source quotes its primary text`).not.toBe('');
      expect(collapse(body).includes(collapse(quote)), `${id}: "${quote}" is not in ${file}`).toBe(true);
    }
  });

  it('dates the appeal and the stay motion only as closely as the record does, and says why', () => {
    for (const id of ['tro-appeal', 'stay-motion']) {
      const e = events.find((x) => x.id === id);
      expect(e && isPlain(e.at)).toBe(false);
      expect(e?.at.basis).toMatch(/4 Feb 2017/);
    }
  });

  // The TRO restrained sections of EO 13769 itself (provisions of the order, FRCP 65(d)(1)), and was entered
  // after notice and an adversary hearing with no expiry: a PI's effect, so appealable and stayable (Sampson v.
  // Murray, 415 U.S. 61, 86-88 (1974); 847 F.3d 1151, 1158).
  it("replays with no rejection: a TRO against sections of the order itself, with a PI's effect", () => {
    expect(checkLog(log)).toEqual([]);
  });

  it("at 10 Feb 2017 shows the order's sections enjoined by the TRO and the stay denied", async () => {
    const state = caseAt(events, { at: Date.parse('2017-02-11T08:00:00Z') - 1 });
    expect(state.rejections).toEqual([]);
    expect(state.snapshot.context.injunctions.tro?.status).toBe('in-force');
    expect(state.snapshot.context.motions['stay-motion']?.status).toBe('denied');
    expect(state.effects.map((e) => [e.section, e.status])).toEqual([
      ['3(c)', 'enjoined'],
      ['5(a)', 'enjoined'],
      ['5(b)', 'enjoined'],
      ['5(c)', 'enjoined'],
      ['5(e)', 'enjoined'],
    ]);
    const run = await cli('state', path.join(repoRoot, LOG), '--at', '2017-02-10');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/enjoined\s+eo-13769-sec-3c: Enjoined by tro/);
    expect(run.out).toContain(
      'stay sought by United States on ca9-17-35105 (stay-motion): denied by stay-denied',
    );
  });

  it('after EO 13780 takes effect, the sections of EO 13769 have no legal basis and the TRO nothing left to restrain', () => {
    const state = caseAt(events, { at: Date.parse('2017-03-17T00:00:00Z') });
    expect(state.rejections).toEqual([]);
    expect(new Set(state.effects.map((e) => e.status))).toEqual(new Set(['revoked']));
  });
});
