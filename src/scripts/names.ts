/**
 * The names the inline scripts share with the markup, the stylesheet, the build and the tests: each
 * is written here once, and the scripts' minified text (src/build/inline-scripts.ts) gets it from
 * here too.
 */

/** Where the visitor's choice of colour scheme is kept (`light` or `dark`). */
export const THEME_STORAGE_KEY = 'theme';
/** Set on <html> before the first paint, so controls that need the script show from the first frame (no shift). */
export const SCRIPTED_CLASS = 'scripted';
export const THEME_TOGGLE_ID = 'theme-toggle';
export const SITE_MENU_ID = 'site-menu';

/** Set once the web font has been fetched, so later pages use it from their first paint. */
export const WEB_FONT_STORAGE_KEY = 'web-font';
/** On <html> while the web font is not known to be cached: the page paints in the fallback. */
export const WEB_FONT_PENDING_CLASS = 'web-font-pending';
export const WEB_FONT_FAMILY = 'Inter Variable';

/** The URL of the module script a loader imports after the first paint. */
export const PAGE_SCRIPT_ATTRIBUTE = 'data-after-paint';
/** Set on a loader once its module has run. */
export const PAGE_SCRIPT_RAN_ATTRIBUTE = 'data-ran';
