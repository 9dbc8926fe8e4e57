import { afterFirstPaint } from './after-first-paint.ts';

/**
 * Every script of this site enhances markup that already works, so none is fetched before the page
 * has painted: a page's bytes and its first paint have the network to themselves. The build
 * (src/build/passes/scripts-after-paint.ts) puts this loader where Astro wrote a module script, with
 * the script's URL in `PAGE_SCRIPT_ATTRIBUTE`; once the module has run, the loader gets
 * `PAGE_SCRIPT_RAN_ATTRIBUTE`. One text for every page, so the CSP holds one hash for it; hashed in
 * astro.config.mjs like the theme script.
 */
export const PAGE_SCRIPT_ATTRIBUTE = 'data-after-paint';
export const PAGE_SCRIPT_RAN_ATTRIBUTE = 'data-ran';

export const pageScriptLoader = `(s=>${afterFirstPaint(
  `import(s.getAttribute(${JSON.stringify(PAGE_SCRIPT_ATTRIBUTE)})).then(()=>s.setAttribute(${JSON.stringify(PAGE_SCRIPT_RAN_ATTRIBUTE)},""))`,
)})(document.currentScript)`;
