/**
 * Checking a whole log: every problem of form (schema, JSON, order) and of law (an event the machine
 * rejects), each with file, line and event id, in file order.
 */
import type { LogProblem, ParsedLog } from '../events/parse.js';
import { ruleSentence } from '../machine/rules.js';
import { replay } from './replay.js';

export function checkLog(log: ParsedLog): LogProblem[] {
  const problems: LogProblem[] = [...log.problems];
  for (const step of replay(log.events.map((l) => l.event))) {
    if (!step.rejection) continue;
    const { rule } = step.rejection;
    problems.push({
      code: 'ILLEGAL_EVENT',
      file: log.file,
      line: log.events[step.index]?.line ?? 0,
      eventId: step.event.id,
      message: `${step.event.type} breaks ${ruleSentence(rule)}`,
      rule,
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}
