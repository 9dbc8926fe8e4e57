/**
 * Progressive enhancement of the contact form (markup: src/components/contact/ContactForm.astro).
 * Without this module the form is a plain POST to the service; with it, the send happens in
 * place, each outcome is told in one live region, and the visitor's text is never lost. What to say
 * for each outcome is decided in src/lib/contact/view-model.ts, which kept drafts to restore or offer
 * in src/lib/contact/restore.ts; this module only carries it out in the page.
 *
 * Markup contract, all under `[data-contact]`:
 * - `form[data-provider]`: action is the endpoint; `data-provider` names an adapter.
 * - `[data-draft="Label"]` on each control kept in the draft and in the copied text (not checkboxes).
 * - `[data-error-for="name"]`: the error slot that the field's aria-describedby points to.
 * - `[data-length-for="name"]` and `[data-length-announcer]`: the message field's count and its polite live region.
 * - `[data-submit]` in the form; the `[data-status]` live region and the `[data-sent]` panel outside it,
 *   since the form is hidden once sent.
 * - `[data-ways-out]` with `[data-retry]`, `[data-copy]` and, when an address is configured, `a[data-mailto="address"]`.
 * - `[data-confirm]` with `[data-confirm-send]` and `[data-confirm-cancel]`: the question before sending
 *   again a text that may already have arrived.
 * - `[data-offers]` with `[data-offer-list]`, and `template[data-offer-template]` for one offered draft
 *   (`[data-offer-origin]`, `[data-offer-warning]`, `[data-offer-preview]`, `[data-offer-use]`, `[data-offer-discard]`).
 */
import { contactStatus, draftOffers } from '../../content/interface/contact.ts';
import { adapters, isContactProvider } from '../../lib/contact/adapters.ts';
import {
  DRAFT_KEY_PREFIX,
  mayHaveArrivedText,
  removeDraft,
  sameText,
  type Draft,
  type DraftFields,
} from '../../lib/contact/draft-record.ts';
import {
  draftHasText,
  mayHaveBeenSent,
  newId,
  readDrafts,
  writeDraft,
} from '../../lib/contact/draft.ts';
import type { FieldError } from '../../lib/contact/outcome.ts';
import { offersOf, planRestore, type DraftContext, type Offer } from '../../lib/contact/restore.ts';
import { sendSubmission } from '../../lib/contact/submit.ts';
import {
  fieldProblemMessage,
  isUncertain,
  mailtoHref,
  messageText,
  offerPreview,
  viewOfOutcome,
} from '../../lib/contact/view-model.ts';
import { isBlank } from '../../lib/contact/limits.ts';
import { countLength } from './length-counter.ts';
import { browserStorage } from './storage.ts';
import { claimTab, type Tab } from './tab.ts';

type ValueControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isValueControl = (element: unknown): element is ValueControl =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement;

const isTextControl = (element: unknown): element is HTMLInputElement | HTMLTextAreaElement =>
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement && ['text', 'email'].includes(element.type));

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

async function enhance(root: HTMLElement): Promise<void> {
  const form = root.querySelector('form');
  const submit = root.querySelector<HTMLButtonElement>('[data-submit]');
  const status = root.querySelector<HTMLElement>('[data-status]');
  const sent = root.querySelector<HTMLElement>('[data-sent]');
  const waysOut = root.querySelector<HTMLElement>('[data-ways-out]');
  const confirm = root.querySelector<HTMLElement>('[data-confirm]');
  const offersPanel = root.querySelector<HTMLElement>('[data-offers]');
  const offerList = root.querySelector<HTMLElement>('[data-offer-list]');
  const offerTemplate = root.querySelector<HTMLTemplateElement>('template[data-offer-template]');
  const mailto = root.querySelector<HTMLAnchorElement>('a[data-mailto]');
  const provider = form?.dataset.provider ?? '';
  // Broken markup or an unknown provider: leave the native POST, which still works.
  if (
    !form ||
    !submit ||
    !status ||
    !sent ||
    !waysOut ||
    !confirm ||
    !offersPanel ||
    !offerList ||
    !offerTemplate ||
    !isContactProvider(provider)
  )
    return;
  const adapter = adapters[provider];
  const storage = browserStorage();
  const draftLabels = new Map(
    [...form.querySelectorAll<HTMLElement>('[data-draft]')].map((control) => [
      control.getAttribute('name') ?? '',
      control.dataset.draft ?? '',
    ]),
  );
  let sending = false;
  // Claimed once the page's state is read (below); until then nothing is written.
  let tab: Tab | undefined = undefined;
  /** The form's own draft: what it writes as the visitor types, under an id no other tab writes. */
  let current: Draft | undefined;
  const setAside = new Set<string>();

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

  /** Our checks beyond the browser's, as the control's validity: blank-only and over-long values. */
  const checkText = (control: HTMLInputElement | HTMLTextAreaElement): string => {
    const problem = fieldProblemMessage(control.name, control.value, control.required);
    control.setCustomValidity(problem);
    return problem;
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

  /** Writes the form's text as its own draft, keeping what is known about an earlier send of it. */
  const saveCurrent = (changes: Partial<Draft> = {}) => {
    if (!tab) return;
    const fields = draftFields();
    if (!current && !draftHasText(fields)) return;
    current = {
      id: current?.id ?? newId(),
      sending: false,
      mayHaveArrived: undefined,
      ...current,
      tab: tab.id,
      savedAt: Date.now(),
      fields,
      ...changes,
    };
    writeDraft(storage, current);
  };

  /** Puts a draft's words into the form: into every kept field, or only into the empty ones. */
  const fillForm = (fields: DraftFields, onlyEmpty: boolean) => {
    for (const name of draftLabels.keys()) {
      const control = form.elements.namedItem(name);
      const value = fields[name] ?? '';
      // The page works before this module loads: what the visitor wrote meanwhile, or what the
      // browser restored, is newer than the draft. A radio group comes back as a RadioNodeList,
      // whose value is the checked radio's and whose setter checks the matching one.
      if (control instanceof RadioNodeList) {
        if (onlyEmpty && control.value !== '') continue;
        for (const radio of control)
          if (radio instanceof HTMLInputElement) radio.checked = radio.value === value;
      } else if (isValueControl(control) && (!onlyEmpty || control.value === '')) {
        control.value = value;
      }
    }
    clearAllErrors();
    recount();
  };

  /** A draft taken into the form: a send of it that went unanswered stays known, as a question before the next. */
  const adopt = (draft: Draft, copy: boolean) => {
    current = {
      ...draft,
      id: copy ? newId() : draft.id,
      sending: false,
      mayHaveArrived: mayHaveArrivedText(draft),
    };
    setAside.delete(current.id);
  };

  const context = async (): Promise<DraftContext | undefined> =>
    tab && {
      drafts: readDrafts(storage),
      tab: tab.id,
      openTabs: await tab.openTabs(),
      setAside,
    };

  const offerItems = new Map<string, HTMLElement>();

  const useOffer = (offer: Offer) => {
    const hadText = draftHasText(draftFields());
    if (hadText) {
      saveCurrent();
      if (current) setAside.add(current.id);
    }
    // Another tab's draft is that tab's to write: this form continues a copy.
    adopt(offer.draft, offer.origin === 'other-tab' || offer.origin === 'elsewhere');
    fillForm(offer.draft.fields, false);
    saveCurrent();
    announce(hadText ? contactStatus.offerUsedSetAside : contactStatus.offerUsed);
    void renderOffers();
    message?.focus();
  };

  const discardOffer = (offer: Offer) => {
    removeDraft(storage, offer.draft.id);
    setAside.delete(offer.draft.id);
    announce(contactStatus.offerDiscarded);
    void renderOffers();
    message?.focus();
  };

  const offerItem = (offer: Offer): HTMLElement => {
    const { id } = offer.draft;
    let item = offerItems.get(id);
    if (!item) {
      const made = offerTemplate.content.firstElementChild?.cloneNode(true);
      if (!(made instanceof HTMLElement)) throw new Error('The offer template has no element');
      item = made;
      offerItems.set(id, item);
      const origin = item.querySelector('[data-offer-origin]');
      if (origin) origin.id = `contact-offer-${id}`;
      for (const button of item.querySelectorAll('button'))
        button.setAttribute('aria-describedby', `contact-offer-${id}`);
    }
    const shown = item;
    const part = (name: string) => shown.querySelector<HTMLElement>(`[data-offer-${name}]`);
    const origin = part('origin');
    const warning = part('warning');
    const preview = part('preview');
    const use = part('use');
    const discard = part('discard');
    if (origin)
      origin.textContent = draftOffers.origin[offer.origin](when.format(offer.draft.savedAt));
    if (warning) warning.hidden = !mayHaveBeenSent(offer.draft);
    if (preview) preview.textContent = offerPreview(offer.draft.fields, draftLabels);
    if (use) {
      use.textContent = offer.origin === 'other-tab' ? draftOffers.copy : draftOffers.use;
      use.onclick = () => useOffer(offer);
    }
    if (discard) {
      discard.hidden = offer.origin === 'other-tab';
      discard.onclick = () => discardOffer(offer);
    }
    return shown;
  };

  /** Lists every kept draft that is not the form's own; items are kept, so focus stays where it was. */
  const renderOffers = async (offers?: Offer[]) => {
    const found = offers ? undefined : await context();
    const listed = offers ?? (found ? offersOf(found, current?.id) : []);
    const items = listed.map(offerItem);
    for (const [id, item] of offerItems) {
      if (items.includes(item)) continue;
      item.remove();
      offerItems.delete(id);
    }
    offerList.append(...items);
    offersPanel.hidden = items.length === 0;
  };

  form.noValidate = true;

  const attempt = async (confirmed: boolean) => {
    if (sending) return;
    confirm.hidden = true;
    clearAllErrors();
    for (const control of form.elements) if (isTextControl(control)) checkText(control);
    const browserErrors = [...form.elements]
      .filter(isValueControl)
      .filter((control) => control.willValidate && !control.validity.valid)
      .map((control) => ({ field: control.name, message: control.validationMessage }));
    if (browserErrors.length > 0) {
      showFieldErrors(browserErrors);
      announce(contactStatus.invalid);
      return;
    }
    const fields = draftFields();
    const arrived = current && mayHaveArrivedText(current);
    if (!confirmed && arrived && sameText(arrived, fields)) {
      waysOut.hidden = true;
      confirm.hidden = false;
      announce(contactStatus.confirmResend);
      confirm.querySelector<HTMLElement>('[data-confirm-send]')?.focus();
      return;
    }
    const entries = textEntries();
    sending = true;
    form.setAttribute('aria-busy', 'true');
    submit.setAttribute('aria-disabled', 'true');
    waysOut.hidden = true;
    announce(contactStatus.sending);
    // Should the page go away before the answer, the next visit knows this draft may have arrived.
    saveCurrent({ sending: true });
    const outcome = await sendSubmission(form.action, entries, adapter, {
      isOnline: () => navigator.onLine,
    });
    sending = false;
    form.removeAttribute('aria-busy');
    submit.removeAttribute('aria-disabled');
    const view = viewOfOutcome(outcome, hasField);
    announce(view.status);
    if (view.sent) {
      if (current) removeDraft(storage, current.id);
      current = undefined;
      form.reset();
      form.hidden = true;
      offersPanel.hidden = true;
      sent.hidden = false;
      sent.focus();
      return;
    }
    saveCurrent({
      sending: false,
      ...(isUncertain(outcome) && { mayHaveArrived: fields }),
    });
    showFieldErrors(view.fieldErrors);
    if (view.waysOut) {
      refreshMailto();
      waysOut.hidden = false;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(false);
  });

  form.addEventListener('input', (event) => {
    const control = event.target;
    const name = control instanceof HTMLElement ? control.getAttribute('name') : null;
    if (name && isTextControl(control)) {
      const problem = checkText(control);
      // An over-long name or company is said at once, as it is pasted: nothing is ever cut. Only
      // spaces so far is said when the visitor sends, not while they may still be typing.
      if (problem && name !== 'message' && !isBlank(control.value)) {
        setFieldError(name, problem);
        if (lengthAnnouncer) lengthAnnouncer.textContent = problem;
      } else if (errorSlot(name)?.textContent) setFieldError(name, '');
    } else if (name && errorSlot(name)?.textContent) setFieldError(name, '');
    if (!sending) saveCurrent();
    if (!waysOut.hidden) refreshMailto();
  });

  root.querySelector('[data-retry]')?.addEventListener('click', () => void attempt(true));
  confirm.querySelector('[data-confirm-send]')?.addEventListener('click', () => void attempt(true));
  confirm.querySelector('[data-confirm-cancel]')?.addEventListener('click', () => {
    confirm.hidden = true;
    announce(contactStatus.resendCancelled);
    submit.focus();
  });

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

  // What the visitor typed before this module arrived is read before anything else can change it.
  const typed = draftFields();
  tab = await claimTab();
  const found = await context();
  if (!found) return;
  const plan = planRestore(found, typed);
  if (plan.fill) {
    adopt(plan.fill, false);
    fillForm(plan.fill.fields, true);
  }
  // Words typed meanwhile become this tab's draft; a filled draft is written back as this tab's.
  saveCurrent();
  await renderOffers(plan.offers);
  if (plan.status) announce(plan.status);
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(DRAFT_KEY_PREFIX)) void renderOffers();
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-contact]')) void enhance(root);
