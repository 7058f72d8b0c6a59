/**
 * The log readers as the library gives them: synchronous, with zod's verdict loaded with them, so a refusal
 * is worded at once. (The CLI imports `parse.ts` itself and loads zod only when a line needs it.)
 */
import { useZod } from './parse.js';
import { zodVerdict } from './zod-verdict.js';

useZod(zodVerdict);

export { type LogProblem, type ParsedLog, parseLog, serializeLog, validateEvent } from './parse.js';
