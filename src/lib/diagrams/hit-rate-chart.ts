/**
 * Hit rate of random testing against the share of runs with a stale deployer, both on log scales,
 * with exhaustive search as the reference line at 100 %: it finds the race every time.
 */
import { hitRateWords as words } from '../../content/interface/mbt.ts';
import type { HitRatePoint } from '../models/hit-rates.ts';
import { element, svgDocument, textElement } from './svg.ts';

export interface HitRateChartInput {
  readonly points: readonly HitRatePoint[];
  /** States the exhaustive search explored to find the violation. */
  readonly exhaustiveStates: number;
  /** Prefix of the ids inside the SVG; unique on the page. */
  readonly id: string;
}

const WIDTH = 400;
const HEIGHT = 270;
const PLOT = { left: 58, right: WIDTH - 26, top: 34, bottom: HEIGHT - 52 };

/** The decades a log axis spans, from the one below the smallest value up to 10^0 = 100 %. */
function decades(values: readonly number[]): number[] {
  const positive = values.filter((value) => value > 0);
  const lowest =
    positive.length === 0 ? -2 : Math.min(-1, Math.floor(Math.log10(Math.min(...positive))));
  return Array.from({ length: -lowest + 1 }, (_, index) => lowest + index);
}

export function hitRateChartSvg({ points, exhaustiveStates, id }: HitRateChartInput): string {
  const rate = ({ hits, walks }: HitRatePoint) => (walks === 0 ? 0 : hits / walks);
  const xDecades = decades(points.map(({ delayChance }) => delayChance));
  const yDecades = decades(points.map(rate));
  const scale = (value: number, range: number[], from: number, to: number) => {
    const [low, high] = [range[0]!, range.at(-1)!];
    return from + ((Math.log10(value) - low) / (high - low)) * (to - from);
  };
  const x = (chance: number) => scale(chance, xDecades, PLOT.left, PLOT.right);
  // A rate of zero has no logarithm: it sits on the bottom edge, drawn hollow and labelled.
  const y = (value: number) =>
    value === 0 ? PLOT.bottom : scale(value, yDecades, PLOT.bottom, PLOT.top);
  const text = (
    at: { x: number; y: number },
    className: string,
    content: string,
    anchor?: 'start' | 'end',
  ) => textElement('text', { ...at, 'text-anchor': anchor, class: className }, content);

  const xTicks = xDecades.map((decade) => {
    const at = x(10 ** decade);
    return element(
      'g',
      {},
      element('line', { x1: at, y1: PLOT.top, x2: at, y2: PLOT.bottom, class: 'stroke-line' }),
      text({ x: at, y: PLOT.bottom + 14 }, 'fill-muted', words.percent(10 ** decade)),
    );
  });
  const yTicks = yDecades.map((decade) => {
    const at = y(10 ** decade);
    return element(
      'g',
      {},
      element('line', { x1: PLOT.left, y1: at, x2: PLOT.right, y2: at, class: 'stroke-line' }),
      text({ x: PLOT.left - 6, y: at }, 'fill-muted', words.percent(10 ** decade), 'end'),
    );
  });

  const reference = element(
    'g',
    { 'data-reference': exhaustiveStates },
    element('line', {
      x1: PLOT.left,
      y1: PLOT.top,
      x2: PLOT.right,
      y2: PLOT.top,
      class: 'stroke-ok stroke-[3] [stroke-dasharray:8_4]',
    }),
    text(
      { x: PLOT.left + 6, y: PLOT.top + 12 },
      'fill-ok font-semibold',
      words.exhaustive(exhaustiveStates),
      'start',
    ),
  );

  const path = points.map(
    (point, index) => `${index === 0 ? 'M' : 'L'}${x(point.delayChance)} ${y(rate(point))}`,
  );
  const series = element(
    'g',
    { 'data-series': '' },
    element('path', { d: path.join(''), class: 'fill-none stroke-accent stroke-2' }),
    ...points.map((point) => {
      const value = rate(point);
      const at = { x: x(point.delayChance), y: y(value) };
      return element(
        'g',
        {
          'data-point': String(point.delayChance),
          'data-hits': point.hits,
          'data-walks': point.walks,
        },
        element('circle', {
          cx: at.x,
          cy: at.y,
          r: 4.5,
          class: value === 0 ? 'fill-bg stroke-accent stroke-2' : 'fill-accent',
        }),
        // Below and right of its point, where the rising line is not; a zero sits on the axis, so above.
        text(
          { x: at.x + 8, y: value === 0 ? at.y - 12 : at.y + 12 },
          'fill-fg',
          value === 0 ? words.none : words.percent(value),
          'start',
        ),
      );
    }),
  );

  return svgDocument(
    {
      width: WIDTH,
      height: HEIGHT,
      id,
      title: words.title,
      description: words.description(points, exhaustiveStates),
      className: 'hit-rate-chart text-[12px]',
      data: { 'data-hit-rate-chart': '' },
    },
    ...xTicks,
    ...yTicks,
    element('rect', {
      x: PLOT.left,
      y: PLOT.top,
      width: PLOT.right - PLOT.left,
      height: PLOT.bottom - PLOT.top,
      class: 'fill-none stroke-muted',
    }),
    text({ x: PLOT.left, y: 12 }, 'fill-muted', words.yAxis, 'start'),
    text({ x: (PLOT.left + PLOT.right) / 2, y: HEIGHT - 12 }, 'fill-muted', words.xAxis),
    reference,
    series,
  );
}
