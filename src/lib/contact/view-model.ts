/**
 * What the contact form shows for each thing that happens to it, as plain data: the browser module
 * (src/client/contact/form.ts) only writes these values into the page.
 */
import {
  contactStatus,
  draftOffers,
  fieldErrors,
  messageLength,
} from '../../content/interface/contact.ts';
import type { DraftFields } from './draft-record.ts';
import { FIELD_LIMITS, graphemeStart, MESSAGE_MAX_LENGTH, textProblem } from './limits.ts';
import type { FieldError, Outcome } from './outcome.ts';

export interface OutcomeView {
  /** The sentence for the live region; empty when the sent panel says it all. */
  status: string;
  /** Errors to show on fields of this form; the first one in page order gets focus. */
  fieldErrors: FieldError[];
  /** Try again, Copy, and the e-mail link. */
  waysOut: boolean;
  sent: boolean;
}

/**
 * `hasField` tells whether this form has a field of that name: errors for fields it does not have
 * are the service's problem, not the visitor's, so they read as a service error with the ways out.
 */
export function viewOfOutcome(outcome: Outcome, hasField: (name: string) => boolean): OutcomeView {
  if (outcome.kind === 'sent') return { status: '', fieldErrors: [], waysOut: false, sent: true };
  if (outcome.kind === 'invalid') {
    const fieldErrors = outcome.fieldErrors.filter(({ field }) => hasField(field));
    if (fieldErrors.length > 0)
      return { status: contactStatus.invalid, fieldErrors, waysOut: false, sent: false };
    return { status: contactStatus['service-error'], fieldErrors: [], waysOut: true, sent: false };
  }
  return { status: contactStatus[outcome.kind], fieldErrors: [], waysOut: true, sent: false };
}

/** Outcomes after which nobody knows whether the message arrived. */
export const isUncertain = (outcome: Outcome): boolean =>
  outcome.kind === 'no-answer' || outcome.kind === 'timed-out';

/**
 * The validation message for a field's value beyond the browser's own checks ('' when there is none):
 * a required field of only spaces, or one longer than its limit, counted as the visitor counts.
 */
export function fieldProblemMessage(name: string, value: string, required: boolean): string {
  const problem = textProblem(value, required, FIELD_LIMITS[name]);
  if (!problem) return '';
  if (problem.kind === 'blank') return fieldErrors.blank;
  return name === 'message'
    ? messageLength.tooLong(problem.length, problem.max)
    : fieldErrors.tooLong(problem.length, problem.max);
}

export type LengthLevel = 'within' | 'near' | 'over';

/** Within the last tenth of the limit is "near": enough warning to stop before it. */
export function lengthLevel(length: number, max = MESSAGE_MAX_LENGTH): LengthLevel {
  if (length > max) return 'over';
  return length >= max * 0.9 ? 'near' : 'within';
}

export interface LengthView {
  level: LengthLevel;
  /** Shown beside the field, on every change. */
  count: string;
  /**
   * Said to screen readers only when the level changes, so typing is not interrupted at every key;
   * undefined when there is nothing new to say.
   */
  announcement: string | undefined;
}

export function messageLengthView(
  length: number,
  previous: LengthLevel,
  max = MESSAGE_MAX_LENGTH,
): LengthView {
  const level = lengthLevel(length, max);
  const announcements: Record<LengthLevel, string | undefined> = {
    near: previous === 'over' ? messageLength.back : messageLength.near(max - length),
    over: messageLength.over(length - max, max),
    within: previous === 'over' ? messageLength.back : undefined,
  };
  return {
    level,
    count: messageLength.count(length, max),
    announcement: level === previous ? undefined : announcements[level],
  };
}

/** The visitor's text as one block, for the clipboard and the e-mail: each kept field under its label. */
export function messageText(
  entries: Iterable<[string, string]>,
  labels: ReadonlyMap<string, string>,
): string {
  return [...entries]
    .filter(([name, value]) => labels.has(name) && value.trim())
    .map(([name, value]) => `${labels.get(name)}:${value.includes('\n') ? '\n' : ' '}${value}`)
    .join('\n');
}

export const mailtoHref = (address: string, subject: string, body: string): string =>
  `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

/** How much of an offered draft is shown: enough to recognise it, not a second form. */
export const OFFER_PREVIEW_LENGTH = 280;

/** An offered draft as the visitor recognises it: each kept field under its label, the start of it. */
export function offerPreview(fields: DraftFields, labels: ReadonlyMap<string, string>): string {
  const { start, cut } = graphemeStart(
    messageText(Object.entries(fields), labels),
    OFFER_PREVIEW_LENGTH,
  );
  return draftOffers.preview(start, cut);
}
