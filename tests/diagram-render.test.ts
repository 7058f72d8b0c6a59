/**
 * The diagrams render in the real tools: every Mermaid output of `casesim diagram` in the `mermaid` package
 * (loaded from node_modules into Debian's chromium, no network), and every DOT output in Graphviz's `dot`.
 * Each must render with no error, and each arrow's event kind and rule names must appear on an arrow of the
 * drawing. Screenshots of the rendered Mermaid land in test-output/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dotDiagram, mermaidDiagram, ruleNames } from '../src/docs/diagram.js';
import { lifecycleGraphs } from '../src/docs/graph.js';
import type { LifecycleGraph, LifecycleTransition } from '../src/docs/lifecycle-graph.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM } from './support/chromium.js';
import { SAMPLE, SECOND } from './support/lifecycle-fixture.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = path.join(root, 'test-output', 'screenshots');
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** What gets drawn: the whole case, each lifecycle alone, and the fixture that uses every shape of the contract. */
function drawings(): { name: string; graphs: readonly LifecycleGraph[] }[] {
  const graphs = lifecycleGraphs();
  return [
    { name: 'case', graphs },
    ...graphs.map((g) => ({ name: g.id, graphs: [g] })),
    { name: 'fixture-nested', graphs: [SAMPLE] },
    { name: 'fixture-case', graphs: [SAMPLE, SECOND] },
  ];
}

/** An arrow's label as its words, without the spaces and line breaks a renderer wraps it with. */
const squash = (text: string) => text.replace(/\s+/g, '');
const labelOf = (t: LifecycleTransition) => squash(`${t.event}${ruleNames(t)}`);

function expectEveryArrowLabelled(name: string, graphs: readonly LifecycleGraph[], labels: string[]): void {
  const squashed = labels.map(squash);
  for (const graph of graphs) {
    for (const t of graph.transitions) {
      expect(
        squashed.some((l) => l.includes(labelOf(t))),
        `${name}: no arrow labelled ${t.event} ${ruleNames(t)} (${graph.id}: ${t.source ?? 'start'} → ${t.target})`,
      ).toBe(true);
    }
  }
}

if (!HAS_CHROMIUM) {
  describe('the Mermaid diagrams in the real mermaid', () => {
    it.skip(`is skipped: ${NO_CHROMIUM}`, () => {});
  });
} else {
  describe('the Mermaid diagrams in the real mermaid', () => {
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      // Nothing may come from the network: mermaid is read from node_modules.
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
      await page.addScriptTag({ path: MERMAID });
      await page.evaluate("mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })");
    });

    afterAll(async () => {
      await browser?.close();
    });

    for (const { name, graphs } of drawings()) {
      it(`renders ${name} with no error, every arrow labelled by its event and rules`, async () => {
        const text = mermaidDiagram(graphs);
        const result = (await page.evaluate(
          `(async (text) => {
            try {
              const { svg } = await mermaid.render('diagram-${name}', text);
              const out = document.getElementById('out');
              out.innerHTML = svg;
              return {
                ok: true,
                svg,
                labels: [...out.querySelectorAll('.edgeLabel')].map((e) => e.textContent || ''),
                states: out.querySelectorAll('g.node').length,
              };
            } catch (error) {
              return { ok: false, error: String((error && error.message) || error) };
            }
          })(${JSON.stringify(text)})`,
        )) as { ok: boolean; error?: string; svg?: string; labels?: string[]; states?: number };
        expect(result.error).toBeUndefined();
        expect(result.ok).toBe(true);
        expect(result.svg).not.toMatch(/Syntax error|Parse error/i);
        expect(result.states).toBeGreaterThanOrEqual(graphs.reduce((n, g) => n + g.states.length, 0));
        expectEveryArrowLabelled(name, graphs, result.labels ?? []);
        await page.locator('#out').screenshot({ path: path.join(SHOTS, `mermaid-${name}.png`) });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      });
    }
  });
}

const HAS_DOT = spawnSync('dot', ['-V']).status === 0;

/** Each edge of Graphviz's SVG: its `<title>` (`from->to`) and the lines of its label. */
function svgEdges(svg: string): { title: string; lines: string[] }[] {
  const entities = (s: string) =>
    s.replace(/&#45;/g, '-').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  return [...svg.matchAll(/<g id="edge\d+" class="edge">([\s\S]*?)(?=<!--|<\/svg>)/g)].map((m) => {
    const body = m[1] ?? '';
    return {
      title: entities(/<title>([^<]*)<\/title>/.exec(body)?.[1] ?? ''),
      lines: [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => entities(t[1] ?? '')),
    };
  });
}

if (!HAS_DOT) {
  describe('the DOT diagrams in Graphviz', () => {
    it.skip('is skipped: no `dot` on PATH (install it with: apt-get install -y graphviz; .ci/run does)', () => {});
  });
} else {
  describe('the DOT diagrams in Graphviz', () => {
    for (const { name, graphs } of drawings()) {
      it(`renders ${name} with dot -Tsvg, one labelled edge per arrow`, () => {
        const run = spawnSync('dot', ['-Tsvg'], { input: dotDiagram(graphs), encoding: 'utf8' });
        expect(run.stderr, 'dot warned or failed').toBe('');
        expect(run.status).toBe(0);
        const svg = run.stdout;
        expect(svg).toContain('</svg>');
        const edges = svgEdges(svg);
        expect(edges).toHaveLength(graphs.reduce((n, g) => n + g.transitions.length, 0));
        expectEveryArrowLabelled(
          name,
          graphs,
          edges.map((e) => e.lines.join('')),
        );
      });
    }
  });
}
