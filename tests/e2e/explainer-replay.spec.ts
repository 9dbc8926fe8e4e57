/**
 * The third step of the method on the explainer: traces replayed against the implementation,
 * downloaded as ITF and read back from ITF.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  checkWords,
  parameterWords,
  replayWords,
  traceWords,
} from '../../src/content/interface/demo.ts';
import { itfWords } from '../../src/content/interface/mbt.ts';
import { traceHash } from '../../src/lib/demo/shared-trace.ts';
import { replayAgainstImplementation } from '../../src/lib/mbt/replay.ts';
import { dnsTraceToItf, parseDnsItf } from '../../src/lib/models/dns-control-plane-itf.ts';
import { defaultParameters } from '../../src/lib/models/dns-control-plane.ts';
import { stringifyItf } from '../../src/lib/itf.ts';
import {
  ANY,
  checkStatus,
  demo,
  expectAccessibleInBothSchemes,
  expectNoSidewaysScroll,
  expectSourceReadable,
  openDemo,
  PAGE,
  shortestCounterexample,
  steps,
} from './support/explainer.ts';
import { phrase, sentence } from './support/words.ts';
import {
  WORKSHOP_OUTAGE_STEP,
  workshopRace,
  workshopTrace,
} from '../unit/support/workshop-trace.ts';

const replay = (page: Page) => demo(page).locator('[data-replay]');
const replayStatus = (page: Page) => replay(page).locator('[data-replay-status]');
const replaySteps = (page: Page) => replay(page).locator('[data-replay-steps] > li');
const fixToggle = (page: Page) => replay(page).getByRole('button', { name: replayWords.fix });
/** The box that replays a trace file, its text box, its button and what it says. */
const fileReplay = (page: Page) => {
  const file = replay(page).locator('details', { hasText: replayWords.fileHeading });
  return {
    file,
    box: file.getByLabel(replayWords.fileLabel),
    run: file.getByRole('button', { name: replayWords.fileRun }),
    fileStatus: file.locator('[data-file-status]'),
  };
};

const counterexample = shortestCounterexample();
const length = counterexample.trace.steps.length;
const shown = { parameters: defaultParameters, trace: counterexample.trace };
const asBuilt = replayAgainstImplementation(shown, { fix: false });
const withFix = replayAgainstImplementation(shown, { fix: true });

/** Opens the demo and finds the shortest counterexample with the checker in the browser. */
async function findTrace(page: Page) {
  await openDemo(page);
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  await expect(checkStatus(page)).toHaveText(sentence(checkWords.violated, String(length), ANY));
}

test('a found trace replays against the implementation, and the outage reproduces at the same step', async ({
  page,
}) => {
  await findTrace(page);
  await replay(page).getByRole('button', { name: replayWords.run }).click();
  const modelBreaksAt = asBuilt.modelBreaksAt ?? -1;
  expect(modelBreaksAt).toBe(length);
  await expect(replayStatus(page)).toContainText(
    replayWords.asBuilt + replayWords.reproduces(String(modelBreaksAt)),
  );
  await expect(replayStatus(page)).toContainText(replayWords.agreesThroughout);
  // The initial state, then one row per step, each with model and implementation side by side.
  await expect(replaySteps(page)).toHaveCount(length + 1);
  const broken = replay(page).locator('[data-replay-steps] > li[data-broken]');
  await expect(broken.first().locator('[data-slot="title"]')).toHaveText(
    sentence(replayWords.stepTitle, String(modelBreaksAt), ANY, ANY),
  );
  await expect(broken.first().getByText(replayWords.implementationBroken)).toBeVisible();
  await expect(
    replaySteps(page)
      .nth(modelBreaksAt - 1)
      .getByText(replayWords.implementationBroken),
  ).toBeHidden();
  await expect(replay(page).locator('[data-replay-steps] > li[data-differs]')).toHaveCount(0);

  // The report follows the stepper.
  await demo(page).getByRole('button', { name: traceWords.nextLabel }).click();
  await expect(replaySteps(page).nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(replay(page).locator('[data-replay-steps] > li[aria-current]')).toHaveCount(1);
});

test('with the implementation’s fix the same schedule keeps the invariant, and the first divergence is named', async ({
  page,
}) => {
  await findTrace(page);
  await fixToggle(page).click();
  await expect(fixToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await replay(page).getByRole('button', { name: replayWords.run }).click();

  const divergence = withFix.firstDivergence;
  const refused = divergence?.outcome;
  if (refused?.kind !== 'refused')
    throw new Error('with the fix, the stale deploy must be refused');
  expect(withFix.implementationBreaksAt).toBeUndefined();
  await expect(replayStatus(page)).toContainText(
    replayWords.withFix + replayWords.holds(String(length)),
  );
  await expect(replayStatus(page)).toContainText(
    phrase(replayWords.firstDivergence, String(divergence?.step), ANY),
  );
  await expect(replaySteps(page)).toHaveCount(length + 1);
  await expect(replay(page).locator('[data-replay-steps] > li[data-broken]')).toHaveCount(0);
  const firstDiffering = replay(page).locator('[data-replay-steps] > li[data-differs]').first();
  await expect(firstDiffering).toContainText(replayWords.outcomes.refused(refused.reason));
  await expect(replaySteps(page).nth(divergence?.step ?? -1)).toHaveAttribute('data-differs', '');

  // Turning the fix off replays the same trace again, as built.
  await fixToggle(page).click();
  await expect(replayStatus(page)).toContainText(replayWords.reproduces(String(length)));
});

/** Downloads the trace the panel shows through the diagram's ITF link, and reads it back. */
async function downloadShownTrace(page: Page) {
  const downloading = page.waitForEvent('download');
  await demo(page).getByRole('link', { name: itfWords.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.itf\.json$/);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  const parsed = parseDnsItf(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const indices = (JSON.parse(text) as { states: { '#meta': { index: number } }[] }).states.map(
    (state) => state['#meta'].index,
  );
  return { trace: parsed.value[0]!, indices };
}

const moves = (trace: typeof counterexample.trace) =>
  trace.steps.map(({ action, choice }) => [action, choice]);

test('every trace shown downloads as ITF that reads back to the same trace', async ({ page }) => {
  await findTrace(page);
  const built = await downloadShownTrace(page);
  expect(built.trace.parameters).toEqual(defaultParameters);
  expect(moves(built.trace.trace)).toEqual(moves(counterexample.trace));
  expect(built.indices).toEqual([...Array(length + 1).keys()]);

  // A trace only the browser has: made into a file there, and the diagram redrawn for it.
  const parameters = { deployers: 2, plans: 4, keep: 3, fixed: false };
  const other = shortestCounterexample(parameters);
  await page.goto(PAGE + traceHash({ parameters, moves: other.trace.steps }));
  await expect(steps(page)).toHaveCount(other.trace.steps.length);
  const linked = await downloadShownTrace(page);
  expect(linked.trace.parameters).toEqual(parameters);
  expect(moves(linked.trace.trace)).toEqual(moves(other.trace));
  expect(linked.indices).toHaveLength(other.trace.steps.length + 1);
});

test('the diagram is redrawn for the trace shown, with the current step marked', async ({
  page,
}) => {
  await findTrace(page);
  const frame = demo(page).locator('[data-trace-diagram-frame]');
  await expect(frame.locator('[data-highlight]')).toHaveCount(0);
  await demo(page).getByRole('button', { name: traceWords.nextLabel }).click();
  await expect(frame.locator('[data-highlight]')).toHaveCount(1);
  const rowsBefore = await frame.locator('svg').getAttribute('viewBox');

  await demo(page).getByRole('button', { name: checkWords.fix }).click();
  await expect(demo(page).locator('[data-trace-diagram]')).toBeHidden();
  await demo(page).getByRole('button', { name: checkWords.fix }).click();
  await demo(page).getByLabel(parameterWords.plans).selectOption('4');
  await demo(page).getByLabel(parameterWords.keep).selectOption('3');
  await demo(page).getByRole('button', { name: checkWords.run }).click();
  const other = shortestCounterexample({ deployers: 2, plans: 4, keep: 3, fixed: false });
  await expect(steps(page)).toHaveCount(other.trace.steps.length);
  await expect(demo(page).locator('[data-trace-diagram]')).toBeVisible();
  expect(await frame.locator('svg').getAttribute('viewBox')).not.toBe(rowsBefore);
});

test('a pasted ITF trace replays; a malformed one is refused with the reason and loses nothing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openDemo(page);
  const { file, box, run, fileStatus } = fileReplay(page);
  await file.locator('summary').click();

  const malformed = '{"vars": ["rootRecord"], "states": [{"rootRecord": {"#bigint": "one"}}]}';
  await box.fill(malformed);
  await run.click();
  await expect(fileStatus).toHaveText(
    sentence(replayWords.fileRefused, /states\[0\]\.rootRecord: .+/),
  );
  await expect(box).toHaveValue(malformed);
  await expect(steps(page)).toHaveCount(length);
  await expect(demo(page).locator('[data-trace-heading]')).toHaveText(traceWords.builtHeading);

  await box.fill('not json');
  await run.click();
  await expect(fileStatus).toHaveText(sentence(replayWords.fileRefused, /not JSON: .+/));

  // A longer trace with other parameters.
  const parameters = { deployers: 2, plans: 4, keep: 3, fixed: false };
  const other = shortestCounterexample(parameters);
  const written = stringifyItf(dnsTraceToItf({ parameters, trace: other.trace }, 'from a test'));
  await box.fill(JSON.stringify(JSON.parse(written)));
  await run.click();
  await expect(fileStatus).toHaveText('');
  await expect(demo(page).locator('[data-trace-heading]')).toHaveText(replayWords.fileTraceHeading);
  await expect(steps(page)).toHaveCount(other.trace.steps.length);
  await expect(replaySteps(page)).toHaveCount(other.trace.steps.length + 1);
  await expect(replayStatus(page)).toContainText(
    replayWords.reproduces(String(other.trace.steps.length)),
  );
  await expect(demo(page).getByLabel(parameterWords.plans)).toHaveValue('4');
});

test('the replay box reads a trace the workshop’s spec writes, and refuses deep nesting and huge integers quickly, quoting little', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await openDemo(page);
  const { file, box, run, fileStatus } = fileReplay(page);
  await file.locator('summary').click();

  await box.fill(JSON.stringify(workshopTrace()));
  await run.click();
  await expect(fileStatus).toHaveText('');
  await expect(steps(page)).toHaveCount(workshopRace.length);
  await expect(replayStatus(page)).toContainText(
    replayWords.reproduces(String(WORKSHOP_OUTAGE_STEP)),
  );

  // 10,000 levels of nesting: refused with the place, not a stack overflow.
  await box.fill(`{"vars": ["x"], "states": [{"x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`);
  await run.click();
  await expect(fileStatus).toHaveText(
    sentence(replayWords.fileRefused, /states\[0\]\.x.*nested more than \d+ levels deep.*/),
  );
  await expect(steps(page)).toHaveCount(workshopRace.length);

  // A 50 MB integer, chosen as a file: refused by its size at once, quoting a short excerpt.
  const huge = join(testInfo.outputPath(), 'huge.itf.json');
  await mkdir(testInfo.outputPath(), { recursive: true });
  await writeFile(
    huge,
    `{"vars": ["x"], "states": [{"x": {"#bigint": "${'7'.repeat(50_000_000)}"}}]}`,
  );
  await file.locator('input[name="itf-file"]').setInputFiles(huge);
  await expect(fileStatus).toHaveText(sentence(replayWords.fileRefused, /.*50 MB.*/), {
    timeout: 5_000,
  });
  expect((await fileStatus.textContent())!.length).toBeLessThan(400);
  await expect(box).not.toHaveValue(/7{1000}/);
});

test('the implementation’s source is there to read, highlighted by class, and as plain text without JavaScript', async ({
  page,
  browser,
}) => {
  await expectSourceReadable(page, browser, {
    name: 'implementation',
    label: replayWords.readImplementation,
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(PAGE);
  await expect(plain.locator('[data-replay] [data-replay-controls]')).toBeHidden();
  await context.close();
});

test('the replay is keyboard operable and has no WCAG 2.2 AA violation', async ({ page }) => {
  test.setTimeout(120_000);
  await findTrace(page);
  const run = replay(page).getByRole('button', { name: replayWords.run });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(replaySteps(page)).toHaveCount(length + 1);
  await page.keyboard.press('Tab');
  await expect(fixToggle(page)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(replayStatus(page)).toContainText(replayWords.withFix);
  const { file, box, run: runFile, fileStatus } = fileReplay(page);
  await file.locator('summary').focus();
  await page.keyboard.press('Enter');
  await box.fill('[]');
  await runFile.press('Enter');
  await expect(fileStatus).not.toBeEmpty();
  await expectAccessibleInBothSchemes(page);
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the replay fits without scrolling sideways', async ({ page }) => {
    await findTrace(page);
    await fixToggle(page).click();
    await replay(page).getByRole('button', { name: replayWords.run }).click();
    await expect(replaySteps(page)).toHaveCount(length + 1);
    await replay(page)
      .locator('details', { hasText: replayWords.fileHeading })
      .locator('summary')
      .click();
    await expectNoSidewaysScroll(page, 320);
  });
});
