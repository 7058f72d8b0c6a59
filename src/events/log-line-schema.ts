/**
 * The JSON Schema of a log line for editors, in every schema version casesim reads (`versions.ts`), built
 * from the zod schemas when `casesim schema` asks for it: no command that only reads a log builds it.
 */
import { z } from 'zod';
import { editorJsonSchema, factored } from './json-schema.js';
import { CaseEvent, Instant, SCHEMA_VERSION, Source } from './schema.js';

/**
 * A version-1 line, for editors only (casesim itself reads it by upcasting): the current vocabulary with
 * version 1, and `government.position` naming its text `position`.
 */
function caseEventV1() {
  return z.discriminatedUnion(
    'type',
    CaseEvent.options.map((option) => {
      const v1 = option.extend({ schemaVersion: z.literal(1) });
      if (option.shape.type.value !== 'government.position') return v1;
      return (v1 as z.ZodObject).omit({ statement: true }).extend({ position: z.string().min(1) });
    }) as unknown as [(typeof CaseEvent.options)[number], ...(typeof CaseEvent.options)[number][]],
  );
}

/**
 * The JSON Schema of one log line, in any schema version casesim reads, generated from the zod schemas:
 * the line's `schemaVersion` picks the version's vocabulary (if/then), and its `type` the event's branch.
 */
export function logLineJsonSchema(): Record<string, unknown> {
  const { $schema, ...current } = editorJsonSchema(CaseEvent);
  const { $schema: _v1, ...v1 } = editorJsonSchema(caseEventV1());
  return factored(
    {
      $schema,
      description: `One casesim event (schema version ${SCHEMA_VERSION}, or an older version casesim still reads). Only casesim validate checks what a line cannot show: the order of the log and the rules of procedure.`,
      if: { type: 'object', properties: { schemaVersion: { const: 1 } }, required: ['schemaVersion'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword; this object is data, never awaited
      then: v1,
      else: current,
    },
    { Instant, Source },
  );
}
