/**
 * casesim as a library: the package's front door (package.json `exports`). Named re-exports only: read
 * and validate a log, replay it through the lifecycle charts, ask what binds at an instant, branch it, and
 * read the charts as data for drawing. Everything here is pure except the store (appends to a file).
 */

export { lifecycleGraphs, objectStatesOf } from './docs/graph.js';
export type {
  LifecycleGraph,
  LifecycleState,
  LifecycleTransition,
  ObjectState,
} from './docs/lifecycle-graph.js';
export { type LogProblem, type ParsedLog, parseLog, serializeLog, validateEvent } from './events/readers.js';

export { CaseEvent, EVENT_TYPES, type EventType, SCHEMA_VERSION } from './events/schema.js';
export { toTimelineJs } from './export/timelinejs.js';
export { legalNextEvents } from './generate/next.js';
export { type Walk, type WalkStep, walk } from './generate/walk.js';
export { type EffectStatus, legalEffects, type ProhibitionEffect } from './machine/effects.js';
export { type Lifecycle, RULES_GUARD } from './machine/lifecycle.js';
export { LIFECYCLES } from './machine/lifecycles.js';
export { RULES, type RuleMeta, type RuleName } from './machine/rules.js';
export {
  formatProblem,
  type Problem,
  type ProblemCode,
  ProblemError,
  type ProblemIssue,
  ruleSentence,
  type Where,
} from './problem.js';
export { checkLog } from './replay/check.js';
export { type AsOf, type CaseAt, caseAt } from './replay/query.js';
export {
  type ApplyResult,
  applyEvent,
  applyEventByTransition,
  type CaseSnapshot,
  initialSnapshot,
  type Rejection,
  replay,
  replayAll,
} from './replay/replay.js';
export { appendEvent, repairLog } from './store/index.js';
export { runWhatIf } from './whatif/diff.js';
export { applyScenario, parseScenario, type Scenario } from './whatif/scenario.js';
