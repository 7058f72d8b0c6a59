/**
 * Deadlines counted in court days: whatever the day a judgment is entered, a petition for rehearing is in
 * time exactly through the last day of its 45 days, moved past a weekend or federal legal holiday
 * (FRAP 40(a)(1) (2020); FRAP 26(a)(1)(C), (a)(6)(A)), however far inside or near the end it is filed.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { CaseEvent } from '../src/events/schema.js';
import { applyEvent, replayAll } from '../src/replay/replay.js';
import { dayNumber, lastDayOfPeriod } from '../src/time/legal-days.js';
import { appealDecided, appealNoticed, enjoined, event } from './support/case-events.js';

const DAY = 86_400_000;
const dateAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const petition = (date: string): CaseEvent =>
  event('appeal.rehearingSought', 'rehearing', date, {
    appealDocket: 'ca9-20-77777',
    petitioner: 'United States',
  });

describe('court days', () => {
  test.prop([fc.integer({ min: 1, max: 900 }), fc.integer({ min: 35, max: 52 })], { numRuns: 300 })(
    'a petition for rehearing is in time exactly through the 45th day, or the next court day after it',
    (decidedAfter, filedAfter) => {
      const decided = dateAfter('2020-10-01', decidedAfter);
      const filed = dateAfter(decided, filedAfter);
      const history = [
        ...enjoined(),
        appealNoticed('appeal', 'pi-granted', '2020-10-01'),
        appealDecided(decided, 'reversed'),
      ];
      const result = applyEvent(replayAll(history).snapshot, petition(filed));
      const inTime = dayNumber(filed) <= lastDayOfPeriod(dayNumber(decided), 45);
      expect(result.rejection?.rule.name).toBe(inTime ? undefined : 'rehearingTimely');
    },
  );
});
