import { expect, type Page } from '@playwright/test';

/**
 * The layout shifts since navigation, as the browser recorded them: the summed score, and which
 * elements moved from where to where, so that a failure names its cause.
 */
const layoutShifts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ score: number; moved: string[] }>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = (
            list.getEntries() as unknown as {
              value: number;
              hadRecentInput: boolean;
              sources: { node: Node | null; previousRect: DOMRect; currentRect: DOMRect }[];
            }[]
          ).filter((entry) => !entry.hadRecentInput);
          const rect = ({ x, y, width, height }: DOMRect) => `${x},${y} ${width}×${height}`;
          resolve({
            score: entries.reduce((sum, entry) => sum + entry.value, 0),
            moved: entries.flatMap((entry) =>
              entry.sources.map(
                ({ node, previousRect, currentRect }) =>
                  `${node instanceof Element ? node.outerHTML.slice(0, 120) : (node?.nodeName ?? 'a removed node')}: ${rect(previousRect)} → ${rect(currentRect)}`,
              ),
            ),
          });
        }).observe({ type: 'layout-shift', buffered: true });
        // The observer reports nothing at all when nothing shifted.
        setTimeout(() => resolve({ score: 0, moved: [] }), 200);
      }),
  );

/** Asserts that nothing has moved since navigation, naming what did. */
export async function expectNoShift(page: Page, when: string) {
  const { score, moved } = await layoutShifts(page);
  expect(score, `${when}: ${moved.join('; ')}`).toBe(0);
}
