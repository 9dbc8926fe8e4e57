import { expect, test } from '@playwright/test';
import {
  checkWords,
  parameterWords,
  randomWords,
  shareWords,
  sourceWords,
  traceWords,
} from '../../src/content/interface/demo.ts';
import {
  ISLAND_PART_ATTRIBUTE,
  ISLAND_STYLESHEET_ATTRIBUTE,
  type IslandPartsFile,
} from '../../src/lib/island-parts.ts';
import { check } from '../../src/lib/checker/bfs.ts';
import { traceHash } from '../../src/lib/demo/shared-trace.ts';
import { explainerSources } from '../../src/lib/demo/sources.ts';
import {
  ACTION_WORDS,
  defaultParameters,
  dnsControlPlane,
} from '../../src/lib/models/dns-control-plane.ts';
import { recordClipboardWrites } from './support/clipboard.ts';
import {
  ANY,
  checkStatus,
  COUNT,
  demo,
  expectAccessibleInBothSchemes,
  expectNoSidewaysScroll,
  expectSourceReadable,
  INVARIANT,
  openDemo,
  PAGE,
  shortestCounterexample,
  stepLabel,
  steps,
} from './support/explainer.ts';
import { visit } from './support/site.ts';
import { sentence } from './support/words.ts';

const ISLAND_SCRIPT = /\/_astro\/(island|checker-worker)[.-][\w-]+\.js$/;
const ISLAND_PARTS_FILE = /\/_astro\/island\.[\w-]+\.json$/;
/** The island's module runs as the checker's worker too. */
const WORKER_SCRIPT = /\/_astro\/island[.-][\w-]+\.js$/;
const { deployers, plans, keep } = defaultParameters;
const DEFAULT_HASH = new RegExp(`#trace=${deployers}-${plans}-${keep}~[\\w.-]+$`);
/** How the root reads after the last step of the build-time counterexample: its plan, deleted. */
const deletedRoot = () => {
  const { trace } = shortestCounterexample();
  return dnsControlPlane(defaultParameters).describe(trace.steps.at(-1)!.state)['root']!;
};

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows the counterexample found at build time and the model that runs', async ({
    page,
  }) => {
    const built = shortestCounterexample();
    const length = built.trace.steps.length;
    await page.goto(PAGE);
    await expect(checkStatus(page)).toHaveText(
      sentence(checkWords.builtResult, String(length), COUNT),
    );
    await expect(steps(page)).toHaveCount(length);
    await expect(steps(page).first()).toContainText('planner');
    await expect(steps(page).last()).toContainText(`${traceWords.violated} ${INVARIANT}`);
    await expect(steps(page).last()).toContainText(deletedRoot());
    await expect(demo(page).getByRole('button', { name: checkWords.run })).toBeHidden();
  });

  test('the page carries none of the markup only the island uses', async ({ page }) => {
    await page.goto(PAGE);
    const parts = demo(page).locator(`template[${ISLAND_PART_ATTRIBUTE}]`);
    expect(await parts.count()).toBeGreaterThan(0);
    for (const part of await parts.all())
      expect(await part.evaluate((template) => template.innerHTML)).toBe('');
    await expect(demo(page).locator('button, select, textarea, input')).toHaveCount(0);
  });
});

test('the island’s parts arrive styled when it mounts: every control a 44 px target', async ({
  page,
}) => {
  await openDemo(page);
  const stylesheet = await demo(page).getAttribute(ISLAND_STYLESHEET_ATTRIBUTE);
  expect(
    await page.evaluate(
      (href) => [...document.styleSheets].some((sheet) => sheet.href?.endsWith(href)),
      stylesheet ?? '',
    ),
  ).toBe(true);
  await expect(demo(page).locator(`template[${ISLAND_PART_ATTRIBUTE}]`)).toHaveCount(0);
  const controls = demo(page).locator('select:visible, button:visible');
  expect(await controls.count()).toBeGreaterThan(5);
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    // The site's controls are 44 px targets (WCAG 2.5.5); without the island's rules a button
    // that only the island shows is 32 px.
    expect(
      box?.height,
      await control.evaluate((element) => element.outerHTML.slice(0, 80)),
    ).toBeGreaterThanOrEqual(44);
  }
});

test('until the island’s stylesheet applies, no script adds markup to the page', async ({
  page,
}) => {
  // The page's inline CSS holds only the rules its built markup matches; markup added earlier
  // would have no styles.
  await page.addInitScript(() => {
    const early: string[] = [];
    (window as unknown as { early: string[] }).early = early;
    addEventListener('DOMContentLoaded', () =>
      new MutationObserver((records) => {
        const islandStyled = [...document.styleSheets].some((sheet) =>
          sheet.href?.includes('/_astro/island.'),
        );
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element && node.localName !== 'link' && !islandStyled)
              early.push(node.outerHTML.slice(0, 80));
      }).observe(document, { childList: true, subtree: true }),
    );
  });
  await openDemo(page);
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  await expect(checkStatus(page)).toHaveText(sentence(checkWords.violated, ANY, ANY));
  expect(await page.evaluate(() => (window as unknown as { early: string[] }).early)).toEqual([]);
});

test('where the parts are still in their templates (the dev server), the island takes them from there', async ({
  page,
}) => {
  const fetchedParts: string[] = [];
  page.on(
    'request',
    (request) => ISLAND_PARTS_FILE.test(request.url()) && fetchedParts.push(request.url()),
  );
  await page.route(PAGE, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const partsUrl = /data-island-parts="([^"]+)"/.exec(html)?.[1] ?? '';
    const file = (await (await page.request.get(partsUrl)).json()) as IslandPartsFile;
    const unbuilt = html
      .replace(/ data-island-parts="[^"]*" data-island-stylesheet="[^"]*"/, ' data-island-parts')
      .replace(
        new RegExp(`(<template ${ISLAND_PART_ATTRIBUTE}="([\\w-]+)">)</template>`, 'g'),
        (_, open: string, name: string) => `${open}${file.parts[name] ?? ''}</template>`,
      );
    expect(unbuilt).not.toContain(partsUrl);
    await route.fulfill({ response, body: unbuilt });
  });
  await openDemo(page);
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  await expect(checkStatus(page)).toHaveText(sentence(checkWords.violated, ANY, ANY));
  expect(fetchedParts).toEqual([]);
});

test('if the island’s parts fail to arrive, the demo stays as built, and the next touch tries again', async ({
  page,
}) => {
  await page.route(ISLAND_PARTS_FILE, (route) => route.abort());
  await visit(page, PAGE);
  const failed = page.waitForEvent('requestfailed', (request) =>
    ISLAND_PARTS_FILE.test(request.url()),
  );
  await demo(page).scrollIntoViewIfNeeded();
  await failed;
  const built = String(shortestCounterexample().trace.steps.length);
  await expect(checkStatus(page)).toHaveText(sentence(checkWords.builtResult, built, COUNT));
  await expect(steps(page)).toHaveCount(Number(built));
  await expect(demo(page).getByRole('button', { name: checkWords.run })).toHaveCount(0);

  await page.unroute(ISLAND_PARTS_FILE);
  await demo(page).locator('[data-check-status]').hover();
  await expect(demo(page).getByRole('button', { name: checkWords.run })).toBeVisible();
  // The stylesheet arrived the first time; the second try uses it rather than adding it again.
  await expect(page.locator(`link[rel="stylesheet"][href*="/_astro/island."]`)).toHaveCount(1);
});

test('the model’s source is there to read, highlighted by class, and as plain text without JavaScript', async ({
  page,
  browser,
}) => {
  await expectSourceReadable(page, browser, {
    name: 'model',
    label: sourceWords.readModel,
    nested: true,
  });
});

test('the same model in Quint is offered in the same box, highlighted, with and without JavaScript', async ({
  page,
  browser,
}) => {
  // Axe checks the contrast of every highlighted token of the spec, which takes a while.
  test.setTimeout(120_000);
  await expectSourceReadable(page, browser, {
    name: 'quint',
    label: sourceWords.readModel,
    nested: true,
  });
  // The box offers both languages, and the Quint source arrives saying that CI checks each model
  // against the other.
  const box = demo(page).locator('details', { hasText: sourceWords.readModel });
  await expect(box.locator(':scope > summary')).toHaveText(
    `${sourceWords.readModel} ${sourceWords.inTwoLanguages(sourceWords.languages.typescript, sourceWords.languages.quint)}`,
  );
  await expect(
    box.locator(`details[data-source="${explainerSources.quint.served}.json"]`),
  ).toContainText(sourceWords.crossChecked);
  // Its tokens keep their contrast in both schemes, as the TypeScript's do.
  await expectAccessibleInBothSchemes(page);
});

test('no demo script is fetched before the visitor reaches the demo', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  // The loader has run once the page is painted; its observer reports once a frame has been drawn.
  await visit(page, PAGE);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  expect(fetched.filter((url) => ISLAND_SCRIPT.test(url))).toEqual([]);

  const islandLoaded = page.waitForRequest(ISLAND_SCRIPT);
  await demo(page).scrollIntoViewIfNeeded();
  await islandLoaded;
  await expect(demo(page).getByRole('button', { name: checkWords.run })).toBeVisible();
});

test('checking finds the violation, and the stepper walks it by button and by key', async ({
  page,
}) => {
  await openDemo(page);
  const total = String(shortestCounterexample().trace.steps.length);
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  await expect(checkStatus(page)).toHaveText(sentence(checkWords.violated, total, ANY));
  await expect(page).toHaveURL(DEFAULT_HASH);
  await expect(stepLabel(page)).toHaveText(traceWords.position('0', total));

  const next = demo(page).getByRole('button', { name: traceWords.nextLabel });
  await next.click();
  await expect(stepLabel(page)).toHaveText(traceWords.position('1', total));
  await expect(steps(page).first()).toHaveAttribute('aria-current', 'step');
  await expect(demo(page).locator('[data-step-announcer]')).toHaveText(
    sentence(traceWords.announceStep, '1', total, 'planner', ACTION_WORDS.GeneratePlan, ANY),
  );

  await next.focus();
  await page.keyboard.press('End');
  await expect(stepLabel(page)).toHaveText(traceWords.position(total, total));
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  const changedRoot = demo(page).locator('[data-state] > [data-changed]', {
    hasText: 'root',
  });
  await expect(changedRoot.first()).toContainText(deletedRoot());
  await expect(demo(page).locator('[data-step-announcer]')).toContainText(
    traceWords.announceBroken(INVARIANT),
  );

  await page.keyboard.press('ArrowLeft');
  const previous = String(Number(total) - 1);
  await expect(stepLabel(page)).toHaveText(traceWords.position(previous, total));
  await expect(steps(page).nth(Number(previous) - 1)).toHaveAttribute('aria-current', 'step');
});

test('the fix makes the invariant hold in every reachable state', async ({ page }) => {
  await openDemo(page);
  const fixed = check(dnsControlPlane({ ...defaultParameters, fixed: true }));
  const states = fixed.states.toLocaleString('en-US');
  await expect(demo(page).getByText(checkWords.fixedBuiltResult(states))).toBeVisible();
  const fix = demo(page).getByRole('button', { name: checkWords.fix });
  await fix.click();
  await expect(fix).toHaveAttribute('aria-pressed', 'true');
  await expect(checkStatus(page)).toHaveText(
    sentence(checkWords.holds, states, COUNT, COUNT, COUNT),
  );
  await expect(steps(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');

  await fix.click();
  const total = String(shortestCounterexample().trace.steps.length);
  await expect(checkStatus(page)).toHaveText(sentence(checkWords.violated, total, ANY));
});

test('the state limit is reported as such', async ({ page }) => {
  await openDemo(page);
  await demo(page).getByLabel(parameterWords.deployers).selectOption('3');
  await demo(page).getByLabel(parameterWords.plans).selectOption('5');
  await demo(page).getByLabel(parameterWords.maxStates).selectOption('1000');
  await demo(page).getByRole('button', { name: checkWords.fix }).click();
  await expect(checkStatus(page)).toHaveText(checkWords.stateLimit('1,000'));
  await expect(demo(page).locator('[data-trace-heading]')).toHaveText(traceWords.stateLimitHeading);
});

test('a shared link restores its trace, and a broken one is refused', async ({ page }) => {
  await page.goto(`${PAGE}#trace=2-3-2~0.0.0.0`);
  await expect(checkStatus(page)).toHaveText(shareWords.linkImpossible('4'));
  await expect(steps(page)).toHaveCount(shortestCounterexample().trace.steps.length);

  await page.goto(`${PAGE}#trace=9-3-1~0`);
  await expect(checkStatus(page)).toHaveText(
    sentence(shareWords.linkOutOfRange, parameterWords.deployers, '9', ANY, ANY),
  );

  const parameters = { deployers: 2, plans: 4, keep: 3, fixed: false };
  const result = shortestCounterexample(parameters);
  const linked = shareWords.linkedShown(String(result.trace.steps.length), shareWords.endsViolated);
  // Same document, so this arrives as a hash change rather than a page load.
  await page.goto(PAGE + traceHash({ parameters, moves: result.trace.steps }));
  await expect(checkStatus(page)).toHaveText(linked);
  await expect(steps(page)).toHaveCount(result.trace.steps.length);
  await expect(demo(page).getByLabel(parameterWords.plans)).toHaveValue('4');
  await expect(demo(page).getByLabel(parameterWords.keep)).toHaveValue('3');

  await page.reload();
  await expect(checkStatus(page)).toHaveText(linked);
  await expect(demo(page).locator('[data-trace-heading]')).toHaveText(traceWords.linkedHeading);
});

test('random testing reports the hit rate it observed', async ({ page }) => {
  await openDemo(page);
  await demo(page)
    .getByLabel(randomWords.delayLabel)
    .selectOption({ label: randomWords.uniformOrder });
  await demo(page).getByLabel(randomWords.runsLabel).selectOption('1000');
  await demo(page).getByRole('button', { name: randomWords.run }).click();
  const status = demo(page).locator('[data-random-status]');
  const outcome = sentence(
    randomWords.someBroke,
    COUNT,
    '1,000',
    sentence(randomWords.percent, /[\d.]+/),
  );
  await expect(status).toHaveText(sentence(randomWords.shortestShown, outcome));
  await expect(demo(page).locator('[data-random-history] tbody tr')).toHaveCount(1);
  await expect(demo(page).locator('[data-trace-heading]')).toHaveText(
    sentence(traceWords.randomHeading, COUNT),
  );
});

test('a worker that cannot start is reported in the panel of the run that needed it', async ({
  page,
}) => {
  await openDemo(page);
  // Once the island runs, its module fails to load a second time: as the worker.
  await page.route(WORKER_SCRIPT, (route) => route.fulfill({ status: 500, body: 'unavailable' }));
  const built = await checkStatus(page).textContent();
  await demo(page).getByRole('button', { name: randomWords.run }).click();
  await expect(demo(page).locator('[data-random-status]')).toHaveText(
    checkWords.failed(checkWords.workerUnavailable),
  );
  await expect(checkStatus(page)).toHaveText(built ?? '');
  await expect(demo(page).getByRole('button', { name: checkWords.stop })).toBeHidden();

  // The next run tries a fresh worker, and its failure shows in the check's panel.
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  await expect(checkStatus(page)).toHaveText(checkWords.failed(checkWords.workerUnavailable));
});

test('comparing delay chances shows the hit rate collapse', async ({ page }) => {
  await openDemo(page);
  const choices = await demo(page)
    .getByLabel(randomWords.delayLabel)
    .locator('option')
    .allTextContents();
  await demo(page).getByRole('button', { name: randomWords.compare }).click();
  const rows = demo(page).locator('[data-random-history] tbody tr');
  await expect(rows).toHaveCount(choices.length, { timeout: 30_000 });
  const rateFor = async (label: string) => {
    const cells = await rows.filter({ hasText: label }).first().locator('td').allTextContents();
    return Number.parseFloat(cells[4] ?? '');
  };
  // 10,000 runs each: about 7 % against about 0.2 %, far apart for any seed.
  const realistic = randomWords.realistic(randomWords.percent('1'));
  expect(await rateFor(randomWords.uniformOrder)).toBeGreaterThan(await rateFor(realistic));
});

test('copying gives a link to the trace and the trace as a JSON test vector, with a fallback when blocked', async ({
  page,
}) => {
  const lastCopied = await recordClipboardWrites(page);
  await openDemo(page);
  const copyStatus = demo(page).locator('[data-copy-status]');

  await demo(page).getByRole('button', { name: shareWords.copyLink }).click();
  await expect(copyStatus).toHaveText(shareWords.linkCopied);
  expect(await lastCopied()).toMatch(new RegExp(`/executable-specs/${DEFAULT_HASH.source}`));

  await demo(page).getByRole('button', { name: shareWords.copyTest }).click();
  await expect(copyStatus).toHaveText(shareWords.testCopied);
  const copied = JSON.parse(await lastCopied()) as {
    model: string;
    steps: { actor: string; state: { root: number; stored: number } }[];
    expectBroken: string;
  };
  expect(copied.model).toBe('dns-control-plane');
  expect(copied.steps).toHaveLength(shortestCounterexample().trace.steps.length);
  expect(copied.expectBroken).toBe(INVARIANT);
  const last = copied.steps.at(-1)?.state;
  // The root's plan is no longer among the plans in the zone (a bitmask by plan index).
  expect((last!.stored >> last!.root) & 1).toBe(0);

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('blocked'));
  });
  await demo(page).getByRole('button', { name: shareWords.copyTest }).click();
  await expect(copyStatus).toHaveText(shareWords.copyBlocked);
  const fallback = demo(page).locator('[data-copy-fallback] textarea');
  await expect(fallback).toBeVisible();
  await expect(fallback).toBeFocused();
  expect(JSON.parse(await fallback.inputValue())).toEqual(copied);
});

test('the demo in use has no WCAG 2.2 AA violation in either scheme', async ({ page }) => {
  // Axe checks the contrast of every highlighted token of the model's source, which takes a while.
  test.setTimeout(120_000);
  await openDemo(page);
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  await demo(page).getByRole('button', { name: traceWords.nextLabel }).click();
  await demo(page).getByRole('button', { name: randomWords.run }).click();
  await expect(demo(page).locator('[data-random-history] tbody tr')).toHaveCount(1);
  const sources = demo(page).locator('details', { hasText: sourceWords.readModel });
  await sources.locator(':scope > summary').click();
  await sources
    .locator(`details[data-source="${explainerSources.model.served}.json"] > summary`)
    .click();
  await expect(sources.locator('pre .tok-keyword').first()).toBeVisible();
  await expectAccessibleInBothSchemes(page);
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the demo fits without scrolling sideways', async ({ page }) => {
    await openDemo(page);
    await demo(page).getByRole('button', { name: checkWords.run }).click();
    await expect(checkStatus(page)).toHaveText(sentence(checkWords.violated, COUNT, ANY));
    await demo(page).getByRole('button', { name: traceWords.nextLabel }).click();
    await expectNoSidewaysScroll(page, 320);
  });
});
