import { expect, type Page } from '@playwright/test';
import { listFiles, outDir, routeOf } from '../../../scripts/quality/build-output.ts';
import { PAGE_SCRIPT_ATTRIBUTE, PAGE_SCRIPT_RAN_ATTRIBUTE } from '../../../src/scripts/names.ts';

export { outDir };

/**
 * Every page in the build, from its files, so a new page is covered by the tests without an edit:
 * `/training/` for `training/index.html`, and `/404.html`, the page a host sends for unknown paths.
 */
export function builtRoutes(): string[] {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => routeOf(outDir, file))
    .sort();
}

/** Waits until every script of the page, each started after the first paint, has run. */
export async function pageScriptsRan(page: Page): Promise<void> {
  await expect(
    page.locator(`script[${PAGE_SCRIPT_ATTRIBUTE}]:not([${PAGE_SCRIPT_RAN_ATTRIBUTE}])`),
  ).toHaveCount(0);
}

/** Opens a page as a visitor has it a moment after it appears: painted, and its scripts run. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The load event can come before the first paint on a busy machine. An observer, not a poll of
  // `performance`: a test's fake clock replaces `performance` with one that lists no entries.
  await page.evaluate(
    () =>
      new Promise<void>((painted) =>
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('first-contentful-paint').length === 0) return;
          observer.disconnect();
          painted();
        }).observe({ type: 'paint', buffered: true }),
      ),
  );
  await pageScriptsRan(page);
}
