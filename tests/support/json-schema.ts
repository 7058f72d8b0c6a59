/**
 * A real JSON Schema validator for the tests (ajv, draft 2020-12, with ajv-formats): what an editor or a
 * pipeline that reads casesim's published schemas would use.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';

// strict: the schemas use no keyword ajv does not know, and every `if` says it is about an object.
export const ajv = new Ajv2020({ allErrors: true, strict: true });
// ajv-formats is CommonJS: its plugin is the default export's default under NodeNext.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as unknown as FormatsPlugin;
addFormats(ajv);

/** The first problem the schema finds in a value, as `path: message`, or undefined when it is valid. */
export function schemaProblem(schema: Record<string, unknown>, value: unknown): string | undefined {
  const validate = ajv.compile(schema);
  if (validate(value)) return undefined;
  const first = validate.errors?.[0];
  return first ? `${first.instancePath || '/'}: ${first.message}` : 'invalid';
}
