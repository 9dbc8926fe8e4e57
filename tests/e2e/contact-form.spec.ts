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
import {
  contactForm,
  contactStatus,
  messageLength,
  serviceFieldErrors,
} from '../../src/content/interface/contact.ts';
import { DRAFT_KEY } from '../../src/lib/contact/draft.ts';
import { SEND_TIMEOUT_MS } from '../../src/lib/contact/submit.ts';
import { MESSAGE_MAX_LENGTH } from '../../src/lib/contact/view-model.ts';
import { site } from '../../src/config.ts';
import { recordClipboardWrites } from './support/clipboard.ts';
import { DOCUMENTATION_ADDRESS, withContactEmailBuild } from './support/contact-email-build.ts';
import { pageScriptsRan, visit } from './support/site.ts';

const contactPath = '/contact/';
const visitor = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  company: 'Analytical Engines',
  intent: 'pilot',
};

function uniqueMessage(): string {
  return `Token ${test.info().testId}-${Date.now()}: our scheduler loses jobs after a failover.`;
}

/** The build under test and this test run read the same environment, hence the same endpoint. */
const { endpoint } = site.contact;

async function submissionsWith(page: Page, token: string): Promise<StoredSubmission[]> {
  const all = (await (
    await page.request.get(new URL('/__inbox', endpoint).href)
  ).json()) as StoredSubmission[];
  return all.filter((submission) => submission.fields.message?.includes(token));
}

const contact = (page: Page) => page.locator('[data-contact]');
const send = (page: Page) => page.getByRole('button', { name: contactForm.send });
const status = (page: Page) => page.getByRole('status');
const sentPanel = (page: Page) => page.locator('[data-sent]');
const storedDraft = (page: Page) => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);

const pilot = contactForm.intents.find(({ value }) => value === visitor.intent)?.label ?? '';
const field = {
  name: (page: Page) => contact(page).getByLabel(contactForm.name, { exact: true }),
  email: (page: Page) => contact(page).getByLabel(contactForm.email),
  company: (page: Page) => contact(page).getByLabel(contactForm.company),
  intent: (page: Page) => contact(page).getByRole('radio', { name: pilot }),
  message: (page: Page) => contact(page).getByLabel(contactForm.message),
  consent: (page: Page) => contact(page).getByLabel(contactForm.consent),
};

async function fillForm(page: Page, message: string, email = visitor.email): Promise<void> {
  await field.name(page).fill(visitor.name);
  await field.email(page).fill(email);
  await field.company(page).fill(visitor.company);
  await field.intent(page).check();
  await field.message(page).fill(message);
  await field.consent(page).check();
}

async function expectFormKeeps(page: Page, message: string): Promise<void> {
  await expect(field.name(page)).toHaveValue(visitor.name);
  await expect(field.email(page)).toHaveValue(visitor.email);
  await expect(field.company(page)).toHaveValue(visitor.company);
  await expect(field.intent(page)).toBeChecked();
  await expect(field.message(page)).toHaveValue(message);
  await expect(field.consent(page)).toBeChecked();
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
    await visit(page, contactPath);
  });

  test('posts to the configured endpoint', async ({ page }) => {
    await expect(page.locator('[data-contact] form')).toHaveAttribute('action', endpoint);
    await expect(page.locator('[data-contact] form')).toHaveAttribute('method', 'post');
    await expect(page.locator('input[name="_next"]')).toHaveValue(
      new URL(site.contact.thanksPath, site.url).href,
    );
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

  test('a message with markup and non-Latin text arrives intact and is never rendered as HTML', async ({
    page,
  }) => {
    const message = `${uniqueMessage()}\n<script>window.__injected = 1</script><img src="x" onerror="window.__injected = 2">\nGrüße, Ελληνικά, 日本語, العربية, 🙂`;
    await fillForm(page, message);
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    const [submission] = await submissionsWith(page, message.split('\n')[0] ?? '');
    expect(submission?.fields.message).toBe(message);
    expect(await page.evaluate(() => 'window.__injected' in window || '__injected' in window)).toBe(
      false,
    );
    await expect(page.locator('[data-contact] img')).toHaveCount(0);
  });

  test('checks fields in the browser first: errors on their fields, focus on the first, nothing sent', async ({
    page,
  }) => {
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await field.email(page).fill('not an address');
    await send(page).click();
    await expect(field.name(page)).toBeFocused();
    for (const field of ['name', 'email', 'intent', 'message', 'consent']) {
      await expect(page.locator(`[data-error-for="${field}"]`)).not.toBeEmpty();
    }
    await expect(field.name(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(field.name(page)).toHaveAccessibleDescription(/\S/);
    await expect(page.locator('[data-error-for="company"]')).toBeEmpty();
    await expect(status(page)).toHaveText(contactStatus.invalid);
    await expectNoAxeViolations(page);
    expect(posts).toEqual([]);

    await field.name(page).fill(visitor.name);
    await expect(page.locator('[data-error-for="name"]')).toBeEmpty();
    await expect(field.name(page)).not.toHaveAttribute('aria-invalid');
  });

  test("maps the service's 422 to the e-mail field and focuses it", async ({ page }) => {
    const message = uniqueMessage();
    // The browser accepts a dotless domain; the service does not.
    await fillForm(page, message, 'ada@localhost');
    await send(page).click();
    const email = field.email(page);
    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(serviceFieldErrors.emailIncomplete);
    await expect(status(page)).toHaveText(contactStatus.invalid);
    await expect(field.message(page)).toHaveValue(message);
    await expectNoAxeViolations(page);
    expect(await submissionsWith(page, message)).toEqual([]);
  });

  const failures: { name: string; says: string; answer: (route: Route) => Promise<void> }[] = [
    {
      name: 'a 500',
      says: contactStatus['service-error'],
      answer: (route) =>
        route.fulfill({
          status: 500,
          json: { error: 'Internal error' },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
    },
    {
      name: 'a 429',
      says: contactStatus['rate-limited'],
      answer: (route) =>
        route.fulfill({
          status: 429,
          json: { error: 'Too many requests' },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
    },
    {
      name: 'a 422 naming only a field the form does not have',
      says: contactStatus['service-error'],
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
      name: 'a network failure after the request left',
      says: contactStatus['no-answer'],
      answer: (route) => route.abort('internetdisconnected'),
    },
    {
      // The browser hides an answer whose CORS headers do not allow this page, as it hides one without
      // any (which Playwright would add): it may well have been {"ok":true}.
      name: 'a 200 that CORS hides from the page',
      says: contactStatus['no-answer'],
      answer: (route) =>
        route.fulfill({
          status: 200,
          json: { ok: true },
          headers: { 'Access-Control-Allow-Origin': 'https://other.example' },
        }),
    },
    {
      name: 'an HTML page with status 200',
      says: contactStatus['service-error'],
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
      await expect(status(page)).toHaveText(says);
      await expectFormKeeps(page, message);
      await expectWaysOut(page, message, lastCopied);
      expect(await storedDraft(page)).toContain(visitor.company);

      await page.unroute(endpoint);
      await page.getByRole('button', { name: contactForm.retry }).click();
      await expect(sentPanel(page)).toBeVisible();
      expect(await submissionsWith(page, message)).toHaveLength(1);
      expect(await storedDraft(page)).toBeNull();
    });
  }

  test('a service that does not answer in time: "may not have been sent", and the text stays', async ({
    page,
  }) => {
    await page.clock.install();
    await visit(page, contactPath);
    const message = uniqueMessage();
    let stalled: Route | undefined;
    await page.route(endpoint, (route) => {
      stalled = route;
    });
    await fillForm(page, message);
    await send(page).click();
    await expect(status(page)).toHaveText(contactStatus.sending);
    await expect.poll(() => stalled).toBeDefined();
    await page.clock.runFor(SEND_TIMEOUT_MS);
    await expect(status(page)).toHaveText(contactStatus['timed-out']);
    await expectFormKeeps(page, message);
    await expectWaysOut(page, message, lastCopied);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('a double-click and a double Enter each send once', async ({ page }) => {
    const message = uniqueMessage();
    await fillForm(page, message);
    const held = await holdAnswers(page);
    await send(page).dblclick();
    await field.company(page).press('Enter');
    await field.company(page).press('Enter');
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
    await pageScriptsRan(page);
    await expect(status(page)).toHaveText(contactStatus.restored);
    await expect(field.name(page)).toHaveValue(visitor.name);
    await expect(field.email(page)).toHaveValue(visitor.email);
    await expect(field.company(page)).toHaveValue(visitor.company);
    await expect(field.intent(page)).toBeChecked();
    await expect(field.message(page)).toHaveValue(message);
    // Consent is given anew on each visit, never restored.
    await expect(field.consent(page)).not.toBeChecked();

    await field.consent(page).check();
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    expect(await storedDraft(page)).toBeNull();
    await page.reload();
    await pageScriptsRan(page);
    await expect(field.message(page)).toHaveValue('');
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
    // Four full axe runs: on a loaded machine they alone can take most of the default 30 seconds.
    test.setTimeout(90_000);
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

    await visit(page, contactPath);
    await page.route(endpoint, (route) => route.abort('failed'));
    await fillForm(page, uniqueMessage());
    await send(page).click();
    await expect(page.getByRole('button', { name: contactForm.retry })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a visit to the thanks page keeps an unsent draft, and shows nothing from its URL', async ({
    page,
  }) => {
    const message = uniqueMessage();
    await fillForm(page, message);
    await visit(
      page,
      `${site.contact.thanksPath}?name=%3Cb%3Einjected%3C%2Fb%3E&message=reflected-text`,
    );
    await expect(page.locator('h1')).toBeVisible();
    expect(await storedDraft(page)).toContain(message);
    await visit(page, contactPath);
    await expect(field.message(page)).toHaveValue(message);
    await expect(status(page)).toHaveText(contactStatus.restored);
    const html = await page.content();
    expect(html).not.toContain('injected');
    expect(html).not.toContain('reflected-text');
  });

  test('the thanks page ends a draft whose send left the page unanswered', async ({ page }) => {
    await fillForm(page, uniqueMessage());
    const held = await holdAnswers(page);
    await send(page).click();
    await expect.poll(held.requests).toBe(1);
    await visit(page, site.contact.thanksPath);
    await expect(page.locator('h1')).toBeVisible();
    expect(await storedDraft(page)).toBeNull();
    held.release();
  });

  test('a connection reset after the service received the message: "may not have been sent"', async ({
    page,
  }) => {
    const message = uniqueMessage();
    await page.route(endpoint, async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await fillForm(page, message);
    await send(page).click();
    await expect(status(page)).toHaveText(contactStatus['no-answer']);
    expect(await submissionsWith(page, message)).toHaveLength(1);
    await expectFormKeeps(page, message);
    await expectWaysOut(page, message, lastCopied);
  });

  test('offline before sending: "not sent", and nothing leaves the browser', async ({
    page,
    context,
  }) => {
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    const message = uniqueMessage();
    await fillForm(page, message);
    await context.setOffline(true);
    await send(page).click();
    await expect(status(page)).toHaveText(contactStatus.offline);
    await expectFormKeeps(page, message);
    expect(posts).toEqual([]);
    await context.setOffline(false);
  });

  test('a reload while a send is in flight restores the draft, marked as possibly sent', async ({
    page,
  }) => {
    const message = uniqueMessage();
    // The service receives the message; its answer never comes back before the visitor reloads.
    let received = false;
    await page.route(endpoint, async (route) => {
      await route.fetch();
      received = true;
    });
    await fillForm(page, message);
    await send(page).click();
    await expect.poll(() => received).toBe(true);
    await page.reload();
    await pageScriptsRan(page);
    await expect(status(page)).toHaveText(contactStatus.restoredInFlight);
    await expect(field.message(page)).toHaveValue(message);
    expect(await submissionsWith(page, message)).toHaveLength(1);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('an over-long message stays whole in the field and is refused, with the limit stated', async ({
    page,
  }) => {
    const max = MESSAGE_MAX_LENGTH;
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    const limit = contactForm.messageLimit(max).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(field.message(page)).toHaveAccessibleDescription(new RegExp(limit));
    await expect(field.message(page)).not.toHaveAttribute('maxlength');
    await fillForm(page, '');
    const long = `${uniqueMessage()} ${'Pasted log line. '.repeat(max / 10)}`;
    await field.message(page).focus();
    await page.keyboard.insertText(long);
    await expect(field.message(page)).toHaveValue(long);
    const count = page.locator(`[data-length-for="message"]`);
    await expect(count).toHaveText(messageLength.count(long.length, max));
    await expect(page.locator('[data-length-announcer]')).toHaveText(
      messageLength.over(long.length - max, max),
    );
    await send(page).click();
    await expect(page.locator('[data-error-for="message"]')).toHaveText(
      messageLength.tooLong(long.length, max),
    );
    await expect(field.message(page)).toBeFocused();
    await expect(field.message(page)).toHaveValue(long);
    expect(posts).toEqual([]);

    await field.message(page).fill(long.slice(0, max));
    await expect(page.locator('[data-length-announcer]')).toHaveText(messageLength.back);
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
  });
});

async function expectWaysOut(
  page: Page,
  message: string,
  lastCopied: () => Promise<string>,
): Promise<void> {
  await expect(page.getByRole('button', { name: contactForm.retry })).toBeVisible();
  await page.getByRole('button', { name: contactForm.copy }).click();
  await expect(status(page)).toHaveText(contactStatus.copied);
  const copied = await lastCopied();
  expect(copied).toContain(message);
  expect(copied).toContain(`Name: ${visitor.name}`);
  const mailto = page.getByRole('link', { name: contactForm.mailto });
  if (!site.contact.email) {
    await expect(mailto).toHaveCount(0);
    return;
  }
  const href = new URL((await mailto.getAttribute('href')) ?? '');
  expect(href.protocol).toBe('mailto:');
  expect(href.pathname).toBe(site.contact.email);
  expect(href.searchParams.get('body')).toContain(message);
}

/** Holds the page's scripts back, as a slow phone does, until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the form script arriving late moves nothing: the count has its line before it is filled', async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto(contactPath, { waitUntil: 'commit' });
  await expect(send(page)).toBeVisible();
  const before = await send(page).boundingBox();
  release();
  await expect(page.locator('[data-length-for="message"]')).not.toBeEmpty();
  expect(await send(page).boundingBox()).toEqual(before);
});

test('words typed before the form script arrives stay; the saved draft fills only empty fields', async ({
  page,
}) => {
  const draft = uniqueMessage();
  await visit(page, contactPath);
  await field.name(page).fill(visitor.name);
  await field.message(page).fill(draft);
  expect(await storedDraft(page)).toContain(draft);

  // The next visit, on a slow phone: the visitor starts writing before the script has arrived.
  const release = await holdScripts(page);
  await page.goto(contactPath, { waitUntil: 'commit' });
  const typed = `${uniqueMessage()} Written while the page was still loading.`;
  await field.message(page).fill(typed);
  release();
  await pageScriptsRan(page);
  await expect(status(page)).toHaveText(contactStatus.restored);
  await expect(field.message(page)).toHaveValue(typed);
  await expect(field.name(page)).toHaveValue(visitor.name);
});

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

  test('Back after a failed send shows the form with every field as it was', async ({ page }) => {
    await page.goto(contactPath);
    const message = `${uniqueMessage()}\nSecond line.`;
    await page.route(endpoint, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'text/html',
        body: '<!doctype html><title>Error</title><h1>Server error</h1>',
      }),
    );
    await fillForm(page, message);
    await send(page).click();
    await expect(page).toHaveURL(endpoint);
    await page.goBack();
    await expect(page).toHaveURL(contactPath);
    await expectFormKeeps(page, message);
  });

  test("from a host other than the canonical one, the service's redirect to the canonical thanks page is followed", async ({
    page,
    baseURL,
  }) => {
    const canonicalThanks = new URL(site.contact.thanksPath, site.url).href;
    // Formspree redirects to _next as given; the local inbox stores the message and returns to the posting
    // host instead, so its redirect is pointed at the canonical address here.
    await page.route(endpoint, async (route) => {
      const stored = await route.fetch({ maxRedirects: 0 });
      expect(stored.status()).toBe(302);
      await route.fulfill({ status: 302, headers: { Location: canonicalThanks } });
    });
    // The canonical site, served from this build.
    await page.route(`${site.url}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      await route.fulfill({
        response: await route.fetch({ url: new URL(pathname, baseURL).href }),
      });
    });
    await page.goto(contactPath);
    expect(new URL(page.url()).origin).not.toBe(new URL(site.url).origin);
    const message = uniqueMessage();
    await fillForm(page, message);
    await send(page).click();
    await expect(page).toHaveURL(canonicalThanks);
    await expect(page.locator('h1')).toBeVisible();
    expect(await submissionsWith(page, message)).toHaveLength(1);
  });

  test("the browser's own validation stops an incomplete form", async ({ page }) => {
    await page.goto(contactPath);
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await field.name(page).fill(visitor.name);
    await send(page).click();
    await expect(page).toHaveURL(contactPath);
    expect(posts).toEqual([]);
  });
});

test.describe('with a contact address configured', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a failed send offers an e-mail to that address carrying the message', async ({ page }) => {
    await withContactEmailBuild(async (origin) => {
      await page.route(endpoint, (route) =>
        route.fulfill({ status: 500, body: '{}', contentType: 'application/json' }),
      );
      await visit(page, `${origin}${contactPath}`);
      const message = `${uniqueMessage()} Über <b>Paxos</b> & "quorums".`;
      await fillForm(page, message);
      await send(page).click();
      const mailto = page.getByRole('link', { name: contactForm.mailto });
      await expect(mailto).toBeVisible();
      const href = new URL((await mailto.getAttribute('href')) ?? '');
      expect(href.protocol).toBe('mailto:');
      expect(href.pathname).toBe(DOCUMENTATION_ADDRESS);
      expect(href.searchParams.get('body')).toContain(message);
      expect(href.searchParams.get('body')).toContain(`Name: ${visitor.name}`);
      await expectFormKeeps(page, message);
    });
  });
});
