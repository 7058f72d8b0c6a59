/**
 * Checking a whole log: every problem of form (schema, JSON, order) and of law (an event the machine
 * rejects), each with file, line and event id, in file order.
 */
import type { LogProblem, ParsedLog } from '../events/parse.js';
import { illegalEvent } from '../problem.js';
import { replay } from './replay.js';

export function checkLog(log: ParsedLog): LogProblem[] {
  const problems: LogProblem[] = [...log.problems];
  for (const step of replay(log.events.map((l) => l.event))) {
    if (!step.rejection) continue;
    const line = log.events[step.index]?.line ?? 0;
    problems.push(illegalEvent(step.event, step.rejection.rule, { file: log.file, line }));
  }
  return problems.sort((a, b) => a.where.line - b.where.line);
}
