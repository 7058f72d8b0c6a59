/**
 * The panels of the case page, each a pure function from a stop to DOM. Log text (summaries, quotes,
 * sources, ids) is always inserted as text nodes through `h`.
 */
import { findTopic } from '../../src/docs/explain.js';
import { evidenceOf } from '../../src/events/evidence.js';
import type { CaseEvent, Source } from '../../src/events/schema.js';
import { sourceCredit } from '../../src/export/timelinejs.js';
import type { ProhibitionEffect } from '../../src/machine/effects.js';
import type { RuleMeta } from '../../src/machine/rules.js';
import { h } from './dom.js';
import { formatDate } from './format.js';
import type { Stop } from './model.js';

export function stopTitle(stop: Stop): string {
  if (stop.kind === 'event') return stop.event.id;
  return stop.kind === 'effective' ? 'effective date reached' : 'TRO lapses';
}

/** Quotation marks (a `q`) only around the source's own words; a note is ours. */
function quoteOrNote(source: Source): HTMLElement {
  const evidence = evidenceOf(source);
  return evidence.kind === 'quote'
    ? h('q', {}, evidence.text)
    : h('span', { class: 'note' }, `Note: ${evidence.text}`);
}

function sourceItem(source: Source): HTMLElement {
  const url = source.type === 'article' ? undefined : source.url;
  const label = sourceCredit(source);
  return h(
    'li',
    { class: 'source' },
    quoteOrNote(source),
    ' — ',
    url && /^https?:\/\//.test(url)
      ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label)
      : h('span', {}, label),
  );
}

export function sourcesList(event: CaseEvent): HTMLElement {
  return h('ul', { class: 'sources', 'data-testid': 'sources' }, ...event.sources.map(sourceItem));
}

function ruleItem(rule: RuleMeta, broken = false): HTMLElement {
  return h(
    'li',
    { class: broken ? 'rule broken' : 'rule', 'data-testid': `rule-${rule.name}` },
    h('strong', {}, rule.title),
    h('code', {}, rule.name),
    h('p', {}, rule.explanation),
    h('cite', {}, rule.citation),
  );
}

/** The step that led to a stop: what happened, why the machine allowed it (or refused it), what changed. */
export function stepPanel(stop: Stop): HTMLElement {
  if (stop.kind !== 'event') {
    const lines = stop.effects
      .filter((e) => stop.subjects.includes(e.prohibition) || stop.kind === 'expiry')
      .map((e) => h('li', {}, h('code', {}, e.prohibition), ': ', e.reason));
    return h(
      'section',
      { class: 'step', 'data-testid': 'step' },
      h('h2', {}, `${formatDate(stop.at)}: ${stopTitle(stop)}`),
      h(
        'p',
        {},
        stop.kind === 'effective'
          ? 'No event happens here: this is the instant the agency set for these prohibitions to take effect. What they do now depends on the record at this instant:'
          : 'A temporary restraining order lapses on its own at the time it sets (FRCP 65(b)(2)):',
      ),
      h('ul', {}, ...lines),
    );
  }
  const { event, rejection } = stop;
  const topic = findTopic(event.type);
  const rules = topic?.kind === 'event' ? topic.rules : [];
  const description = topic?.kind === 'event' ? topic.description : event.type;
  const known =
    event.knownAt.local !== event.at.local
      ? h('p', { class: 'muted' }, `Public or filed: ${formatDate(event.knownAt)}`)
      : null;
  const law = rejection
    ? h(
        'div',
        { class: 'law rejected', 'data-testid': 'rejection' },
        h('h3', {}, 'Rejected: the machine refused this event'),
        h('ul', { class: 'rules' }, ruleItem(rejection.rule, true)),
      )
    : h(
        'div',
        { class: 'law' },
        h(
          'h3',
          {},
          rules.length > 0
            ? `Why it was allowed: the ${rules.length} rule${rules.length === 1 ? '' : 's'} it satisfied`
            : 'No procedural rule restricts this kind of event',
        ),
        h('ul', { class: 'rules' }, ...rules.map((r) => ruleItem(r))),
      );
  const changes =
    stop.changes.length > 0
      ? h(
          'div',
          { class: 'changes' },
          h('h3', {}, 'What changed'),
          h('ul', {}, ...stop.changes.map((c) => h('li', {}, c.text))),
        )
      : null;
  return h(
    'section',
    { class: 'step', 'data-testid': 'step' },
    h('h2', {}, `${formatDate(event.at)}: `, h('code', {}, event.id)),
    h('p', { class: 'kind' }, h('code', {}, event.type), ' — ', description),
    h('p', { class: 'summary', 'data-testid': 'step-summary' }, event.summary),
    known,
    law,
    changes,
    h('h3', {}, 'Sources'),
    sourcesList(event),
  );
}

const STATUS_TEXT: Record<ProhibitionEffect['status'], string> = {
  'not-yet-effective': 'not yet effective',
  'in-force': 'in force',
  'partly-enjoined': 'partly enjoined',
  'awaiting-date': 'awaiting a new date',
  enjoined: 'enjoined',
  suspended: 'suspended by the agency',
  revoked: 'revoked',
  withdrawn: 'withdrawn',
  rescinded: 'rescinded',
};

/** Each prohibition's legal effect at the stop, with the events it rests on. */
export function effectsPanel(
  stop: Stop,
  dateOf: (id: string) => string | undefined,
  select: (id: string) => void,
  when: string = formatDate(stop.at),
): HTMLElement {
  const rows = stop.effects.map((e) => {
    const stayed = e.status === 'in-force' && e.stayed.length > 0;
    const basis = e.basis.map((id) =>
      h(
        'li',
        {},
        h('button', { type: 'button', class: 'link', 'data-event': id, title: 'show this event' }, id),
        dateOf(id) ? ` (${dateOf(id)})` : '',
      ),
    );
    for (const [i, li] of basis.entries())
      li.querySelector('button')?.addEventListener('click', () => select(e.basis[i] ?? ''));
    return h(
      'li',
      {
        class: `effect status-${e.status}${stayed ? ' stayed' : ''}`,
        'data-testid': `effect-${e.prohibition}`,
        'data-status': e.status,
      },
      h(
        'div',
        { class: 'effect-head' },
        h('span', { class: 'badge', 'data-testid': `effect-status-${e.prohibition}` }, STATUS_TEXT[e.status]),
        stayed ? h('span', { class: 'badge stay' }, 'injunction stayed') : null,
        h('code', { title: e.description }, e.prohibition),
      ),
      h('p', { class: 'reason', 'data-testid': `effect-reason-${e.prohibition}` }, e.reason),
      basis.length > 0 ? h('ul', { class: 'basis' }, h('li', {}, 'rests on:'), ...basis) : null,
    );
  });
  return h(
    'section',
    { class: 'effects', 'data-testid': 'effects' },
    // Legal effect, not "in force": the list holds enjoined and revoked prohibitions too.
    h('h2', { 'data-testid': 'effects-heading' }, `Legal effect on ${when}`),
    rows.length > 0
      ? h('ul', { class: 'effect-list' }, ...rows)
      : h('p', { class: 'muted' }, 'No prohibition is in the record yet.'),
  );
}

/** The whole log as a list, each entry with its date, summary and sources; the current one marked. */
export function timelineList(stops: readonly Stop[], select: (index: number) => void): HTMLOListElement {
  const items = stops.map((stop, i) => {
    const body =
      stop.kind === 'event'
        ? [
            h('p', { class: 'summary' }, stop.event.summary),
            stop.rejection
              ? h(
                  'p',
                  { class: 'rejected-note' },
                  `Rejected: ${stop.rejection.rule.title} (${stop.rejection.rule.name})`,
                )
              : null,
            sourcesList(stop.event),
          ]
        : [
            h(
              'p',
              { class: 'summary muted' },
              `${stop.kind === 'effective' ? 'Due to take effect' : 'Lapses'}: ${stop.subjects.join(', ')}`,
            ),
          ];
    const button = h(
      'button',
      { type: 'button', class: 'stop-button' },
      h('time', {}, formatDate(stop.at)),
      h('code', {}, stopTitle(stop)),
      stop.kind === 'event' ? h('span', { class: 'type' }, stop.event.type) : null,
    );
    button.addEventListener('click', () => select(i));
    return h(
      'li',
      {
        class: `stop ${stop.kind}${stop.kind === 'event' && stop.rejection ? ' rejected' : ''}`,
        'data-testid': `stop-${i}`,
        'data-event-id': stop.kind === 'event' ? stop.event.id : undefined,
      },
      button,
      ...body,
    );
  });
  return h('ol', { class: 'timeline', 'data-testid': 'timeline' }, ...items);
}
