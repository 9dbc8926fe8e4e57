/**
 * Runs `run` `delayMs` after the browser has reported the page's first contentful paint (not merely
 * scheduled it). Every browser Tailwind 4 supports (Safari 16.4, Chrome 111, Firefox 128 and later)
 * reports paint timing. A page that is never shown is never painted, and starts nothing until it is.
 *
 * The body is a block, not an expression, in both inline scripts that use it alike, so that their
 * minified texts repeat each other and compress together.
 */
export const afterFirstPaint = (run: () => unknown, delayMs: number) => {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) {
      observer.disconnect();
      setTimeout(run, delayMs);
    }
  }).observe({ type: 'paint', buffered: true });
};
