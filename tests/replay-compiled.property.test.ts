/**
 * The compiled chart step (src/replay/compiled.ts) against XState itself stepping the lifecycle charts
 * (`snapshot.can` and the pure `transition()`): on the real log, the fixture logs and generated histories
 * that mix legal and illegal events, both accept the same events, take the same arrows and name the same
 * rules; replay runs the compiled path, which has every arrow of every chart; and applying an event never
 * changes the record it was applied to (copy on write shares the rest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../src/events/parse.js';
import { type CaseEvent, EVENT_TYPES, type Instant } from '../src/events/schema.js';
import { addDays, legalNextEvents, nextEvents } from '../src/generate/next.js';
import { xstateStep } from '../src/machine/case.js';
import type { CaseContext } from '../src/machine/context.js';
import { arrowsOf } from '../src/machine/lifecycle.js';
import { LIFECYCLES } from '../src/machine/lifecycles.js';
import { PRIMARY } from '../src/machine/route.js';
import { compiledSteps, isCompiled } from '../src/replay/compiled.js';
import {
  type ApplyResult,
  applyEvent,
  applyEventByTransition,
  initialSnapshot,
} from '../src/replay/replay.js';

const START: Instant = { local: '2020-08-06', zone: 'America/Los_Angeles' };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The real WeChat log and the fixture logs (legal and illegal events written by people, not generated). */
function realLogs(): { file: string; events: CaseEvent[] }[] {
  const fixtures = path.join(root, 'tests', 'fixtures', 'logs');
  const files = [
    path.join(root, 'events', 'wechat.jsonl'),
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => path.join(fixtures, f)),
  ];
  return files.map((file) => ({
    file: path.relative(root, file),
    events: parseLog(readFileSync(file), file).events.map((l) => l.event),
  }));
}

/** One step: days that pass, whether to take any candidate (often illegal) or a legal one, and which. */
const step = fc.record({
  gap: fc.integer({ min: 0, max: 6 }),
  anyCandidate: fc.nat({ max: 3 }).map((n) => n === 0),
  choice: fc.nat({ max: 10_000 }),
});

/** Events that end something: taken rarely, so that histories reach injunctions, stays and appeals. */
const ENDINGS = new Set<CaseEvent['type']>([
  'order.revoked',
  'identification.withdrawn',
  'identification.rescinded',
  'case.dismissed',
]);

/** Grows a history from the reference path: legal events mostly, any candidate (legal or not) sometimes. */
function history(steps: readonly { gap: number; anyCandidate: boolean; choice: number }[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  let snapshot = initialSnapshot();
  let at = START;
  for (const s of steps) {
    at = addDays(at, s.gap);
    const legal = legalNextEvents(snapshot, at).map((l) => l.event);
    const lasting = legal.filter((e) => !ENDINGS.has(e.type));
    const pool = s.anyCandidate
      ? nextEvents(snapshot, at)
      : s.choice % 8 === 0 || lasting.length === 0
        ? legal
        : lasting;
    const event = pool[s.choice % Math.max(1, pool.length)];
    if (!event) break;
    events.push(event);
    snapshot = applyEventByTransition(snapshot, event).snapshot;
  }
  return events;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function expectSame(fast: ApplyResult, reference: ApplyResult): void {
  expect(fast.ok).toBe(reference.ok);
  if (!fast.ok && !reference.ok) {
    expect(fast.rejection).toEqual(reference.rejection);
    expect(fast.rejection.rule).toBe(reference.rejection.rule);
  }
  expect(fast.moves).toEqual(reference.moves);
  expect(fast.snapshot.value).toEqual(reference.snapshot.value);
  expect(fast.snapshot.context).toEqual(reference.snapshot.context);
}

describe('the compiled chart step', () => {
  it('has every arrow of every lifecycle chart, and every event kind but notes and positions has a primary chart', () => {
    for (const lifecycle of LIFECYCLES) {
      for (const arrow of arrowsOf(lifecycle.machine)) {
        expect(
          isCompiled(lifecycle, arrow.source, arrow.event),
          `${lifecycle.id}.${arrow.source} on ${arrow.event}`,
        ).toBe(true);
      }
    }
    for (const type of EVENT_TYPES) {
      const primary = LIFECYCLES.find((l) => l.id === PRIMARY[type]);
      if (type === 'context.note' || type === 'government.position') expect(primary).toBeUndefined();
      else expect(primary && arrowsOf(primary.machine).some((a) => a.event === type), type).toBe(true);
    }
  });

  it('is the path replay runs: replaying the real log steps charts through it', () => {
    const before = compiledSteps();
    const [log] = realLogs();
    let snapshot = initialSnapshot();
    for (const event of log?.events ?? []) snapshot = applyEvent(snapshot, event).snapshot;
    expect(compiledSteps() - before).toBeGreaterThanOrEqual(log?.events.length ?? 1);
    // The reference path never touches the compiled table.
    const during = compiledSteps();
    let reference = initialSnapshot();
    for (const event of log?.events ?? []) reference = applyEventByTransition(reference, event).snapshot;
    expect(compiledSteps()).toBe(during);
    expect(xstateStep).toBeTypeOf('function');
  });

  it('gives the same states, arrows and rejections as XState, legal and illegal events alike', () => {
    let rejections = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }), (steps) => {
        let fast = initialSnapshot();
        let reference = initialSnapshot();
        for (const event of history(steps)) {
          const a = applyEvent(fast, event);
          const b = applyEventByTransition(reference, event);
          expectSame(a, b);
          if (!a.ok) rejections += 1;
          fast = a.snapshot;
          reference = b.snapshot;
        }
      }),
      { numRuns: 150 },
    );
    expect(rejections).toBeGreaterThan(0);
  });

  it('gives the same states, arrows and rejections as XState on the real log and the fixture logs', () => {
    for (const { events } of realLogs()) {
      let fast = initialSnapshot();
      let reference = initialSnapshot();
      for (const event of events) {
        const a = applyEvent(fast, event);
        const b = applyEventByTransition(reference, event);
        expectSame(a, b);
        fast = a.snapshot;
        reference = b.snapshot;
      }
    }
  });

  it('never changes the record an event is applied to', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }), (steps) => {
        let snapshot = initialSnapshot();
        for (const event of history(steps)) {
          const before = structuredClone(snapshot.context);
          deepFreeze(snapshot.context as CaseContext);
          const result = applyEvent(snapshot, event);
          expect(snapshot.context).toEqual(before);
          snapshot = result.snapshot;
        }
      }),
      { numRuns: 100 },
    );
  });
});
