/**
 * The privacy page says what the code does; these tests hold the code and the page to each other:
 * the facts on the page come from the configuration, and what it promises (no cookies, nothing loaded
 * from elsewhere, only the draft and the colour scheme kept in the browser) is what a visit does.
 */
import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/config.ts';
import { contactForm } from '../../src/content/interface/contact.ts';
import { TAB_KEY } from '../../src/client/contact/tab-id.ts';
import { DRAFT_KEY_PREFIX } from '../../src/lib/contact/draft-record.ts';
import { privacyFacts } from '../../src/lib/contact/privacy.ts';
import {
  THEME_STORAGE_KEY,
  THEME_TOGGLE_ID,
  WEB_FONT_STORAGE_KEY,
} from '../../src/scripts/names.ts';
import { DOCUMENTATION_ADDRESS, withContactEmailBuild } from './support/contact-email-build.ts';
import { builtRoutes, visit } from './support/site.ts';

const privacyPath = site.privacy.href;
const facts = privacyFacts(site);
const main = (page: Page) => page.locator('main');

test('/privacy/ names the configured form service and links its privacy policy', async ({
  page,
}) => {
  await page.goto(privacyPath);
  await expect(main(page)).toContainText(site.contact.service.name);
  const policy = main(page).locator(`a[href="${site.contact.service.privacyPolicy}"]`);
  await expect(policy).toHaveCount(1);
  await expect(policy).toBeVisible();
});

test('/privacy/ lists the fields the form has and the draft lifetime the draft code keeps', async ({
  page,
}) => {
  await page.goto(privacyPath);
  for (const label of facts.sentFields)
    await expect(main(page).getByRole('listitem').filter({ hasText: label })).toHaveCount(1);
  await expect(main(page)).toContainText(`${facts.draftDays} days`);

  await page.goto(site.cta.href);
  for (const label of [
    contactForm.name,
    contactForm.email,
    contactForm.company,
    contactForm.message,
  ]) {
    await expect(page.locator('[data-contact] label').filter({ hasText: label })).not.toHaveCount(
      0,
    );
  }
  await expect(page.locator('[data-contact] legend')).toHaveText(contactForm.intentLegend);
});

test('/privacy/ asks for deletion through the contact route, and by e-mail only when one is configured', async ({
  page,
}) => {
  await page.goto(privacyPath);
  await expect(main(page).locator(`a[href="${site.cta.href}"]`)).toHaveCount(1);
  await expect(main(page).locator('a[href^="mailto:"]')).toHaveCount(site.contact.email ? 1 : 0);
});

test.describe('with a contact address configured', () => {
  test.describe.configure({ timeout: 180_000 });

  test('/privacy/ offers deletion by e-mail to that address', async ({ page }) => {
    await withContactEmailBuild(async (origin) => {
      await page.goto(`${origin}${privacyPath}`);
      await expect(main(page).locator(`a[href="mailto:${DOCUMENTATION_ADDRESS}"]`)).toHaveText(
        DOCUMENTATION_ADDRESS,
      );
    });
  });
});

test('the form links the privacy page under its send button, and every page links it in the footer', async ({
  page,
}) => {
  await page.goto('/contact/');
  const fromForm = page
    .locator('[data-contact] form')
    .getByRole('link', { name: contactForm.privacyLink });
  await expect(fromForm).toHaveAttribute('href', privacyPath);
  for (const path of builtRoutes()) {
    await page.goto(path);
    const footer = page
      .getByRole('contentinfo')
      .getByRole('link', { name: site.privacy.label, exact: true });
    await expect(footer, path).toHaveAttribute('href', privacyPath);
  }
});

test('no page sets a cookie or asks another origin for anything as it loads', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin)
      elsewhere.push(`${page.url()} -> ${request.url()}`);
  });
  for (const path of builtRoutes()) {
    await visit(page, path);
  }
  expect(elsewhere).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test("the browser keeps only the draft, the colour scheme, the font flag and the tab's id, and no cookie, while the form is used", async ({
  page,
  context,
}) => {
  await visit(page, '/contact/');
  await page
    .locator('[data-contact]')
    .getByLabel(contactForm.message)
    .fill('A draft that stays on this device.');
  await page.locator(`#${THEME_TOGGLE_ID}`).click();
  // The font flag is written after the first paint, once the web font has been fetched for later pages.
  await expect
    .poll(() =>
      page.evaluate(
        (prefix) =>
          Object.keys(localStorage)
            .map((key) => (key.startsWith(prefix) ? prefix : key))
            .sort(),
        DRAFT_KEY_PREFIX,
      ),
    )
    .toEqual([DRAFT_KEY_PREFIX, THEME_STORAGE_KEY, WEB_FONT_STORAGE_KEY].sort());
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([TAB_KEY]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await context.cookies()).toEqual([]);
});
