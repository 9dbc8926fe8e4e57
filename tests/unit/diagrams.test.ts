import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { replay, traceRows } from '../../src/lib/checker/trace.ts';
import { hitRateWords, swimlaneWords } from '../../src/content/interface/mbt.ts';
import { hitRateChartSvg } from '../../src/lib/diagrams/hit-rate-chart.ts';
import { element, escapeXml, textElement } from '../../src/lib/diagrams/svg.ts';
import { swimlaneModel, swimlaneSvg } from '../../src/lib/diagrams/swimlane.ts';
import { shortestCounterexample } from '../../src/lib/models/counterexample.ts';
import {
  actionIndex,
  defaultParameters,
  DEPLOYER_NAMES,
  dnsControlPlane,
} from '../../src/lib/models/dns-control-plane.ts';
import { hitRates, type HitRatePoint } from '../../src/lib/models/hit-rates.ts';

const counterexample = shortestCounterexample();
const steps = counterexample.trace.steps.length;

function svgOf(markup: string): HTMLElement {
  const svg = parse(markup).querySelector('svg');
  if (svg === null) throw new Error('no <svg> in the markup');
  return svg;
}

/** A picture for screen readers: role, a name and a description that exist, sizes, and no inline style. */
function expectAccessiblePicture(markup: string, id: string) {
  const svg = svgOf(markup);
  expect(svg.getAttribute('role')).toBe('img');
  expect(svg.getAttribute('aria-labelledby')).toBe(`${id}-title`);
  expect(svg.getAttribute('aria-describedby')).toBe(`${id}-desc`);
  expect(svg.querySelector(`title#${id}-title`)?.text).not.toBe('');
  expect(svg.querySelector(`desc#${id}-desc`)?.text).not.toBe('');
  const [width, height] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
  expect(width).toBeGreaterThan(0);
  expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
  expect(markup).not.toMatch(/\sstyle=/);
  expect(markup).not.toMatch(/\s(fill|stroke|color)="/);
  return svg;
}

describe('SVG markup', () => {
  it('escapes text and attribute values', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(textElement('text', { class: 'a"b' }, '1 < 2')).toBe(
      '<text class="a&quot;b">1 &lt; 2</text>',
    );
    expect(element('g', { hidden: undefined, x: 1.26 })).toBe('<g x="1.3"/>');
  });
});

describe('the swimlane diagram of a trace', () => {
  const markup = swimlaneSvg(counterexample, { id: 'race' });
  const svg = expectAccessiblePicture(markup, 'race');
  const model = swimlaneModel(counterexample);

  it('has a lane for the planner, each deployer, then root, rollback, lock and plans, named from the dictionary', () => {
    const lanes = svg.querySelectorAll('[data-lane]');
    const { laneNames } = swimlaneWords;
    expect(lanes.map((lane) => lane.querySelector('text')?.text)).toEqual([
      laneNames.planner,
      ...DEPLOYER_NAMES.slice(0, defaultParameters.deployers).map(laneNames.deployer),
      laneNames.root,
      laneNames.rollback,
      laneNames.lock,
      laneNames.plans,
    ]);
  });

  it('draws one event per step, in the lane of the actor that took it', () => {
    expect(svg.querySelectorAll('[data-event]')).toHaveLength(steps);
    expect(svg.querySelectorAll('[data-step]')).toHaveLength(steps);
    const actors = traceRows(dnsControlPlane(defaultParameters), counterexample.trace).map(
      ({ actor }) => actor,
    );
    expect(
      model.events.map(({ lane }) => (lane === 0 ? 'planner' : DEPLOYER_NAMES[lane - 1])),
    ).toEqual(actors);
  });

  it('writes the lock’s holder and epoch at every deploy, the epoch rising by one', () => {
    const locks = svg.querySelectorAll('[data-state-change="lock"]').map((lock) => lock.text);
    const deploys = model.events.filter(({ kind }) => kind === 'Deploy' || kind === 'stale-deploy');
    expect(locks).toHaveLength(deploys.length);
    expect(locks.map((text) => Number(text.split(' ').at(-1)))).toEqual(
      deploys.map((_, index) => index + 1),
    );
  });

  it('marks the stale deploy: an old plan over a newer root, by a deployer whose lock was current', () => {
    const stale = model.events.find(({ kind }) => kind === 'stale-deploy');
    expect(stale).toMatchObject({ lane: 2, versions: [1] });
    const marked = svg.querySelector(`[data-step="${stale!.step}"] [data-event]`);
    expect(marked?.getAttribute('data-event')).toBe('stale-deploy');
    expect(marked?.text).toBe(swimlaneWords.events.staleDeploy(1));
    expect(svg.querySelector('desc')?.text).toContain(
      swimlaneWords.description.staleDeploy(stale!.step, 'deployer-b', 1),
    );
  });

  it('marks the cleanup that deletes the root’s plan and the broken invariant', () => {
    expect(svg.querySelector('[data-violation]')?.getAttribute('data-violation')).toBe(
      String(steps),
    );
    expect(
      svg.querySelector(`[data-step="${steps}"] [data-event]`)?.getAttribute('data-event'),
    ).toBe('Cleanup');
    expect(svg.querySelector(`[data-step="${steps}"] [data-deleted]`)?.text).toBe(
      swimlaneWords.deletedPlan(1),
    );
    expect(svg.querySelector('desc')?.text).toContain(
      swimlaneWords.description.broken(steps, 'deployer-a', 'root', 1),
    );
  });

  it('highlights the step asked for, and no other', () => {
    expect(svg.querySelectorAll('[data-highlight]')).toHaveLength(0);
    const highlighted = svgOf(swimlaneSvg(counterexample, { id: 'race', highlightStep: 3 }));
    expect(highlighted.querySelectorAll('[data-highlight]')).toHaveLength(1);
    expect(highlighted.querySelector('[data-step="3"] [data-highlight]')).not.toBeNull();
  });

  it('has a compact variant: smaller, with the same events', () => {
    const compactMarkup = swimlaneSvg(counterexample, { id: 'small', compact: true });
    const compact = expectAccessiblePicture(compactMarkup, 'small');
    expect(Number(compact.getAttribute('width'))).toBeLessThan(Number(svg.getAttribute('width')));
    expect(compact.querySelectorAll('[data-event]')).toHaveLength(steps);
    expect(compact.querySelector('[data-violation]')).not.toBeNull();
  });

  it('shows a deploy the fixed model refuses as a backoff, and no violation', () => {
    const parameters = { ...defaultParameters, fixed: true };
    const spec = dnsControlPlane(parameters);
    const staleAt = model.events.find(({ kind }) => kind === 'stale-deploy')!.step;
    const moves = counterexample.trace.steps
      .slice(0, staleAt - 1)
      .map(({ action, choice }) => ({ action, choice }));
    const backoff = actionIndex({ kind: 'Backoff', deployer: 1 });
    const replayed = replay(spec, [...moves, { action: backoff, choice: 0 }]);
    if (!replayed.ok) throw new Error(replayed.error);
    const fixed = svgOf(swimlaneSvg({ parameters, trace: replayed.trace }, { id: 'fixed' }));
    expect(
      fixed.querySelector(`[data-step="${staleAt}"] [data-event]`)?.getAttribute('data-event'),
    ).toBe('Backoff');
    expect(fixed.querySelector('[data-violation]')).toBeNull();
    expect(fixed.querySelector('desc')?.text).toContain(swimlaneWords.description.holds);
  });

  it('keeps layout apart from drawing, each file short', () => {
    for (const file of ['swimlane.ts', 'swimlane-layout.ts', 'swimlane-events.ts']) {
      const source = readFileSync(
        new URL(`../../src/lib/diagrams/${file}`, import.meta.url),
        'utf8',
      );
      expect(source.split('\n').length, file).toBeLessThan(300);
    }
  });
});

describe('the hit-rate chart', () => {
  const points: HitRatePoint[] = [
    { delayChance: 0.5, walks: 1000, hits: 50 },
    { delayChance: 0.1, walks: 1000, hits: 20 },
    { delayChance: 0.01, walks: 1000, hits: 2 },
    { delayChance: 0.001, walks: 1000, hits: 0 },
  ];
  const markup = hitRateChartSvg({ points, exhaustiveStates: 60, id: 'rates' });
  const svg = expectAccessiblePicture(markup, 'rates');
  const cx = (delay: number) =>
    Number(svg.querySelector(`[data-point="${delay}"] circle`)?.getAttribute('cx'));

  it('plots one point per delay chance, on a log scale', () => {
    expect(svg.querySelectorAll('[data-point]')).toHaveLength(points.length);
    expect(cx(0.1) - cx(0.01)).toBeCloseTo(cx(0.01) - cx(0.001), 0);
    expect(cx(0.1) - cx(0.01)).toBeGreaterThan(50);
  });

  it('draws a point with no hits hollow, on the axis, labelled', () => {
    expect(svg.querySelector('[data-point="0.001"]')?.text).toBe(hitRateWords.none);
    expect(svg.querySelector('[data-point="0.001"] circle')?.getAttribute('class')).toContain(
      'fill-bg',
    );
  });

  it('has exhaustive search as the reference line, with its state count', () => {
    expect(svg.querySelector('[data-reference="60"]')?.text).toBe(hitRateWords.exhaustive(60));
    expect(svg.querySelector('desc')?.text).toBe(hitRateWords.description(points, 60));
  });
});

describe('the build-time counterexample', () => {
  it('is the shortest trace that breaks the invariant, and a model that holds has none', () => {
    expect(counterexample).toMatchObject({
      parameters: defaultParameters,
      invariant: expect.any(String),
    });
    expect(steps).toBe(9);
    expect(() => shortestCounterexample({ ...defaultParameters, fixed: true })).toThrow(
      /ended with "holds"/,
    );
  });
});

describe('the hit rates behind the chart', () => {
  const options = { delayChances: [0.5, 0.01], walks: 2000, seed: 7, maxDepth: 100 };

  it('are the same for the same seed, and fall with the delay chance', () => {
    const first = hitRates(defaultParameters, options);
    expect(hitRates(defaultParameters, options)).toEqual(first);
    expect(first.map(({ walks }) => walks)).toEqual([2000, 2000]);
    expect(first[0]!.hits).toBeGreaterThan(first[1]!.hits);
  });
});
