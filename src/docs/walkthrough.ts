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
    lead: 'The users sued on 21 Aug 2020 (`complaint-filed`), pleading the First Amendment, Fifth Amendment vagueness and equal protection, and that IEEPA does not reach personal communications; the parties proceeded before Magistrate Judge Laurel Beeler, which only their consent allows (28 U.S.C. 636(c)). They moved for a preliminary injunction (`pi-motion`). On 19 Sept 2020 (file-stamped that Saturday in San Francisco; some outlets, writing in Eastern or China time, date it 20 Sept), the day before the six Commerce prohibitions were to take effect, Judge Beeler granted it (`pi-granted`, ECF 59), barring the Secretary of Commerce from implementing the identification against anyone, on serious questions going to the merits and a balance of hardships tipping sharply toward the users.',
    topics: ['findingsMeetTheTest', 'relief.enjoined'],
  },
  {
    title: 'An appeal as of right, which stays nothing by itself',
    lead: 'The government appealed the injunction on 2 Oct 2020 (`notice-of-appeal`), to the Ninth Circuit directly because the parties had consented to the magistrate judge. The injunction stayed in force while the appeal was pending.',
    topics: ['appealableOrder', 'appeal.pending'],
  },
  {
    title: 'A stay pending appeal: FRAP 8 and the Nken factors',
    lead: 'The government asked Judge Beeler for a stay on 24 Sept 2020 (`district-stay-motion`, ECF 68) and to shorten time (`shorten-time-motion`, ECF 69); she set the hearing for 15 Oct instead (`stay-scheduling-order`), so on 2 Oct the government went to the Ninth Circuit before she had ruled (`ca9-stay-motion`), on the ground that the district court had failed to afford the relief requested. Both courts refused, for different reasons. The district court, on 23 Oct (`district-stay-denied`, ECF 105), held that on the record as both sides had added to it the users still met the standard for an injunction: the new evidence did not change its analysis. The Ninth Circuit, on 26 Oct (`ca9-stay-denied`), held only that the government had not shown it would suffer an imminent, irreparable injury while the expedited appeal was pending. The `district-stay-granted` and `district-stay-granted-partial` what-ifs (on the case page, or `npx casesim whatif events/scenarios/district-stay-granted.json`) show other branches.',
    topics: ['moveFirstInDistrictCourt', 'stayFindingsMeetNken', 'relief.stayed'],
  },
  {
    title: 'The end: mootness',
    lead: 'EO 14034 revoked EO 13943 on 9 June 2021 (`eo-14034-revokes`). Commerce rescinded the identification, effective 16 June, announced 21 June (`identification-rescinded`). The appeal was dismissed as moot, 10 Aug 2021 per one source, July per another (`appeal-dismissed`). No source shows a vacatur, so in the replay the injunction stays on the books with nothing left to enjoin; what became of the district case after 10 Aug 2021 is not in the record.',
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
