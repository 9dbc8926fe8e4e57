/**
 * Every word of the contact form's interface: the markup (src/components/contact/), the browser
 * module (src/client/contact/), the outcome messages (src/lib/contact/) and the service adapters
 * read them from here. Copy of pages (thanks, privacy) stays in src/content/pages/.
 */

const number = (value: number) => value.toLocaleString('en');
const kept = 'Your text is still in the form.';
const maybeTwice = 'Sending it again may deliver it twice.';

export const contactForm = {
  title: 'Contact form',
  requiredNote: 'Every field is required unless marked optional.',
  optional: '(optional)',
  name: 'Name',
  email: 'Work e-mail',
  company: 'Company',
  intentLegend: 'What would you like to talk about?',
  /** Names the chosen topic in the saved draft and in the copied or e-mailed text. */
  intentInDraft: 'Interested in',
  intents: [
    { value: 'workshop', label: 'A workshop' },
    { value: 'pilot', label: 'A pilot' },
    { value: 'training', label: 'Training' },
    { value: 'other', label: 'Something else' },
  ],
  message: 'Your system and the problem',
  messageHint:
    'A few sentences are enough: what the system does, and what you want to find or prevent.',
  messageLimit: (max: number) => `At most ${number(max)} characters.`,
  consent: 'I agree to be contacted at this e-mail address about my enquiry.',
  honeypot: 'Leave this field empty',
  send: 'Send message',
  privacyLink: 'Privacy: where your message goes and what this site keeps',
  /** Said without JavaScript, where nothing stops a second press while the service answers. */
  secondPress:
    'Press Send once: the answer can take a moment, and a second press may send your message twice.',
  retry: 'Try again',
  copy: 'Copy message',
  mailto: 'Send it by e-mail instead',
  subject: (host: string) => `Enquiry from ${host}`,
  confirmResend: 'Send it again',
  cancelResend: 'Do not send',
} as const;

/** The unsent messages kept in this browser that are not the form's own text, offered as choices. */
export const draftOffers = {
  heading: 'Unsent messages kept in this browser',
  /** `when` is the time it was last changed, already formatted. */
  origin: {
    earlier: (when: string) => `From an earlier visit, last changed ${when}`,
    'set-aside': (when: string) => `Set aside in this tab, last changed ${when}`,
    'other-tab': (when: string) => `Being written in another tab, last changed ${when}`,
    elsewhere: (when: string) => `From an earlier visit or another tab, last changed ${when}`,
  },
  mayHaveArrived:
    'It may already have been sent: its send was not answered. You will be asked before it is sent again.',
  use: 'Use this message',
  copy: 'Continue it here',
  discard: 'Discard it',
  /** The offer shows the message's start; the form gets the whole of it. */
  preview: (start: string, cut: boolean) => (cut ? `${start}…` : start),
} as const;

/** Field errors the form finds itself, beyond the browser's own (empty, e-mail shape). */
export const fieldErrors = {
  blank: 'Write something here: spaces alone do not count.',
  tooLong: (length: number, max: number) =>
    `This has ${number(length)} characters, more than the ${number(max)} the form takes. Shorten it: nothing was cut.`,
} as const;

/** The message field's live count: shown on every change, announced only when it matters. */
export const messageLength = {
  count: (length: number, max: number) => `${number(length)} / ${number(max)}`,
  near: (left: number) => `${number(left)} characters left.`,
  over: (over: number, max: number) =>
    `${number(over)} characters over the limit of ${number(max)}.`,
  back: 'Your message is within the limit again.',
  tooLong: (length: number, max: number) =>
    `Your message has ${number(length)} characters, more than the ${number(max)} the form takes. Shorten it, or send the rest in a second message: nothing was cut.`,
} as const;

/** The live region's sentences, one for each state of the form that the visitor must hear about. */
export const contactStatus = {
  sending: 'Sending your message…',
  restored: 'Your unsent message from an earlier visit was restored.',
  restoredMayHaveArrived: `Your message from an earlier visit is back in the form. It may already have been sent: its send was not answered before you left. ${maybeTwice} You will be asked before it is sent again.`,
  /** Words typed before the script arrived and a kept draft differ: neither replaces the other. */
  keptBoth:
    'You started a new message before the page had finished loading, so your unsent message from earlier was not put in the form. Both are kept: the earlier one is listed below the form.',
  offeredFromTab:
    'A message written in another tab is not sent yet. It is listed below the form, if you want to continue it here.',
  offered: 'Another unsent message is kept in this browser. It is listed below the form.',
  offerUsed: 'The chosen message is in the form now.',
  offerUsedSetAside:
    'The chosen message is in the form now. What you had written is kept below the form.',
  offerDiscarded: 'The unsent message was discarded.',
  confirmResend: `This message may already have been sent. ${maybeTwice} Send it again anyway?`,
  resendCancelled: `Not sent. ${kept}`,
  invalid: 'Your message was not sent: please check the marked fields.',
  'rate-limited': `The form service is receiving too many messages right now, so yours was not sent. Please wait a minute and try again. ${kept}`,
  'service-error': `The form service could not take your message, so it was not sent. ${kept}`,
  offline: `Your browser is offline, so your message was not sent. Please check your connection and try again. ${kept}`,
  'no-answer': `The connection to the form service broke before its answer could be read, so your message may not have been sent. ${maybeTwice} ${kept}`,
  'timed-out': `The form service did not answer in time, so your message may not have been sent. ${maybeTwice} ${kept}`,
  copied: 'Your message is copied: paste it into an e-mail or keep it for later.',
  copyBlocked: 'Copying is blocked in this browser: the message text is selected for you to copy.',
} as const;

/** What a service's refusal of one field says to the visitor. */
export const serviceFieldErrors = {
  emailIncomplete: 'Enter a complete e-mail address, with an @ and a domain.',
  required: 'This field is required.',
  refused: 'The form service did not accept this value.',
} as const;
