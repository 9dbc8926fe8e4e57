/** What the explainer's end-to-end specs share: where the demo is, how to open it, what it checks. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { checkWords, sourceWords } from '../../../src/content/interface/demo.ts';
import { sourceText } from '../../../src/build/explainer-sources.ts';
import {
  explainerSources,
  sourcePagePath,
  type ExplainerSourceName,
} from '../../../src/lib/demo/sources.ts';
import { defaultParameters, dnsControlPlane } from '../../../src/lib/models/dns-control-plane.ts';

export { shortestCounterexample } from '../../../src/lib/models/counterexample.ts';

export const PAGE = '/executable-specs/';
export const COUNT = /[\d,]+/;
export const ANY = /.+/;
export const INVARIANT = dnsControlPlane(defaultParameters).invariants[0]?.name ?? '';

export const demo = (page: Page) => page.locator('[data-model-checker]');
export const checkStatus = (page: Page) => demo(page).locator('[data-check-status]');
export const steps = (page: Page) => demo(page).locator('[data-steps] > li');
export const stepLabel = (page: Page) => demo(page).locator('[data-step-label]');

/** Scrolls to the demo and waits until the interactive part has taken over. */
export async function openDemo(page: Page, path = PAGE) {
  await page.goto(path);
  await demo(page).scrollIntoViewIfNeeded();
  await expect(demo(page).getByRole('button', { name: checkWords.run })).toBeVisible();
}

/** Axe finds no WCAG 2.2 AA violation in the demo as it is now, in the light and the dark scheme. */
export async function expectAccessibleInBothSchemes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const { violations } = await new AxeBuilder({ page })
      .include('[data-model-checker]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(
      violations.map(
        ({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`,
      ),
      colorScheme,
    ).toEqual([]);
  }
}

/** Neither the page nor the demo scrolls sideways, and the demo ends inside the viewport. */
export async function expectNoSidewaysScroll(page: Page, width: number) {
  const overflow = await demo(page).evaluate((element) => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    demo: element.scrollWidth - element.clientWidth,
    right: element.getBoundingClientRect().right,
  }));
  expect(overflow.page).toBe(0);
  expect(overflow.demo).toBe(0);
  expect(overflow.right).toBeLessThanOrEqual(width);
}

/**
 * A source file the explainer shows is the file in the repository: opened with the island running it
 * arrives highlighted by class (no inline style the policy would refuse), and without JavaScript its
 * box links to the source's own page, highlighted the same way, which links to the plain text. `nested`: the file has its own box inside the one labelled `label`,
 * which offers the model in two languages; opening it works with and without JavaScript.
 */
export async function expectSourceReadable(
  page: Page,
  browser: Browser,
  { name, label, nested = false }: { name: ExplainerSourceName; label: string; nested?: boolean },
) {
  const source = sourceText(explainerSources[name]);
  const firstDeclaration = /^(export|module) .+$/m.exec(source)?.[0] ?? '';
  expect(firstDeclaration, `${name} declares something to look for`).not.toBe('');
  const open = async (outer: Locator) => {
    await outer.locator(':scope > summary').click();
    if (!nested) return outer;
    const inner = outer.locator(`details[data-source="${explainerSources[name].served}.json"]`);
    await inner.locator(':scope > summary').click();
    return inner;
  };

  await openDemo(page);
  const box = await open(demo(page).locator('details', { hasText: label }));
  await expect(box.locator('pre code')).toContainText(firstDeclaration);
  const keyword = box.locator('pre .tok-keyword').first();
  await expect(keyword).toBeVisible();
  await expect(box.locator('[style]')).toHaveCount(0);
  const colour = (element: Element) => getComputedStyle(element).color;
  expect(
    await keyword.evaluate(colour),
    'keywords stand out from the code around them (the page kept their CSS)',
  ).not.toBe(await box.locator('pre').evaluate(colour));

  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(PAGE);
  const fallback = await open(demo(plain).locator('details', { hasText: label }));
  // Without JavaScript the box leads to the source's own page, highlighted at build time by class,
  await fallback.getByRole('link', { name: sourceWords.highlighted }).click();
  await expect(plain).toHaveURL(new RegExp(`${sourcePagePath(name)}$`));
  await expect(plain.locator('main pre code')).toContainText(firstDeclaration);
  await expect(plain.locator('main pre .tok-keyword').first()).toBeVisible();
  await expect(plain.locator('main pre .tok-comment').first()).toBeVisible();
  await expect(plain.locator('main [style]')).toHaveCount(0);
  expect(
    await plain.locator('main pre .tok-keyword').first().evaluate(colour),
    'keywords stand out on the source page too',
  ).not.toBe(await plain.locator('main pre').evaluate(colour));
  // which offers the file as it is in the repository, as plain text.
  const response = await plain.request.get(
    (await plain.getByRole('link', { name: sourceWords.plainText }).getAttribute('href')) ?? '',
  );
  expect(response.ok()).toBe(true);
  expect(await response.text()).toBe(source);
  await context.close();
}
