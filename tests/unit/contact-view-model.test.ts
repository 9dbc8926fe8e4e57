import { describe, expect, it } from 'vitest';
import {
  contactStatus,
  draftOffers,
  fieldErrors,
  messageLength,
} from '../../src/content/interface/contact.ts';
import { FIELD_LIMITS, MESSAGE_MAX_LENGTH } from '../../src/lib/contact/limits.ts';
import type { Outcome } from '../../src/lib/contact/outcome.ts';
import {
  fieldProblemMessage,
  isUncertain,
  lengthLevel,
  mailtoHref,
  messageLengthView,
  messageText,
  OFFER_PREVIEW_LENGTH,
  offerPreview,
  viewOfOutcome,
} from '../../src/lib/contact/view-model.ts';

const formFields = new Set(['name', 'email', 'message']);
const hasField = (name: string) => formFields.has(name);

describe('what the form shows for each outcome', () => {
  it('a confirmed send shows the sent panel and nothing else', () => {
    expect(viewOfOutcome({ kind: 'sent' }, hasField)).toEqual({
      status: '',
      fieldErrors: [],
      waysOut: false,
      sent: true,
    });
  });

  it("the service's field errors land on this form's fields, without ways out", () => {
    const view = viewOfOutcome(
      {
        kind: 'invalid',
        fieldErrors: [
          { field: 'email', message: 'bad' },
          { field: 'budget', message: 'x' },
        ],
      },
      hasField,
    );
    expect(view).toEqual({
      status: contactStatus.invalid,
      fieldErrors: [{ field: 'email', message: 'bad' }],
      waysOut: false,
      sent: false,
    });
  });

  it('errors only on fields this form lacks are a service error, with the ways out', () => {
    const view = viewOfOutcome(
      { kind: 'invalid', fieldErrors: [{ field: 'budget', message: 'x' }] },
      hasField,
    );
    expect(view).toEqual({
      status: contactStatus['service-error'],
      fieldErrors: [],
      waysOut: true,
      sent: false,
    });
  });

  const certain: Outcome[] = [
    { kind: 'offline' },
    { kind: 'rate-limited' },
    { kind: 'service-error', detail: 'HTTP 500' },
  ];
  const uncertain: Outcome[] = [{ kind: 'no-answer' }, { kind: 'timed-out' }];

  it.each(certain)(
    'a certain failure ($kind) may say "not sent", and offers the ways out',
    (outcome) => {
      const view = viewOfOutcome(outcome, hasField);
      expect(view.status).toBe(contactStatus[outcome.kind as keyof typeof contactStatus]);
      expect(view.waysOut).toBe(true);
    },
  );

  it.each(uncertain)(
    'a request that left with no answer read ($kind) says "may not have been sent"',
    (outcome) => {
      const view = viewOfOutcome(outcome, hasField);
      expect(view.status).toContain('may not have been sent');
      expect(view.status).not.toMatch(/\bwas not sent\b|could not reach/);
      expect(view.waysOut).toBe(true);
    },
  );

  it('no two outcomes read alike', () => {
    const statuses = [...certain, ...uncertain].map(
      (outcome) => viewOfOutcome(outcome, hasField).status,
    );
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it('only a time-out and a lost answer leave the delivery unknown', () => {
    expect(uncertain.every(isUncertain)).toBe(true);
    expect(certain.some(isUncertain)).toBe(false);
  });
});

describe('the message length', () => {
  const max = MESSAGE_MAX_LENGTH;

  it('is within, then near in the last tenth, then over past the limit', () => {
    expect(lengthLevel(0)).toBe('within');
    expect(lengthLevel(max * 0.9 - 1)).toBe('within');
    expect(lengthLevel(max * 0.9)).toBe('near');
    expect(lengthLevel(max)).toBe('near');
    expect(lengthLevel(max + 1)).toBe('over');
  });

  it('counts on every change but announces only a change of level', () => {
    const quiet = messageLengthView(10, 'within');
    expect(quiet.count).toBe(messageLength.count(10, max));
    expect(quiet.announcement).toBeUndefined();
    expect(messageLengthView(max - 10, 'within').announcement).toBe(messageLength.near(10));
    expect(messageLengthView(max - 9, 'near').announcement).toBeUndefined();
    expect(messageLengthView(max + 5, 'near').announcement).toBe(messageLength.over(5, max));
    expect(messageLengthView(max + 6, 'over').announcement).toBeUndefined();
    expect(messageLengthView(10, 'over').announcement).toBe(messageLength.back);
  });

  it('refuses only an over-long text, counted in characters as the visitor sees them', () => {
    const coder = '👩🏽‍💻';
    expect(fieldProblemMessage('message', coder.repeat(max), true)).toBe('');
    expect(fieldProblemMessage('message', coder.repeat(max + 1), true)).toBe(
      messageLength.tooLong(max + 1, max),
    );
    expect(messageLength.tooLong(95_000, max)).toContain('95,000');
  });

  it('refuses a required field of only spaces, and an over-long short field, never an empty optional one', () => {
    expect(fieldProblemMessage('name', ' \t ', true)).toBe(fieldErrors.blank);
    expect(fieldProblemMessage('message', '\n \u200b\n', true)).toBe(fieldErrors.blank);
    expect(fieldProblemMessage('company', '  ', false)).toBe('');
    expect(fieldProblemMessage('name', '', true)).toBe('');
    const name = FIELD_LIMITS.name ?? 0;
    expect(fieldProblemMessage('name', 'a'.repeat(name), true)).toBe('');
    expect(fieldProblemMessage('name', 'a'.repeat(name + 100), true)).toBe(
      fieldErrors.tooLong(name + 100, name),
    );
  });
});

describe('the text for the clipboard and the e-mail', () => {
  const labels = new Map([
    ['name', 'Name'],
    ['message', 'Message'],
  ]);

  it('puts each kept, non-blank field under its label, multi-line values on their own lines', () => {
    const text = messageText(
      [
        ['name', 'Ada'],
        ['_gotcha', ''],
        ['consent', 'yes'],
        ['message', 'One\nTwo'],
        ['company', '  '],
      ],
      labels,
    );
    expect(text).toBe('Name: Ada\nMessage:\nOne\nTwo');
  });

  it('encodes subject and body into a mailto link', () => {
    const href = new URL(mailtoHref('inbox@example.org', 'Enquiry & more', 'A <b>\nB'));
    expect(href.protocol).toBe('mailto:');
    expect(href.pathname).toBe('inbox@example.org');
    expect(href.searchParams.get('subject')).toBe('Enquiry & more');
    expect(href.searchParams.get('body')).toBe('A <b>\nB');
  });
});

describe('an offered draft', () => {
  const labels = new Map([
    ['name', 'Name'],
    ['message', 'Message'],
  ]);

  it('shows each kept field under its label', () => {
    expect(offerPreview({ name: 'Ada', message: 'Hello' }, labels)).toBe(
      draftOffers.preview('Name: Ada\nMessage: Hello', false),
    );
  });

  it('shows only the start of a long one, cut between characters as the visitor sees them', () => {
    const preview = offerPreview({ message: '👩🏽‍💻'.repeat(OFFER_PREVIEW_LENGTH) }, labels);
    expect(preview).toBe(
      draftOffers.preview(`Message: ${'👩🏽‍💻'.repeat(OFFER_PREVIEW_LENGTH - 9)}`, true),
    );
  });
});
