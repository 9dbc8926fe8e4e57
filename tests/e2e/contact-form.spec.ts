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
import {
  contactForm,
  contactStatus,
  fieldErrors,
  messageLength,
  serviceFieldErrors,
} from '../../src/content/interface/contact.ts';
import { adapters } from '../../src/lib/contact/adapters.ts';
import { FIELD_LIMITS, graphemeCount, MESSAGE_MAX_LENGTH } from '../../src/lib/contact/limits.ts';
import { SEND_TIMEOUT_MS } from '../../src/lib/contact/submit.ts';
import { site } from '../../src/config.ts';
import { recordClipboardWrites } from './support/clipboard.ts';
import {
  contact,
  contactPath,
  endpoint,
  expectFormKeeps,
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
import { DOCUMENTATION_ADDRESS, withContactEmailBuild } from './support/contact-email-build.ts';
import { pageScriptsRan, visit } from './support/site.ts';

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
      expect(await storedDrafts(page)).toContain(visitor.company);

      await page.unroute(endpoint);
      await page.getByRole('button', { name: contactForm.retry }).click();
      await expect(sentPanel(page)).toBeVisible();
      expect(await submissionsWith(page, message)).toHaveLength(1);
      expect(await storedDrafts(page)).toBe('');
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
    expect(await storedDrafts(page)).toContain('Second line.');
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
    expect(await storedDrafts(page)).toBe('');
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
    expect(await storedDrafts(page)).toContain(message);
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
    expect(await storedDrafts(page)).toBe('');
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
    await expect(status(page)).toHaveText(contactStatus.restoredMayHaveArrived);
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
    const length = graphemeCount(long);
    await expect(count).toHaveText(messageLength.count(length, max));
    await expect(page.locator('[data-length-announcer]')).toHaveText(
      messageLength.over(length - max, max),
    );
    await send(page).click();
    await expect(page.locator('[data-error-for="message"]')).toHaveText(
      messageLength.tooLong(length, max),
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

test.describe('input edges, with JavaScript', () => {
  const errorFor = (page: Page, name: string) => page.locator(`[data-error-for="${name}"]`);
  const recordPosts = (page: Page) => {
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    return posts;
  };

  test.beforeEach(async ({ page }) => visit(page, contactPath));

  test('a name and a message of only spaces are refused on their fields, and nothing is sent', async ({
    page,
  }) => {
    const posts = recordPosts(page);
    await fillForm(page, ' \n \t\n ');
    await field.name(page).fill('   ');
    await send(page).click();
    await expect(field.name(page)).toBeFocused();
    await expect(errorFor(page, 'name')).toHaveText(fieldErrors.blank);
    await expect(errorFor(page, 'message')).toHaveText(fieldErrors.blank);
    await expect(field.message(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(status(page)).toHaveText(contactStatus.invalid);
    expect(posts).toEqual([]);
  });

  test('1,500 emoji count as the 1,500 characters the visitor sees, and arrive whole', async ({
    page,
  }) => {
    const token = uniqueMessage();
    const message = `${token} ${'👩🏽‍💻'.repeat(1500)}`;
    expect(message.length).toBeGreaterThan(MESSAGE_MAX_LENGTH);
    await fillForm(page, message);
    await expect(page.locator('[data-length-for="message"]')).toHaveText(
      messageLength.count(graphemeCount(message), MESSAGE_MAX_LENGTH),
    );
    await send(page).click();
    await expect(sentPanel(page)).toBeVisible();
    const [submission] = await submissionsWith(page, token);
    // Compared as a whole without printing 1,500 emoji on a failure.
    expect(submission?.fields.message === message).toBe(true);
  });

  test('a pasted name over its limit stays whole and is refused with its length at once; nothing is sent', async ({
    page,
  }) => {
    const posts = recordPosts(page);
    const max = FIELD_LIMITS.name ?? 0;
    const name = `${visitor.name} `.repeat(Math.ceil((max + 100) / 13)).slice(0, max + 100);
    await fillForm(page, uniqueMessage());
    await field.name(page).fill('');
    await field.name(page).focus();
    await page.keyboard.insertText(name);
    await expect(field.name(page)).toHaveValue(name);
    await expect(errorFor(page, 'name')).toHaveText(fieldErrors.tooLong(graphemeCount(name), max));
    await expect(field.name(page)).toHaveAccessibleDescription(
      fieldErrors.tooLong(graphemeCount(name), max),
    );
    await send(page).click();
    await expect(field.name(page)).toBeFocused();
    await expect(status(page)).toHaveText(contactStatus.invalid);
    expect(posts).toEqual([]);
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

/** The inbox stores the plain post; its redirect is then replaced by one to `location`, as a service may send. */
const redirectOnceStored = (page: Page, location: string) =>
  page.route(endpoint, async (route) => {
    const stored = await route.fetch({ maxRedirects: 0 });
    expect(stored.status()).toBe(302);
    await route.fulfill({ status: 302, headers: { Location: location } });
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
    await redirectOnceStored(page, canonicalThanks);
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

  test('a service that answers with a page of its own lands the visitor there, and the form warns of a second press', async ({
    page,
  }) => {
    await page.goto(contactPath);
    const warning = contact(page).locator('noscript > p');
    await expect(warning).toBeVisible();
    await expect(warning).toHaveText(contactForm.secondPress);
    // Formspree without a paid plan ignores _next and shows its own thanks page.
    const [landing] = adapters[site.contact.provider].plainPostLandings;
    const serviceThanks = `${landing}/thanks?language=en`;
    await redirectOnceStored(page, serviceThanks);
    await page.route(`${landing}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Thanks</title><h1>Thanks!</h1>',
      }),
    );
    const message = uniqueMessage();
    await fillForm(page, message);
    await send(page).click();
    await expect(page).toHaveURL(serviceThanks);
    await expect(page.locator('h1')).toBeVisible();
    expect(await submissionsWith(page, message)).toHaveLength(1);
  });

  test('a name of only spaces is refused by the browser; a blank message and an over-long name by the service', async ({
    page,
  }) => {
    await page.goto(contactPath);
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    const message = uniqueMessage();
    await fillForm(page, message);
    await field.name(page).fill('   ');
    await send(page).click();
    await expect(page).toHaveURL(contactPath);
    expect(await field.name(page).evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(
      false,
    );
    expect(posts).toEqual([]);

    await field.name(page).fill('a'.repeat((FIELD_LIMITS.name ?? 0) + 1));
    const refused = page.waitForResponse(endpoint);
    await send(page).click();
    expect((await refused).status()).toBe(422);
    // The service's answer is a page: Back only once it is the page shown.
    await expect(page).toHaveURL(endpoint);
    await page.goBack();
    await field.name(page).fill(visitor.name);
    await field.message(page).fill(' \n ');
    const blank = page.waitForResponse(endpoint);
    await send(page).click();
    expect((await blank).status()).toBe(422);
    expect(await submissionsWith(page, message)).toEqual([]);
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
