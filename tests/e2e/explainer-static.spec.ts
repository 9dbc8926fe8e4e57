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
import { readFileSync } from 'node:fs';
import {
  dnsControlPlane,
  labParameters,
  ROOT_INVARIANT,
} from '../../src/lib/models/dns-control-plane.ts';
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
  // The stale deploy is marked, and every deploy writes the lock's holder and epoch.
  await expect(diagram.locator('[data-event="stale-deploy"]')).toBeVisible();
  const deploys = await diagram
    .locator('[data-event="Deploy"], [data-event="stale-deploy"]')
    .count();
  await expect(diagram.locator('[data-state-change="lock"]')).toHaveCount(deploys);
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

test('the explainer publishes the lab instance’s counterexample and says how to replay it in the workshop repository', async ({
  page,
}) => {
  await page.goto(EXPLAINER);
  const link = page.locator('[data-lab-itf]');
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const response = await page.request.get(href);
  expect(response.ok()).toBe(true);
  const parsed = parseDnsItf(await response.text());
  if (!parsed.ok) throw new Error(parsed.error);
  const [trace] = parsed.value;
  expect(trace!.parameters).toEqual(labParameters);
  const last = trace!.trace.steps.at(-1)!.state;
  const spec = dnsControlPlane(trace!.parameters);
  expect(spec.invariants.find(({ holds }) => !holds(last))?.name).toBe(ROOT_INVARIANT);
  // One command, naming the file as published, next to a link to the repository it runs in.
  const command = page.locator('[data-lab-replay-command]');
  await expect(command).toContainText(href.split('/').at(-1)!);
  // The workshop's Makefile target that runs its replay script (mbt/test_dns_control_plane_itf_replay.py).
  await expect(command).toHaveText(/^make mbt MBT_TRACE=\S+$/);
  const repository = /url: (\S+)/.exec(
    readFileSync(
      new URL('../../src/content/writing/devconf-cz-2026-repository.yaml', import.meta.url),
      'utf8',
    ),
  )![1]!;
  await expect(page.locator(`main a[href="${repository}"]`).first()).toBeVisible();
});

test('the workshop page links to the explainer to run the lab’s model', async ({ page }) => {
  await page.goto('/training/devconf-cz-2026/');
  const link = page.locator(`main a[href="${EXPLAINER}"]`, { hasText: /lab/ });
  await expect(link.first()).toBeVisible();
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
