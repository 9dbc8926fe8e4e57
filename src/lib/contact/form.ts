/**
 * Progressive enhancement of the contact form (markup: src/components/contact/ContactForm.astro).
 * Without this module the form is a plain POST to the service; with it, the send happens in
 * place, each outcome is told in one live region, and the visitor's text is never lost.
 *
 * Markup contract, all under `[data-contact]`:
 * - `form[data-provider]`: action is the endpoint; `data-provider` names an adapter.
 * - `[data-draft="Label"]` on each control kept in the draft and in the copied text (not checkboxes).
 * - `[data-error-for="name"]`: the error slot that the field's aria-describedby points to.
 * - `[data-submit]` in the form; the `[data-status]` live region and the `[data-sent]` panel outside it,
 *   since the form is hidden once sent.
 * - `[data-ways-out]` with `[data-retry]`, `[data-copy]` and, when an address is configured, `a[data-mailto="address"]`.
 */
import { adapters, isContactProvider } from './adapters.ts';
import { browserStorage, clearDraft, loadDraft, saveDraft, type DraftFields } from './draft.ts';
import type { FieldError, OutcomeKind } from './outcome.ts';
import { sendSubmission } from './submit.ts';

type ValueControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isValueControl = (element: unknown): element is ValueControl =>
  element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;

const kept = 'Your text is still in the form.';
const statusCopy: Record<Exclude<OutcomeKind, 'sent'> | 'sending' | 'restored', string> = {
  sending: 'Sending your message…',
  restored: 'Your unsent message from an earlier visit was restored.',
  invalid: 'Your message was not sent: please check the marked fields.',
  'rate-limited': `The form service is receiving too many messages right now, so yours was not sent. Please wait a minute and try again. ${kept}`,
  'service-error': `The form service could not take your message, so it was not sent. ${kept}`,
  'network-error': `Your message could not reach the form service: please check your connection. ${kept}`,
  'timed-out': `The form service did not answer in time, so your message may not have been sent. Sending it again may deliver it twice. ${kept}`,
};

function enhance(root: HTMLElement): void {
  const form = root.querySelector('form');
  const submit = root.querySelector<HTMLButtonElement>('[data-submit]');
  const status = root.querySelector<HTMLElement>('[data-status]');
  const sent = root.querySelector<HTMLElement>('[data-sent]');
  const waysOut = root.querySelector<HTMLElement>('[data-ways-out]');
  const mailto = root.querySelector<HTMLAnchorElement>('a[data-mailto]');
  const provider = form?.dataset.provider ?? '';
  // Broken markup or an unknown provider: leave the native POST, which still works.
  if (!form || !submit || !status || !sent || !waysOut || !isContactProvider(provider)) return;
  const adapter = adapters[provider];
  const storage = browserStorage();
  const draftLabels = new Map(
    [...form.querySelectorAll<HTMLElement>('[data-draft]')].map((control) => [
      control.getAttribute('name') ?? '',
      control.dataset.draft ?? '',
    ]),
  );
  let sending = false;

  const textEntries = () =>
    [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const draftFields = (): DraftFields => Object.fromEntries(textEntries().filter(([name]) => draftLabels.has(name)));
  const controlsNamed = (name: string) => form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  const errorSlot = (name: string) => root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);

  const announce = (text: string) => {
    status.textContent = text;
  };

  const setFieldError = (name: string, message: string) => {
    const slot = errorSlot(name);
    if (slot) slot.textContent = message;
    for (const control of controlsNamed(name)) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  };

  const clearAllErrors = () => {
    for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]'))
      setFieldError(slot.dataset.errorFor ?? '', '');
  };

  /** Shows each error on its field and focuses the first field in page order. Returns false if none matched. */
  const showFieldErrors = (errors: FieldError[]): boolean => {
    const shown = errors.filter(({ field }) => controlsNamed(field).length > 0 && errorSlot(field));
    for (const { field, message } of shown) setFieldError(field, message);
    const invalid = [...form.elements].find((control) => control.getAttribute('aria-invalid') === 'true');
    if (invalid instanceof HTMLElement) invalid.focus();
    return shown.length > 0;
  };

  const messageText = () =>
    textEntries()
      .filter(([name, value]) => draftLabels.has(name) && value.trim())
      .map(([name, value]) => `${draftLabels.get(name)}:${value.includes('\n') ? '\n' : ' '}${value}`)
      .join('\n');

  const refreshMailto = () => {
    const address = mailto?.dataset.mailto;
    if (!mailto || !address) return;
    const subject = form.elements.namedItem(adapter.fields.subject);
    const subjectText = subject instanceof HTMLInputElement ? subject.value : '';
    mailto.href = `mailto:${address}?subject=${encodeURIComponent(subjectText)}&body=${encodeURIComponent(messageText())}`;
  };

  form.noValidate = true;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    clearAllErrors();
    const browserErrors = [...form.elements]
      .filter(isValueControl)
      .filter((control) => control.willValidate && !control.validity.valid)
      .map((control) => ({ field: control.name, message: control.validationMessage }));
    if (browserErrors.length > 0) {
      showFieldErrors(browserErrors);
      announce(statusCopy.invalid);
      return;
    }
    const entries = textEntries();
    sending = true;
    form.setAttribute('aria-busy', 'true');
    submit.setAttribute('aria-disabled', 'true');
    waysOut.hidden = true;
    announce(statusCopy.sending);
    const outcome = await sendSubmission(form.action, entries, adapter);
    sending = false;
    form.removeAttribute('aria-busy');
    submit.removeAttribute('aria-disabled');
    if (outcome.kind === 'sent') {
      clearDraft(storage);
      form.reset();
      form.hidden = true;
      sent.hidden = false;
      sent.focus();
      announce('');
    } else if (outcome.kind === 'invalid' && showFieldErrors(outcome.fieldErrors)) {
      announce(statusCopy.invalid);
    } else {
      // Field errors for fields this form does not have are the service's problem, not the visitor's.
      announce(statusCopy[outcome.kind === 'invalid' ? 'service-error' : outcome.kind]);
      refreshMailto();
      waysOut.hidden = false;
    }
  });

  form.addEventListener('input', (event) => {
    const name = event.target instanceof HTMLElement ? event.target.getAttribute('name') : null;
    if (name && errorSlot(name)?.textContent) setFieldError(name, '');
    saveDraft(storage, draftFields());
    if (!waysOut.hidden) refreshMailto();
  });

  root.querySelector('[data-retry]')?.addEventListener('click', () => form.requestSubmit());

  root.querySelector('[data-copy]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(messageText());
      announce('Your message is copied: paste it into an e-mail or keep it for later.');
    } catch {
      const message = form.querySelector('textarea');
      message?.focus();
      message?.select();
      announce('Copying is blocked in this browser: the message text is selected for you to copy.');
    }
  });

  const restored = loadDraft(storage);
  if (restored) {
    for (const [name, value] of Object.entries(restored)) {
      const control = draftLabels.has(name) ? form.elements.namedItem(name) : null;
      // A radio group comes back as a RadioNodeList, whose value setter checks the matching radio.
      if (control instanceof RadioNodeList || isValueControl(control)) control.value = value;
    }
    announce(statusCopy.restored);
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-contact]')) enhance(root);
