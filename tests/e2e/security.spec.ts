/**
 * The site as a visitor gets it from Netlify or Cloudflare Pages: the test server applies the
 * `_headers` file of the build (scripts/static-server.ts), so every page here runs under the
 * header policy of its section and its meta tag together, as in production.
 */
import { expect, test, type Page } from '@playwright/test';
import { shortestCounterexample } from '../../src/lib/models/counterexample.ts';
import { site } from '../../src/config.ts';
import { adapters } from '../../src/lib/contact/adapters.ts';
import {
  CACHE_CONTROL,
  cspFromHtml,
  parseCsp,
  SECURITY_HEADERS,
} from '../../src/lib/security-headers.ts';
import { outDir, readPages } from '../../scripts/quality/build-output.ts';
import { readEntry } from './support/content-entries.ts';
import { THEME_TOGGLE_ID } from '../../src/scripts/names.ts';
import { builtRoutes, visit } from './support/site.ts';

const pages = builtRoutes();
const formOrigin = new URL(site.contact.endpoint).origin;
const notFoundHeading = readEntry('pages', 'not-found').heading;

/** The first segment of a route: `contact` for `/contact/thanks/`, `` for `/`. */
const sectionOf = (route: string) => route.split('/')[1];

const metaPolicies = readPages(outDir).map(({ route, html }) => ({
  route,
  csp: parseCsp(cspFromHtml(html) ?? ''),
}));

/**
 * The hashes a page's header may list: its own, those of the other pages of its section, and the 404
 * page's, which the host serves at any unknown URL in the section.
 */
function hashesAllowedInHeaderOf(route: string, directive: string): Set<string> {
  return new Set(
    metaPolicies
      .filter((page) => page.route === '/404.html' || sectionOf(page.route) === sectionOf(route))
      .flatMap(({ csp }) => csp.get(directive) ?? [])
      .filter((source) => source.startsWith("'sha")),
  );
}

/** Console errors, uncaught exceptions and CSP violations of the page, as they happen. */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on(
    'console',
    (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`),
  );
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  await page.exposeFunction('reportCspViolation', (violation: string) =>
    problems.push(`CSP: ${violation}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(violation: string): void })
        .reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  return problems;
}

/**
 * Mounts what a page loads only when the visitor reaches it (the explainer's island, which shows its
 * controls once mounted), so that its code runs under the policy too; then lets the page's pending
 * reports arrive, since each one crosses to the test as a message.
 */
async function runEverything(page: Page): Promise<void> {
  const demo = page.locator('[data-model-checker]');
  if ((await demo.count()) > 0) {
    await demo.scrollIntoViewIfNeeded();
    await expect(demo.getByRole('button', { name: 'Check every interleaving' })).toBeVisible();
  }
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

for (const path of pages) {
  test(`${path} runs under the header policy without a violation or console error`, async ({
    page,
  }) => {
    const problems = await watchForProblems(page);
    const response = await page.goto(path);
    await runEverything(page);
    expect(problems).toEqual([]);

    const header = parseCsp(response?.headers()['content-security-policy'] ?? '');
    const meta = parseCsp(
      (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ??
        '',
    );
    expect(
      [...header.keys()].sort(),
      'the header has the meta tag’s directives and frame-ancestors',
    ).toEqual([...meta.keys(), 'frame-ancestors'].sort());
    for (const [name, sources] of meta)
      expect(header.get(name), name).toEqual(expect.arrayContaining([...sources]));
    for (const directive of ['script-src', 'style-src']) {
      const allowed = hashesAllowedInHeaderOf(path, directive);
      const fromOtherSections = header
        .get(directive)
        ?.filter((source) => source.startsWith("'sha") && !allowed.has(source));
      expect(fromOtherSections, `${directive} lists no hash of another section`).toEqual([]);
    }

    const inlineHandlers = await page.locator('*').evaluateAll((elements) =>
      elements.flatMap((element) =>
        element
          .getAttributeNames()
          .filter((name) => name.startsWith('on'))
          .map((name) => `<${element.localName} ${name}>`),
      ),
    );
    expect(inlineHandlers).toEqual([]);
    const unsafeNewTabLinks = await page.locator('[target="_blank"]').evaluateAll((links) =>
      links
        .filter((link) => {
          const rel = link.getAttribute('rel')?.split(/\s+/) ?? [];
          return !rel.includes('noopener') || !rel.includes('noreferrer');
        })
        .map((link) => link.outerHTML),
    );
    expect(unsafeNewTabLinks).toEqual([]);
  });
}

test('the policy allows only the site itself, its hashed inline code, the form service and the canonical site', async ({
  request,
}) => {
  const csp = parseCsp((await request.get('/')).headers()['content-security-policy'] ?? '');
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')?.[0]).toBe("'self'");
  expect(
    csp
      .get('script-src')
      ?.slice(1)
      .every((source) => /^'sha256-[\w+/]+=*'$/.test(source)),
  ).toBe(true);
  expect(csp.get('style-src')?.[0]).toBe("'self'");
  expect(
    csp
      .get('style-src')
      ?.slice(1)
      .every((source) => /^'sha256-[\w+/]+=*'$/.test(source)),
  ).toBe(true);
  // The service's redirect after a plain post goes to the thanks page on the canonical site, whatever host
  // posted, or to a page of the service's own.
  expect(csp.get('form-action')).toEqual([
    "'self'",
    ...new Set([
      formOrigin,
      new URL(site.url).origin,
      ...adapters[site.contact.provider].plainPostLandings,
    ]),
  ]);
  expect(csp.get('connect-src')).toEqual(["'self'", formOrigin]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
});

test('pages are revalidated on every visit and carry the security headers', async ({ request }) => {
  for (const path of ['/', '/contact/', '/contact/nope', '/nope']) {
    const headers = (await request.get(path)).headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
    }
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
  for (const path of ['/', '/contact/', '/contact/nope']) {
    const headers = (await request.get(path)).headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
  // Under no section of the build, the 404 page's meta tag is the only policy; X-Frame-Options
  // keeps it out of frames.
  expect((await request.get('/nope')).headers()['content-security-policy']).toBeUndefined();
  expect((await request.get('/')).headers()['cache-control']).toBe(CACHE_CONTROL.revalidate);
  expect((await request.get('/contact/')).headers()['cache-control']).toBe(
    CACHE_CONTROL.revalidate,
  );
});

test('hashed assets are cached for a year as immutable', async ({ page, request }) => {
  await page.goto('/');
  // CSS is inlined; the web font its @font-face names is a hashed asset every page refers to.
  const asset = /\/_astro\/[^"')\s]+/.exec(await page.content())?.[0];
  expect(asset).toBeDefined();
  const headers = (await request.get(asset ?? '')).headers();
  expect(headers['cache-control']).toBe(CACHE_CONTROL.hashed);
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('an inline script and handler injected into a page are blocked by the header alone', async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  await page.route('/contact/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')
      .replace('</head>', '<script>window.injected = 1</script></head>')
      .replace(
        '</body>',
        '<img src="/favicon.svg" alt="" onload="window.injectedHandler = 1"></body>',
      );
    await route.fulfill({ response, body: html });
  });

  await page.goto('/contact/');
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(0);
  expect(await page.evaluate(() => 'injected' in window || 'injectedHandler' in window)).toBe(
    false,
  );
  await expect
    .poll(() => problems)
    .toEqual(
      expect.arrayContaining([
        'CSP: script-src-elem blocked inline',
        'CSP: script-src-attr blocked inline',
      ]),
    );
  // The site's own hashed inline script still ran: it reveals the theme toggle.
  await expect(page.locator(`#${THEME_TOGGLE_ID}`)).toBeVisible();
});

test('an unknown URL shows the 404 page without a violation, in a section or outside any', async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  for (const path of ['/contact/nope', '/nope']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(notFoundHeading);
    await runEverything(page);
  }
  // Chrome reports the 404 status itself as a console error, so only violations and exceptions count.
  expect(problems.filter((problem) => !problem.startsWith('console:'))).toEqual([]);
});

test('no page can be shown in a frame, not even by the site itself', async ({ page }) => {
  // Same origin on purpose: Chrome blocks a public page framing localhost before any header is read.
  // `/nope` is the 404 page outside every section, kept out by X-Frame-Options alone.
  const framed = ['/contact/', '/nope'];
  await page.route('/framing-test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: framed.map((path) => `<iframe src="${path}" title="${path}"></iframe>`).join(''),
    }),
  );
  await page.goto('/framing-test/');
  await page.waitForLoadState('load');
  for (const path of framed)
    await expect(page.frameLocator(`iframe[title="${path}"]`).locator('#main'), path).toHaveCount(
      0,
    );
});

const MARKER = 'ZZZREFLECTZZZ';
const visitsWithPayload = [
  `/contact/thanks/?name=<script>alert(1)</script>&x=${MARKER}#${MARKER}`,
  `/${MARKER}-missing/?name=<script>alert(1)</script>#${MARKER}`,
];

for (const url of visitsWithPayload) {
  test(`${url.split('?')[0]} shows nothing from its URL`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await visit(page, url);
    const dom = await page.content();
    expect(dom).not.toContain(MARKER);
    expect(dom).not.toContain('alert(1)');
    expect(dialogs).toEqual([]);
  });
}

test('the contact form sends to its service under the policy', async ({ page }) => {
  const problems = await watchForProblems(page);
  await visit(page, '/contact/');
  const form = page.locator('[data-contact]');
  await form.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await form.getByLabel('Work e-mail').fill('ada@example.com');
  await form.getByRole('radio', { name: 'A pilot' }).check();
  await form
    .getByLabel('Your system and the problem')
    .fill('Checking the form under the Content-Security-Policy.');
  await form.getByLabel('I agree to be contacted').check();
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(page.locator('[data-sent]')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the model checker demo runs its worker under the policy', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto('/executable-specs/');
  const demo = page.locator('[data-model-checker]');
  await demo.scrollIntoViewIfNeeded();
  await demo.getByRole('button', { name: 'Check every interleaving' }).click();
  const steps = shortestCounterexample().trace.steps.length;
  await expect(demo.locator('[data-check-status]')).toHaveText(
    new RegExp(`^Invariant violated after ${steps} steps`),
  );
  expect(problems).toEqual([]);
});

test('every page states its policy first in <head>, so that it covers everything after it without headers', async ({
  page,
}) => {
  for (const path of pages) {
    await page.goto(path);
    const firstInHead = await page.evaluate(() =>
      [...document.head.children].slice(0, 2).map((element) => element.outerHTML.slice(0, 60)),
    );
    expect(firstInHead[0], path).toMatch(/^<meta charset="utf-8">/i);
    expect(firstInHead[1], path).toMatch(/^<meta http-equiv="content-security-policy" content="/i);
  }
});

test('every page allows exactly its own inline code: the scripts it runs and its stylesheets, not its structured data', async ({
  page,
}) => {
  const hash = async (code: string) =>
    `'sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code))).toString('base64')}'`;
  for (const path of pages) {
    await page.goto(path);
    const inline = await page.evaluate(() => ({
      policy:
        document
          .querySelector('meta[http-equiv="content-security-policy"]')
          ?.getAttribute('content') ?? '',
      scripts: [...document.querySelectorAll('script:not([src])')]
        .filter((script) => !(script as HTMLScriptElement).type.includes('json'))
        .map((script) => script.textContent),
      styles: [...document.querySelectorAll('style')].map((style) => style.textContent),
    }));
    const csp = parseCsp(inline.policy);
    const hashes = (directive: string) =>
      new Set(csp.get(directive)?.filter((source) => source.startsWith("'sha")));
    expect(hashes('script-src'), `${path}: script-src`).toEqual(
      new Set(await Promise.all(inline.scripts.map(hash))),
    );
    expect(hashes('style-src'), `${path}: style-src`).toEqual(
      new Set(await Promise.all(inline.styles.map(hash))),
    );
  }
});
