/**
 * Progressive enhancement of the contact form (markup: src/components/contact/ContactForm.astro).
 * Without this module the form is a plain POST to the service; with it, the send happens in
 * place, each outcome is told in one live region, and the visitor's text is never lost. What to say
 * for each outcome is decided in src/lib/contact/view-model.ts; this module only writes it into the page.
 *
 * Markup contract, all under `[data-contact]`:
 * - `form[data-provider]`: action is the endpoint; `data-provider` names an adapter.
 * - `[data-draft="Label"]` on each control kept in the draft and in the copied text (not checkboxes).
 * - `[data-error-for="name"]`: the error slot that the field's aria-describedby points to.
 * - `[data-length-for="name"]` and `[data-length-announcer]`: the message field's count and its polite live region.
 * - `[data-submit]` in the form; the `[data-status]` live region and the `[data-sent]` panel outside it,
 *   since the form is hidden once sent.
 * - `[data-ways-out]` with `[data-retry]`, `[data-copy]` and, when an address is configured, `a[data-mailto="address"]`.
 */
import { contactStatus } from '../../content/interface/contact.ts';
import { adapters, isContactProvider } from '../../lib/contact/adapters.ts';
import {
  clearDraft,
  loadDraft,
  saveDraft,
  saveDraftAsSending,
  type DraftFields,
} from '../../lib/contact/draft.ts';
import type { FieldError } from '../../lib/contact/outcome.ts';
import { sendSubmission } from '../../lib/contact/submit.ts';
import {
  mailtoHref,
  messageText,
  restoredStatus,
  viewOfOutcome,
} from '../../lib/contact/view-model.ts';
import { countLength } from './length-counter.ts';
import { browserStorage } from './storage.ts';

type ValueControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isValueControl = (element: unknown): element is ValueControl =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement;

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
    [...new FormData(form)].filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
  const draftFields = (): DraftFields =>
    Object.fromEntries(textEntries().filter(([name]) => draftLabels.has(name)));
  const controlsNamed = (name: string) =>
    form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  const errorSlot = (name: string) =>
    root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
  const hasField = (name: string) => controlsNamed(name).length > 0 && errorSlot(name) !== null;

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

  /** Shows each error on its field and focuses the first field in page order. */
  const showFieldErrors = (errors: FieldError[]) => {
    for (const { field, message } of errors) setFieldError(field, message);
    const invalid = [...form.elements].find(
      (control) => control.getAttribute('aria-invalid') === 'true',
    );
    if (invalid instanceof HTMLElement) invalid.focus();
  };

  const refreshMailto = () => {
    const address = mailto?.dataset.mailto;
    if (!mailto || !address) return;
    const subject = form.elements.namedItem(adapter.fields.subject);
    const subjectText = subject instanceof HTMLInputElement ? subject.value : '';
    mailto.href = mailtoHref(address, subjectText, messageText(textEntries(), draftLabels));
  };

  const message = form.querySelector<HTMLTextAreaElement>('textarea[name]');
  const lengthCount =
    message && root.querySelector<HTMLElement>(`[data-length-for="${CSS.escape(message.name)}"]`);
  const lengthAnnouncer = root.querySelector<HTMLElement>('[data-length-announcer]');
  const recount =
    message && lengthCount && lengthAnnouncer
      ? countLength(message, lengthCount, lengthAnnouncer)
      : () => {};

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
      announce(contactStatus.invalid);
      return;
    }
    const entries = textEntries();
    sending = true;
    form.setAttribute('aria-busy', 'true');
    submit.setAttribute('aria-disabled', 'true');
    waysOut.hidden = true;
    announce(contactStatus.sending);
    // Should the page go away before the answer, the next visit knows this draft may have arrived.
    saveDraftAsSending(storage, draftFields());
    const outcome = await sendSubmission(form.action, entries, adapter, {
      isOnline: () => navigator.onLine,
    });
    sending = false;
    form.removeAttribute('aria-busy');
    submit.removeAttribute('aria-disabled');
    const view = viewOfOutcome(outcome, hasField);
    announce(view.status);
    if (view.sent) {
      clearDraft(storage);
      form.reset();
      form.hidden = true;
      sent.hidden = false;
      sent.focus();
      return;
    }
    saveDraft(storage, draftFields());
    showFieldErrors(view.fieldErrors);
    if (view.waysOut) {
      refreshMailto();
      waysOut.hidden = false;
    }
  });

  form.addEventListener('input', (event) => {
    const name = event.target instanceof HTMLElement ? event.target.getAttribute('name') : null;
    if (name && errorSlot(name)?.textContent) setFieldError(name, '');
    if (!sending) saveDraft(storage, draftFields());
    if (!waysOut.hidden) refreshMailto();
  });

  root.querySelector('[data-retry]')?.addEventListener('click', () => form.requestSubmit());

  root.querySelector('[data-copy]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(messageText(textEntries(), draftLabels));
      announce(contactStatus.copied);
    } catch {
      message?.focus();
      message?.select();
      announce(contactStatus.copyBlocked);
    }
  });

  const restored = loadDraft(storage);
  if (restored) {
    for (const [name, value] of Object.entries(restored.fields)) {
      const control = draftLabels.has(name) ? form.elements.namedItem(name) : null;
      // The page works before this module loads: what the visitor wrote meanwhile, or what the
      // browser restored, is newer than the draft. A radio group comes back as a RadioNodeList,
      // whose value is the checked radio's and whose setter checks the matching one.
      if ((control instanceof RadioNodeList || isValueControl(control)) && control.value === '')
        control.value = value;
    }
    recount();
    announce(restoredStatus(restored.wasSending));
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-contact]')) enhance(root);
