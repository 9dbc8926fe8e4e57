/**
 * The contact form's kept drafts across early typing, reloads, later visits and tabs, on a slow link
 * (400 ms round trip, 400 kbit/s, through the browser's own throttling), where the form's script runs
 * well after the page can be typed in. Tabs are pages of one browser context: one storage, as in a
 * visitor's browser.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { contactForm, contactStatus, draftOffers } from '../../src/content/interface/contact.ts';
import { PAGE_SCRIPT_ATTRIBUTE, PAGE_SCRIPT_RAN_ATTRIBUTE } from '../../src/scripts/names.ts';
import {
  contactPath,
  endpoint,
  field,
  fillForm,
  send,
  sentPanel,
  status,
  storedDrafts,
  submissionsWith,
  uniqueMessage,
  visitor,
} from './support/contact-page.ts';
import { pageScriptsRan, visit } from './support/site.ts';
import { phrase } from './support/words.ts';

/**
 * The link of a slow phone, set in the browser itself, so it holds for every request of the page; with
 * nothing cached, as after the browser evicted the site, so each visit waits for its script again.
 */
async function slowLink(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 400_000 / 8,
    uploadThroughput: 400_000 / 8,
  });
}

/** A tab of the visitor's browser, on the slow link, with the contact page open and its script run. */
async function openTab(context: BrowserContext, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  await slowLink(context, tab);
  await visit(tab, contactPath);
  return tab;
}

const offers = (page: Page) => page.locator('[data-offers] li');
const offerOf = (page: Page, text: string) => offers(page).filter({ hasText: text });
const confirmSend = (page: Page) => page.getByRole('button', { name: contactForm.confirmResend });

const scriptsPending = (page: Page) =>
  page
    .locator(`script[${PAGE_SCRIPT_ATTRIBUTE}]:not([${PAGE_SCRIPT_RAN_ATTRIBUTE}])`)
    .count()
    .then((count) => count > 0);

/** Sends the message; the service receives it, and the connection breaks before its answer is read. */
async function sendUnanswered(tab: Page, message: string): Promise<void> {
  await tab.route(endpoint, async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await fillForm(tab, message);
  await send(tab).click();
  await expect(status(tab)).toHaveText(contactStatus['no-answer']);
  expect(await submissionsWith(tab, message)).toHaveLength(1);
}

test('words typed before the script arrives stay, and the kept draft is offered beside them', async ({
  page,
  context,
}) => {
  const earlier = uniqueMessage();
  await openTab(context, page);
  await field.name(page).fill(visitor.name);
  await field.message(page).fill(earlier);
  await expect.poll(() => storedDrafts(page)).toContain(earlier);

  // The next visit: the visitor starts writing before the form's script has arrived.
  await page.goto(contactPath, { waitUntil: 'commit' });
  const typed = `${uniqueMessage()} Written while the page was still loading.`;
  await field.message(page).fill(typed);
  expect(await scriptsPending(page)).toBe(true);
  await pageScriptsRan(page);
  await expect(status(page)).toHaveText(contactStatus.keptBoth);
  await expect(field.message(page)).toHaveValue(typed);
  await expect(offerOf(page, earlier)).toHaveCount(1);
  await expect(offerOf(page, earlier)).toContainText(phrase(draftOffers.origin.earlier, /.+/));
  // Typing on keeps both: the new words are a draft of their own.
  await field.message(page).press('End');
  await page.keyboard.type(' More.');
  await expect.poll(() => storedDrafts(page)).toContain(`${typed} More.`);
  expect(await storedDrafts(page)).toContain(earlier);

  // Choosing the earlier one, by keyboard, sets the new words aside: still kept, still offered.
  await offerOf(page, earlier).getByRole('button', { name: draftOffers.use }).focus();
  await page.keyboard.press('Enter');
  await expect(field.message(page)).toHaveValue(earlier);
  await expect(field.name(page)).toHaveValue(visitor.name);
  await expect(field.message(page)).toBeFocused();
  await expect(status(page)).toHaveText(contactStatus.offerUsedSetAside);
  await expect(offerOf(page, `${typed} More.`)).toContainText(
    phrase(draftOffers.origin['set-aside'], /.+/),
  );
  expect(await storedDrafts(page)).toContain(`${typed} More.`);
});

test('a send in one tab clears only its own draft: the other tab keeps its text', async ({
  page,
  context,
}) => {
  const tabA = await openTab(context, page);
  const tabB = await openTab(context);
  const inB = `${uniqueMessage()} Written in tab B.`;
  await field.message(tabB).fill(inB);
  const inA = `${uniqueMessage()} Sent from tab A.`;
  await fillForm(tabA, inA);
  await send(tabA).click();
  await expect(sentPanel(tabA)).toBeVisible();

  await tabB.reload();
  await pageScriptsRan(tabB);
  await expect(field.message(tabB)).toHaveValue(inB);
  await expect(status(tabB)).toHaveText(contactStatus.restored);
  expect(await storedDrafts(tabB)).not.toContain(inA);
  expect(await storedDrafts(tabB)).toContain(inB);
});

test("a failed send in one tab is never shown as the other tab's text", async ({
  page,
  context,
}) => {
  const tabA = await openTab(context, page);
  const tabB = await openTab(context);
  const inB = `${uniqueMessage()} Written in tab B.`;
  await field.message(tabB).fill(inB);
  await tabA.route(endpoint, (route) =>
    route.fulfill({
      status: 500,
      json: { error: 'Internal error' },
      headers: { 'Access-Control-Allow-Origin': '*' },
    }),
  );
  const inA = `${uniqueMessage()} Failed in tab A.`;
  await fillForm(tabA, inA);
  await send(tabA).click();
  await expect(status(tabA)).toHaveText(contactStatus['service-error']);

  await tabB.reload();
  await pageScriptsRan(tabB);
  await expect(field.message(tabB)).toHaveValue(inB);
  await expect(status(tabB)).toHaveText(
    `${contactStatus.restored} ${contactStatus.offeredFromTab}`,
  );
  await expect(offerOf(tabB, inA)).toContainText(phrase(draftOffers.origin['other-tab'], /.+/));
  await expect(field.message(tabA)).toHaveValue(inA);
});

test("a second tab opens empty and offers the first tab's unsent text as a choice", async ({
  page,
  context,
}) => {
  const tabA = await openTab(context, page);
  const inA = `${uniqueMessage()} Written in tab A.`;
  await fillForm(tabA, inA);
  await expect.poll(() => storedDrafts(tabA)).toContain(inA);

  const tabB = await openTab(context);
  await expect(field.message(tabB)).toHaveValue('');
  await expect(field.name(tabB)).toHaveValue('');
  await expect(status(tabB)).toHaveText(contactStatus.offeredFromTab);
  const offer = offerOf(tabB, inA);
  await expect(offer).toContainText(phrase(draftOffers.origin['other-tab'], /.+/));
  // Another tab's text is that tab's to discard.
  await expect(offer.getByRole('button', { name: draftOffers.discard })).toBeHidden();

  await offer.getByRole('button', { name: draftOffers.copy }).click();
  await expect(field.message(tabB)).toHaveValue(inA);
  await expect(field.name(tabB)).toHaveValue(visitor.name);
  await expect(status(tabB)).toHaveText(contactStatus.offerUsed);
  await expect(field.message(tabA)).toHaveValue(inA);
});

test('after an unanswered send, a later visit says it may already have been sent and asks before sending it again', async ({
  page,
  context,
}) => {
  const message = uniqueMessage();
  const first = await openTab(context, page);
  await sendUnanswered(first, message);
  await first.close();

  const later = await openTab(context);
  await expect(field.message(later)).toHaveValue(message);
  await expect(status(later)).toHaveText(contactStatus.restoredMayHaveArrived);
  await field.consent(later).check();
  await send(later).click();
  await expect(status(later)).toHaveText(contactStatus.confirmResend);
  await expect(confirmSend(later)).toBeFocused();
  await later.getByRole('button', { name: contactForm.cancelResend }).click();
  await expect(status(later)).toHaveText(contactStatus.resendCancelled);
  await expect(send(later)).toBeFocused();
  expect(await submissionsWith(later, message)).toHaveLength(1);

  await send(later).click();
  await confirmSend(later).click();
  await expect(sentPanel(later)).toBeVisible();
  expect(await submissionsWith(later, message)).toHaveLength(2);
});

test('another tab offers a possibly delivered message as such, and asks before sending it', async ({
  page,
  context,
}) => {
  const message = uniqueMessage();
  await sendUnanswered(await openTab(context, page), message);

  const tabB = await openTab(context);
  const offer = offerOf(tabB, message);
  await expect(offer).toContainText(draftOffers.mayHaveArrived);
  await offer.getByRole('button', { name: draftOffers.copy }).click();
  await expect(field.message(tabB)).toHaveValue(message);
  await field.consent(tabB).check();
  await send(tabB).click();
  await expect(status(tabB)).toHaveText(contactStatus.confirmResend);
  expect(await submissionsWith(tabB, message)).toHaveLength(1);
});

test('the offered drafts read well on a 320 px screen in both schemes, with nothing axe finds', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const tabA = await openTab(context, page);
  const inA = `${uniqueMessage()} ${'A long line of a pasted log without spaces: '.repeat(3)}${'x'.repeat(120)}`;
  await fillForm(tabA, inA);
  await expect.poll(() => storedDrafts(tabA)).toContain(inA);

  const tabB = await context.newPage();
  await tabB.setViewportSize({ width: 320, height: 800 });
  await openTab(context, tabB);
  await expect(offerOf(tabB, inA.slice(0, 60))).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await tabB.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    expect(await tabB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    const results = await new AxeBuilder({ page: tabB }).include('[data-contact]').analyze();
    expect(results.violations, colorScheme).toEqual([]);
  }
  const use = offerOf(tabB, inA.slice(0, 60)).getByRole('button', { name: draftOffers.copy });
  await use.focus();
  await expect(use).toHaveAccessibleDescription(phrase(draftOffers.origin['other-tab'], /.+/));
  expect(await use.evaluate((button) => getComputedStyle(button).outlineStyle)).not.toBe('none');
});
