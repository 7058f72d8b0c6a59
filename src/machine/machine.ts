/**
 * The legal lifecycle of a case challenging an executive action, as an XState v5 statechart. It is the
 * single source of the legal rules: every event kind has one transition, guarded by the named rules of
 * `RULES_FOR`, and the rule texts live in the machine's `meta` so that the CLI, the docs, the diagram and the
 * web page read them from here. Nothing in it names a particular case.
 */
import { and, assign, setup } from 'xstate';
import { type CaseEvent, describeEventType, EVENT_TYPES, type EventType } from '../events/schema.js';
import { type CaseContext, evolve, initialContext } from './context.js';
import { LIFECYCLE, type Phases, phasesOf, REGION_PHASES, type Region } from './phases.js';
import { RULES, RULES_FOR, type RuleMeta, type RuleName, ruleMeta } from './rules.js';

/** Which region of the statechart each event kind belongs to; context notes belong to the case as a whole. */
export const REGION_OF: { readonly [T in EventType]: Region | 'case' } = {
  'order.signed': 'executive',
  'order.revoked': 'executive',
  'identification.announced': 'executive',
  'identification.datesChanged': 'executive',
  'identification.withdrawn': 'executive',
  'identification.rescinded': 'executive',
  'government.position': 'executive',
  'complaint.filed': 'suit',
  'complaint.amended': 'suit',
  'case.dismissed': 'suit',
  'injunction.motionFiled': 'relief',
  'injunction.granted': 'relief',
  'injunction.denied': 'relief',
  'stay.motionFiled': 'relief',
  'stay.granted': 'relief',
  'stay.denied': 'relief',
  'appeal.noticed': 'appeal',
  'appeal.heldInAbeyance': 'appeal',
  'appeal.abeyanceLifted': 'appeal',
  'appeal.decided': 'appeal',
  'appeal.dismissed': 'appeal',
  'context.note': 'case',
};

export const REGION_DESCRIPTIONS: { readonly [R in Region]: string } = {
  executive:
    'The executive action: the order, the agency identification of prohibited transactions, and their end.',
  suit: 'The proceedings in the district court, from complaint to dismissal.',
  relief:
    'Preliminary relief: motions for a TRO or preliminary injunction, injunctions, and stays pending appeal.',
  appeal: 'The interlocutory appeal in the court of appeals.',
};

type Guard = (args: { context: CaseContext; event: CaseEvent }) => boolean;

const ruleGuards = Object.fromEntries(
  Object.entries(RULES).map(([name, r]) => [
    name,
    (({ context, event }) => r.check(context, event as never)) as Guard,
  ]),
) as Record<RuleName, Guard>;

const RULE_METAS: Record<string, RuleMeta> = Object.fromEntries(
  (Object.keys(RULES) as RuleName[]).map((name) => [name, ruleMeta(name)]),
);

/** Phases read once per record: every eventless transition of every region asks after each event. */
const phaseMemo = new WeakMap<CaseContext, Phases>();

function memoPhases(context: CaseContext): Phases {
  let phases = phaseMemo.get(context);
  if (!phases) {
    phases = phasesOf(context);
    phaseMemo.set(context, phases);
  }
  return phases;
}

function transitionFor(type: EventType) {
  const rules = RULES_FOR[type];
  return {
    actions: 'evolve' as const,
    description: describeEventType(type),
    meta: { rules: [...rules] },
    ...(rules.length > 0 ? { guard: and(rules as RuleName[]) } : {}),
  };
}

function eventsOf(region: Region | 'case') {
  return Object.fromEntries(
    EVENT_TYPES.filter((t) => REGION_OF[t] === region).map((t) => [t, transitionFor(t)]),
  );
}

function regionConfig<R extends Region>(region: R) {
  const lifecycle = LIFECYCLE[region] as Record<string, { description: string; next: readonly string[] }>;
  return {
    description: REGION_DESCRIPTIONS[region],
    initial: REGION_PHASES[region][0],
    on: eventsOf(region),
    states: Object.fromEntries(
      REGION_PHASES[region].map((phase) => [
        phase,
        {
          description: lifecycle[phase]?.description,
          always: (lifecycle[phase]?.next ?? []).map((next) => ({
            guard: { type: 'inPhase' as const, params: { region, phase: next } },
            target: next,
          })),
        },
      ]),
    ),
  };
}

const REGION_STATES = Object.fromEntries(
  (Object.keys(REGION_PHASES) as Region[]).map((r) => [r, regionConfig(r)]),
);

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
  },
  guards: {
    ...ruleGuards,
    /** The record the machine keeps puts `region` in `phase`. */
    inPhase: ({ context }, params: { region: Region; phase: string }) =>
      memoPhases(context)[params.region] === params.phase,
  },
  actions: {
    evolve: assign(({ context, event }) => evolve(context, event)),
  },
}).createMachine({
  id: 'case',
  type: 'parallel',
  description: 'The legal lifecycle of a challenge to an executive action, from order to dismissal.',
  context: initialContext,
  meta: { rules: RULE_METAS },
  on: eventsOf('case'),
  // biome-ignore lint/suspicious/noExplicitAny: region configs are built from tables; XState checks them at runtime.
  states: REGION_STATES as any,
});

export type CaseMachine = typeof caseMachine;

/** The rule metadata the machine carries, by rule name. */
export function machineRules(): Record<string, RuleMeta> {
  return (caseMachine.root.meta as { rules: Record<string, RuleMeta> }).rules;
}
