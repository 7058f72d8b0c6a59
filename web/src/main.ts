/**
 * The case page: the bundled WeChat log (or a log the reader opens), the statechart, a scrubber through
 * time, each prohibition's legal effect at the chosen instant, the step that led there, and the shipped
 * what-if scenarios. Everything legal is computed by the core in `src/`; this file wires it to the DOM.
 */
import { lifecycleGraphs } from '../../src/docs/graph.js';
import { parseQueryInstant } from '../../src/events/instant.js';
import { parseLog } from '../../src/events/readers.js';
import type { CaseEvent } from '../../src/events/schema.js';
import { legalNextEvents } from '../../src/generate/next.js';
import { phasesOf } from '../../src/machine/phases.js';
import { type Odds, parseOdds } from '../../src/outcomes/odds.js';
import { formatProblem } from '../../src/problem.js';
import { checkLog } from '../../src/replay/check.js';
import { caseZone } from '../../src/replay/query.js';
import { applyScenario, parseScenario, type Scenario } from '../../src/whatif/scenario.js';
import { docketChoices, stopsOnDocket } from './docket.js';
import { h, replaceChildren } from './dom.js';
import { formatDate, isoDay } from './format.js';
import { buildStops, type Stop, stopIndexAt } from './model.js';
import { drawStatechart, type Statechart } from './statechart.js';
import './style.css';
import { effectsPanel, stepPanel, stopTitle, timelineList } from './view.js';

const scenarioFiles = import.meta.glob<unknown>(['../../events/scenarios/*.json', '!**/schema.json'], {
  eager: true,
  import: 'default',
});

interface ScenarioEntry {
  readonly id: string;
  readonly scenario: Scenario;
}

/** A file's name without its folder or extension: `../../events/wechat.jsonl` → `wechat`. */
const stem = (path: string) =>
  path
    .split('/')
    .at(-1)
    ?.replace(/\.[a-z]+$/, '') ?? path;

const SCENARIOS: (ScenarioEntry & { readonly base: string })[] = Object.entries(scenarioFiles)
  .flatMap(([path, raw]) => {
    const parsed = parseScenario(raw);
    return parsed.ok ? [{ id: stem(path), scenario: parsed.scenario, base: stem(parsed.scenario.base) }] : [];
  })
  .sort((a, b) => a.id.localeCompare(b.id));

// Every bundled case is a log in events/, with its odds by the same convention `casesim outcomes` follows
// (events/odds/<log name>.json) and the scenarios whose `base` names it: adding a case needs no code here.
const logFiles = import.meta.glob<string>('../../events/*.jsonl', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const oddsFiles = import.meta.glob<unknown>(['../../events/odds/*.json', '!**/schema.json'], {
  eager: true,
  import: 'default',
});

interface Log {
  readonly name: string;
  readonly bundled: boolean;
  readonly events: readonly CaseEvent[];
  readonly problems: readonly string[];
}

/**
 * A log as the page shows it, with every problem up front: unreadable lines, and events the machine
 * rejects (the state after such an event ignores it, so the reader must know before trusting the page).
 */
function readLog(text: string | Uint8Array, name: string, bundled: boolean): Log {
  const parsed = parseLog(text, name);
  const problems = checkLog(parsed).map(formatProblem);
  if (parsed.events.length === 0)
    problems.unshift(
      problems.length === 0
        ? `${name} has no events: the file is empty.`
        : `${name} has no readable event: is it a casesim log (one JSON event per line)?`,
    );
  return { name, bundled, events: parsed.events.map((l) => l.event), problems };
}

interface BundledCase {
  readonly id: string;
  readonly log: Log;
  readonly title: string;
  readonly scenarios: readonly ScenarioEntry[];
  /** The case's own odds, or why there are none to show. */
  readonly odds: { readonly ok: true; readonly odds: Odds } | { readonly ok: false; readonly why: string };
}

function oddsOf(id: string): BundledCase['odds'] {
  const entry = Object.entries(oddsFiles).find(([path]) => stem(path) === id);
  if (!entry) return { ok: false, why: `no odds file (events/odds/${id}.json) for this case` };
  const parsed = parseOdds(entry[1]);
  return parsed.ok
    ? { ok: true, odds: parsed.odds }
    : { ok: false, why: `events/odds/${id}.json: ${parsed.error.message}` };
}

const CASES: readonly BundledCase[] = Object.entries(logFiles)
  .map(([path, text]) => {
    const id = stem(path);
    const log = readLog(text, `events/${id}.jsonl`, true);
    const complaint = log.events.find((e) => e.type === 'complaint.filed');
    return {
      id,
      log,
      title: complaint?.type === 'complaint.filed' ? complaint.caseName : log.name,
      scenarios: SCENARIOS.filter((s) => s.base === id),
      odds: oddsOf(id),
    };
  })
  // The WeChat case is the page's first case, as it is the CLI's default log; the rest follow by name.
  .sort((a, b) => Number(b.id === 'wechat') - Number(a.id === 'wechat') || a.id.localeCompare(b.id));

const FIRST_CASE = CASES[0] as BundledCase;
/** The branch menu's value for a log the reader opened (scenarios branch the bundled log only). */
const OPENED = '(opened)';

const state = {
  /** The bundled case the switcher shows (its log, scenarios and odds). */
  case: FIRST_CASE,
  log: FIRST_CASE.log,
  /** The log the reader opened, kept while they look at the bundled case or a branch of it. */
  opened: undefined as Log | undefined,
  scenario: '' as string,
  /** The docket shown, '' for the whole matter: the picker's choice, kept in the URL as `?docket=`. */
  docket: new URLSearchParams(location.search).get('docket') ?? '',
  events: [] as readonly CaseEvent[],
  stops: [] as Stop[],
  index: 0,
  zone: 'UTC',
  notice: [] as string[],
  /** The date the reader asked for ("Go to date"), shown as asked until they move on: epoch ms and text. */
  asked: undefined as { readonly t: number; readonly day: string } | undefined,
};

const $ = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid="${testid}"]`) as T;

let chart: Statechart | undefined;

function dateOf(id: string): string | undefined {
  const event = state.events.find((e) => e.id === id);
  return event ? formatDate(event.at) : undefined;
}

function selectEvent(id: string): void {
  const index = state.stops.findIndex((s) => s.kind === 'event' && s.event.id === id);
  if (index >= 0) select(index, true);
}

function renderStop(scrollTimeline: boolean): void {
  const stop = state.stops[state.index];
  const scrubber = $<HTMLInputElement>('scrubber');
  if (!stop) {
    // Nothing of the previous case may stay on screen: its date, phases, step and lit chart would lie.
    replaceChildren($('effects-slot'), h('p', {}, 'This log has no event to show (see the notice above).'));
    replaceChildren($('step-slot'));
    replaceChildren($('phases'));
    $('current-date').textContent = '';
    $('current-step').textContent = '';
    $<HTMLInputElement>('date-input').value = '';
    $('available-events').textContent = '';
    chart?.clear();
    scrubber.disabled = true;
    return;
  }
  scrubber.disabled = false;
  scrubber.value = String(state.index);
  const label = `${formatDate(stop.at)}: ${stopTitle(stop)}`;
  scrubber.setAttribute('aria-valuetext', label);
  // A date asked for is the date shown: the state there is the last stop's, but the day is the reader's.
  const asked = state.asked;
  const when = asked ? formatDate({ local: asked.day, zone: state.zone }) : formatDate(stop.at);
  $('current-date').textContent = when;
  $('current-step').textContent = `${state.index + 1} of ${state.stops.length}: ${stopTitle(stop)}`;
  $<HTMLInputElement>('date-input').value = asked ? asked.day : isoDay(stop.t, state.zone);
  replaceChildren($('effects-slot'), effectsPanel(stop, dateOf, selectEvent, when));
  replaceChildren($('step-slot'), stepPanel(stop));
  const phases = phasesOf(stop.snapshot.context);
  const next = availableKinds(stop);
  const before = state.stops[state.index - 1]?.snapshot;
  chart?.update(
    {
      ...(before ? { before } : {}),
      after: stop.snapshot,
      ...(stop.kind === 'event' ? { event: stop.event.type } : {}),
    },
    next,
  );
  $('available-events').textContent =
    next.size > 0
      ? `The machine would accept next: ${[...next].join(', ')}.`
      : 'The machine would accept no further event.';
  replaceChildren(
    $('phases'),
    ...Object.entries(phases).map(([region, phase]) =>
      h(
        'span',
        { class: 'phase-chip', 'data-testid': `phase-now-${region}` },
        `${region}: `,
        h('strong', {}, phase),
      ),
    ),
  );
  for (const li of document.querySelectorAll('.timeline > li')) li.removeAttribute('aria-current');
  const current = $(`stop-${state.index}`);
  current?.setAttribute('aria-current', 'step');
  // Scroll the list itself, never the window: the reader keeps their place on the page.
  const list = current?.parentElement;
  if (scrollTimeline && current && list) list.scrollTop = current.offsetTop - list.clientHeight / 3;
}

/** The event kinds the machine would accept right after this stop (Stately's "available events"). */
function availableKinds(stop: Stop): Set<string> {
  return new Set(legalNextEvents(stop.snapshot, stop.at).map((n) => n.event.type));
}

function select(index: number, scrollTimeline = false, asked?: { t: number; day: string }): void {
  state.asked = asked;
  state.index = Math.max(0, Math.min(index, state.stops.length - 1));
  renderStop(scrollTimeline);
}

function rebuild(keepTime: boolean): void {
  const previous = state.stops[state.index]?.t;
  const notice: string[] = [...state.log.problems];
  let events = state.log.events;
  const entry = state.case.scenarios.find((s) => s.id === state.scenario);
  const banner = $('scenario-banner');
  if (entry) {
    const result = applyScenario(events, entry.scenario);
    if (result.ok) {
      events = result.branch.events;
      replaceChildren(
        banner,
        h('strong', {}, `What if: ${entry.scenario.title ?? entry.id}. `),
        entry.scenario.description,
        h('ul', {}, ...result.branch.applied.map((a) => h('li', {}, a.text, a.why ? ` (${a.why})` : ''))),
      );
    } else {
      notice.push(`scenario ${entry.id}: ${formatProblem(result.error)}`);
      replaceChildren(banner);
    }
  } else replaceChildren(banner);
  banner.hidden = !entry;
  state.events = events;
  state.zone = caseZone(events);
  // `?docket=D` shows one docket of the matter, as `--docket` does; an unknown one is said, and the matter shown.
  const all = buildStops(events);
  const onDocket = stopsOnDocket(events, all, state.docket);
  fillDockets(events, onDocket.ok ? state.docket : '');
  state.stops = onDocket.ok ? [...onDocket.stops] : all;
  if (!onDocket.ok) notice.push(onDocket.problem);
  state.notice = notice;
  replaceChildren($('notice'), ...notice.map((n) => h('li', {}, n)));
  $('notice').hidden = notice.length === 0;
  const complaint = events.find((e) => e.type === 'complaint.filed');
  $('case-name').textContent =
    (onDocket.ok ? onDocket.caseName : undefined) ??
    (complaint?.type === 'complaint.filed' ? complaint.caseName : state.log.name);
  $('case-meta').textContent =
    complaint?.type === 'complaint.filed'
      ? `${complaint.court} ${complaint.caseNumber} · ${events.length} events from ${state.log.name}`
      : `${events.length} events from ${state.log.name}`;
  const scrubber = $<HTMLInputElement>('scrubber');
  scrubber.max = String(Math.max(0, state.stops.length - 1));
  const first = state.stops[0];
  const last = state.stops.at(-1);
  const dateInput = $<HTMLInputElement>('date-input');
  if (first && last) {
    dateInput.min = isoDay(first.t, state.zone);
    dateInput.max = isoDay(last.t, state.zone);
  }
  replaceChildren(
    $('timeline-slot'),
    timelineList(state.stops, (i) => select(i)),
  );
  const index = keepTime && previous !== undefined ? stopIndexAt(state.stops, previous) : 0;
  select(index, true);
}

function goToDate(value: string): void {
  if (!value) return;
  const q = parseQueryInstant(value, state.zone);
  if (q.ok) select(stopIndexAt(state.stops, q.ms), true, { t: q.ms, day: value });
}

/** The branch menu: the case's record, its what-if branches, and the log the reader opened, if any. */
function fillPicker(picker: HTMLSelectElement): void {
  const opened = state.opened;
  replaceChildren(
    picker,
    h('option', { value: '' }, `The real record (${state.case.title})`),
    ...state.case.scenarios.map((s) => h('option', { value: s.id }, `What if: ${s.scenario.title ?? s.id}`)),
    ...(opened ? [h('option', { value: OPENED }, `Opened log: ${opened.name}`)] : []),
  );
  picker.disabled = false;
}

/** The docket menu: the whole matter, then each docket the log holds; `shown` is the one selected. */
function fillDockets(events: readonly CaseEvent[], shown: string): void {
  const picker = $<HTMLSelectElement>('docket-select');
  const held = docketChoices(events);
  replaceChildren(
    picker,
    h('option', { value: '' }, `Whole matter (${held.length} ${held.length === 1 ? 'docket' : 'dockets'})`),
    ...held.map((d) => h('option', { value: d.value }, d.label)),
  );
  picker.value = shown;
  picker.disabled = held.length === 0;
}

/** Shows `docket` ('' for the whole matter) and keeps it in the URL, so a reload or a shared link shows it too. */
function showDocket(docket: string): void {
  state.docket = docket;
  const url = new URL(location.href);
  if (docket) url.searchParams.set('docket', docket);
  else url.searchParams.delete('docket');
  history.replaceState(null, '', url);
}

function controls(): void {
  const scrubber = $<HTMLInputElement>('scrubber');
  scrubber.addEventListener('input', () => select(Number(scrubber.value), true));
  $('prev').addEventListener('click', () => select(state.index - 1, true));
  $('next').addEventListener('click', () => select(state.index + 1, true));
  const dateInput = $<HTMLInputElement>('date-input');
  dateInput.addEventListener('change', () => goToDate(dateInput.value));

  const picker = $<HTMLSelectElement>('scenario-select');
  fillPicker(picker);
  picker.addEventListener('change', () => {
    // Scenarios branch the bundled log; the real record is the bundled log; an opened log is shown as it is.
    const opened = picker.value === OPENED ? state.opened : undefined;
    const keepTime = !opened && state.log === state.case.log;
    state.log = opened ?? state.case.log;
    state.scenario = opened ? '' : picker.value;
    rebuild(keepTime);
  });

  const dockets = $<HTMLSelectElement>('docket-select');
  dockets.addEventListener('change', () => {
    showDocket(dockets.value);
    rebuild(true);
  });

  const cases = $<HTMLSelectElement>('case-select');
  replaceChildren(cases, ...CASES.map((c) => h('option', { value: c.id }, c.title)));
  cases.value = state.case.id;
  cases.addEventListener('change', () => {
    state.case = CASES.find((c) => c.id === cases.value) ?? FIRST_CASE;
    state.log = state.case.log;
    state.scenario = '';
    // Another case holds other dockets: it opens on its whole matter.
    showDocket('');
    fillPicker(picker);
    renderOdds();
    rebuild(false);
  });

  const file = $<HTMLInputElement>('log-file');
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    // Bytes, not text: a binary file is reported as not UTF-8, never silently decoded with replacements.
    state.opened = readLog(new Uint8Array(await chosen.arrayBuffer()), chosen.name, false);
    state.log = state.opened;
    state.scenario = '';
    showDocket('');
    fillPicker(picker);
    picker.value = OPENED;
    // The same file chosen again is a new choice.
    file.value = '';
    rebuild(false);
  });
}

/** The case's odds for `casesim outcomes`: each decision in order, with its options' probabilities. */
function renderOdds(): void {
  const { odds } = state.case;
  replaceChildren(
    $('odds-slot'),
    h('h2', {}, 'Odds for outcomes'),
    ...(odds.ok
      ? [
          h('p', { class: 'muted' }, odds.odds.description),
          h(
            'ol',
            {},
            ...odds.odds.decisions.map((d) =>
              h(
                'li',
                {},
                d.question,
                h(
                  'span',
                  { class: 'muted' },
                  ` ${Object.entries(d.options)
                    .map(([label, p]) => `${label} ${p}`)
                    .join(' · ')}`,
                ),
              ),
            ),
          ),
        ]
      : [h('p', { class: 'muted' }, odds.why)]),
  );
}

async function main(): Promise<void> {
  controls();
  renderOdds();
  rebuild(false);
  chart = await drawStatechart(lifecycleGraphs());
  replaceChildren($('statechart-slot'), chart.element);
  renderStop(false);
  document.body.dataset.ready = 'true';
}

void main();
