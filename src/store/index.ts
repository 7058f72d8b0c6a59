/** The event store: safe appends to a log (validated, versioned, idempotent, atomic, durable) and repair. */
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
