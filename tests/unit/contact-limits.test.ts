import { describe, expect, it } from 'vitest';
import {
  graphemeCount,
  graphemeStart,
  isBlank,
  textProblem,
} from '../../src/lib/contact/limits.ts';

describe('field limits, counted as the visitor counts', () => {
  it('counts an emoji with skin tone and joiner, and a letter with a combining accent, as one each', () => {
    expect(graphemeCount('👩🏽‍💻'.repeat(1500))).toBe(1500);
    expect('👩🏽‍💻'.repeat(1500).length).toBe(10_500);
    expect(graphemeCount('e\u0301')).toBe(1);
    expect(graphemeCount('Grüße')).toBe(5);
  });

  it('takes the start of a text without splitting a character', () => {
    expect(graphemeStart('👩🏽‍💻ab', 1)).toEqual({ start: '👩🏽‍💻', cut: true });
    expect(graphemeStart('ab', 2)).toEqual({ start: 'ab', cut: false });
  });

  it('calls only spaces, line breaks and invisible characters blank, and never the empty text', () => {
    expect(isBlank(' \t\n\u00a0\u200b')).toBe(true);
    expect(isBlank('')).toBe(false);
    expect(isBlank(' a ')).toBe(false);
  });

  it('names the problem: blank where required, or the length over the limit', () => {
    expect(textProblem('   ', true)).toEqual({ kind: 'blank' });
    expect(textProblem('   ', false)).toBeUndefined();
    expect(textProblem('abc', true, 2)).toEqual({ kind: 'too-long', length: 3, max: 2 });
    expect(textProblem('👩🏽‍💻👩🏽‍💻', true, 2)).toBeUndefined();
  });
});
