/**
 * The contact page as the form's tests use it: the visitor, the fields by their labels, the inbox's
 * stored submissions and the drafts kept in the browser.
 */
import { expect, test, type Page } from '@playwright/test';
import type { StoredSubmission } from '../../../scripts/form-inbox.ts';
import { site } from '../../../src/config.ts';
import { contactForm } from '../../../src/content/interface/contact.ts';
import { DRAFT_KEY_PREFIX } from '../../../src/lib/contact/draft-record.ts';

export const contactPath = '/contact/';
export const visitor = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  company: 'Analytical Engines',
  intent: 'pilot',
};

export function uniqueMessage(): string {
  return `Token ${test.info().testId}-${Date.now()}: our scheduler loses jobs after a failover.`;
}

/** The build under test and this test run read the same environment, hence the same endpoint. */
export const { endpoint } = site.contact;

export async function submissionsWith(page: Page, token: string): Promise<StoredSubmission[]> {
  const all = (await (
    await page.request.get(new URL('/__inbox', endpoint).href)
  ).json()) as StoredSubmission[];
  return all.filter((submission) => submission.fields.message?.includes(token));
}

export const contact = (page: Page) => page.locator('[data-contact]');
export const send = (page: Page) => page.getByRole('button', { name: contactForm.send });
export const status = (page: Page) => page.getByRole('status');
export const sentPanel = (page: Page) => page.locator('[data-sent]');
/** Every draft kept in the browser, as stored text: '' when there is none. */
export const storedDrafts = (page: Page) =>
  page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix))
        .map((key) => localStorage.getItem(key))
        .join('\n'),
    DRAFT_KEY_PREFIX,
  );

const pilot = contactForm.intents.find(({ value }) => value === visitor.intent)?.label ?? '';
export const field = {
  name: (page: Page) => contact(page).getByLabel(contactForm.name, { exact: true }),
  email: (page: Page) => contact(page).getByLabel(contactForm.email),
  company: (page: Page) => contact(page).getByLabel(contactForm.company),
  intent: (page: Page) => contact(page).getByRole('radio', { name: pilot }),
  message: (page: Page) => contact(page).getByLabel(contactForm.message),
  consent: (page: Page) => contact(page).getByLabel(contactForm.consent),
};

export async function fillForm(page: Page, message: string, email = visitor.email): Promise<void> {
  await field.name(page).fill(visitor.name);
  await field.email(page).fill(email);
  await field.company(page).fill(visitor.company);
  await field.intent(page).check();
  await field.message(page).fill(message);
  await field.consent(page).check();
}

export async function expectFormKeeps(page: Page, message: string): Promise<void> {
  await expect(field.name(page)).toHaveValue(visitor.name);
  await expect(field.email(page)).toHaveValue(visitor.email);
  await expect(field.company(page)).toHaveValue(visitor.company);
  await expect(field.intent(page)).toBeChecked();
  await expect(field.message(page)).toHaveValue(message);
  await expect(field.consent(page)).toBeChecked();
}
