/**
 * `casesim explain`: every part of the machine explained in plain language, read from the machine's own
 * metadata, so a rejection, the CLI, the README and the page say the same thing.
 */
import { describe, expect, it } from 'vitest';
import { closeMatches, explain, findTopic, topicIndex, topics, topicText } from '../src/docs/explain.js';
import { lifecycleGraphs, machineGraph } from '../src/docs/graph.js';
import { describeEventType, EVENT_TYPES } from '../src/events/schema.js';
import { LIFECYCLE, REGION_PHASES } from '../src/machine/phases.js';
import { cli } from './support/cli.js';

describe('the topic index', () => {
  it('has a topic for every region, phase, event kind and rule of the machine', () => {
    const names = new Set(topics().map((t) => t.name));
    for (const [region, phases] of Object.entries(REGION_PHASES)) {
      expect(names).toContain(region);
      for (const phase of phases) expect(names).toContain(`${region}.${phase}`);
    }
    for (const type of EVENT_TYPES) expect(names).toContain(type);
    for (const rule of Object.keys(machineGraph().rules)) expect(names).toContain(rule);
  });

  it('lists the topics grouped by kind when no topic is given', async () => {
    const groups = topicIndex();
    expect(groups.map((g) => g.kind)).toEqual(['machine', 'region', 'state', 'event', 'rule', 'doctrine']);
    const { code, out } = await cli('explain');
    expect(code).toBe(0);
    expect(out).toContain('relief.enjoined');
    expect(out).toContain('moveFirstInDistrictCourt');
  });
});

describe('an explanation', () => {
  it('of a state is the description the machine gives that state', () => {
    const topic = findTopic('relief.enjoined');
    expect(topic).toMatchObject({
      kind: 'state',
      region: 'relief',
      description: LIFECYCLE.relief.enjoined.description,
    });
    expect(topicText(topic!)).toContain('relief.stayed');
  });

  it('of an event kind gives its schema description and each rule it must satisfy, with citation', () => {
    const topic = findTopic('stay.motionFiled');
    expect(topic?.kind).toBe('event');
    if (topic?.kind !== 'event') return;
    expect(topic.description).toBe(describeEventType('stay.motionFiled'));
    const motion = lifecycleGraphs().find((g) => g.id === 'motion');
    const arrow = motion?.transitions.find((t) => t.event === 'stay.motionFiled');
    expect(topic.rules.map((r) => r.name)).toEqual(arrow?.rules.map((r) => r.name));
    const text = topicText(topic);
    for (const rule of topic.rules) {
      expect(text).toContain(rule.explanation);
      expect(text).toContain(rule.citation);
    }
  });

  it('of a rule is the rule metadata the machine carries, with the event kinds it guards', () => {
    const topic = findTopic('moveFirstInDistrictCourt');
    expect(topic).toMatchObject({ kind: 'rule', ...machineGraph().rules.moveFirstInDistrictCourt });
    expect(topic?.kind === 'rule' && topic.guardedKinds).toEqual(['stay.motionFiled']);
  });

  it('prints text, or the topic as JSON with --json', async () => {
    const text = await cli('explain', 'findingsMeetTheTest');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Winter v. NRDC');
    const asJson = await cli('explain', 'relief.enjoined', '--json');
    expect(JSON.parse(asJson.out)).toMatchObject({ kind: 'state', name: 'relief.enjoined' });
  });
});

describe('teaching topics for the procedure the machine applies', () => {
  const cases = [
    ['notice', 'FRCP 65(a)(1)'],
    ['security', 'FRCP 65(c)'],
    ['personsBound', 'FRCP 65(d)(2)'],
    ['universalRelief', 'Califano v. Yamasaki, 442 U.S. 682, 702 (1979)'],
    ['mandate', 'FRAP 40(a)(1) (2020), 41(b)-(d)'],
    ['magistrateConsent', '28 U.S.C. 636(b)(1)(A), 636(c)(1), 636(c)(3)'],
    ['ieepaExceptions', '50 U.S.C. 1702(b)(1), (b)(3)'],
    ['voluntaryCessation', 'Rosebrock v. Mathis, 745 F.3d 963, 971-72'],
    ['vacaturOnMootness', 'U.S. Bancorp Mortgage Co. v. Bonner Mall'],
    ['slidingScale', 'Alliance for the Wild Rockies v. Cottrell'],
  ] as const;
  for (const [name, authority] of cases) {
    it(`explains ${name}, citing ${authority}`, async () => {
      const { code, out } = await cli('explain', name);
      expect(code).toBe(0);
      expect(out).toContain(`${name} (doctrine)`);
      expect(out).toContain(authority);
    });
  }

  it('where the law was unsettled in 2020, the topic says so rather than picking a side silently', () => {
    for (const name of ['universalRelief', 'voluntaryCessation', 'vacaturOnMootness', 'ieepaExceptions']) {
      expect(topicText(findTopic(name)!)).toContain('Unsettled:');
    }
  });

  it('personsBound tells who is bound from who is protected, and never enjoins the President by default (Franklin)', () => {
    const text = topicText(findTopic('personsBound')!);
    expect(text).toContain('Franklin v. Massachusetts, 505 U.S. 788, 802-03 (1992)');
    expect(text).toContain('universalRelief');
  });

  it('the serious-questions topic lists the circuits from the table the rule reads', () => {
    const text = topicText(findTopic('slidingScale')!);
    expect(text).toMatch(/Allowed: .*Ninth Circuit/);
    expect(text).toMatch(/Rejected: .*Fourth Circuit/);
    expect(text).toMatch(/Unsettled or undecided: .*D\.C\. Circuit/);
  });

  it('explain appeal.decided reaches the event kind, with its rules, as well as the state of the same name', async () => {
    const { code, out } = await cli('explain', 'appeal.decided');
    expect(code).toBe(0);
    expect(out).toContain('appeal.decided (state of region appeal)');
    expect(out).toContain('appeal.decided (event kind, region appeal)');
    expect(out).toContain('appealPending');
    const asJson = await cli('explain', 'appeal.decided', '--json');
    expect(JSON.parse(asJson.out).map((t: { kind: string }) => t.kind)).toEqual(['state', 'event']);
  });
});

describe('an unknown topic', () => {
  it('is a usage error that names the closest topics', async () => {
    const { code, err } = await cli('explain', 'relief.stayd');
    expect(code).toBe(2);
    expect(err).toContain("no topic 'relief.stayd'");
    expect(err).toContain('relief.stayed');
  });

  it('suggests topics by spelling and by the words their text mentions', () => {
    expect(closeMatches('stay.motion')).toContain('stay.motionFiled');
    const result = explain('winter');
    expect(result.ok).toBe(false);
    expect(result.suggestions).toContain('findingsMeetTheTest');
  });
});
