import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/config';
import { frameWords, navLabels } from '../../src/content/interface/site';
import { SITE_MENU_ID, THEME_TOGGLE_ID } from '../../src/scripts/names';
import { readEntry } from './support/content-entries';
import { builtRoutes } from './support/site';

const routes = builtRoutes();

test('the build has every page of the site', () => {
  for (const path of [
    ...site.nav.map((item) => item.href),
    site.cta.href,
    site.contact.thanksPath,
    site.privacy.href,
  ]) {
    expect(routes).toContain(path);
  }
});

for (const path of routes) {
  test(`${path} answers 200 with exactly one h1 and a titled, described head`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page).toHaveTitle(/\S/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^.{40,}$/);
    await expect(page.locator('html')).toHaveAttribute('lang', site.locale);
  });
}

test('an unknown path answers 404 with the styled not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  const notFound = readEntry('pages', 'not-found');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFound.heading);
  await expect(
    page.getByRole('navigation', { name: frameWords.mainNavigation }).first(),
  ).toBeAttached();
  expect(notFound.cta?.href).toBe('/');
  await expect(
    page.locator('main').getByRole('link', { name: notFound.cta?.label }),
  ).toHaveAttribute('href', '/');
});

test.describe('desktop navigation', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('reaches every page from the header and marks the current one', async ({ page }) => {
    for (const { label, href } of site.nav) {
      await page.goto('/contact/');
      await page
        .getByRole('navigation', { name: frameWords.mainNavigation })
        .getByRole('link', { name: label, exact: true })
        .click();
      await expect(page).toHaveURL(href);
      await expect(page.locator('h1')).toHaveCount(1);
      const current = page
        .getByRole('navigation', { name: frameWords.mainNavigation })
        .locator('[aria-current="page"]');
      await expect(current).toHaveText(label);
    }
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: site.cta.label }).click();
    await expect(page).toHaveURL(site.cta.href);
  });
});

/** `#fbfaf7` as a computed style reads it: `rgb(251, 250, 247)`. */
function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;
}

async function openMenuWithKeyboard(page: Page) {
  const summary = page.locator(`#${SITE_MENU_ID} > summary`);
  await summary.focus();
  await page.keyboard.press('Enter');
  return summary;
}

test.describe('mobile menu', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('opens and closes with the keyboard, and Escape closes it', async ({ page }) => {
    await page.goto('/');
    const menu = page
      .getByRole('navigation', { name: frameWords.mainNavigation })
      .locator('visible=true');
    await expect(menu).toHaveCount(0);
    const summary = await openMenuWithKeyboard(page);
    await expect(menu.getByRole('link', { name: 'Training' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Home' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(summary).toBeFocused();
  });

  test('takes the visitor to a page', async ({ page }) => {
    await page.goto('/');
    await openMenuWithKeyboard(page);
    await page
      .getByRole('navigation', { name: frameWords.mainNavigation })
      .getByRole('link', { name: navLabels.spotlights })
      .click();
    await expect(page).toHaveURL('/spotlights/');
  });

  test('nothing overflows a 320 px screen', async ({ page }) => {
    for (const path of routes) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('mobile menu without JavaScript', () => {
  test.use({ viewport: { width: 375, height: 700 }, javaScriptEnabled: false });

  test('opens and closes with the keyboard', async ({ page }) => {
    await page.goto('/training/');
    const menu = page
      .getByRole('navigation', { name: frameWords.mainNavigation })
      .locator('visible=true');
    await openMenuWithKeyboard(page);
    await expect(menu.getByRole('link', { name: 'Executable specs' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
  });
});

test.describe('colour scheme', () => {
  test('follows the system until the visitor chooses', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.getByRole('button', { name: frameWords.darkTheme })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.getByRole('button', { name: frameWords.darkTheme })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  test('the toggle persists across reloads and pages with no flash of the other scheme', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // Records the chosen scheme when <body> starts: the CSS inlined in <head> paints with it.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { schemeAtFirstPaint?: string }).schemeAtFirstPaint =
            document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/');
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const lightBackground = await background();
    await page.getByRole('button', { name: frameWords.darkTheme }).click();
    await expect(page.getByRole('button', { name: frameWords.darkTheme })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await background()).not.toBe(lightBackground);

    for (const path of ['/', '/training/']) {
      await page.goto(path);
      expect(
        await page.evaluate(
          () => (window as unknown as { schemeAtFirstPaint?: string }).schemeAtFirstPaint,
        ),
      ).toBe('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.getByRole('button', { name: frameWords.darkTheme })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    }
    await page.getByRole('button', { name: frameWords.darkTheme }).click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe(lightBackground);
  });

  test('without JavaScript the system scheme applies and no dead toggle is shown', async ({
    browser,
  }) => {
    // The page must paint the theme colour the browser's own interface takes for that scheme.
    expect(site.themeColor.light).not.toBe(site.themeColor.dark);
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.locator(`#${THEME_TOGGLE_ID}`)).toBeHidden();
      await expect(page.locator('html'), colorScheme).toHaveCSS(
        'background-color',
        rgb(site.themeColor[colorScheme]),
      );
      await context.close();
    }
  });
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/training/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: frameWords.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() =>
    document.querySelector('main')?.contains(document.activeElement),
  );
  expect(focusedInMain).toBe(true);
});

test('pages without interactive parts load no script file', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  for (const path of ['/', '/training/', '/spotlights/', '/writing/']) await page.goto(path);
  expect(scripts).toEqual([]);
});
