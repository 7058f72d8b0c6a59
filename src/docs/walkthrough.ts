/**
 * "How injunctions work, through this case": a short tour of the WeChat case in which every legal
 * statement is a `casesim explain` topic, quoted from the machine. Only the one-line leads about what
 * happened in the case are written here; the README section is generated from this and checked by a test.
 */
import { findTopic, type Topic } from './explain.js';

export interface WalkthroughStep {
  readonly title: string;
  /** What happened in the case, with the ids of the events in `events/wechat.jsonl`. */
  readonly lead: string;
  /** The `casesim explain` topics that give the law of the step. */
  readonly topics: readonly string[];
}

export const WALKTHROUGH: readonly WalkthroughStep[] = [
  {
    title: 'A preliminary injunction: the Winter test and the serious-questions scale',
    lead: 'The users sued on 21 Aug 2020 (`complaint-filed`) and moved for a preliminary injunction (`pi-motion`). On 19 Sept, the day before the six Commerce prohibitions were to take effect, Judge Beeler granted it (`pi-granted`), barring the Secretary of Commerce from implementing the identification against anyone, on serious questions going to the merits and a balance of hardships tipping sharply toward the users.',
    topics: ['findingsMeetTheTest', 'relief.enjoined'],
  },
  {
    title: 'An appeal as of right, which stays nothing by itself',
    lead: 'The government appealed the injunction on 2 Oct 2020 (`notice-of-appeal`). The injunction stayed in force while the appeal was pending.',
    topics: ['appealableOrder', 'appeal.pending'],
  },
  {
    title: 'A stay pending appeal: FRAP 8 and the Nken factors',
    lead: 'The government asked Judge Beeler for a stay on 24 Sept (`district-stay-motion`), then the Ninth Circuit on 2 Oct, before she had ruled (`ca9-stay-motion`). Both refused: the district court on 23 Oct, the Ninth Circuit on 26 Oct, finding no irreparable injury shown. The `district-stay-granted` what-if (on the case page, or `npx casesim whatif events/scenarios/district-stay-granted.json`) shows the other branch.',
    topics: ['moveFirstInDistrictCourt', 'stayFindingsMeetNken', 'relief.stayed'],
  },
  {
    title: 'The end: mootness',
    lead: 'EO 14034 revoked EO 13943 on 9 June 2021 (`eo-14034-revokes`), Commerce rescinded the identification on 16 June (`identification-rescinded`), and the appeal was dismissed as moot on 10 Aug 2021 (`appeal-dismissed`). No source shows a vacatur, so in the replay the injunction stays on the books with nothing left to enjoin.',
    topics: ['mootnessIsTheCourtsFinding', 'vacaturOnMootness'],
  },
];

/** One topic as Markdown: a blockquote with the command that prints it. */
export function topicMarkdown(topic: Topic): string {
  const head = `> \`casesim explain ${topic.name}\`  \n`;
  switch (topic.kind) {
    case 'rule':
    case 'doctrine':
      return `${head}> **${topic.title}.** ${topic.explanation}  \n> _${topic.citation}_`;
    case 'state':
      return `${head}> **${topic.name}**: ${topic.description}`;
    case 'event':
      return `${head}> **${topic.name}**: ${topic.description} Rules: ${topic.rules.map((r) => `\`${r.name}\``).join(', ')}.`;
    default:
      return `${head}> **${topic.name}**: ${topic.description}`;
  }
}

/** The walk-through as the README section between its markers. */
export function walkthroughMarkdown(steps: readonly WalkthroughStep[] = WALKTHROUGH): string {
  const parts = steps.map((step, i) => {
    const quotes = step.topics.map((name) => {
      const topic = findTopic(name);
      if (!topic) throw new Error(`walk-through names an unknown topic ${name}`);
      return topicMarkdown(topic);
    });
    return [`### ${i + 1}. ${step.title}`, '', step.lead, '', quotes.join('\n\n')].join('\n');
  });
  return `\n${parts.join('\n\n')}\n`;
}
