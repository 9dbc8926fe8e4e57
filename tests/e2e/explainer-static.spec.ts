/**
 * The pictures and the ITF file work without JavaScript: the explainer's sequence diagram and
 * hit-rate chart, the downloadable counterexample, and the small diagram beside the home hero.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  heroDiagramWords,
  hitRateWords,
  itfWords,
  swimlaneWords,
} from '../../src/content/interface/mbt.ts';
import { shortestCounterexample } from '../../src/lib/models/counterexample.ts';
import { parseDnsItf } from '../../src/lib/models/dns-control-plane-itf.ts';
import { DELAY_CHANCES } from '../../src/lib/models/hit-rates.ts';

const EXPLAINER = '/executable-specs/';

test.use({ javaScriptEnabled: false });

const traceSteps = (page: Page) => page.locator('[data-model-checker] [data-steps] > li');

test('the explainer draws the counterexample as a sequence diagram, the broken invariant marked', async ({
  page,
}) => {
  await page.goto(EXPLAINER);
  const diagram = page.getByRole('img', { name: swimlaneWords.title });
  await expect(diagram).toBeVisible();
  const steps = await traceSteps(page).count();
  expect(steps).toBeGreaterThan(0);
  await expect(diagram.locator('[data-event]')).toHaveCount(steps);
  await expect(diagram.locator('[data-violation]')).toHaveAttribute(
    'data-violation',
    String(steps),
  );
  await expect(diagram.locator('[data-deleted]')).toBeVisible();
  await expect(diagram.locator('[data-delay]')).toBeVisible();
  // Above the step-by-step trace, which stays as its text equivalent.
  const [diagramBox, stepsBox] = [
    await diagram.boundingBox(),
    await traceSteps(page).first().boundingBox(),
  ];
  expect(diagramBox!.y + diagramBox!.height).toBeLessThanOrEqual(stepsBox!.y);
});

test('the explainer charts the hit rate of random testing against exhaustive search', async ({
  page,
}) => {
  await page.goto(EXPLAINER);
  const chart = page.getByRole('img', { name: hitRateWords.title });
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-point]')).toHaveCount(DELAY_CHANCES.length);
  const states = await chart.locator('[data-reference]').getAttribute('data-reference');
  await expect(chart.locator('[data-reference]')).toHaveText(
    hitRateWords.exhaustive(Number(states)),
  );
  await expect(page.locator('[data-check-status]')).toContainText(
    Number(states).toLocaleString('en-US'),
  );
});

test('the explainer links the counterexample as an ITF file, one state per step plus the initial one', async ({
  page,
}) => {
  await page.goto(EXPLAINER);
  const link = page.getByRole('link', { name: itfWords.download });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('application/json');
  const parsed = parseDnsItf(await response.text());
  if (!parsed.ok) throw new Error(parsed.error);
  const steps = await traceSteps(page).count();
  expect(parsed.value[0]!.trace.steps).toHaveLength(steps);
  expect((JSON.parse(await response.text()) as { states: unknown[] }).states).toHaveLength(
    steps + 1,
  );
});

test('the home page shows the race small beside the hero, linking to the explainer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const figure = page.locator('[data-hero-diagram]');
  await expect(
    figure.getByRole('img', {
      name: swimlaneWords.compactTitle(shortestCounterexample().trace.steps.length),
    }),
  ).toBeVisible();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  const box = await figure.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(heading!.x + heading!.width);
  expect(box!.y).toBeLessThan(800);
  await figure.getByRole('link', { name: heroDiagramWords.link }).click();
  await expect(page).toHaveURL(new RegExp(`${EXPLAINER}$`));
});

test.describe('on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const sidewaysOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  test('the home page does not scroll sideways; the small diagram fits', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-hero-diagram] svg')).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('the explainer does not scroll sideways; the diagram scrolls in its own box', async ({
    page,
  }) => {
    await page.goto(EXPLAINER);
    const frame = page.locator('[data-trace-diagram-frame]');
    await expect(frame.locator('svg')).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(
      await frame.evaluate((element) => element.scrollWidth - element.clientWidth),
    ).toBeGreaterThan(0);
  });
});
