/**
 * Fonts and layout stability at load: a page requests no font its text does not use, paints without
 * waiting for the web font on a first visit, and nothing moves, in either colour scheme.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  WEB_FONT_FAMILY,
  WEB_FONT_PENDING_CLASS,
  WEB_FONT_STORAGE_KEY,
} from '../../src/scripts/names';
import { expectNoShift } from './support/layout-shift';
import { builtRoutes } from './support/site';

const schemes = ['light', 'dark'] as const;

/** Font files requested by the page, by path. */
function recordFontRequests(page: Page): string[] {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
  });
  return fonts;
}

/** The family each @font-face file belongs to, and the first family of every element's computed font. */
const fontUse = (page: Page) =>
  page.evaluate(() => {
    const faces: Record<string, string> = {};
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSFontFaceRule)) continue;
        const url = /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'))?.[1];
        if (url)
          faces[new URL(url, location.href).pathname] = rule.style
            .getPropertyValue('font-family')
            .replace(/["']/g, '');
      }
    }
    const families = new Set(
      [...document.querySelectorAll('body, body *')].map((element) =>
        getComputedStyle(element).fontFamily.split(',')[0]?.trim().replace(/["']/g, ''),
      ),
    );
    return { faces, families: [...families] };
  });

for (const path of builtRoutes()) {
  test(`${path}: fonts are the ones its text uses, and nothing shifts at load`, async ({
    page,
  }) => {
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => localStorage.clear()).catch(() => undefined);
      const requested = recordFontRequests(page);

      // First visit: painted in the metric-matched fallback; the web font is fetched after load, for later pages.
      await page.goto(path, { waitUntil: 'load' });
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${WEB_FONT_PENDING_CLASS}\\b`));
      await expect
        .poll(() => page.evaluate((key) => localStorage.getItem(key), WEB_FONT_STORAGE_KEY))
        .toBe('1');
      await expectNoShift(page, `${colorScheme}, first visit`);
      expect(
        (await fontUse(page)).families,
        'no text in the web font before it is cached',
      ).not.toContain(WEB_FONT_FAMILY);

      // Every later page: the cached web font from the first paint, still without a shift.
      await page.reload({ waitUntil: 'load' });
      await expect(page.locator('html')).not.toHaveClass(
        new RegExp(`\\b${WEB_FONT_PENDING_CLASS}\\b`),
      );
      expect(
        await page.evaluate(
          (family) => document.fonts.check(`600 1em "${family}"`),
          WEB_FONT_FAMILY,
        ),
      ).toBe(true);
      await expectNoShift(page, `${colorScheme}, later visit`);

      const { faces, families } = await fontUse(page);
      expect(families).toContain(WEB_FONT_FAMILY);
      expect(new Set(requested).size, `${colorScheme}: one font file for the whole site`).toBe(1);
      for (const font of requested) {
        expect(faces[font], `${font} is declared by an @font-face`).toBeDefined();
        expect(families, `${font} draws some text`).toContain(faces[font]);
      }
    }
  });
}
