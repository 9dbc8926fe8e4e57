/** The figures `npm run audit` reads from a Lighthouse result, and how it summarises repeated runs. */

export interface SpeedFigures {
  /** Largest and first contentful paint, ms (simulated slow 4G, mid-range phone). */
  lcp: number;
  fcp: number;
  cls: number;
  /** Total blocking time, ms. */
  tbt: number;
  /** Bytes over the network for the page load (compressed, headers included). */
  transfer: number;
}

/** The part of a Lighthouse result these figures come from. */
export interface AuditsOnly {
  audits: Record<string, { numericValue?: number } | undefined>;
}

const auditIds: Record<keyof SpeedFigures, string> = {
  lcp: 'largest-contentful-paint',
  fcp: 'first-contentful-paint',
  cls: 'cumulative-layout-shift',
  tbt: 'total-blocking-time',
  transfer: 'total-byte-weight',
};

export function speedFigures(lhr: AuditsOnly): SpeedFigures {
  const read = (figure: keyof SpeedFigures) => {
    const value = lhr.audits[auditIds[figure]]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse result without ${auditIds[figure]}`);
    return value;
  };
  return {
    lcp: read('lcp'),
    fcp: read('fcp'),
    cls: read('cls'),
    tbt: read('tbt'),
    transfer: read('transfer'),
  };
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Figure by figure, the median over several runs of one page. */
export function medianFigures(runs: SpeedFigures[]): SpeedFigures {
  const of = (figure: keyof SpeedFigures) => median(runs.map((run) => run[figure]));
  return {
    lcp: of('lcp'),
    fcp: of('fcp'),
    cls: of('cls'),
    tbt: of('tbt'),
    transfer: of('transfer'),
  };
}

/** Table cells: whole milliseconds and bytes, CLS to three decimals. */
export function formatFigures(figures: SpeedFigures): string[] {
  return [
    Math.round(figures.lcp).toLocaleString('en'),
    Math.round(figures.fcp).toLocaleString('en'),
    figures.cls.toFixed(3),
    Math.round(figures.tbt).toLocaleString('en'),
    Math.round(figures.transfer).toLocaleString('en'),
  ];
}

/** Ours over theirs, e.g. `0.62×`: below 1 means ours is faster or smaller. */
export const ratio = (ours: number, theirs: number): string =>
  theirs === 0 ? 'n/a' : `${(ours / theirs).toFixed(2)}×`;
