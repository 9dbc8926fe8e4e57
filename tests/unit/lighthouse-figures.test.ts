import { describe, expect, it } from 'vitest';
import {
  formatFigures,
  median,
  medianFigures,
  ratio,
  speedFigures,
} from '../../scripts/lighthouse-figures';

const result = (lcp: number, transfer: number) => ({
  audits: {
    'largest-contentful-paint': { numericValue: lcp },
    'first-contentful-paint': { numericValue: lcp - 100 },
    'cumulative-layout-shift': { numericValue: 0 },
    'total-blocking-time': { numericValue: 0 },
    'total-byte-weight': { numericValue: transfer },
  },
});

describe('Lighthouse figures', () => {
  it('reads the five figures from a result and refuses one without them', () => {
    expect(speedFigures(result(700, 30_000))).toEqual({
      lcp: 700,
      fcp: 600,
      cls: 0,
      tbt: 0,
      transfer: 30_000,
    });
    expect(() => speedFigures({ audits: {} })).toThrow(/largest-contentful-paint/);
  });

  it('takes medians of odd and even counts, figure by figure', () => {
    expect(median([900, 600, 700])).toBe(700);
    expect(median([600, 800, 700, 900])).toBe(750);
    expect(() => median([])).toThrow();
    const runs = [result(900, 30_000), result(600, 32_000), result(700, 31_000)].map(speedFigures);
    expect(medianFigures(runs)).toMatchObject({ lcp: 700, fcp: 600, transfer: 31_000 });
  });

  it('prints whole figures and the ratio of ours to theirs', () => {
    expect(
      formatFigures({ lcp: 699.6, fcp: 1234.4, cls: 0.00012, tbt: 0, transfer: 31_000 }),
    ).toEqual(['700', '1,234', '0.000', '0', '31,000']);
    expect(ratio(600, 1200)).toBe('0.50×');
    expect(ratio(1, 0)).toBe('n/a');
  });
});
