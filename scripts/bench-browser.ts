/**
 * `npm run bench:checker -- --browser`: the exhaustive check as a visitor runs it. Serves the built
 * site (`dist/`, run `npm run build` first), opens the explainer in Chromium, sets the page's own
 * controls, applies the fix (which starts the check) and times, in the page, from that click to the
 * worker's final result, counting the progress figures the page showed on the way. Then the same
 * check twice more with the check button, in the same (warm) worker.
 */
import { chromium } from '@playwright/test';
import { checkStartStatus } from '../src/lib/demo/check-view.ts';
import { formatCount } from '../src/lib/format.ts';
import type { DnsParameters } from '../src/lib/models/dns-control-plane.ts';
import { chromiumArgs, systemChromium } from './find-browser.ts';
import { outDir } from './quality/build-output.ts';
import { startStaticServer } from './static-server.ts';

export interface BrowserCheck {
  /** From the click that starts the check to the status line showing the worker's result. */
  readonly ms: number;
  /** How many different state counts the live figures showed before the result. */
  readonly progressUpdates: number;
  readonly status: string;
}

export async function browserChecks(
  parameters: DnsParameters,
  runs: number,
): Promise<BrowserCheck[]> {
  const port = Number(process.env.E2E_PORT ?? 4381);
  const server = await startStaticServer({ root: outDir, port });
  const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/executable-specs/`);
    const demo = page.locator('[data-model-checker]');
    await demo.scrollIntoViewIfNeeded();
    const fix = demo.locator('[data-action="fix"]');
    const check = demo.locator('[data-action="check"]');
    await check.waitFor({ state: 'visible' });
    for (const name of ['deployers', 'plans', 'keep'] as const) {
      await demo.locator(`select[name="${name}"]`).selectOption(String(parameters[name]));
    }
    if ((await fix.getAttribute('aria-pressed')) === 'true') throw new Error('The fix starts on');
    const results: BrowserCheck[] = [];
    for (let run = 0; run < runs; run++) {
      // Listeners before the click: its start is taken before the page's own handler runs.
      const done = page.evaluate(
        (starting) =>
          new Promise<{ ms: number; progressUpdates: number; status: string }>((resolve) => {
            const root = document.querySelector('[data-model-checker]')!;
            const states = root.querySelector('[data-check-progress] [data-slot="states"]')!;
            const status = root.querySelector('[data-check-status]')!;
            const shown = new Set<string>();
            let startedAt = 0;
            root.addEventListener('click', () => (startedAt = performance.now()), {
              capture: true,
              once: true,
            });
            new MutationObserver(() => shown.add(states.textContent ?? '')).observe(states, {
              childList: true,
              characterData: true,
              subtree: true,
            });
            const watch = new MutationObserver(() => {
              const text = status.textContent ?? '';
              if (startedAt === 0 || text === starting) return;
              const ms = performance.now() - startedAt;
              watch.disconnect();
              // The result's own figures are the last shown, not a progress update.
              shown.delete(states.textContent ?? '');
              resolve({ ms, progressUpdates: shown.size, status: text });
            });
            watch.observe(status, { childList: true, characterData: true, subtree: true });
          }),
        checkStartStatus(true),
      );
      await page.waitForTimeout(50);
      await (run === 0 ? fix : check).click();
      results.push(await done);
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

/** Prints the figures and compares the first (cold) run with the budget. */
export async function printBrowserChecks(
  parameters: DnsParameters,
  expectedStates: number,
  label: string,
  budgetMs: number,
) {
  const runs = await browserChecks(parameters, 3);
  console.log('\nIn the browser (Chromium, the built page, its own controls and worker)');
  console.table(
    runs.map(({ ms, progressUpdates, status }, index) => ({
      run: index === 0 ? 'first (applies the fix)' : 'again (warm worker)',
      'click to result ms': ms.toFixed(0),
      'progress updates': progressUpdates,
      status,
    })),
  );
  const first = runs[0]!;
  const complete = first.status.includes(formatCount(expectedStates));
  const ok = complete && first.ms < budgetMs;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} browser, largest set (${label}): ${first.ms.toFixed(0)} ms from click to result, ${first.progressUpdates} progress updates (budget ${budgetMs} ms${complete ? '' : `; the page did not report ${formatCount(expectedStates)} states`})`,
  );
}
