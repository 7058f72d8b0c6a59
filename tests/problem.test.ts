/**
 * One `Problem` for every failure (issue 9, item 4): a log line, an event the rules refuse, an append the
 * store refuses, a scenario or odds file that does not hold, a command used wrongly. Each is a value with a
 * code, where it is and why; a schema's findings stay structured (zod's path arrays), a rule's refusal
 * carries the rule; one formatter prints them and one `ProblemError` carries them out of the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLog, refuseProblems } from '../src/cli/io.js';
import { parseLog } from '../src/events/parse.js';
import { RULES } from '../src/machine/rules.js';
import { parseOdds } from '../src/outcomes/odds.js';
import {
  exitCodeOf,
  formatProblem,
  illegalEvent,
  isProblemError,
  type Problem,
  type ProblemCode,
  ProblemError,
  problem,
  ruleSentence,
} from '../src/problem.js';
import { checkLog } from '../src/replay/check.js';
import { appendEvent, appendEventText, formatStoreError } from '../src/store/index.js';
import { runWhatIf } from '../src/whatif/diff.js';
import { applyScenario, parseScenario, type Scenario } from '../src/whatif/scenario.js';
import { ROOT, removeDir, tempDir } from './helpers/built.js';
import { cli } from './support/cli.js';

const LOGS = path.join(ROOT, 'tests/fixtures/logs');
const STORE = path.join(ROOT, 'tests/fixtures/store');
const WHATIF = path.join(ROOT, 'tests/fixtures/whatif');
const logFixture = (name: string) => path.join(LOGS, `${name}.jsonl`);
const storeJson = (name: string) =>
  JSON.parse(readFileSync(path.join(STORE, name), 'utf8')) as Record<string, unknown>;
const scenarioJson = (name: string) => JSON.parse(readFileSync(path.join(WHATIF, name), 'utf8'));
const baseEvents = parseLog(readFileSync(path.join(WHATIF, 'base.jsonl')), 'base.jsonl').events.map(
  (l) => l.event,
);

/** Every problem has a code, a `where` object and a one-line message; issues, when given, are data. */
function expectWellFormed(p: Problem, code: ProblemCode): void {
  expect(p.code).toBe(code);
  expect(typeof p.where).toBe('object');
  expect(p.message).toMatch(/^[^\n\r]+$/);
  for (const issue of p.issues ?? []) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.message).toBe('string');
  }
}

function scenario(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(formatProblem(parsed.error));
  return parsed.scenario;
}

describe('a log line that is not an event is a problem at its file and line', () => {
  it.each([
    ['bad-json', 'BAD_JSON'],
    ['torn-last-line', 'TORN_LINE'],
    ['out-of-order', 'OUT_OF_ORDER'],
    ['unknown-kind', 'INVALID_EVENT'],
    ['no-zone', 'INVALID_EVENT'],
  ] as const)('%s gives %s with the file and a line', (name, code) => {
    const file = logFixture(name);
    const problems = parseLog(readFileSync(file), file).problems;
    const found = problems.find((p) => p.code === code);
    expect(found, JSON.stringify(problems)).toBeDefined();
    expectWellFormed(found as Problem, code);
    expect(found?.where.file).toBe(file);
    expect(found?.where.line).toBeGreaterThanOrEqual(1);
  });

  it("keeps every one of zod's findings on an invalid event as data: path arrays, codes and messages", () => {
    const event = { ...storeJson('note.json'), category: 7, summary: 42 };
    const { problems } = parseLog(`${JSON.stringify(event)}\n`, 'notes.jsonl');
    const [p] = problems;
    expectWellFormed(p as Problem, 'INVALID_EVENT');
    expect(p?.where).toEqual({ file: 'notes.jsonl', line: 1, eventId: 'a-note' });
    const paths = p?.issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([['summary'], ['category']]));
    // The worded message still names them all, for a person.
    expect(p?.message).toMatch(/summary: .*category: |category: .*summary: /);
  });

  it('names a reused id as DUPLICATE_ID at the second line', () => {
    const line = JSON.stringify(storeJson('note.json'));
    const [p] = parseLog(`${line}\n${line}\n`, 'dup.jsonl').problems;
    expectWellFormed(p as Problem, 'DUPLICATE_ID');
    expect(p?.where).toEqual({ file: 'dup.jsonl', line: 2, eventId: 'a-note' });
  });
});

describe('an event the rules refuse is a problem carrying the rule', () => {
  it("gives ILLEGAL_EVENT with the rule's name, title and citation, and the one rule sentence", async () => {
    const file = logFixture('illegal-event');
    const [p] = checkLog(await loadLog(file)).filter((q) => q.code === 'ILLEGAL_EVENT');
    expectWellFormed(p as Problem, 'ILLEGAL_EVENT');
    expect(p?.where).toEqual({ file, line: 7, eventId: 'stay-granted' });
    const rule = RULES.stayMotionPending;
    expect(p?.rule).toMatchObject({
      name: rule.name,
      title: rule.title,
      explanation: rule.explanation,
      citation: rule.citation,
    });
    expect(p?.message).toBe(`stay.granted breaks ${ruleSentence(rule)}`);
  });

  it('states a rule as "rule X (title): explanation [citation]"', () => {
    const rule = { name: 'r', title: 'T', explanation: 'Why.', citation: 'FRCP 65' };
    expect(ruleSentence(rule)).toBe('rule r (T): Why. [FRCP 65]');
    expect(illegalEvent({ id: 'e', type: 'stay.granted' }, rule, { file: 'f', line: 3 })).toEqual({
      code: 'ILLEGAL_EVENT',
      where: { file: 'f', line: 3, eventId: 'e' },
      message: 'stay.granted breaks rule r (T): Why. [FRCP 65]',
      rule,
    });
  });
});

describe('an append the store refuses is a problem', () => {
  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = tempDir('problem');
    log = path.join(dir, 'case.jsonl');
    writeFileSync(log, readFileSync(path.join(STORE, 'seed.jsonl')));
  });
  afterEach(() => removeDir(dir));

  it("refuses an invalid event as INVALID_EVENT at the event's own file, with zod's findings as data", async () => {
    const result = await appendEvent(log, { ...storeJson('note.json'), category: 7 }, { source: 'n.json' });
    expectWellFormed(result.error as Problem, 'INVALID_EVENT');
    expect(result.error?.where).toEqual({ file: 'n.json', line: 1, eventId: 'a-note' });
    expect(result.error?.issues?.[0]?.path).toEqual(['category']);
  });

  it('refuses text that is not JSON as INVALID_EVENT at the line where parsing stopped', async () => {
    const result = await appendEventText(log, '{\n"a":\n', { source: 'e.json' });
    expectWellFormed(result.error as Problem, 'INVALID_EVENT');
    expect(result.error?.where.file).toBe('e.json');
  });

  it('refuses an illegal event as ILLEGAL_EVENT with the rule, and prints it with the code after', async () => {
    const result = await appendEvent(log, storeJson('pi-granted.v1.json'));
    expectWellFormed(result.error as Problem, 'ILLEGAL_EVENT');
    expect(result.error?.rule?.name).toBe('injunctionMotionPending');
    expect(result.error?.rule?.citation).toMatch(/FRCP/);
    if (result.ok) throw new Error('the illegal event was appended');
    expect(formatStoreError(result.error)).toMatch(
      new RegExp(
        `^${log.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: event pi-granted: .* \\[ILLEGAL_EVENT\\]$`,
      ),
    );
  });

  it('words an illegal append as validate words the same event in the log: "type breaks rule X (title): ..."', async () => {
    const event = storeJson('pi-granted.v1.json');
    const result = await appendEvent(log, event);
    writeFileSync(log, `${readFileSync(log, 'utf8')}${JSON.stringify(event)}\n`);
    const [inLog] = checkLog(await loadLog(log));
    expect(result.error?.message).toBe(inLog?.message);
    expect(result.error?.message).toMatch(/^injunction\.granted breaks rule injunctionMotionPending \(/);
  });

  it('refuses a stale version as CONFLICT with both versions', async () => {
    const result = await appendEvent(log, storeJson('note.json'), { expectedVersion: 1 });
    expectWellFormed(result.error as Problem, 'CONFLICT');
    expect(result.error).toMatchObject({ expectedVersion: 1, actualVersion: 3, where: { file: log } });
  });

  it('refuses a log in a missing directory as IO_ERROR, and a log with a bad line as CORRUPT_LOG', async () => {
    const missing = await appendEvent(path.join(dir, 'no', 'case.jsonl'), storeJson('note.json'));
    expectWellFormed(missing.error as Problem, 'IO_ERROR');
    writeFileSync(log, `${readFileSync(log, 'utf8')}garbage\n`);
    const corrupt = await appendEvent(log, storeJson('note.json'));
    expectWellFormed(corrupt.error as Problem, 'CORRUPT_LOG');
    expect(corrupt.error?.where).toMatchObject({ file: log, line: 4 });
  });
});

describe('a scenario that does not hold is a problem naming the edit', () => {
  it("gives INVALID_SCENARIO for a malformed edit, with the edit, the field and zod's findings", () => {
    const parsed = parseScenario({
      description: 'x',
      base: 'base.jsonl',
      edits: [
        { kind: 'remove', event: 'a' },
        { kind: 'insert', event: { type: 'context.note' } },
      ],
    });
    expect(parsed.ok).toBe(false);
    const p = parsed.error as Problem;
    expectWellFormed(p, 'INVALID_SCENARIO');
    expect(p.where.edit).toEqual({ index: 1, kind: 'insert' });
    expect(p.where.field?.slice(0, 2)).toEqual(['edits', 1]);
    expect(p.issues?.length).toBeGreaterThan(0);
    expect(formatProblem(p)).toMatch(/^edit 2 \(insert\): /);
  });

  it('gives SCENARIO_EDIT for an edit that names no event, OUT_OF_ORDER for a branch out of order', () => {
    const unknown = applyScenario(baseEvents, scenario(scenarioJson('bad-unknown-id.json')));
    expectWellFormed(unknown.error as Problem, 'SCENARIO_EDIT');
    expect(unknown.error?.where.edit).toEqual({ index: 1, kind: 'remove' });
    const disorder = applyScenario(baseEvents, scenario(scenarioJson('bad-out-of-order.json')));
    expectWellFormed(disorder.error as Problem, 'OUT_OF_ORDER');
    expect(disorder.error?.where.edit).toEqual({ index: 0, kind: 'insert' });
  });

  it("keeps zod's findings on an event an edit writes that the schema refuses, path and all", () => {
    const parsed = parseScenario(scenarioJson('bad-invalid-event.json'));
    expectWellFormed(parsed.error as Problem, 'INVALID_SCENARIO');
    expect(parsed.error?.issues?.[0]?.path).toEqual(['edits', 0, 'with', 'findings', 'merits']);
    expect(parsed.error?.where.edit).toEqual({ index: 0, kind: 'replace' });
  });

  it("keeps zod's findings on an event an edit writes that the event schema refuses as it is completed", () => {
    const base = scenario(scenarioJson('bad-illegal-edit.json'));
    const edit = {
      ...base.edits[0],
      with: { type: 'stay.granted', motion: 'stay-motion', summary: 'x', findings: {} },
    };
    const at = { local: '2020-10-20', zone: 'Mars/Olympus' };
    const result = applyScenario(baseEvents, {
      ...base,
      edits: [{ ...edit, with: { ...edit.with, at } } as never],
    });
    expectWellFormed(result.error as Problem, 'SCENARIO_EDIT');
    expect(result.error?.where.edit).toEqual({ index: 0, kind: 'replace' });
    expect(result.error?.issues?.map((i) => i.path)).toContainEqual(['at', 'zone']);
  });

  it('gives ILLEGAL_EVENT with the rule when the branch breaks one', () => {
    const result = runWhatIf(baseEvents, scenario(scenarioJson('bad-illegal-edit.json')));
    expectWellFormed(result.error as Problem, 'ILLEGAL_EVENT');
    expect(result.error?.rule?.name).toBe('stayFindingsMeetNken');
    expect(result.error?.where.edit).toEqual({ index: 0, kind: 'replace' });
  });
});

describe('an odds file that does not hold is a problem', () => {
  it("gives INVALID_ODDS naming the decision, with the field and zod's findings", () => {
    const raw = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/outcomes/bad-sum.json'), 'utf8'));
    const parsed = parseOdds(raw);
    expect(parsed.ok).toBe(false);
    const p = parsed.error as Problem;
    expectWellFormed(p, 'INVALID_ODDS');
    expect(p.message).toMatch(/^decision \d+/);
    expect(p.where.field?.[0]).toBe('decisions');
    expect(p.issues?.length).toBeGreaterThan(0);
  });
});

describe('one formatter, one thrown wrapper', () => {
  it('prints where before why: "file:line: event id: why", "file: edit n (kind): why", or why alone', () => {
    expect(formatProblem(problem('BAD_JSON', 'not valid JSON', { file: 'a.jsonl', line: 2 }))).toBe(
      'a.jsonl:2: not valid JSON',
    );
    expect(
      formatProblem(problem('DUPLICATE_ID', 'id already used', { file: 'a.jsonl', line: 3, eventId: 'x' })),
    ).toBe('a.jsonl:3: event x: id already used');
    expect(
      formatProblem(
        problem('SCENARIO_EDIT', 'no event', { file: 's.json', edit: { index: 0, kind: 'remove' } }),
      ),
    ).toBe('s.json: edit 1 (remove): no event');
    expect(formatProblem(problem('USAGE', '--at: bad'))).toBe('--at: bad');
  });

  it('leaves out what is not known, so a problem serialises cleanly', () => {
    expect(problem('IO_ERROR', 'disk full', { file: 'f', line: undefined })).toEqual({
      code: 'IO_ERROR',
      where: { file: 'f' },
      message: 'disk full',
    });
  });

  it('keeps exit statuses: 3 outcome unknown, 2 nothing read or written or a usage error, 1 refused', () => {
    expect(exitCodeOf('OUTCOME_UNKNOWN')).toBe(3);
    for (const code of ['IO_ERROR', 'USAGE', 'UNREADABLE'] as const) expect(exitCodeOf(code)).toBe(2);
    for (const code of ['ILLEGAL_EVENT', 'LOCK_TIMEOUT', 'CONFLICT', 'CORRUPT_LOG', 'INVALID'] as const)
      expect(exitCodeOf(code)).toBe(1);
  });

  it("refuses a log with problems by throwing one ProblemError (exit 1) that carries all the log's problems", async () => {
    const file = logFixture('illegal-event');
    const problems = checkLog(await loadLog(file));
    let thrown: unknown;
    try {
      refuseProblems(file, problems);
    } catch (error) {
      thrown = error;
    }
    expect(isProblemError(thrown)).toBe(true);
    const error = thrown as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.exitCode).toBe(1);
    expect(error.failure).toMatchObject({
      code: 'INVALID',
      where: { file, line: 7, eventId: 'stay-granted' },
    });
    expect(error.problems).toEqual(problems);
  });

  it("gives --json the failure and the scenario's problems, with zod's findings as data", async () => {
    const file = path.join(dir(), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ description: 'x', base: 'base.jsonl', edits: [{ kind: 'remove', event: 7 }] }),
    );
    const run = await cli('whatif', file, '--json');
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.out);
    expect(error).toMatchObject({ code: 'INVALID', where: { file } });
    expect(error.message).toMatch(/: edit 1 \(remove\): event: /);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({
      code: 'INVALID_SCENARIO',
      where: { file, edit: { index: 0, kind: 'remove' }, field: ['edits', 0, 'event'] },
    });
    expect(error.problems[0].issues[0].path).toEqual(['edits', 0, 'event']);
  });
});

let scratch: string | undefined;
/** A scratch directory for the CLI test above, removed after the file. */
function dir(): string {
  scratch ??= tempDir('problem-cli');
  return scratch;
}
afterEach(() => {
  if (scratch) removeDir(scratch);
  scratch = undefined;
});
