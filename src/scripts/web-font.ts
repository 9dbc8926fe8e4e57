import { afterFirstPaint } from './after-first-paint.ts';

/**
 * Inline in <head>, before the first paint. A page never waits for the web font: while Inter is not
 * known to be cached, the root gets WEB_FONT_PENDING_CLASS, so the page paints in the metric-matched
 * fallback and never requests or swaps in Inter (no layout shift, no invisible text). Once the page has
 * loaded and the browser has reported its first contentful paint, the font is fetched for the pages
 * that follow, and remembered; from then on pages
 * use Inter from their first paint (its `font-display: optional` falls back rather than waits).
 * Hashed for the CSP in astro.config.mjs, like the theme script.
 */
export const WEB_FONT_STORAGE_KEY = 'web-font';
export const WEB_FONT_PENDING_CLASS = 'web-font-pending';
export const WEB_FONT_FAMILY = 'Inter Variable';

/** A second after the first paint, the largest paint is done too: the font is for later pages. */
export const webFontScript = `(()=>{const k=${JSON.stringify(WEB_FONT_STORAGE_KEY)};try{if(localStorage.getItem(k))return}catch(e){}document.documentElement.classList.add(${JSON.stringify(WEB_FONT_PENDING_CLASS)});addEventListener("load",()=>${afterFirstPaint(`document.fonts.load(${JSON.stringify(`1em "${WEB_FONT_FAMILY}"`)}).then(f=>{if(f.length)try{localStorage.setItem(k,"1")}catch(e){}})`, 1000)})})()`;
