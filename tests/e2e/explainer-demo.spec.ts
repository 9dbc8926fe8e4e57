import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { check } from '../../src/lib/checker/bfs.ts';
import { dnsControlPlane } from '../../src/lib/models/dns-control-plane.ts';
import { traceHash } from '../../src/lib/demo/shared-trace.ts';
import { recordClipboardWrites } from './support/clipboard.ts';

const PAGE = '/executable-specs/';
const ISLAND_SCRIPT = /\/_astro\/(ui|checker-worker)[.-][\w-]+\.js$/;

const demo = (page: Page) => page.locator('[data-model-checker]');
const checkStatus = (page: Page) => demo(page).locator('[data-check-status]');
const steps = (page: Page) => demo(page).locator('[data-steps] > li');
const stepLabel = (page: Page) => demo(page).locator('[data-step-label]');

/** Scrolls to the demo and waits until the interactive part has taken over. */
async function openDemo(page: Page, path = PAGE) {
  await page.goto(path);
  await demo(page).scrollIntoViewIfNeeded();
  await expect(demo(page).getByRole('button', { name: 'Check every interleaving' })).toBeVisible();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows the counterexample found at build time and the model that runs', async ({ page }) => {
    await page.goto(PAGE);
    await expect(checkStatus(page)).toContainText(
      'Checked when this page was built: the invariant breaks after 7 steps',
    );
    await expect(steps(page)).toHaveCount(7);
    await expect(steps(page).first()).toContainText('planner');
    await expect(steps(page).last()).toContainText('Invariant violated');
    await expect(steps(page).last()).toContainText('plan 2 (deleted)');
    await expect(demo(page).getByRole('button', { name: 'Check every interleaving' })).toBeHidden();
    const source = demo(page).locator('details', { hasText: 'Read the model' });
    await source.locator('summary').click();
    await expect(source.locator('pre code')).toContainText('export function dnsControlPlane');
    await expect(source.locator('pre [style]')).toHaveCount(0);
  });
});

test('no demo script is fetched before the visitor reaches the demo', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((url) => ISLAND_SCRIPT.test(url))).toEqual([]);

  const uiLoaded = page.waitForRequest(ISLAND_SCRIPT);
  await demo(page).scrollIntoViewIfNeeded();
  await uiLoaded;
  await expect(demo(page).getByRole('button', { name: 'Check every interleaving' })).toBeVisible();
});

test('checking finds the violation, and the stepper walks it by button and by key', async ({ page }) => {
  await openDemo(page);
  await demo(page).getByRole('button', { name: 'Check every interleaving' }).click();
  await expect(checkStatus(page)).toHaveText(/^Invariant violated after 7 steps\. Searched [\d,]+ states/);
  await expect(page).toHaveURL(/#trace=2-3-1~[\w.-]+$/);
  await expect(stepLabel(page)).toHaveText('Step 0 of 7');

  const next = demo(page).getByRole('button', { name: 'Next step' });
  await next.click();
  await expect(stepLabel(page)).toHaveText('Step 1 of 7');
  await expect(steps(page).first()).toHaveAttribute('aria-current', 'step');
  await expect(demo(page).locator('[data-step-announcer]')).toContainText(
    'Step 1 of 7: planner publishes the next plan',
  );

  await next.focus();
  await page.keyboard.press('End');
  await expect(stepLabel(page)).toHaveText('Step 7 of 7');
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  const changedRoot = demo(page).locator('[data-state] > [data-changed]', { hasText: 'root record' });
  await expect(changedRoot).toContainText('plan 2 (deleted)');
  await expect(demo(page).locator('[data-step-announcer]')).toContainText('Invariant violated');

  await page.keyboard.press('ArrowLeft');
  await expect(stepLabel(page)).toHaveText('Step 6 of 7');
  await expect(steps(page).nth(5)).toHaveAttribute('aria-current', 'step');
});

test('the fix makes the invariant hold in every reachable state', async ({ page }) => {
  await openDemo(page);
  const built = await demo(page)
    .getByText(/with the fix, the invariant holds in all [\d,]+ reachable/)
    .textContent();
  const states = /all ([\d,]+) reachable/.exec(built ?? '')?.[1];
  const fix = demo(page).getByRole('button', { name: 'Apply the fix' });
  await fix.click();
  await expect(fix).toHaveAttribute('aria-pressed', 'true');
  await expect(checkStatus(page)).toHaveText(new RegExp(`^Invariant holds in all ${states} reachable states`));
  await expect(steps(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');

  await fix.click();
  await expect(checkStatus(page)).toContainText('Invariant violated after 7 steps');
});

test('the state limit is reported as such', async ({ page }) => {
  await openDemo(page);
  await demo(page).getByLabel('Enactors').selectOption('4');
  await demo(page).getByLabel('Plans').selectOption('8');
  await demo(page).getByLabel('State limit').selectOption('1000');
  await demo(page).getByRole('button', { name: 'Apply the fix' }).click();
  await expect(checkStatus(page)).toContainText('Stopped at the state limit of 1,000 states');
});

test('a shared link restores its trace, and a broken one is refused', async ({ page }) => {
  await page.goto(`${PAGE}#trace=2-3-1~0.6`);
  await expect(checkStatus(page)).toContainText('The linked trace does not fit the model: step 2');
  await expect(steps(page)).toHaveCount(7);

  const parameters = { enactors: 2, plans: 4, cleanupAge: 2, fixed: false };
  const result = check(dnsControlPlane(parameters));
  if (result.kind !== 'violation') throw new Error('expected a violation');
  // Same document, so this arrives as a hash change rather than a page load.
  await page.goto(PAGE + traceHash({ parameters, moves: result.trace.steps }));
  await expect(checkStatus(page)).toHaveText('Showing the linked trace: 8 steps, ends with the invariant violated.');
  await expect(steps(page)).toHaveCount(8);
  await expect(demo(page).getByLabel('Plans')).toHaveValue('4');
  await expect(demo(page).getByLabel('Cleanup age')).toHaveValue('2');

  await page.reload();
  await expect(checkStatus(page)).toHaveText('Showing the linked trace: 8 steps, ends with the invariant violated.');
  await expect(demo(page).locator('[data-trace-heading]')).toHaveText('Linked trace');
});

test('random testing reports the hit rate it observed', async ({ page }) => {
  await openDemo(page);
  await demo(page).getByLabel('Chance an enactor is delayed').selectOption({ label: 'none: uniform random order' });
  await demo(page).getByLabel('Random runs').selectOption('1000');
  await demo(page).getByRole('button', { name: 'Try random testing' }).click();
  const status = demo(page).locator('[data-random-status]');
  await expect(status).toHaveText(/^[\d,]+ of 1,000 random runs broke the invariant \([\d.]+ %\)/);
  await expect(demo(page).locator('[data-random-history] tbody tr')).toHaveCount(1);
  await expect(demo(page).locator('[data-trace-heading]')).toContainText('Shortest trace among the random runs');
});

test('comparing delay chances shows the hit rate collapse', async ({ page }) => {
  await openDemo(page);
  const choices = await demo(page).getByLabel('Chance an enactor is delayed').locator('option').allTextContents();
  await demo(page).getByRole('button', { name: 'Compare every delay chance' }).click();
  const rows = demo(page).locator('[data-random-history] tbody tr');
  await expect(rows).toHaveCount(choices.length, { timeout: 30_000 });
  const rateFor = async (label: string) => {
    const cells = await rows.filter({ hasText: label }).first().locator('td').allTextContents();
    return Number.parseFloat(cells[4] ?? '');
  };
  // 10,000 runs each: about 7 % against about 0.2 %, far apart for any seed.
  expect(await rateFor('none: uniform random order')).toBeGreaterThan(await rateFor('1 % (realistic)'));
});

test('copying gives a link to the trace and the trace as a JSON test vector, with a fallback when blocked', async ({ page }) => {
  const lastCopied = await recordClipboardWrites(page);
  await openDemo(page);
  const copyStatus = demo(page).locator('[data-copy-status]');

  await demo(page).getByRole('button', { name: 'Copy link to this trace' }).click();
  await expect(copyStatus).toHaveText('Link copied.');
  expect(await lastCopied()).toMatch(/\/executable-specs\/#trace=2-3-1~[\w.-]+$/);

  await demo(page).getByRole('button', { name: 'Copy as test' }).click();
  await expect(copyStatus).toHaveText('Test vector copied as JSON.');
  const copied = JSON.parse(await lastCopied()) as {
    model: string;
    steps: { actor: string; state: { rootRecord: number; storedPlans: number[] } }[];
    expectBroken: string;
  };
  expect(copied.model).toBe('dns-control-plane');
  expect(copied.steps).toHaveLength(7);
  expect(copied.expectBroken).toBe('the root record points to a plan that exists');
  const last = copied.steps.at(-1)?.state;
  expect(last?.storedPlans).not.toContain(last?.rootRecord);

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('blocked'));
  });
  await demo(page).getByRole('button', { name: 'Copy as test' }).click();
  const fallback = demo(page).locator('[data-copy-fallback] textarea');
  await expect(fallback).toBeVisible();
  await expect(fallback).toBeFocused();
  expect(JSON.parse(await fallback.inputValue())).toEqual(copied);
});

test('the demo in use has no WCAG 2.2 AA violation in either scheme', async ({ page }) => {
  // Axe checks the contrast of every highlighted token of the model's source, which takes a while.
  test.setTimeout(120_000);
  await openDemo(page);
  await demo(page).getByRole('button', { name: 'Check every interleaving' }).click();
  await demo(page).getByRole('button', { name: 'Next step' }).click();
  await demo(page).getByRole('button', { name: 'Try random testing' }).click();
  await expect(demo(page).locator('[data-random-history] tbody tr')).toHaveCount(1);
  await demo(page).locator('details summary').click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const { violations } = await new AxeBuilder({ page })
      .include('[data-model-checker]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(
      violations.map(({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the demo fits without scrolling sideways', async ({ page }) => {
    await openDemo(page);
    await demo(page).getByRole('button', { name: 'Check every interleaving' }).click();
    await expect(checkStatus(page)).toContainText('Invariant violated');
    await demo(page).getByRole('button', { name: 'Next step' }).click();
    const overflow = await demo(page).evaluate((element) => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      demo: element.scrollWidth - element.clientWidth,
      right: element.getBoundingClientRect().right,
    }));
    expect(overflow.page).toBe(0);
    expect(overflow.demo).toBe(0);
    expect(overflow.right).toBeLessThanOrEqual(320);
  });
});
