/** The event store: safe appends to a log (validated, versioned, idempotent, atomic, durable) and repair. */
// An event to append is refused in zod's words, synchronously, between reading the log and writing to it:
// the store loads the readers with zod's verdict.
import '../events/readers.js';

export {
  type AppendOptions,
  type AppendResult,
  appendEvent,
  appendEventText,
  decodeEvent,
} from './append.js';
export { formatStoreError, type StoreError, type StoreErrorCode } from './errors.js';
export { type LogState, readLogState } from './log-state.js';
export { type RepairResult, repairLog } from './repair.js';
