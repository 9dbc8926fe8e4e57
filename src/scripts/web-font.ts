/**
 * Part of the head script (head.ts), which runs before the first paint. A page never waits for the
 * web font: while Inter is not known to be cached, the root gets WEB_FONT_PENDING_CLASS, so the page
 * paints in the metric-matched fallback and never requests or swaps in Inter (no layout shift, no
 * invisible text). Once the page has loaded and the browser has reported its first contentful
 * paint, the font is fetched for the pages that follow, and remembered; from then on pages use
 * Inter from their first paint (its `font-display: optional` falls back rather than waits).
 */
import { afterFirstPaint } from './after-first-paint.ts';
import { WEB_FONT_FAMILY, WEB_FONT_PENDING_CLASS, WEB_FONT_STORAGE_KEY } from './names.ts';

/** A second after the first paint, the largest paint is done too: the font is for later pages. */
const FETCH_DELAY_MS = 1000;

let cached: string | null = null;
try {
  cached = localStorage.getItem(WEB_FONT_STORAGE_KEY);
} catch {
  // Storage is blocked: the font is not known to be cached.
}

if (!cached) {
  document.documentElement.classList.add(WEB_FONT_PENDING_CLASS);
  addEventListener('load', () =>
    afterFirstPaint(
      () =>
        document.fonts.load(`1em "${WEB_FONT_FAMILY}"`).then((faces) => {
          if (faces.length)
            try {
              localStorage.setItem(WEB_FONT_STORAGE_KEY, '1');
            } catch {
              // Storage is blocked: the next page fetches the font again.
            }
        }),
      FETCH_DELAY_MS,
    ),
  );
}
