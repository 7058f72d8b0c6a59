/**
 * A made-up lifecycle that uses every shape the graph contract allows, so the drawers are tested on nested
 * states, creation arrows into a nested state, several arrows between one pair of states, self-loops, final
 * states and unguarded arrows, whatever the machine's own lifecycles happen to use today. It is not law: its
 * rule names and citations are placeholders.
 */
import type { GuardRule, LifecycleGraph } from '../../src/docs/lifecycle-graph.js';

const rule = (name: string): GuardRule => ({
  name,
  title: `Title of ${name}`,
  citation: `Citation for ${name}`,
});

export const SAMPLE: LifecycleGraph = {
  id: 'sample',
  title: 'Sample lifecycle: "quoted"; with: punctuation',
  description: 'A test fixture.',
  initial: 'open',
  states: [
    { id: 'open', label: 'open', description: 'Open.', final: false },
    { id: 'pending', label: 'pending', description: 'Pending.', final: false },
    { id: 'pending.briefing', label: 'briefing', description: 'Briefing.', final: false, parent: 'pending' },
    { id: 'pending.held', label: 'held', description: 'Held.', final: false, parent: 'pending' },
    { id: 'end', label: 'ended', description: 'Over (the id is a Mermaid keyword).', final: true },
  ],
  transitions: [
    { source: null, target: 'open', event: 'sample.opened', rules: [rule('isNew')] },
    { source: null, target: 'pending.held', event: 'sample.openedHeld', rules: [] },
    { source: 'open', target: 'pending.briefing', event: 'sample.briefed', rules: [rule('a'), rule('b')] },
    { source: 'pending.briefing', target: 'pending.held', event: 'sample.held', rules: [rule('c')] },
    { source: 'pending.held', target: 'pending.held', event: 'sample.noted', rules: [] },
    { source: 'pending.held', target: 'pending.held', event: 'sample.renoted', rules: [rule('d')] },
    { source: 'pending', target: 'end', event: 'sample.dismissed', rules: [rule('moot')] },
    { source: 'pending', target: 'end', event: 'sample.decided', rules: [rule('e')] },
  ],
};

export const SECOND: LifecycleGraph = {
  id: 'second',
  title: 'Second',
  description: 'Another test fixture, sharing state ids with the first.',
  initial: 'open',
  states: [
    { id: 'open', label: 'open', description: 'Open.', final: false },
    { id: 'end', label: 'ended', description: 'Over.', final: true },
  ],
  transitions: [
    { source: null, target: 'open', event: 'second.opened', rules: [] },
    { source: 'open', target: 'end', event: 'second.closed', rules: [rule('f')] },
  ],
};
