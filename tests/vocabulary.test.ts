/**
 * The vocabulary the replay path reads without building the zod schemas (`src/events/vocabulary.ts`) is the
 * schema's own: the same event kinds in the union's order, the same evidence rule, and no zod behind it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseEvent, CourtRecordSource } from '../src/events/schema.js';
import { EVENT_TYPES, evidenceProblem } from '../src/events/vocabulary.js';
import { ROOT } from './helpers/built.js';

describe('the zod-free event vocabulary', () => {
  it("names every event kind of the schema's union, in its order", () => {
    expect(EVENT_TYPES).toEqual(CaseEvent.options.map((o) => o.shape.type.value));
  });

  it("words a source's evidence problem as the schema's refinement does", () => {
    const source = { type: 'court-record', court: 'N.D. Cal.', docket: '3:20-cv-05910', entry: 'ECF 59' };
    for (const evidence of [{}, { quote: 'abc', note: 'def' }, { note: 'def', copy: 'ecf-59' }]) {
      const problem = evidenceProblem(evidence);
      const zod = CourtRecordSource.safeParse({ ...source, ...evidence });
      expect(zod.success).toBe(false);
      expect(zod.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
        problem?.path,
        problem?.message,
      ]);
    }
    expect(evidenceProblem({ quote: 'abc', copy: 'ecf-59' })).toBeUndefined();
  });

  it('imports nothing, so reading it builds no zod schema', () => {
    const text = readFileSync(path.join(ROOT, 'src/events/vocabulary.ts'), 'utf8');
    expect(text).not.toMatch(/^\s*import\s/m);
  });
});
