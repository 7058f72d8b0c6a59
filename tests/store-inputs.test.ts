/**
 * Hostile inputs (issue 15, point 11): a scenario's base is a log resolved beside the scenario, and nothing
 * of a refused base is echoed; source URLs are http or https in the schema itself (so in its JSON Schema
 * and in every export); prototype keys in an odds file are refused by name, not silently dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateEvent } from '../src/events/parse.js';
import { parseOdds } from '../src/outcomes/odds.js';
import { ROOT, removeDir, tempDir } from './helpers/built.js';
import { cli } from './support/cli.js';
import { schemaProblem } from './support/json-schema.js';

const note = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/store/note.json'), 'utf8'));
const withUrl = (url: string) => ({ ...note, sources: [{ ...note.sources[0], url }] });
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>1</script>',
  'file:///etc/passwd',
  'ftp://example.org/x',
  'vbscript:x',
];

describe('source URLs', () => {
  it.each(HOSTILE_URLS)('refuses %s in the zod schema', (url) => {
    const result = validateEvent(withUrl(url));
    expect(result.ok).toBe(false);
  });

  it.each(HOSTILE_URLS)('refuses %s in the JSON Schema editors use', (url) => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'events/schema.json'), 'utf8'));
    expect(schemaProblem(schema, withUrl(url))).toBeDefined();
  });

  it('accepts http and https', () => {
    for (const url of ['https://www.cand.uscourts.gov/x', 'http://example.org/a?b=c'])
      expect(validateEvent(withUrl(url)).ok, url).toBe(true);
  });
});

describe("a scenario's base", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('store-inputs');
  });
  afterEach(() => removeDir(dir));

  const scenario = (base: string) => {
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ description: 'A test branch.', base, edits: [] }));
    return file;
  };

  it('must be a .jsonl log: /etc/passwd is refused before it is read', async () => {
    const r = await cli('whatif', scenario('/etc/passwd'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/base: the base is an event log: a \.jsonl file/);
    expect(r.err).not.toMatch(/root:/);
  });

  it('is resolved beside the scenario, and a base that is not a log is refused without echoing it', async () => {
    writeFileSync(path.join(dir, 'secret.jsonl'), 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1\n');
    const r = await cli('whatif', scenario('secret.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the base .*secret\.jsonl is not an event log/);
    expect(r.err).not.toMatch(/root|daemon|bash/);
  });

  it('a scenario that is not JSON is refused without echoing its text', async () => {
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash');
    const r = await cli('whatif', file);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/root/);
  });

  it('a base log with a bad line names the line, not its contents', async () => {
    const seed = readFileSync(path.join(ROOT, 'tests/fixtures/store/seed.jsonl'), 'utf8');
    writeFileSync(path.join(dir, 'case.jsonl'), `${seed}secret-token-123\n`);
    const r = await cli('whatif', scenario('case.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/case\.jsonl:4 \(BAD_JSON\); run casesim validate/);
    expect(r.err).not.toMatch(/secret-token/);
  });
});

describe('odds files', () => {
  const odds = JSON.parse(readFileSync(path.join(ROOT, 'events/odds/wechat.json'), 'utf8'));

  it("refuses __proto__ among a decision's options by name, instead of dropping it", () => {
    const raw = JSON.parse(
      JSON.stringify(odds).replace('"options":{', '"options":{"__proto__":{"polluted":1},'),
    );
    const result = parseOdds(raw);
    expect(result.error?.message).toMatch(/decisions\.0\.options\.__proto__: the key '__proto__' is refused/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses constructor and prototype keys anywhere', () => {
    expect(parseOdds({ ...odds, constructor: 1 }).error?.message).toMatch(
      /^constructor: the key 'constructor' is refused/,
    );
    const decisions = [{ ...odds.decisions[0], prototype: {} }, ...odds.decisions.slice(1)];
    expect(parseOdds({ ...odds, decisions }).error?.message).toMatch(/the key 'prototype' is refused/);
  });

  it('through the CLI: exit 2 or 1 with the key named, never an internal error', async () => {
    const dir = tempDir('store-inputs-odds');
    try {
      const file = path.join(dir, 'odds.json');
      writeFileSync(file, JSON.stringify(odds).replace('"options":{', '"options":{"__proto__":0.5,'));
      const r = await cli('outcomes', '--odds', file, '--from', 'pi-granted');
      expect([1, 2]).toContain(r.code);
      expect(r.err).toMatch(/__proto__/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('outcomes from a log at the end of time (issue 15, point 6)', () => {
  it('refuses, in words and with exit 1, a starting point whose futures would pass year 9999, instead of an internal error', async () => {
    const dir = tempDir('store-inputs-9999');
    try {
      const log = path.join(dir, 'late.jsonl');
      const seed = readFileSync(path.join(ROOT, 'tests/fixtures/store/seed.jsonl'), 'utf8');
      const late = {
        ...note,
        id: 'far-future',
        at: { local: '9999-12-31', zone: 'UTC' },
        knownAt: { local: '9999-12-31', zone: 'UTC' },
      };
      writeFileSync(log, `${seed}${JSON.stringify(late)}\n`);
      expect((await cli('validate', log)).code).toBe(0);
      // The log's own odds are absent (it names none): the bundled ones are given, so the date is what fails.
      const r = await cli('outcomes', log, '--odds', path.join(ROOT, 'events/odds/wechat.json'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/the starting point \(far-future, 9999-12-31\) leaves no room for its futures/);
      expect(r.err).not.toMatch(/internal error/);
    } finally {
      removeDir(dir);
    }
  });
});
