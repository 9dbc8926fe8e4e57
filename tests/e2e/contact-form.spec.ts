/**
 * The contact form against the local Formspree-compatible inbox (scripts/form-inbox.ts), a real
 * HTTP server that the e2e web server starts. Service failures the inbox never produces (500, 429,
 * a dead network, a stall, an HTML page) are made with request interception.
 *
 * Tests run in parallel against one inbox, so each marks its message with a token of its own and
 * looks for that token, instead of clearing the inbox.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Route } from '@playwright/test';
import type { StoredSubmission } from '../../scripts/form-inbox.ts';
import { DRAFT_KEY } from '../../src/lib/contact/draft.ts';
import { SEND_TIMEOUT_MS } from '../../src/lib/contact/submit.ts';
import { site } from '../../src/config.ts';
import type { AddressInfo } from 'node:net';
import { startStaticServer } from '../../scripts/static-server.ts';
import { recordClipboardWrites } from './support/clipboard.ts';
import { buildFixture } from './support/fixture-build.ts';

const contactPath = '/contact/';
const visitor = { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines', intent: 'pilot' };

function uniqueMessage(): string {
  return `Token ${test.info().testId}-${Date.now()}: our scheduler loses jobs after a failover.`;
}

/** The build under test and this test run read the same environment, hence the same endpoint. */
const { endpoint } = site.contact;

async function submissionsWith(page: Page, token: string): Promise<StoredSubmission[]> {
  const all = (await (await page.request.get(new URL('/__inbox', endpoint).href)).json()) as StoredSubmission[];
  return all.filter((submission) => submission.fields.message?.includes(token));
}

const contact = (page: Page) => page.locator('[data-contact]');
const send = (page: Page) => page.getByRole('button', { name: 'Send message' });
const status = (page: Page) => page.getByRole('status');
const sentPanel = (page: Page) => page.locator('[data-sent]');
const storedDraft = (page: Page) => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);

async function fillForm(page: Page, message: string, email = visitor.email): Promise<void> {
  await contact(page).getByLabel('Name', { exact: true }).fill(visitor.name);
  await contact(page).getByLabel('Work e-mail').fill(email);
  await contact(page).getByLabel('Company').fill(visitor.company);
  await contact(page).getByRole('radio', { name: 'A pilot' }).check();
  await contact(page).getByLabel('Your system and the problem').fill(message);
  await contact(page).getByLabel('I agree to be contacted').check();
}

async function expectFormKeeps(page: Page, message: string): Promise<void> {
  await expect(contact(page).getByLabel('Name', { exact: true })).toHaveValue(visitor.name);
  await expect(contact(page).getByLabel('Work e-mail')).toHaveValue(visitor.email);
  await expect(contact(page).getByLabel('Company')).toHaveValue(visitor.company);
  await expect(contact(page).getByRole('radio', { name: 'A pilot' })).toBeChecked();
  await expect(contact(page).getByLabel('Your system and the problem')).toHaveValue(message);
  await expect(contact(page).getByLabel('I agree to be contacted')).toBeChecked();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-contact]').analyze();
  expect(results.violations).toEqual([]);
}

/** Holds the service's answer until released, so the in-flight state can be looked at. */
async function holdAnswers(page: Page): Promise<{ release: () => void; requests: () => number }> {
  let requests = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(endpoint, async (route) => {
    requests += 1;
    await released;
    await route.continue();
  });
  return { release, requests: () => requests };
}

test.describe('with JavaScript', () => {
  let lastCopied: () => Promise<string>;

  test.beforeEach(async ({ page }) => {
    lastCopied = await recordClipboardWrites(page);
    await page.goto(contactPath);
  });

  test('posts to the configured endpoint', async ({ page }) => {
    await expect(page.locator('[data-contact] form')).toHaveAttribute('action', endpoint);
    await expect(page.locator('[data-contact] form')).toHaveAttribute('method', 'post');
    await expect(page.locator('input[name="_next"]')).toHaveValue(new URL(site.contact.thanksPath, site.url).href);
  });

  test('sends in place, confirms, and the message arrives with every field', async ({ page }) => {
    const message = uniqueMessage();
    await fillForm(page, message);
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    await expect(sentPanel(page)).toBeFocused();
    await expect(page.locator('[data-contact] form')).toBeHidden();
    const [submission, ...others] = await submissionsWith(page, message);
    expect(others).toEqual([]);
    expect(submission?.fields).toMatchObject({ ...visitor, message, consent: 'yes', _gotcha: '' });
  });

  test('a message with markup and non-Latin text arrives intact and is never rendered as HTML', async ({ page }) => {
    const message = `${uniqueMessage()}\n<script>window.__injected = 1</script><img src="x" onerror="window.__injected = 2">\nGrüße, Ελληνικά, 日本語, العربية, 🙂`;
    await fillForm(page, message);
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    const [submission] = await submissionsWith(page, message.split('\n')[0] ?? '');
    expect(submission?.fields.message).toBe(message);
    expect(await page.evaluate(() => 'window.__injected' in window || '__injected' in window)).toBe(false);
    await expect(page.locator('[data-contact] img')).toHaveCount(0);
  });

  test('checks fields in the browser first: errors on their fields, focus on the first, nothing sent', async ({
    page,
  }) => {
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await contact(page).getByLabel('Work e-mail').fill('not an address');
    await send(page).click();
    await expect(contact(page).getByLabel('Name', { exact: true })).toBeFocused();
    for (const field of ['name', 'email', 'intent', 'message', 'consent']) {
      await expect(page.locator(`[data-error-for="${field}"]`)).not.toBeEmpty();
    }
    await expect(contact(page).getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(contact(page).getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/\S/);
    await expect(page.locator('[data-error-for="company"]')).toBeEmpty();
    await expect(status(page)).toContainText('not sent');
    await expectNoAxeViolations(page);
    expect(posts).toEqual([]);

    await contact(page).getByLabel('Name', { exact: true }).fill(visitor.name);
    await expect(page.locator('[data-error-for="name"]')).toBeEmpty();
    await expect(contact(page).getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid');
  });

  test("maps the service's 422 to the e-mail field and focuses it", async ({ page }) => {
    const message = uniqueMessage();
    // The browser accepts a dotless domain; the service does not.
    await fillForm(page, message, 'ada@localhost');
    await send(page).click();
    const email = contact(page).getByLabel('Work e-mail');
    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Enter a complete e-mail address, with an @ and a domain.');
    await expect(status(page)).toContainText('not sent');
    await expect(contact(page).getByLabel('Your system and the problem')).toHaveValue(message);
    await expectNoAxeViolations(page);
    expect(await submissionsWith(page, message)).toEqual([]);
  });

  const failures: { name: string; says: RegExp; answer: (route: Route) => Promise<void> }[] = [
    {
      name: 'a 500',
      says: /could not take your message/,
      answer: (route) =>
        route.fulfill({
          status: 500,
          json: { error: 'Internal error' },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
    },
    {
      name: 'a 429',
      says: /too many messages/,
      answer: (route) =>
        route.fulfill({
          status: 429,
          json: { error: 'Too many requests' },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
    },
    {
      name: 'a 422 naming only a field the form does not have',
      says: /could not take your message/,
      answer: (route) =>
        route.fulfill({
          status: 422,
          json: {
            error: 'Validation errors',
            errors: [{ code: 'REQUIRED_FIELD_EMPTY', field: 'budget', message: 'required' }],
          },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
    },
    {
      name: 'a network failure',
      says: /could not reach the form service/,
      answer: (route) => route.abort('internetdisconnected'),
    },
    {
      name: 'an HTML page with status 200',
      says: /could not take your message/,
      answer: (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Thanks</title><p>Thanks!</p>',
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
    },
  ];

  for (const { name, says, answer } of failures) {
    test(`after ${name} the text stays, with retry, copy and e-mail ways out`, async ({ page }) => {
      const message = uniqueMessage();
      await page.route(endpoint, answer);
      await fillForm(page, message);
      await send(page).click();
      await expect(status(page)).toContainText(says);
      await expect(status(page)).toContainText('still in the form');
      await expectFormKeeps(page, message);
      await expectWaysOut(page, message, lastCopied);
      expect(await storedDraft(page)).toContain(visitor.company);

      await page.unroute(endpoint);
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(sentPanel(page)).toBeVisible();
      expect(await submissionsWith(page, message)).toHaveLength(1);
      expect(await storedDraft(page)).toBeNull();
    });
  }

  test('a service that does not answer in time: "may not have been sent", and the text stays', async ({ page }) => {
    await page.clock.install();
    await page.goto(contactPath);
    const message = uniqueMessage();
    let stalled: Route | undefined;
    await page.route(endpoint, (route) => {
      stalled = route;
    });
    await fillForm(page, message);
    await send(page).click();
    await expect(status(page)).toContainText('Sending');
    await expect.poll(() => stalled).toBeDefined();
    await page.clock.runFor(SEND_TIMEOUT_MS);
    await expect(status(page)).toContainText('may not have been sent');
    await expectFormKeeps(page, message);
    await expectWaysOut(page, message, lastCopied);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('a double-click and a double Enter each send once', async ({ page }) => {
    const message = uniqueMessage();
    await fillForm(page, message);
    const held = await holdAnswers(page);
    await send(page).dblclick();
    await contact(page).getByLabel('Company').press('Enter');
    await contact(page).getByLabel('Company').press('Enter');
    await expect(page.locator('[data-contact] form')).toHaveAttribute('aria-busy', 'true');
    held.release();
    await expect(sentPanel(page)).toBeVisible();
    expect(held.requests()).toBe(1);
    expect(await submissionsWith(page, message)).toHaveLength(1);
  });

  test('the draft survives a reload and is gone after a confirmed send', async ({ page }) => {
    const message = `${uniqueMessage()}\nSecond line.`;
    await fillForm(page, message);
    expect(await storedDraft(page)).toContain('Second line.');
    await page.reload();
    await expect(status(page)).toContainText('restored');
    await expect(contact(page).getByLabel('Name', { exact: true })).toHaveValue(visitor.name);
    await expect(contact(page).getByLabel('Work e-mail')).toHaveValue(visitor.email);
    await expect(contact(page).getByLabel('Company')).toHaveValue(visitor.company);
    await expect(contact(page).getByRole('radio', { name: 'A pilot' })).toBeChecked();
    await expect(contact(page).getByLabel('Your system and the problem')).toHaveValue(message);
    // Consent is given anew on each visit, never restored.
    await expect(contact(page).getByLabel('I agree to be contacted')).not.toBeChecked();

    await contact(page).getByLabel('I agree to be contacted').check();
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    expect(await storedDraft(page)).toBeNull();
    await page.reload();
    await expect(contact(page).getByLabel('Your system and the problem')).toHaveValue('');
    await expect(status(page)).toBeEmpty();
  });

  test('a filled honeypot sends nothing to the inbox', async ({ page }) => {
    const honeypot = page.locator('[data-contact] [aria-hidden="true"] input');
    await expect(honeypot).toHaveAttribute('tabindex', '-1');
    await expect(honeypot).toHaveAttribute('autocomplete', 'off');
    const message = uniqueMessage();
    await fillForm(page, message);
    await honeypot.fill('https://spam.example');
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    expect(await submissionsWith(page, message)).toEqual([]);
  });

  test('axe finds nothing while idle, sending, failed and sent', async ({ page }) => {
    await expectNoAxeViolations(page);
    const message = uniqueMessage();
    await fillForm(page, message);
    const held = await holdAnswers(page);
    await send(page).click();
    await expect(page.locator('[data-contact] form')).toHaveAttribute('aria-busy', 'true');
    await expectNoAxeViolations(page);
    held.release();
    await expect(sentPanel(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(contactPath);
    await page.route(endpoint, (route) => route.abort('failed'));
    await fillForm(page, uniqueMessage());
    await send(page).click();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the thanks page clears a draft and shows nothing from its URL', async ({ page }) => {
    await fillForm(page, uniqueMessage());
    expect(await storedDraft(page)).not.toBeNull();
    await page.goto(`${site.contact.thanksPath}?name=%3Cb%3Einjected%3C%2Fb%3E&message=reflected-text`);
    await expect(page.locator('h1')).toBeVisible();
    expect(await storedDraft(page)).toBeNull();
    const html = await page.content();
    expect(html).not.toContain('injected');
    expect(html).not.toContain('reflected-text');
  });
});

async function expectWaysOut(page: Page, message: string, lastCopied: () => Promise<string>): Promise<void> {
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy message' }).click();
  await expect(status(page)).toContainText('copied');
  const copied = await lastCopied();
  expect(copied).toContain(message);
  expect(copied).toContain(`Name: ${visitor.name}`);
  const mailto = page.getByRole('link', { name: 'Send it by e-mail instead' });
  if (!site.contact.email) {
    await expect(mailto).toHaveCount(0);
    return;
  }
  const href = new URL((await mailto.getAttribute('href')) ?? '');
  expect(href.protocol).toBe('mailto:');
  expect(href.pathname).toBe(site.contact.email);
  expect(href.searchParams.get('body')).toContain(message);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a native POST reaches the inbox and lands on the thanks page', async ({ page }) => {
    await page.goto(contactPath);
    const message = uniqueMessage();
    await fillForm(page, message);
    await send(page).click();
    await expect(page).toHaveURL(site.contact.thanksPath);
    await expect(page.locator('h1')).toBeVisible();
    expect(await submissionsWith(page, message)).toHaveLength(1);
  });

  test("the browser's own validation stops an incomplete form", async ({ page }) => {
    await page.goto(contactPath);
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await contact(page).getByLabel('Name', { exact: true }).fill(visitor.name);
    await send(page).click();
    await expect(page).toHaveURL(contactPath);
    expect(posts).toEqual([]);
  });
});

test.describe('with a contact address configured', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a failed send offers an e-mail to that address carrying the message', async ({ page }) => {
    // A documentation address, in a build of its own: the site's real address is configuration.
    const address = 'inbox@example.org';
    const build = buildFixture({}, { PUBLIC_CONTACT_EMAIL: address });
    expect(build.ok, build.output).toBe(true);
    const server = await startStaticServer({ root: build.outDir, port: 0 });
    try {
      const { port } = server.address() as AddressInfo;
      await page.route(endpoint, (route) => route.fulfill({ status: 500, body: '{}', contentType: 'application/json' }));
      await page.goto(`http://localhost:${port}${contactPath}`);
      const message = `${uniqueMessage()} Über <b>Paxos</b> & "quorums".`;
      await fillForm(page, message);
      await send(page).click();
      const mailto = page.getByRole('link', { name: 'Send it by e-mail instead' });
      await expect(mailto).toBeVisible();
      const href = new URL((await mailto.getAttribute('href')) ?? '');
      expect(href.protocol).toBe('mailto:');
      expect(href.pathname).toBe(address);
      expect(href.searchParams.get('body')).toContain(message);
      expect(href.searchParams.get('body')).toContain(`Name: ${visitor.name}`);
      await expectFormKeeps(page, message);
    } finally {
      server.close();
    }
  });
});
