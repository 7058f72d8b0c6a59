/**
 * Findings a court did not state: the record says `not-stated` instead of inventing a finding, and the
 * grant rule checks only what the court is required to find (Winter's four factors; the balance of
 * equities and the public interest merging when the government is the opposing party).
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent, InjunctionFindings } from '../src/events/schema.js';
import { GRANTING_FINDINGS } from '../src/generate/next.js';
import { replayAll } from '../src/replay/replay.js';
import { complaint, granted, suitWithPendingMotion } from './support/case-events.js';

const grantWith = (findings: Partial<InjunctionFindings>, events = suitWithPendingMotion()): string[] => {
  const grant = granted('pi-granted', 'pi-motion', '2020-09-19') as CaseEvent & {
    type: 'injunction.granted';
  };
  const log = [...events, { ...grant, findings: { ...GRANTING_FINDINGS, ...findings } }];
  return replayAll(log).rejections.map((r) => r.rule.name);
};

/** The same suit, but one the United States is not a party to. */
const privateSuit = (): CaseEvent[] =>
  suitWithPendingMotion().map((e) =>
    e.type === 'complaint.filed' ? { ...complaint(), unitedStatesIsParty: false } : e,
  );

describe('a grant whose order leaves a factor unstated', () => {
  it('stands when the public interest is unstated but the balance is found, the government opposing (the two merge)', () => {
    expect(grantWith({ publicInterest: 'not-stated' })).toEqual([]);
  });

  it('stands when the balance is unstated but the public interest is found, the government opposing', () => {
    expect(grantWith({ balance: 'not-stated' })).toEqual([]);
  });

  it('is rejected when neither merged factor is stated', () => {
    expect(grantWith({ balance: 'not-stated', publicInterest: 'not-stated' })).toEqual([
      'findingsMeetTheTest',
    ]);
  });

  it('is rejected when the likelihood of success or of irreparable harm is unstated: Winter requires both', () => {
    expect(grantWith({ merits: 'not-stated' })).toEqual(['findingsMeetTheTest']);
    expect(grantWith({ irreparableHarm: 'not-stated' })).toEqual(['findingsMeetTheTest']);
  });

  it('is rejected when the public interest is unstated in a suit between private parties (no merger)', () => {
    expect(grantWith({ publicInterest: 'not-stated' }, privateSuit())).toEqual(['findingsMeetTheTest']);
  });

  it('under "serious questions" needs the balance stated as tipping sharply: it is never presumed', () => {
    expect(
      grantWith({ standard: 'serious-questions', merits: 'serious-questions', balance: 'not-stated' }),
    ).toEqual(['findingsMeetTheTest']);
  });
});
