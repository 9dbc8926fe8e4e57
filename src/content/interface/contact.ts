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
  retry: 'Try again',
  copy: 'Copy message',
  mailto: 'Send it by e-mail instead',
  subject: (host: string) => `Enquiry from ${host}`,
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
  restoredInFlight: `Your message from an earlier visit was restored. A send was in progress when you left; it may have arrived. ${maybeTwice}`,
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
