/**
 * Plain-language explanations of the machine's parts, read from its own definition: a region
 * (`relief`), a phase (`relief.enjoined`), an event kind (`stay.motionFiled`, with the rules it must
 * satisfy) or a rule (`moveFirstInDistrictCourt`, with the event kinds it guards). The CLI, the README and
 * the web page all render these topics; none of them holds a second copy of the text.
 */
import { DOCTRINES, type Doctrine } from '../machine/doctrines.js';
import type { RuleMeta } from '../machine/rules.js';
import { allEventKinds, type EventKind, type MachineGraph, machineGraph } from './graph.js';

export interface MachineTopic {
  readonly kind: 'machine';
  readonly name: string;
  readonly description: string;
  readonly regions: readonly string[];
}

export interface RegionTopic {
  readonly kind: 'region';
  readonly name: string;
  readonly description: string;
  readonly phases: readonly string[];
  readonly initial: string;
  readonly events: readonly string[];
}

export interface StateTopic {
  readonly kind: 'state';
  readonly name: string;
  readonly region: string;
  readonly description: string;
  readonly regionDescription: string;
  /** The phases the region can move to from here, in one step. */
  readonly next: readonly string[];
  /** The event kinds the region answers (what can move it). */
  readonly events: readonly string[];
}

export interface EventTopic {
  readonly kind: 'event';
  readonly name: string;
  readonly region: string;
  readonly description: string;
  readonly rules: readonly RuleMeta[];
}

export interface RuleTopic extends RuleMeta {
  readonly kind: 'rule';
  /** The event kinds whose transition is guarded by this rule. */
  readonly guardedKinds: readonly string[];
}

/** A doctrine no single guard holds (who is bound, the mandate, mootness), with the rules that apply it. */
export interface DoctrineTopic extends Doctrine {
  readonly kind: 'doctrine';
}

export type Topic = MachineTopic | RegionTopic | StateTopic | EventTopic | RuleTopic | DoctrineTopic;

function eventTopic(e: EventKind): EventTopic {
  return { kind: 'event', name: e.type, region: e.region, description: e.description, rules: e.rules };
}

function buildTopics(graph: MachineGraph): Topic[] {
  const events = allEventKinds(graph);
  const topics: Topic[] = [
    {
      kind: 'machine',
      name: graph.id,
      description: graph.description,
      regions: graph.regions.map((r) => r.id),
    },
  ];
  for (const region of graph.regions) {
    const eventNames = region.events.map((e) => e.type);
    topics.push({
      kind: 'region',
      name: region.id,
      description: region.description,
      phases: region.phases.map((p) => p.phase),
      initial: region.phases.find((p) => p.initial)?.phase ?? '',
      events: eventNames,
    });
    for (const phase of region.phases) {
      topics.push({
        kind: 'state',
        name: phase.id,
        region: region.id,
        description: phase.description,
        regionDescription: region.description,
        next: region.edges.filter((e) => e.from === phase.id).map((e) => e.to),
        events: eventNames,
      });
    }
  }
  topics.push(...events.map(eventTopic));
  for (const rule of Object.values(graph.rules)) {
    const guardedKinds = events.filter((e) => e.rules.some((r) => r.name === rule.name)).map((e) => e.type);
    topics.push({ kind: 'rule', ...rule, guardedKinds });
  }
  topics.push(...DOCTRINES.map((d) => ({ kind: 'doctrine' as const, ...d })));
  return topics;
}

let cached: Topic[] | undefined;

/** Every topic `casesim explain` knows: the machine, its regions, phases, event kinds and rules. */
export function topics(): readonly Topic[] {
  cached ??= buildTopics(machineGraph());
  return cached;
}

export function findTopic(name: string): Topic | undefined {
  return findTopics(name)[0];
}

/**
 * Every topic called `name`: a state and an event kind can share one (`appeal.decided` is both the phase
 * the appeal reaches and the event that takes it there), and asking for it explains both.
 */
export function findTopics(name: string): Topic[] {
  const wanted = name.trim().toLowerCase();
  return topics().filter((t) => t.name.toLowerCase() === wanted);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Topic names close to `name`: those containing it, then those a few edits away, nearest first. */
export function closeMatches(name: string, limit = 5): string[] {
  const wanted = name.trim().toLowerCase();
  if (wanted.length === 0) return [];
  const scored = topics().map((t) => {
    const candidate = t.name.toLowerCase();
    const tail = candidate.split('.').at(-1) ?? candidate;
    const distance = Math.min(editDistance(wanted, candidate), editDistance(wanted, tail));
    return { name: t.name, score: candidate.includes(wanted) ? 0 : distance };
  });
  const threshold = Math.max(1, Math.floor(wanted.length / 3));
  return scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** Topics whose text mentions `word` (for example `winter` finds the rule that applies Winter). */
export function topicsMentioning(word: string, limit = 5): string[] {
  const wanted = word.trim().toLowerCase();
  if (wanted.length < 3) return [];
  return topics()
    .filter((t) => t.kind !== 'machine' && topicText(t).toLowerCase().includes(wanted))
    .slice(0, limit)
    .map((t) => t.name);
}

export type ExplainResult =
  | {
      readonly ok: true;
      readonly topic: Topic;
      /** Every topic of that name, `topic` first (a state and the event kind of the same name). */
      readonly topics: readonly Topic[];
      readonly message?: never;
      readonly suggestions?: never;
    }
  | { readonly ok: false; readonly topic?: never; readonly message: string; readonly suggestions: string[] };

/** The topic called `name`, or a message naming the closest topics. */
export function explain(name: string): ExplainResult {
  const found = findTopics(name);
  const topic = found[0];
  if (topic) return { ok: true, topic, topics: found };
  const close = closeMatches(name);
  const mentioning = topicsMentioning(name).filter((n) => !close.includes(n));
  const hints = [
    close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '',
    mentioning.length > 0 ? ` Topics that mention it: ${mentioning.join(', ')}.` : '',
  ].join('');
  const hint = hints || ' Run `casesim explain` to list the topics.';
  return { ok: false, message: `no topic '${name}'.${hint}`, suggestions: [...close, ...mentioning] };
}

/** A rule in plain text: title, explanation and citation. */
export function ruleText(rule: RuleMeta, indent = ''): string {
  return [
    `${indent}${rule.name}: ${rule.title}`,
    `${indent}  ${rule.explanation}`,
    `${indent}  [${rule.citation}]`,
  ].join('\n');
}

/** A topic as plain text, the form the CLI prints and the README quotes. */
export function topicText(topic: Topic): string {
  switch (topic.kind) {
    case 'machine':
      return [
        `${topic.name} (the machine)`,
        topic.description,
        `Parallel regions: ${topic.regions.join(', ')}.`,
      ].join('\n');
    case 'region':
      return [
        `${topic.name} (region)`,
        topic.description,
        `Phases: ${topic.phases.join(', ')} (starts in ${topic.initial}).`,
        `Moved by: ${topic.events.join(', ')}.`,
      ].join('\n');
    case 'state':
      return [
        `${topic.name} (state of region ${topic.region})`,
        topic.description,
        `Can move next to: ${topic.next.length > 0 ? topic.next.join(', ') : '(nowhere)'}.`,
        `Moved by: ${topic.events.join(', ')}.`,
      ].join('\n');
    case 'event': {
      const head = [`${topic.name} (event kind, region ${topic.region})`, topic.description];
      if (topic.rules.length === 0) return [...head, 'No procedural rule restricts it.'].join('\n');
      const n = topic.rules.length;
      return [
        ...head,
        `It must satisfy ${n} rule${n === 1 ? '' : 's'}:`,
        ...topic.rules.map((r) => ruleText(r, '  ')),
      ].join('\n');
    }
    case 'rule':
      return [
        `${topic.name} (rule): ${topic.title}`,
        topic.explanation,
        `Citation: ${topic.citation}`,
        `Guards: ${topic.guardedKinds.length > 0 ? topic.guardedKinds.join(', ') : '(no event kind)'}.`,
      ].join('\n');
    case 'doctrine':
      return [
        `${topic.name} (doctrine): ${topic.title}`,
        topic.explanation,
        ...(topic.unsettled ? [`Unsettled: ${topic.unsettled}`] : []),
        `Citation: ${topic.citation}`,
        `Rules that apply it: ${topic.rules.length > 0 ? topic.rules.join(', ') : '(none: it explains the case)'}.`,
      ].join('\n');
  }
}

/** The list `casesim explain` prints with no topic: every topic name, grouped by kind. */
export function topicIndex(): { kind: Topic['kind']; names: string[] }[] {
  const kinds: Topic['kind'][] = ['machine', 'region', 'state', 'event', 'rule', 'doctrine'];
  return kinds.map((kind) => ({
    kind,
    names: topics()
      .filter((t) => t.kind === kind)
      .map((t) => t.name),
  }));
}
