import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtRoutes, visit } from './support/site';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const viewports = [
  { name: 'phone', width: 375, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
];
const schemes = ['light', 'dark'] as const;

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

for (const route of builtRoutes()) {
  test(`${route} has no WCAG 2.2 AA violation in either scheme, on a phone and a desktop`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await visit(page, route);
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      for (const colorScheme of schemes) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        expect(await axeViolations(page), `${viewport.name}, ${colorScheme}`).toEqual([]);
      }
    }
  });

  test(`${route} can be walked with the keyboard: every control reached in reading order, focus always visible`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await visit(page, route);
    const expected = await page.evaluate(() => {
      const selector =
        'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
      const radioGroups = new Set<string>();
      return [...document.querySelectorAll<HTMLElement>(selector)]
        .filter(
          (element) =>
            element.tabIndex >= 0 && element.checkVisibility({ visibilityProperty: true }),
        )
        .filter((element) => {
          // Tab enters a radio group once; the arrow keys move within it.
          if (!(element instanceof HTMLInputElement) || element.type !== 'radio') return true;
          if (radioGroups.has(element.name)) return false;
          radioGroups.add(element.name);
          return true;
        })
        .map((element, index) => {
          element.dataset.walkIndex = String(index);
          return element.outerHTML.slice(0, 80);
        });
    });

    const visited: number[] = [];
    // Controls a page script reveals during the walk are extra stops: the explainer's island loads
    // when focus first enters the demo and shows its buttons then.
    for (let step = 0; step < expected.length * 2 + 20; step += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        const visible =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none';
        return { index: element.dataset.walkIndex, visible, html: element.outerHTML.slice(0, 80) };
      });
      if (!focus) break;
      expect(focus.visible, `focus is visible on ${focus.html}`).toBe(true);
      if (focus.index === undefined) continue;
      const index = Number(focus.index);
      if (visited.includes(index)) break;
      expect(index, `${focus.html} comes after the previous stop in reading order`).toBeGreaterThan(
        visited.at(-1) ?? -1,
      );
      visited.push(index);
    }
    const missed = expected.filter((_, index) => !visited.includes(index));
    expect(missed, 'controls the keyboard never reached').toEqual([]);
  });
}

test('the accessibility gate catches an image without a text alternative', async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Fixture</title></head><body><main><h1>Fixture</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1"></main></body></html>',
  );
  expect((await axeViolations(page)).join('\n')).toMatch(/^image-alt:/m);
});
