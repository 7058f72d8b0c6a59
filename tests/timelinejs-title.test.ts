/** Behaviour: the TimelineJS title names the matter: every case and docket the log holds, and relief recorded from elsewhere. */
import { describe, expect, test } from 'vitest';
import { toTimelineJs } from '../src/export/timelinejs.js';
import {
  appealNoticed,
  complaint,
  DMD,
  event,
  granted,
  identified,
  motion,
  NDCAL,
  orderSigned,
} from './support/case-events.js';

describe('the TimelineJS title', () => {
  test('of a two-docket log names both cases and every docket, the appeal included', () => {
    const md = { ...complaint('2020-09-04', DMD, 'D. Md.'), caseName: 'Lantern Merchants v. Secretary' };
    const doc = toTimelineJs([
      orderSigned(),
      identified(),
      complaint(),
      md,
      motion('pi-motion', '2020-09-08'),
      granted('pi-granted', 'pi-motion', '2020-09-19'),
      appealNoticed('appeal', 'pi-granted', '2020-09-25'),
    ]);
    expect(doc.title.text.headline).toBe(
      'Lantern Users Coalition v. President; Lantern Merchants v. Secretary',
    );
    expect(doc.title.text.text).toBe(
      `N.D. Cal., ${NDCAL}; D. Md., ${DMD}; Ninth Circuit, ca9-20-77777. Every event with its sources.`,
    );
  });

  test('of a one-case log names relief it records from a case it does not hold', () => {
    const elsewhere = event('relief.enteredElsewhere', 'md-pi', '2020-09-19', {
      court: 'D. Md.',
      docket: DMD,
      caseNumber: '8:20-cv-1111',
      caption: 'Lantern Merchants v. Secretary',
      relief: 'preliminary',
      scope: { prohibitions: ['payments'], defendants: ['Secretary of Commerce'], nationwide: true },
    });
    const doc = toTimelineJs([orderSigned(), identified(), complaint(), elsewhere]);
    expect(doc.title.text.headline).toBe('Lantern Users Coalition v. President');
    expect(doc.title.text.text).toContain(
      'Relief entered elsewhere: Lantern Merchants v. Secretary (D. Md., 8:20-cv-1111).',
    );
  });
});
