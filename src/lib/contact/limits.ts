/**
 * How long each field may be, counted as the visitor sees it: in graphemes (what a reader calls a
 * character: "👩🏽‍💻" is one, though seven UTF-16 units), with `Intl.Segmenter`. The form, its markup and
 * the local inbox read these, so the form never refuses what the service takes, or the reverse.
 */

/** The message field's limit: stated beside the field, counted live, and refused beyond, never cut. */
export const MESSAGE_MAX_LENGTH = 5000;

/** By field name. The reply-to address keeps the longest address the mail standards allow. */
export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  name: 200,
  email: 254,
  company: 200,
  message: MESSAGE_MAX_LENGTH,
};

const segmenter =
  typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter('en', { granularity: 'grapheme' })
    : undefined;

/** Characters as the visitor sees them; code points where the browser has no segmenter. */
export function graphemeCount(text: string): number {
  return segmenter ? [...segmenter.segment(text)].length : [...text].length;
}

/** The first `count` characters as the visitor sees them, and whether anything was left off. */
export function graphemeStart(text: string, count: number): { start: string; cut: boolean } {
  if (!segmenter) {
    const points = [...text];
    return { start: points.slice(0, count).join(''), cut: points.length > count };
  }
  let start = '';
  let taken = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (taken === count) return { start, cut: true };
    start += segment;
    taken += 1;
  }
  return { start, cut: false };
}

/** Only spaces, tabs and line breaks (or invisible characters): nothing a reader could reply to. */
export const isBlank = (text: string): boolean =>
  text !== '' && text.replace(/[\s\p{Cf}]/gu, '') === '';

export type TextProblem =
  { kind: 'blank' } | { kind: 'too-long'; length: number; max: number } | undefined;

/** What is wrong with a field's value beyond what the browser checks itself (empty, e-mail shape). */
export function textProblem(value: string, required: boolean, max?: number): TextProblem {
  if (required && isBlank(value)) return { kind: 'blank' };
  if (max !== undefined) {
    const length = graphemeCount(value);
    if (length > max) return { kind: 'too-long', length, max };
  }
  return undefined;
}
